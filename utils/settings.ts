/**
 * The reader's settings: one versioned storage item in extension storage
 * (shared by the background, the content scripts and the UI pages, and never
 * visible to a web page). Read values are validated: a bad stored value falls
 * back to the default, field by field, with a note, and never breaks a page.
 */
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { SETTINGS_STORAGE_KEY } from './messaging';
import { siteOf } from './sites';

export const SIDEBAR_MODES = ['tab', 'open', 'off'] as const;
export type SidebarMode = (typeof SIDEBAR_MODES)[number];

export const MIN_SYNC_HOURS = 1;
export const MAX_SYNC_HOURS = 24 * 7;

const SettingsSchema = v.object({
  /** Communities the reader turned off; everything else shows. */
  disabledCommunities: v.array(v.string()),
  /** How the sidebar appears when a story is found. */
  sidebarMode: v.picklist(SIDEBAR_MODES),
  /** 'linked': only pages a community links to; 'likely': also text matches. */
  minConfidence: v.picklist(['linked', 'likely']),
  /** The index source URL; null means the bundled index. */
  indexSource: v.nullable(
    v.pipe(
      v.string(),
      v.maxLength(2048),
      v.check((s) => /^https?:\/\/[^/\s]+/i.test(s) && URL.canParse(s), 'is not an http(s) URL'),
    ),
  ),
  syncEveryHours: v.pipe(v.number(), v.minValue(MIN_SYNC_HOURS), v.maxValue(MAX_SYNC_HOURS)),
  /** Default sites the reader turned off. */
  disabledSites: v.array(v.string()),
  /** Sites where the reader chose "hide on this site". */
  hiddenOnSites: v.array(v.string()),
  /** The open panel pushes the page aside (docked) or floats over it. */
  panelDocked: v.boolean(),
  /** "Not this story": page key (canonical URL) → story ids rejected there. */
  rejectedStories: v.record(v.string(), v.array(v.string())),
});

export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  disabledCommunities: [],
  sidebarMode: 'tab',
  minConfidence: 'likely',
  indexSource: null,
  syncEveryHours: 6,
  disabledSites: [],
  hiddenOnSites: [],
  panelDocked: false,
  rejectedStories: {},
};

/** Keep "not this story" bounded: the oldest page keys go first. */
export const MAX_REJECTED_PAGES = 500;

export const settingsItem = storage.defineItem<Settings>(`local:${SETTINGS_STORAGE_KEY}`, {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Field-by-field repair, so one bad field does not reset the others. */
export function sanitizeSettings(raw: unknown): { settings: Settings; notes: string[] } {
  const notes: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    if (raw !== null && raw !== undefined) notes.push('settings: not an object, defaults used');
    return { settings: { ...DEFAULT_SETTINGS }, notes };
  }
  const input = raw as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(SettingsSchema.entries) as (keyof Settings)[]) {
    const field = SettingsSchema.entries[key];
    if (!(key in input)) {
      out[key] = DEFAULT_SETTINGS[key];
      continue;
    }
    const parsed = v.safeParse(field, input[key]);
    if (parsed.success) out[key] = parsed.output;
    else {
      notes.push(`settings.${key}: ${parsed.issues[0].message}; the default is used`);
      out[key] = DEFAULT_SETTINGS[key];
    }
  }
  return { settings: out as Settings, notes };
}

export async function loadSettings(): Promise<Settings> {
  const raw = await settingsItem.getValue();
  const { settings, notes } = sanitizeSettings(raw);
  for (const note of notes) console.warn(`Crosstalk: ${note}`);
  return settings;
}

export async function updateSettings(change: (current: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings());
  const checked = sanitizeSettings(next);
  if (checked.notes.length) throw new Error(checked.notes.join('; '));
  await settingsItem.setValue(checked.settings);
  return checked.settings;
}

export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return settingsItem.watch((raw) => onChange(sanitizeSettings(raw).settings));
}

/** Parse an exported settings file; a bad file changes nothing and says why. */
export function parseSettingsFile(
  text: string,
): { ok: true; settings: Settings } | { ok: false; error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `not JSON: ${(e as Error).message}` };
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { format?: unknown }).format !== 'crosstalk.settings'
  ) {
    return {
      ok: false,
      error: 'format: not a Crosstalk settings file ("format": "crosstalk.settings")',
    };
  }
  const { settings, notes } = sanitizeSettings((data as { settings?: unknown }).settings);
  if (notes.length) return { ok: false, error: notes[0]! };
  return { ok: true, settings };
}

export function settingsFile(settings: Settings): string {
  return JSON.stringify({ format: 'crosstalk.settings', version: 1, settings }, null, 2);
}

/** The settings a page's sidebar needs, for the page at `url`. */
export function pageSettingsFor(
  settings: Settings,
  url: string,
): {
  allowed: boolean;
  sidebarMode: SidebarMode;
  disabledCommunities: string[];
  panelDocked: boolean;
} {
  const host = siteOf(url);
  return {
    allowed:
      host !== null &&
      settings.sidebarMode !== 'off' &&
      !settings.hiddenOnSites.includes(host) &&
      !settings.disabledSites.includes(host),
    sidebarMode: settings.sidebarMode,
    disabledCommunities: settings.disabledCommunities,
    panelDocked: settings.panelDocked,
  };
}

/** Remember "not this story" for a page, keeping the list bounded (oldest pages go first). */
export function withRejectedStory(settings: Settings, pageKey: string, storyId: string): Settings {
  const rejected = { ...settings.rejectedStories };
  const ids = rejected[pageKey] ?? [];
  delete rejected[pageKey];
  rejected[pageKey] = ids.includes(storyId) ? ids : [...ids, storyId];
  const keys = Object.keys(rejected);
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_REJECTED_PAGES)))
    delete rejected[old];
  return { ...settings, rejectedStories: rejected };
}
