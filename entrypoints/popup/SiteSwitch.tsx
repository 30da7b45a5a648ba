/**
 * Says plainly whether Crosstalk reads the current site, and switches it:
 * a default site is turned off or on in the settings; any other site is added
 * through an optional host permission (the browser asks the reader), and the
 * background reads its pages from then on, starting with the open tab.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '@/utils/i18n';
import { loadSettings, updateSettings } from '@/utils/settings';
import { isDefaultSite, siteOf } from '@/utils/sites';
import { patternForHost } from '@/utils/site-access';

type SiteState = 'default-on' | 'default-off' | 'added' | 'not-added' | 'unsupported';

async function stateOf(host: string | null): Promise<SiteState> {
  if (!host) return 'unsupported';
  const settings = await loadSettings();
  if (isDefaultSite(host))
    return settings.disabledSites.includes(host) ? 'default-off' : 'default-on';
  const granted = await browser.permissions.contains({ origins: [patternForHost(host)] });
  return granted ? 'added' : 'not-added';
}

export function SiteSwitch() {
  const [host, setHost] = useState<string | null>(null);
  const [state, setState] = useState<SiteState>('unsupported');

  const refresh = async (h: string | null) => setState(await stateOf(h));

  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(async ([tab]) => {
      const h = tab?.url ? siteOf(tab.url) : null;
      setHost(h);
      await refresh(h);
    });
  }, []);

  if (!host || state === 'unsupported') return null;

  const toggle = async () => {
    if (state === 'default-on' || state === 'default-off') {
      await updateSettings((s) => ({
        ...s,
        disabledSites:
          state === 'default-on'
            ? [...new Set([...s.disabledSites, host])]
            : s.disabledSites.filter((x) => x !== host),
      }));
    } else if (state === 'added') {
      await browser.permissions.remove({ origins: [patternForHost(host)] });
    } else {
      // Must run in the click's user gesture, which is why it is here and not in the background.
      await browser.permissions.request({ origins: [patternForHost(host)] });
    }
    await refresh(host);
  };

  const on = state === 'default-on' || state === 'added';
  return (
    <p class="ct-site" data-testid="ct-site-state">
      <span>{t(`siteState_${state.replace('-', '_')}`, host)}</span>
      <button type="button" class="ct-tool" onClick={() => void toggle()}>
        {on ? t('siteTurnOff') : t('siteTurnOn')}
      </button>
    </p>
  );
}
