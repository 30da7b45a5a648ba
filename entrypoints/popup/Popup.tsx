/**
 * The popup: search every story as you type, with the current tab's story on
 * top. A chosen story opens in the same StoryView the sidebar uses.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { Highlight } from '@/components/Highlight';
import { StoryView } from '@/components/StoryView';
import { t } from '@/utils/i18n';
import {
  askBackground,
  type IndexStatus,
  type MatchAnswer,
  type SearchHit,
  type StoryBundle,
} from '@/utils/messaging';
import { loadSettings, watchSettings } from '@/utils/settings';
import { formatDay } from '@/utils/story/format';
import { SiteSwitch } from './SiteSwitch';

const RESULT_LIMIT = 20;

async function currentTabMatch(): Promise<MatchAnswer['match']> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return null;
  // A tab on a site Crosstalk does not read has no answer (null).
  const answer = await askBackground('matchTab', { tabId: tab.id });
  return answer?.match ?? null;
}

export function Popup() {
  const [query, setQuery] = useState('');
  const [topic, setTopic] = useState('');
  const [community, setCommunity] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [selected, setSelected] = useState(0);
  const [chosen, setChosen] = useState<StoryBundle | null>(null);
  const [current, setCurrent] = useState<MatchAnswer['match']>(null);
  const [status, setStatus] = useState<IndexStatus | null>(null);
  const [disabled, setDisabled] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const searchId = useRef(0);

  useEffect(() => {
    void askBackground('indexStatus', {}).then(setStatus, (e: Error) => setError(e.message));
    void currentTabMatch().then(setCurrent, () => setCurrent(null));
    void loadSettings().then((s) => setDisabled(new Set(s.disabledCommunities)));
    return watchSettings((s) => setDisabled(new Set(s.disabledCommunities)));
  }, []);

  /**
   * Asked straight from the input handler, not from an effect: Preact runs effects only after
   * the next frame, which would hold every keystroke's search back by a frame.
   */
  const search = (next: { query: string; topic: string; community: string }) => {
    const id = ++searchId.current;
    if (!next.query.trim()) {
      setHits([]);
      return;
    }
    askBackground('search', {
      query: next.query,
      topic: next.topic || null,
      community: next.community || null,
      limit: RESULT_LIMIT,
    }).then(
      (result) => {
        // Only the answer to the latest keystroke is shown.
        if (id === searchId.current) {
          setHits(result);
          setSelected(0);
        }
      },
      (e: Error) => setError(e.message),
    );
  };

  const open = (id: string) => {
    void askBackground('getStory', { id }).then((bundle) => bundle && setChosen(bundle));
  };

  if (chosen) {
    return (
      <main class="ct-popup">
        <button type="button" class="ct-link-button" onClick={() => setChosen(null)}>
          ← {t('backToSearch')}
        </button>
        <StoryView
          bundle={chosen}
          disabled={disabled}
          onOpenRelated={open}
          titleId="ct-chosen-title"
        />
      </main>
    );
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setSelected((i) => Math.min(hits.length - 1, i + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setSelected((i) => Math.max(0, i - 1));
    } else if (e.key === 'Enter' && hits[selected]) {
      e.preventDefault();
      open(hits[selected]!.id);
    }
  };

  const communityName = new Map(status?.communities.map((c) => [c.id, c.name]) ?? []);

  return (
    <main class="ct-popup">
      <h1>{t('popupHeading')}</h1>
      {current && (
        <section
          class="ct-current"
          aria-label={t('currentTabStory')}
          data-testid="ct-current-story"
        >
          <p class="ct-current-label">{t('currentTabStory')}</p>
          <button type="button" class="ct-link-button" onClick={() => setChosen(current)}>
            {current.story.title}
          </button>
        </section>
      )}
      <label class="ct-visually-hidden" for="ct-search">
        {t('searchLabel')}
      </label>
      <input
        id="ct-search"
        class="ct-search"
        type="search"
        data-testid="ct-search"
        placeholder={t('searchPlaceholder', status?.stories ?? 0)}
        value={query}
        autoFocus
        role="combobox"
        aria-expanded={hits.length > 0}
        aria-controls="ct-results"
        aria-activedescendant={hits[selected] ? `ct-hit-${selected}` : undefined}
        onInput={(e) => {
          const value = (e.target as HTMLInputElement).value;
          setQuery(value);
          search({ query: value, topic, community });
        }}
        onKeyDown={onKeyDown}
      />
      <div class="ct-filters">
        <select
          aria-label={t('filterTopic')}
          value={topic}
          onChange={(e) => {
            const value = (e.target as HTMLSelectElement).value;
            setTopic(value);
            search({ query, topic: value, community });
          }}
        >
          <option value="">{t('allTopics')}</option>
          {status?.topics.map((x) => (
            <option key={x.id} value={x.id}>
              {x.label}
            </option>
          ))}
        </select>
        <select
          aria-label={t('filterCommunity')}
          value={community}
          onChange={(e) => {
            const value = (e.target as HTMLSelectElement).value;
            setCommunity(value);
            search({ query, topic, community: value });
          }}
        >
          <option value="">{t('allCommunities')}</option>
          {status?.communities.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      {error && <p role="alert">{error}</p>}
      <ul id="ct-results" class="ct-results" role="listbox" aria-label={t('searchResults')}>
        {hits.map((hit, i) => (
          <li
            key={hit.id}
            id={`ct-hit-${i}`}
            class="ct-result"
            role="option"
            aria-selected={i === selected}
            data-testid="ct-search-result"
            onClick={() => open(hit.id)}
          >
            <div class="ct-result-title" dir="auto">
              <Highlight text={hit.title} terms={hit.terms} />
            </div>
            <div class="ct-result-meta">
              {formatDay(hit.lastSeen)} ·{' '}
              {hit.communities.map((c) => communityName.get(c) ?? c).join(', ')}
            </div>
          </li>
        ))}
      </ul>
      {query.trim() && hits.length === 0 && <p class="ct-result-meta">{t('noResults')}</p>}
      <SiteSwitch />
    </main>
  );
}
