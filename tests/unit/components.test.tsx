// @vitest-environment jsdom
/**
 * Every shared component rendered with a real story from the bundled index,
 * then checked with axe-core: no serious or critical violation. The index is
 * committed (public/story-index.json), so these run on a clean clone.
 */
import axe from 'axe-core';
import { readFileSync } from 'node:fs';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CommunityRow } from '@/components/CommunityRow';
import { SafeLink } from '@/components/SafeLink';
import { SentimentBar } from '@/components/SentimentBar';
import { Sidebar } from '@/components/Sidebar';
import { Sparkline } from '@/components/Sparkline';
import { StoryView } from '@/components/StoryView';
import type { StoryIndex } from '@/utils/index/schema';
import type { StoryBundle } from '@/utils/messaging';

const index = JSON.parse(readFileSync('public/story-index.json', 'utf8')) as StoryIndex;
const story = [...index.stories].sort((a, b) => b.reactions.length - a.reactions.length)[0]!;
const bundle: StoryBundle = {
  story,
  communities: index.communities,
  topics: index.topics,
  related: [],
};

let container: HTMLElement;
function mount(node: preact.ComponentChild): HTMLElement {
  container = document.createElement('main');
  document.body.appendChild(container);
  render(node, container);
  return container;
}
afterEach(() => {
  render(null, container);
  container.remove();
});

async function seriousViolations(root: HTMLElement): Promise<string[]> {
  // jsdom cannot paint, so colour contrast is left to the e2e runs in real browsers.
  const result = await axe.run(root, {
    resultTypes: ['violations'],
    rules: { 'color-contrast': { enabled: false } },
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

const noop = () => undefined;

describe('components', () => {
  it('StoryView shows one row per enabled community, ordered by volume, accessibly', async () => {
    const root = mount(
      <StoryView bundle={bundle} confidence="likely" disabled={new Set()} titleId="t" />,
    );
    const rows = [...root.querySelectorAll('[data-testid="ct-community-row"]')];
    expect(rows.map((r) => r.getAttribute('data-community'))).toEqual(
      [...story.reactions]
        .sort((a, b) => b.posts - a.posts || b.engagement - a.engagement)
        .map((r) => r.community),
    );
    expect(root.querySelector('[data-testid="ct-story-title"]')?.textContent).toBe(story.title);
    expect(await seriousViolations(root)).toEqual([]);
  });

  it('StoryView leaves out a disabled community and does not call it silent', () => {
    const off = story.reactions[0]!.community;
    const root = mount(<StoryView bundle={bundle} disabled={new Set([off])} />);
    expect(root.querySelector(`[data-community="${off}"]`)).toBeNull();
    expect(root.querySelector('[data-testid="ct-silent"]')?.textContent ?? '').not.toContain(
      index.communities.find((c) => c.id === off)!.name,
    );
  });

  it('CommunityRow links its best quote to the original post', async () => {
    const reaction = story.reactions.find((r) => r.quotes.length > 0)!;
    const community = index.communities.find((c) => c.id === reaction.community)!;
    const root = mount(
      <ul>
        <CommunityRow community={community} reaction={reaction} />
      </ul>,
    );
    const best = [...reaction.quotes].sort((a, b) => b.score - a.score)[0]!;
    const link = root.querySelector<HTMLAnchorElement>('[data-testid="ct-quote"] a')!;
    expect(link.href).toBe(new URL(best.url).href);
    expect(link.rel).toBe('noopener noreferrer');
    expect(root.querySelector('[data-testid="ct-quote"] p')?.textContent).toBe(best.text);
    expect(await seriousViolations(root)).toEqual([]);
  });

  it('SentimentBar tells a screen reader its numbers', async () => {
    const root = mount(
      <SentimentBar sentiment={{ positive: 0.41, neutral: 0.33, negative: 0.26 }} />,
    );
    const bar = root.querySelector('[role="img"]')!;
    expect(bar.getAttribute('aria-label')).toContain('41');
    expect(bar.getAttribute('aria-label')).toContain('26');
    expect(await seriousViolations(root)).toEqual([]);
  });

  it('Sparkline draws one point per day, labelled', async () => {
    const root = mount(
      <Sparkline
        timeline={[
          { day: '2025-08-05', posts: 3 },
          { day: '2025-08-06', posts: 9 },
          { day: '2025-08-08', posts: 1 },
        ]}
      />,
    );
    const line = root.querySelector('polyline')!;
    expect(line.getAttribute('points')!.split(' ')).toHaveLength(3);
    expect(await seriousViolations(root)).toEqual([]);
  });

  it('SafeLink renders only http(s) links; anything else is text', () => {
    const root = mount(
      <p>
        <SafeLink href="javascript:alert(1)">bad</SafeLink>
        <SafeLink href="data:text/html,hi">data</SafeLink>
        <SafeLink href="https://example.org/a">good</SafeLink>
      </p>,
    );
    const links = [...root.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).toEqual(['good']);
  });

  it('markup in an index string is shown as inert text', () => {
    const hostile = { ...story, title: '<img src=x onerror=alert(1)>Title' };
    const root = mount(<StoryView bundle={{ ...bundle, story: hostile }} disabled={new Set()} />);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('[data-testid="ct-story-title"]')?.textContent).toBe(hostile.title);
  });

  it('Sidebar: the closed tab counts the communities, opens, and is accessible both ways', async () => {
    let opened = false;
    const closedRoot = mount(
      <Sidebar
        bundle={bundle}
        confidence="linked"
        matchedTitle={null}
        open={false}
        docked={false}
        disabled={new Set()}
        onOpen={() => (opened = true)}
        onClose={noop}
        onToggleDock={noop}
        onReject={noop}
        onHideSite={noop}
        onOpenRelated={noop}
        onBack={noop}
      />,
    );
    const tab = closedRoot.querySelector<HTMLButtonElement>('[data-testid="ct-tab"]')!;
    expect(tab.textContent).toContain(String(story.reactions.length));
    tab.click();
    expect(opened).toBe(true);
    expect(await seriousViolations(closedRoot)).toEqual([]);
    render(null, container);
    container.remove();
    let closed = false;
    const openRoot = mount(
      <Sidebar
        bundle={bundle}
        confidence="linked"
        matchedTitle={null}
        open
        docked={false}
        disabled={new Set()}
        onOpen={noop}
        onClose={() => (closed = true)}
        onToggleDock={noop}
        onReject={noop}
        onHideSite={noop}
        onOpenRelated={noop}
        onBack={noop}
      />,
    );
    const panel = openRoot.querySelector<HTMLElement>('[data-testid="ct-panel"]')!;
    panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(closed).toBe(true);
    expect(await seriousViolations(openRoot)).toEqual([]);
  });
});

describe('Highlight', () => {
  it('marks whole matched words, model names included, as text', async () => {
    const { Highlight } = await import('@/components/Highlight');
    const { createStorySearch } = await import('@/utils/match/search');
    const hit = createStorySearch(index.stories).search('gpt-5', { limit: 1 })[0]!;
    const root = mount(
      <p>
        <Highlight text="OpenAI ships GPT-5 <b>today</b>" terms={hit.terms} />
      </p>,
    );
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['GPT-5']);
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toBe('OpenAI ships GPT-5 <b>today</b>');
  });
});
