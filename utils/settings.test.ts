import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  parseSettingsFile,
  sanitizeSettings,
  settingsFile,
  settingsItem,
  updateSettings,
} from './settings';

describe('settings', () => {
  it('falls back field by field and says which field was bad', () => {
    const { settings, notes } = sanitizeSettings({
      ...DEFAULT_SETTINGS,
      sidebarMode: 'sideways',
      disabledCommunities: ['x'],
    });
    expect(settings.sidebarMode).toBe('tab');
    expect(settings.disabledCommunities).toEqual(['x']);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^settings\.sidebarMode:/);
  });

  it('reads a corrupt stored value as the defaults, without throwing', async () => {
    await settingsItem.setValue('garbage' as never);
    await expect(loadSettings()).resolves.toEqual(DEFAULT_SETTINGS);
  });

  it('round-trips an update through extension storage', async () => {
    await updateSettings((s) => ({ ...s, disabledCommunities: ['hackernews'] }));
    expect((await loadSettings()).disabledCommunities).toEqual(['hackernews']);
  });

  it('refuses an update that would store a bad value', async () => {
    await expect(updateSettings((s) => ({ ...s, syncEveryHours: -1 }))).rejects.toThrow(
      /syncEveryHours/,
    );
    expect((await loadSettings()).syncEveryHours).toBe(6);
  });

  it('exports and imports a settings file; a bad file changes nothing and says why', () => {
    const file = settingsFile({ ...DEFAULT_SETTINGS, minConfidence: 'linked' });
    const parsed = parseSettingsFile(file);
    expect(parsed.ok && parsed.settings.minConfidence).toBe('linked');
    expect(parseSettingsFile('{nope')).toMatchObject({ ok: false });
    expect(parseSettingsFile('{"format":"other"}')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^format:/),
    });
    const bad = parseSettingsFile(
      JSON.stringify({
        format: 'crosstalk.settings',
        settings: { indexSource: 'javascript:alert(1)' },
      }),
    );
    expect(bad.ok).toBe(false);
  });
});
