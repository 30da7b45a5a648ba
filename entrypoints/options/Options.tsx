/**
 * The options page: which communities show, how the sidebar appears, where the
 * index comes from, which sites Crosstalk reads, and what is stored. Every
 * change is written to the settings item at once; open tabs watch that item,
 * so a community switched off here leaves every open sidebar immediately.
 */
import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { PLATFORMS, type Community, type Platform } from '@/utils/index/schema';
import { t } from '@/utils/i18n';
import { askBackground, type IndexStatus } from '@/utils/messaging';
import {
  DEFAULT_SETTINGS,
  MAX_SYNC_HOURS,
  MIN_SYNC_HOURS,
  parseSettingsFile,
  settingsFile,
  settingsItem,
  type Settings,
} from '@/utils/settings';
import { formatDay } from '@/utils/story/format';
import * as state from './state';

function groupByPlatform(communities: readonly Community[]): [Platform, Community[]][] {
  const groups = new Map<Platform, Community[]>();
  for (const c of communities) groups.set(c.platform, [...(groups.get(c.platform) ?? []), c]);
  return PLATFORMS.filter((p) => groups.has(p)).map((p) => [p, groups.get(p)!]);
}

function describeStatus(status: IndexStatus): string {
  const when = status.lastSuccessAt ? formatDay(status.lastSuccessAt) : t('never');
  return t('indexStatusLine', [
    status.stories,
    status.bundled ? t('bundledIndex') : status.source,
    when,
  ]);
}

