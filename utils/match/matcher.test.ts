import { describe, expect, it } from 'vitest';
import { createMatcher, DEFAULT_TEXT_THRESHOLD, FIRST_DAY_THRESHOLD } from './matcher';
import { makePage, makeStory, STORIES } from './story-fixtures';

const AI = { ai: true, score: 0.9, topics: ['model-releases'] };
const NOT_AI = { ai: false, score: 0.05, topics: [] };

describe('createMatcher: links', () => {
  const matcher = createMatcher(STORIES);

  it('counts the stories it holds', () => {
    expect(matcher.size).toBe(STORIES.length);
  });

  it('links a page whose address is a story URL in another form', () => {
    const page = makePage({
      url: 'https://old.reddit.com/r/LocalLLaMA/comments/1mieyo6/x/?utm_source=share',
    });
    expect(matcher.match(page, NOT_AI)).toMatchObject({ storyId: 'gpt-oss', confidence: 'linked' });
  });

  it('links by rel=canonical when the address itself is unknown', () => {
    const page = makePage({
      url: 'https://mirror.example.net/a?id=9',
      canonicalUrl: 'http://www.openai.com/index/introducing-gpt-5',
    });
    expect(matcher.match(page, NOT_AI)).toMatchObject({
      storyId: 'gpt-5-launch',
      confidence: 'linked',
    });
  });

  it('links a forum thread by the link it discusses', () => {
    const page = makePage({
      kind: 'hn',
      url: 'https://news.ycombinator.com/item?id=1',
      discussedUrl: 'https://lilianweng.github.io/posts/2025-05-01-thinking/#test-time-compute',
    });
    const match = matcher.match(page, AI);
    expect(match).toMatchObject({ storyId: 'why-we-think', confidence: 'linked', score: 1 });
    expect(match?.why).toContain('discussed link');
  });

  it('links an HN thread by its item id whatever the extra parameters', () => {
    const page = makePage({ kind: 'hn', url: 'https://news.ycombinator.com/item?id=44826997&p=2' });
    expect(matcher.match(page, AI)?.storyId).toBe('gpt-5-launch');
  });

  it('never links on a bare site root, which names no story', () => {
    const stories = [makeStory({ id: 'root', title: 'Something', urls: ['https://openai.com/'] })];
    const page = makePage({ url: 'https://openai.com/' });
    expect(createMatcher(stories).match(page, NOT_AI)).toBeNull();
  });

  it('gives the more recent story when two share a link', () => {
    const url = 'https://example.com/shared';
    const stories = [
      makeStory({ id: 'old', title: 'A', urls: [url], lastSeen: '2025-01-01T00:00:00Z' }),
      makeStory({ id: 'new', title: 'B', urls: [url], lastSeen: '2025-06-01T00:00:00Z' }),
      makeStory({ id: 'older', title: 'C', urls: [url], lastSeen: '2024-01-01T00:00:00Z' }),
    ];
    expect(createMatcher(stories).match(makePage({ url }), NOT_AI)?.storyId).toBe('new');
  });
});