export function Options() {
  useEffect(state.startOptionsState, []);

  // Reading the signals here is what re-renders the page when they change.
  const settings = state.settings.value;
  if (!settings) return <main class="ct-options" aria-busy="true" />;
  const status = state.status.value;
  const message = state.message.value;
  const sourceDraft = state.sourceDraft.value;
  const usage = state.usage.value;
  const userSites = state.userSites.value;
  const { save } = state;

  const toggleCommunity = (id: string, on: boolean) =>
    save((s) => ({
      ...s,
      disabledCommunities: on
        ? s.disabledCommunities.filter((x) => x !== id)
        : [...new Set([...s.disabledCommunities, id])],
    }));

  const syncNow = async () => {
    state.message.value = null;
    const draft = sourceDraft.trim();
    if (draft !== (settings.indexSource ?? '')) {
      let url: URL | null = null;
      try {
        url = new URL(draft);
      } catch {
        url = null;
      }
      if (draft && (!url || (url.protocol !== 'https:' && url.protocol !== 'http:'))) {
        state.message.value = { text: t('badSourceUrl'), error: true };
        return;
      }
      await save((s) => ({ ...s, indexSource: draft || null }));
    }
    const before = state.status.value;
    state.status.value = before ? { ...before, syncing: true, progress: 0 } : before;
    const result = await askBackground('syncNow', {}).catch((e: Error) => {
      state.message.value = { text: e.message, error: true };
      return null;
    });
    if (result) state.status.value = result;
  };

  const useBundled = async () => {
    await save((s) => ({ ...s, indexSource: null }));
    state.sourceDraft.value = '';
    state.status.value = await askBackground('useBundledIndex', {});
  };

  const exportSettings = () => {
    const blob = new Blob([settingsFile(settings)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'crosstalk-settings.json';
    a.click();
    URL.revokeObjectURL(a.href);
  };

  const importSettings = async (file: File) => {
    const parsed = parseSettingsFile(await file.text());
    if (!parsed.ok) {
      state.message.value = { text: t('importFailed', [file.name, parsed.error]), error: true };
      return;
    }
    await settingsItem.setValue(parsed.settings);
    state.sourceDraft.value = parsed.settings.indexSource ?? '';
    state.message.value = { text: t('importDone', file.name), error: false };
  };

  const communities = status?.communities ?? [];
  return (
    <main class="ct-options">
      <h1>{t('optionsHeading')}</h1>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'ct-error' : ''}>
          {message.text}
        </p>
      )}

      <section aria-labelledby="h-communities">
        <h2 id="h-communities">{t('communitiesHeading')}</h2>
        <p class="ct-muted">{t('communitiesHelp')}</p>
        {groupByPlatform(communities).map(([platform, list]) => (
          <div key={platform}>
            <h3>{t(`platform_${platform}`)}</h3>
            <ul class="ct-switches">
              {list.map((c) => (
                <li key={c.id}>
                  <label>
                    <input
                      type="checkbox"
                      role="switch"
                      data-testid="ct-community-toggle"
                      data-community={c.id}
                      checked={!settings.disabledCommunities.includes(c.id)}
                      onChange={(e) =>
                        void toggleCommunity(c.id, (e.target as HTMLInputElement).checked)
                      }
                    />
                    {c.name}
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </section>

      <section aria-labelledby="h-sidebar">
        <h2 id="h-sidebar">{t('sidebarHeading')}</h2>
        <div class="ct-field">
          <label for="mode">{t('sidebarModeLabel')}</label>
          <select
            id="mode"
            value={settings.sidebarMode}
            onChange={(e) =>
              void save((s) => ({
                ...s,
                sidebarMode: (e.target as HTMLSelectElement).value as Settings['sidebarMode'],
              }))
            }
          >
            <option value="tab">{t('modeTab')}</option>
            <option value="open">{t('modeOpen')}</option>
            <option value="off">{t('modeOff')}</option>
          </select>
        </div>
        <div class="ct-field">
          <label for="confidence">{t('minConfidenceLabel')}</label>
          <select
            id="confidence"
            value={settings.minConfidence}
            onChange={(e) =>
              void save((s) => ({
                ...s,
                minConfidence: (e.target as HTMLSelectElement).value as Settings['minConfidence'],
              }))
            }
          >
            <option value="likely">{t('confidenceLikelyOption')}</option>
            <option value="linked">{t('confidenceLinkedOption')}</option>
          </select>
        </div>
      </section>

      <section aria-labelledby="h-index">
        <h2 id="h-index">{t('indexHeading')}</h2>
        <div class="ct-field">
          <label for="source">{t('sourceLabel')}</label>
          <input
            id="source"
            type="url"
            placeholder={t('sourcePlaceholder')}
            value={sourceDraft}
            onInput={(e) => (state.sourceDraft.value = (e.target as HTMLInputElement).value)}
          />
        </div>
        <div class="ct-field">
          <label for="hours">{t('scheduleLabel')}</label>
          <input
            id="hours"
            type="number"
            min={MIN_SYNC_HOURS}
            max={MAX_SYNC_HOURS}
            value={settings.syncEveryHours}
            onChange={(e) => {
              const hours = Number((e.target as HTMLInputElement).value);
              if (Number.isFinite(hours) && hours >= MIN_SYNC_HOURS && hours <= MAX_SYNC_HOURS) {
                void save((s) => ({ ...s, syncEveryHours: Math.round(hours) }));
              }
            }}
          />
        </div>
        <div class="ct-row-buttons">
          <button
            type="button"
            data-testid="ct-sync-now"
            onClick={() => void syncNow()}
            disabled={status?.syncing}
          >
            {t('syncNow')}
          </button>
          <button type="button" onClick={() => void useBundled()}>
            {t('backToBundled')}
          </button>
        </div>
        {status?.syncing && (
          <progress aria-label={t('syncProgress')} max={1} value={status.progress ?? undefined} />
        )}
        {status && (
          <p class="ct-status" data-testid="ct-index-status" role="status">
            {describeStatus(status)}
          </p>
        )}
        {status?.lastError && (
          <p class="ct-error" data-testid="ct-index-error">
            {t('lastError', status.lastError)}
          </p>
        )}
      </section>

      <section aria-labelledby="h-sites">
        <h2 id="h-sites">{t('sitesHeading')}</h2>
        <p class="ct-muted">{t('sitesHelp')}</p>
        <SiteList
          label={t('hiddenSites')}
          sites={settings.hiddenOnSites}
          onRemove={(host) =>
            void save((s) => ({ ...s, hiddenOnSites: s.hiddenOnSites.filter((x) => x !== host) }))
          }
        />
        <SiteList
          label={t('disabledSites')}
          sites={settings.disabledSites}
          onRemove={(host) =>
            void save((s) => ({ ...s, disabledSites: s.disabledSites.filter((x) => x !== host) }))
          }
        />
        <SiteList
          label={t('addedSites')}
          sites={userSites}
          onRemove={(pattern) =>
            void browser.permissions.remove({ origins: [pattern] }).then(state.refreshUserSites)
          }
        />
      </section>

      <section aria-labelledby="h-data">
        <h2 id="h-data">{t('dataHeading')}</h2>
        <p>
          {t('dataStored', [
            status?.stories ?? 0,
            usage === null ? '?' : (usage / 1048576).toFixed(1),
          ])}
        </p>
        <div class="ct-row-buttons">
          <button type="button" onClick={exportSettings}>
            {t('exportSettings')}
          </button>
          <label class="ct-file">
            {t('importSettings')}
            <input
              type="file"
              accept="application/json,.json"
              class="ct-visually-hidden"
              onChange={(e) => {
                const file = (e.target as HTMLInputElement).files?.[0];
                if (file) void importSettings(file);
              }}
            />
          </label>
          <button
            type="button"
            onClick={() =>
              void settingsItem
                .setValue(DEFAULT_SETTINGS)
                .then(() => (state.message.value = { text: t('settingsReset'), error: false }))
            }
          >
            {t('resetSettings')}
          </button>
        </div>
      </section>

      <section aria-labelledby="h-privacy">
        <h2 id="h-privacy">{t('privacyHeading')}</h2>
        <p>{t('privacyText')}</p>
      </section>
    </main>
  );
}

function SiteList(props: {
  label: string;
  sites: readonly string[];
  onRemove: (site: string) => void;
}) {
  if (props.sites.length === 0) return null;
  return (
    <>
      <h3>{props.label}</h3>
      <ul class="ct-sites">
        {props.sites.map((site) => (
          <li key={site}>
            {site}{' '}
            <button
              type="button"
              onClick={() => props.onRemove(site)}
              aria-label={t('removeSite', site)}
            >
              {t('remove')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