describe('createMatcher: text', () => {
  const matcher = createMatcher(STORIES);

  it('finds the story of an article that covers it', () => {
    const page = makePage({
      title: 'OpenAI launches GPT-5 for all ChatGPT users',
      description: 'The new model routes between a fast mode and deeper reasoning.',
      lead: 'OpenAI on Thursday released GPT-5, which Sam Altman called its smartest model yet. It replaces GPT-4o in ChatGPT.',
    });
    const match = matcher.match(page, AI);
    expect(match).toMatchObject({ storyId: 'gpt-5-launch', confidence: 'likely' });
    expect(match?.why).toContain('GPT-5');
  });

  it('does not take GPT-4 for GPT-5: the model name must be met whole', () => {
    const page = makePage({
      title: 'OpenAI unveils GPT-4 with image input',
      lead: 'OpenAI released GPT-4 today, a large multimodal model for ChatGPT Plus users, with a launch router and reasoning benchmarks.',
    });
    expect(matcher.match(page, AI)?.storyId).not.toBe('gpt-5-launch');
  });

  it('is not put off by another version the story itself mentions', () => {
    const stories = [
      makeStory({
        id: 'gpt-5-vs-4o',
        title: 'GPT-5 arrives, GPT-4o retired',
        entities: ['GPT-5', 'GPT-4o', 'OpenAI'],
        keywords: ['launch'],
      }),
    ];
    const page = makePage({ title: 'A chart from the GPT-5 reveal', lead: 'GPT-5 launch chart.' });
    expect(createMatcher(stories).match(page, AI)?.storyId).toBe('gpt-5-vs-4o');
    const other = makePage({
      title: 'A chart from the GPT-5.5 reveal',
      lead: 'GPT-5.5 launch chart.',
    });
    expect(createMatcher(stories).match(other, AI)).toBeNull();
  });

  it('does not match a page published long before the story began', () => {
    const page = makePage({
      title: 'OpenAI launches GPT-5 for all ChatGPT users',
      lead: 'OpenAI released GPT-5.',
      publishedAt: '2024-01-10T00:00:00Z',
    });
    expect(matcher.match(page, AI)).toBeNull();
    expect(matcher.match({ ...page, publishedAt: '2025-08-08T00:00:00Z' }, AI)?.storyId).toBe(
      'gpt-5-launch',
    );
  });

  it('matches gpt-oss when the page names a size of it', () => {
    const page = makePage({
      title: 'Running gpt-oss-120b on a single GPU',
      lead: 'OpenAI’s open-weight gpt-oss-120b runs on one 80 GB GPU thanks to MXFP4 mixture of experts weights.',
    });
    expect(matcher.match(page, AI)?.storyId).toBe('gpt-oss');
  });

  it('weighs a page that is only a title by how much of that title the story holds', () => {
    const soon = makeStory({
      id: 'gpt-5-soon',
      title: 'OpenAI prepares to launch GPT-5 in August, with mini and nano versions for the API',
      summary: 'Leaks and teasers point to an August launch.',
      entities: ['OpenAI', 'GPT-5'],
      keywords: ['leaks', 'august'],
      firstSeen: '2025-07-19T00:00:00Z',
      lastSeen: '2025-07-25T00:00:00Z',
    });
    const m = createMatcher([soon, ...STORIES.filter((s) => s.id !== 'gpt-5-launch')]);
    // An HN link post: its title is all the page holds, and the story holds all of it.
    const post = makePage({ kind: 'hn', title: 'The latest GPT-5 leaks and teasers' });
    expect(m.match(post, AI)?.storyId).toBe('gpt-5-soon');
    // The same title over a text that shares nothing with the story is scored both ways.
    const article = { ...post, lead: 'Some text about something else entirely, nothing shared.' };
    expect(m.match(article, AI)).toBeNull();
  });

  it("counts a page title's word that only a story's summary holds as half held", () => {
    const launch = makeStory({
      id: 'qwen-coder-launch',
      title: 'Qwen3-Coder is here!',
      entities: ['Qwen3-Coder'],
      summary: 'Our most powerful agentic code model to date.',
    });
    const bench = makeStory({ id: 'bench', title: 'Coding benchmarks for agents are broken' });
    const m = createMatcher([launch, bench, ...STORIES]);
    const lead = 'I want to know how qwen3-coder and the others compare.';
    // "date" is the launch's only word in this title, and only its summary has it.
    const question = makePage({ kind: 'reddit', title: 'Any up to date coding benchmarks?', lead });
    expect(m.match(question, AI)).toBeNull();
    const about = makePage({ kind: 'reddit', title: 'Qwen3-Coder is here and powerful', lead });
    expect(m.match(about, AI)?.storyId).toBe('qwen-coder-launch');
  });

  it("asks more of a page that names the story's subject only in its text, not its title", () => {
    const strict = createMatcher(STORIES, { threshold: 0.85 });
    const lead = 'Kimi K2 from Moonshot AI is open weights and cheap, a trillion-parameter MoE.';
    const replies = makePage({ kind: 'reddit', title: 'Open source vs expensive models', lead });
    const [trace] = strict.explain(replies);
    expect(trace?.storyId).toBe('kimi-k2');
    // The covers alone would clear the threshold; the subject only in the replies does not.
    const f1 = (2 * trace!.storyCover * trace!.pageCover) / (trace!.storyCover + trace!.pageCover);
    expect(f1).toBeGreaterThan(0.85);
    expect(strict.match(replies, AI)).toBeNull();
    const titled = makePage({
      kind: 'reddit',
      title: 'Kimi K2: open source vs expensive models',
      lead,
    });
    expect(strict.match(titled, AI)?.storyId).toBe('kimi-k2');
  });

  it('shows nothing for a page that is not about AI, whatever its words', () => {
    const page = makePage({
      title: 'OpenAI releases GPT-5',
      lead: 'OpenAI launched GPT-5 to ChatGPT users.',
    });
    expect(matcher.match(page, NOT_AI)).toBeNull();
  });

  it("asks less of a page published on a story's first day than of one written later", () => {
    const comet = makeStory({
      id: 'comet',
      title:
        'Comet, the agentic web browser by Perplexity, rolls out to Max subscribers on desktop and Android',
      entities: ['Perplexity', 'Comet'],
      keywords: ['browser', 'comet'],
      firstSeen: '2025-07-09T00:00:00Z',
      lastSeen: '2025-07-12T00:00:00Z',
    });
    const m = createMatcher([...STORIES, comet]);
    const at = (publishedAt: string | null) =>
      makePage({
        title: 'Perplexity Comet thoughts',
        lead: 'I spent the afternoon with it. Tabs, search and the sidebar.',
        publishedAt,
      });
    const [trace] = m.explain(at(null));
    expect(trace?.storyId).toBe('comet');
    expect(trace?.score).toBeGreaterThanOrEqual(FIRST_DAY_THRESHOLD);
    expect(trace?.score).toBeLessThan(DEFAULT_TEXT_THRESHOLD);
    const firstDay = at('2025-07-09T15:00:00Z');
    expect(m.match(firstDay, AI)?.storyId).toBe('comet');
    // The bound that spares full readings must leave such a page its chance.
    expect(m.couldMatchByText(firstDay)).toBe(true);
    expect(m.match(at('2025-07-11T15:00:00Z'), AI)).toBeNull();
    expect(m.match(at('2025-07-08T20:00:00Z'), AI)).toBeNull();
    expect(m.match(at(null), AI)).toBeNull();
    // Without the first day's allowance the same page shows nothing.
    const plain = createMatcher([...STORIES, comet], { firstDayThreshold: DEFAULT_TEXT_THRESHOLD });
    expect(plain.match(firstDay, AI)).toBeNull();
  });

  it('lets the talk of a small story fade two weeks after its last post, not a big one', () => {
    const tesla = (posts: number) => {
      const story = makeStory({
        id: `fsd-${posts}`,
        title: '1966 Ford Mustang converted into a Tesla with working Full Self-Driving',
        entities: ['Tesla'],
        keywords: ['mustang', 'self-driving'],
        firstSeen: '2026-05-04T00:00:00Z',
        lastSeen: '2026-05-04T00:00:00Z',
      });
      return { ...story, reactions: story.reactions.map((r) => ({ ...r, posts })) };
    };
    const page = (publishedAt: string) =>
      makePage({
        title: "Tesla presented misleading 'Full Self-Driving' safety data to regulators",
        lead: 'Documents show Tesla selected crash data for its Full Self-Driving software.',
        publishedAt,
      });
    const small = createMatcher([...STORIES, tesla(1)]);
    const [trace] = small.explain(page('2026-05-10T12:00:00Z'));
    expect(trace?.score).toBeGreaterThanOrEqual(DEFAULT_TEXT_THRESHOLD);
    expect(trace?.score).toBeLessThan(0.8);
    // Within two weeks of its one post: still its story.
    expect(small.match(page('2026-05-10T12:00:00Z'), AI)?.storyId).toBe('fsd-1');
    // Weeks later, the same words are about something else.
    expect(small.match(page('2026-06-15T12:00:00Z'), AI)).toBeNull();
    expect(small.explain(page('2026-06-15T12:00:00Z'))[0]?.rejected).toBe(
      'a small story, weeks after its last post',
    );
    // A big story is still talked about then.
    const big = createMatcher([...STORIES, tesla(120)]);
    expect(big.match(page('2026-06-15T12:00:00Z'), AI)?.storyId).toBe('fsd-120');
    // And a page whose title nearly is the small story's still matches it.
    const same = makePage({
      title: 'Ford Mustang from 1966 converted into a Tesla, with working Full Self-Driving',
      lead: 'A restomod with a Tesla drivetrain.',
      publishedAt: '2026-06-15T12:00:00Z',
    });
    expect(small.match(same, AI)?.storyId).toBe('fsd-1');
  });

  it('matches a page the classifier doubts only when its title nearly coincides with the story', () => {
    const stories = [
      makeStory({
        id: 'chatterbox',
        title: 'Chatterbox TTS, an open-source voice cloning model from Resemble AI',
        entities: ['Chatterbox', 'Resemble AI'],
        keywords: ['tts', 'voice cloning'],
      }),
    ];
    const m = createMatcher(stories);
    const doubted = { ai: false, score: 0.4, topics: [] };
    const same = makePage({
      kind: 'reddit',
      title: 'Chatterbox TTS: open-source voice cloning from Resemble AI',
    });
    const [sameTrace] = m.explain(same);
    expect(sameTrace?.score).toBeGreaterThanOrEqual(0.8);
    expect(m.match(same, doubted)?.storyId).toBe('chatterbox');
    // Below the doubt line, the same title shows nothing.
    expect(m.match(same, { ...doubted, score: 0.3 })).toBeNull();
    // A doubted page that clears the usual threshold but not the near-coincidence bar.
    const near = makePage({ kind: 'reddit', title: 'Chatterbox voice cloning in my game' });
    const [nearTrace] = m.explain(near);
    expect(nearTrace?.rejected).toBeNull();
    expect(nearTrace?.score).toBeGreaterThanOrEqual(DEFAULT_TEXT_THRESHOLD);
    expect(nearTrace?.score).toBeLessThan(0.8);
    expect(m.match(near, AI)?.storyId).toBe('chatterbox');
    expect(m.match(near, doubted)).toBeNull();
  });

  it('shows nothing when the page shares words but no entity with any story', () => {
    const page = makePage({
      title: 'Why we think slowly: reasoning and test-time decisions in chess',
      lead: 'A chess coach on thinking longer, reasoning, and compute in the mind.',
    });
    expect(matcher.match(page, AI)).toBeNull();
  });

  it('shows nothing for an AI page about a story the index does not hold', () => {
    const page = makePage({
      title: 'Google DeepMind unveils Genie 3 world model',
      lead: 'Genie 3 generates interactive 3D environments in real time from a text prompt, DeepMind said.',
    });
    expect(matcher.match(page, AI)).toBeNull();
  });

  it('shows nothing for an empty page', () => {
    expect(matcher.match(makePage(), AI)).toBeNull();
  });

  it('breaks a tie by recency', () => {
    const twin = {
      title: 'Acme ships Widget-9 model',
      summary: 'Acme released Widget-9.',
      entities: ['Acme', 'Widget-9'],
      keywords: ['release'],
    };
    const stories = [
      makeStory({ id: 'earlier', ...twin, lastSeen: '2025-03-01T00:00:00Z' }),
      makeStory({ id: 'later', ...twin, lastSeen: '2025-04-01T00:00:00Z' }),
    ];
    const page = makePage({ title: 'Acme ships Widget-9 model', lead: 'Acme released Widget-9.' });
    expect(createMatcher(stories).match(page, AI)?.storyId).toBe('later');
    expect(createMatcher([...stories].reverse()).match(page, AI)?.storyId).toBe('later');
  });

  it('follows the threshold it is given', () => {
    const page = makePage({ title: 'Kimi K2 from Moonshot AI', lead: 'Kimi K2 is out.' });
    expect(createMatcher(STORIES, { threshold: 0 }).match(page, AI)?.storyId).toBe('kimi-k2');
    expect(createMatcher(STORIES, { threshold: 1e9 }).match(page, AI)).toBeNull();
  });

  it('works on an empty index', () => {
    const matcher = createMatcher([]);
    expect(matcher.size).toBe(0);
    expect(matcher.match(makePage({ title: 'GPT-5' }), AI)).toBeNull();
  });
});

describe('createMatcher: what a story is about', () => {
  const qwenStories = ['Qwen3 tops the chart', 'Qwen2.5 fine-tunes', 'Qwen3 on a laptop'].map(
    (title, i) => makeStory({ id: `qwen-${i}`, title, entities: ['Qwen'] }),
  );
  const stories = [
    makeStory({
      id: 'hunyuan',
      title: 'Hunyuan-A13B released',
      entities: ['Hunyuan', 'Qwen', 'Llama 4'],
      keywords: ['hunyuan-a13b'],
    }),
    makeStory({
      id: 'qwen-image',
      title: 'Qwen-Image is out',
      entities: ['Qwen'],
      keywords: ['qwen-image'],
    }),
    ...qwenStories,
  ];
  const matcher = createMatcher(stories);

  it('matches on the model the story is about, written apart or joined', () => {
    const page = makePage({ title: 'Hunyuan A13B released: first impressions' });
    expect(matcher.match(page, AI)?.storyId).toBe('hunyuan');
  });

  it('does not match on a model the story only mentions in its threads', () => {
    const story = makeStory({
      id: 'big',
      title: 'Big open model released today',
      entities: ['Tencent', 'Llama 4'],
    });
    const page = makePage({ title: 'Llama 4 released today' });
    expect(createMatcher([story]).match(page, AI)).toBeNull();
  });

  it("takes the story's own longer name for a common entity as its subject", () => {
    // Qwen alone is named by most of these stories; "Qwen-Image" picks one out.
    expect(matcher.match(makePage({ title: 'Qwen-Image is out now' }), AI)?.storyId).toBe(
      'qwen-image',
    );
  });

  it('matches a story about a common entity only on a nearly identical title that names it', () => {
    // Meta is named by most of these stories, so it cannot pick one out alone.
    const meta = [
      'Meta ships new glasses',
      'Meta hires researchers',
      'Meta opens a data centre',
    ].map((title, i) => makeStory({ id: `meta-${i}`, title, entities: ['Meta'] }));
    const lab = makeStory({
      id: 'meta-lab',
      title: 'Meta’s new superintelligence lab is discussing major strategy changes',
      entities: ['Meta', 'Llama'],
      keywords: ['superintelligence', 'strategy'],
    });
    const m = createMatcher([lab, ...meta]);
    const same = makePage({
      title: "Meta's New Superintelligence Lab Is Discussing Major A.I. Strategy Changes",
    });
    expect(m.match(same, AI)?.storyId).toBe('meta-lab');
    const loose = makePage({ title: 'Meta’s superintelligence lab hires again' });
    expect(m.match(loose, AI)).toBeNull();
    // The title must name the common subject itself, not only share its words.
    const unnamed = makePage({
      title: 'New superintelligence lab is discussing major strategy changes',
      lead: 'Meta and others.',
    });
    expect(m.match(unnamed, AI)).toBeNull();
  });

  it('takes a rare name its title writes as its subject when no entity holds it', () => {
    const epfl = makeStory({
      id: 'epfl',
      title: 'ETH Zurich and EPFL to release an LLM developed on public infrastructure',
      entities: ['Nvidia', 'OpenAI'],
      keywords: ['epfl', 'zurich', 'public'],
    });
    const others = ['Nvidia earnings beat', 'Nvidia ships a new GPU', 'OpenAI hires'].map(
      (title, i) => makeStory({ id: `other-${i}`, title, entities: ['Nvidia', 'OpenAI'] }),
    );
    const m = createMatcher([epfl, ...others]);
    const page = makePage({ title: 'EPFL will release a fully open-source LLM trained in Zurich' });
    expect(m.match(page, AI)?.storyId).toBe('epfl');
    // A word of its title that is not written as a name, or that its keywords do not hold, is no subject.
    const plain = makePage({ title: 'A fully open LLM developed on public infrastructure' });
    expect(m.match(plain, AI)).toBeNull();
  });

  it('matches a story whose title names no entity on a nearly identical title, whatever its threads named', () => {
    const hrm = makeStory({
      id: 'hrm',
      title: 'New AI architecture delivers 100x faster reasoning than LLMs with 1,000 examples',
      entities: ['OpenAI', 'Sam Altman'],
    });
    const m = createMatcher([hrm, ...STORIES]);
    const page = makePage({
      title: 'New AI architecture delivers 100x faster reasoning with just 1,000 examples',
    });
    expect(m.match(page, AI)?.storyId).toBe('hrm');
    // Words no story holds count against the titles coinciding.
    const other = makePage({
      title: 'New AI architecture delivers 100x faster chess engines for grandmasters',
    });
    expect(m.match(other, AI)).toBeNull();
  });

  it('checks versions of the subject only, not of models the threads compared it with', () => {
    const ernie = makeStory({
      id: 'ernie',
      title: 'Baidu releases ERNIE 4.5 models',
      entities: ['Baidu', 'ERNIE 4.5', 'Qwen3'],
    });
    const m = createMatcher([ernie, ...qwenStories]);
    const page = makePage({
      title: 'Baidu releases ERNIE 4.5 models: support merged',
      lead: 'Faster than Qwen2.5 in my tests.',
    });
    expect(m.match(page, AI)?.storyId).toBe('ernie');
    const other = makePage({ title: 'Baidu releases ERNIE 5 models' });
    expect(m.match(other, AI)).toBeNull();
  });
});

describe("createMatcher: a rare keyword named in the story's burst", () => {
  const pangu = makeStory({
    id: 'pangu-fraud',
    // As in the index: a title-cased title, whose capitals name nothing, and entities that are
    // the models its repliers named, not its subject.
    title: "Huawei's Pangu AI Rocked by Unverified Claims of Fraud from Alleged Team Member",
    entities: ['DeepSeek', 'Qwen'],
    keywords: ['pangu', 'fraud', 'unverified'],
    firstSeen: '2025-07-06T10:00:00Z',
    lastSeen: '2025-07-07T10:00:00Z',
  });
  const m = createMatcher([...STORIES, pangu]);
  const asked = (title: string, publishedAt: string | null) =>
    makePage({ title, publishedAt, lead: 'Thoughts on the claims against the model team.' });
  const named = "What do you think of Huawei's Pangu model and the fraud claims?";

  it('stands for the subject when the headline writes it as a name, in the burst', () => {
    const page = asked(named, '2025-07-08T12:00:00Z');
    expect(m.match(page, AI)?.storyId).toBe('pangu-fraud');
    expect(m.couldMatchByText(page)).toBe(true);
  });

  it('decides nothing outside the burst, or when the headline does not write it as a name', () => {
    expect(m.match(asked(named, '2025-07-12T12:00:00Z'), AI)).toBeNull();
    expect(m.match(asked(named, null), AI)).toBeNull();
    // "Fraud" is a keyword too, but this headline writes it as a word, not a name.
    expect(
      m.match(
        asked('what do you think of the pangu model fraud claims', '2025-07-08T12:00:00Z'),
        AI,
      ),
    ).toBeNull();
  });
});

describe('createMatcher: couldMatchByText', () => {
  const matcher = createMatcher(STORIES);
  /** Every word any story holds, as a lead: the most any lead could give a page. */
  const everyWord = STORIES.map((s) =>
    [s.title, s.summary, ...s.entities, ...s.keywords].join(' '),
  ).join('\n');

  it('is true for a page whose title is about a story, false for one whose title no story shares', () => {
    expect(matcher.couldMatchByText(makePage({ title: 'OpenAI releases GPT-5 to everyone' }))).toBe(
      true,
    );
    expect(
      matcher.couldMatchByText(makePage({ title: 'A gardening diary: tomatoes in November' })),
    ).toBe(false);
    // No title: the description is the headline, as in the text rule.
    expect(
      matcher.couldMatchByText(makePage({ description: 'Moonshot AI open-sources Kimi K2' })),
    ).toBe(true);
    expect(matcher.couldMatchByText(makePage())).toBe(false);
  });

  it('is false when the page is dated far outside the stories that share its title', () => {
    const page = makePage({ title: 'OpenAI releases GPT-5', publishedAt: '2019-01-01T00:00:00Z' });
    expect(matcher.couldMatchByText(page)).toBe(false);
  });

  it('is a bound: a page it rules out matches nothing even with every story word as its lead', () => {
    // Titles that mix a few words of the stories' titles with everyday ones, so that many sit
    // near the bound; a page is drawn as title only and with a description.
    const storyWords = [...new Set(STORIES.flatMap((s) => s.title.split(/[\s:,]+/)))].filter(
      (w) => w.length > 2,
    );
    const everyday = 'garden city bridge taxes train phone diary river winter market school'.split(
      ' ',
    );
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let ruledOut = 0;
    for (let i = 0; i < 400; i++) {
      const words = [
        ...Array.from({ length: 1 + next(2) }, () => storyWords[next(storyWords.length)]!),
        ...Array.from({ length: 1 + next(5) }, () => everyday[next(everyday.length)]!),
      ];
      const page = makePage({ title: words.join(' '), description: i % 2 ? '' : 'A day out.' });
      if (matcher.couldMatchByText(page)) continue;
      ruledOut++;
      expect(matcher.match({ ...page, lead: everyWord }, AI), page.title).toBeNull();
      expect(matcher.match({ ...page, lead: '' }, AI), page.title).toBeNull();
    }
    // Every title shares words with the stories: the check has teeth only if it ruled some out.
    expect(ruledOut).toBeGreaterThan(30);
    expect(matcher.couldMatchByText(makePage({ title: 'A gardening diary' }))).toBe(false);
  });

  it('sets the bar each rule would set, whatever the lead names', () => {
    const stories = [
      // No entity at all: only a near-coincidence of titles can match it.
      makeStory({ id: 'norway-ban', title: 'Norway bans AI in elementary schools' }),
      makeStory({
        id: 'trains',
        title: 'Winter trains run late across the city',
        entities: ['Transit Authority'],
      }),
      makeStory({
        id: 'moonshot',
        title: 'Moonshot AI releases a trillion-parameter model',
        entities: ['Moonshot AI'],
      }),
    ];
    const m = createMatcher(stories);
    const lead = stories.map((s) => `${s.title} ${s.entities.join(' ')}`).join('. ');
    // Half its title's weight is the subject-less story's: a cover any threshold would admit,
    // short of the near-coincidence bar.
    const half = makePage({ title: 'Norway schools: winter trains' });
    expect(m.couldMatchByText(half)).toBe(false);
    expect(m.match({ ...half, lead }, AI)).toBeNull();
    // The same story, its title nearly met: a lead could still make it match.
    const near = makePage({ title: 'Norway bans AI in elementary schools, again' });
    expect(m.couldMatchByText(near)).toBe(true);
    expect(m.match({ ...near, lead }, AI)?.storyId).toBe('norway-ban');
  });

  it("leaves a forum's label out of the page title's cover, not out of a story's", () => {
    // No entity: only a near-coincidence can match, and "Ask HN" alone would keep it below.
    const stories = [
      makeStory({ id: 'norway-ban', title: 'Norway imposes near ban on AI in elementary school' }),
      makeStory({ id: 'show-tool', title: 'Show HN: A local dictation tool for Linux' }),
    ];
    const m = createMatcher(stories);
    const asked = makePage({ title: 'Ask HN: Norway bans AI in elementary schools' });
    expect(m.couldMatchByText(asked)).toBe(true);
    expect(m.match(asked, AI)?.storyId).toBe('norway-ban');
    // A story with the label still finds a page with it: the words are held on both sides.
    const shown = makePage({ title: 'Show HN: A local dictation tool for Linux' });
    expect(m.match(shown, AI)?.storyId).toBe('show-tool');
  });

  it('reads a misspelt entity name as the name, and never changes a word a story holds', () => {
    const stories = [
      makeStory({
        id: 'r2',
        title: 'DeepSeek releases R2',
        entities: ['DeepSeek', 'DeepSeek R2'],
      }),
      makeStory({ id: 'other', title: 'Deepsek, a grocery chain, opens in Ohio' }),
    ];
    const slip = makePage({ title: 'Deepsek releases R2 with open weights' });
    expect(createMatcher(stories.slice(0, 1)).couldMatchByText(slip)).toBe(true);
    expect(createMatcher(stories.slice(0, 1)).match(slip, AI)?.storyId).toBe('r2');
    // Once a story holds "deepsek", it is a word of its own.
    expect(createMatcher(stories).match(slip, AI)?.storyId).not.toBe('r2');
  });

  it('never rules out a page the text rule matches', () => {
    for (const story of STORIES) {
      const page = makePage({
        title: story.title,
        lead: `${story.summary} ${story.entities.join(' ')}`,
      });
      if (matcher.match(page, AI)) expect(matcher.couldMatchByText(page), story.id).toBe(true);
    }
  });
});
