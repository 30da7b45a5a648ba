/**
 * Small hand-made stories for the matcher and search tests, shaped like the
 * bundled index (utils/index/schema.ts). The titles name real Jul–Aug 2025
 * events that the corpus discusses; the summaries are our own words.
 */
import type { Story } from '../index/schema';
import type { PageReading } from '../page/types';

export function makeStory(
  partial: Partial<Story> & Pick<Story, 'id' | 'title'>,
  communities: string[] = ['hackernews'],
): Story {
  return {
    summary: '',
    topics: [],
    entities: [],
    keywords: [],
    urls: [],
    firstSeen: '2025-08-01T00:00:00Z',
    lastSeen: '2025-08-01T00:00:00Z',
    related: [],
    reactions: communities.map((community) => ({
      community,
      posts: 1,
      engagement: 1,
      sentiment: { positive: 0.3, neutral: 0.4, negative: 0.3 },
      summary: '',
      timeline: [],
      threads: [],
      quotes: [],
    })),
    ...partial,
  };
}

export function makePage(partial: Partial<PageReading> = {}): PageReading {
  return {
    kind: 'article',
    url: 'https://news.example.com/some/article',
    canonicalUrl: null,
    discussedUrl: null,
    title: '',
    description: '',
    lead: '',
    lang: 'en',
    siteName: null,
    publishedAt: null,
    ...partial,
  };
}

export const STORIES: Story[] = [
  makeStory(
    {
      id: 'gpt-5-launch',
      title: 'OpenAI releases GPT-5',
      summary:
        'OpenAI launched GPT-5, a unified model with a router between fast and reasoning modes, to ChatGPT users and the API, with mini and nano variants.',
      topics: ['model-releases', 'products'],
      entities: ['OpenAI', 'GPT-5', 'ChatGPT', 'Sam Altman'],
      keywords: ['launch', 'router', 'reasoning', 'benchmarks', 'pricing'],
      urls: [
        'https://openai.com/index/introducing-gpt-5/',
        'https://news.ycombinator.com/item?id=44826997',
      ],
      firstSeen: '2025-08-07T17:00:00Z',
      lastSeen: '2025-08-09T00:00:00Z',
    },
    ['hackernews', 'r-localllama', 'x'],
  ),
  makeStory(
    {
      id: 'gpt-4o-voice',
      title: 'GPT-4o brings real-time voice to ChatGPT',
      summary: 'OpenAI showed GPT-4o, an omni model answering speech in real time.',
      topics: ['model-releases', 'products'],
      entities: ['OpenAI', 'GPT-4o', 'ChatGPT'],
      keywords: ['voice', 'multimodal', 'real-time'],
      urls: ['https://openai.com/index/hello-gpt-4o/'],
      firstSeen: '2024-05-13T17:00:00Z',
      lastSeen: '2024-05-20T00:00:00Z',
    },
    ['hackernews'],
  ),
  makeStory(
    {
      id: 'gpt-oss',
      title: 'OpenAI publishes open-weight gpt-oss-120b and gpt-oss-20b',
      summary:
        'OpenAI released two open-weight mixture-of-experts reasoning models under Apache 2.0 that run on a single 80 GB GPU or a laptop.',
      topics: ['open-weights', 'model-releases'],
      entities: ['OpenAI', 'gpt-oss', 'Hugging Face'],
      keywords: ['open weights', 'apache 2.0', 'mixture of experts', 'mxfp4'],
      urls: ['https://www.reddit.com/r/LocalLLaMA/comments/1mieyo6/openai_gptoss_120b_and_20b/'],
      firstSeen: '2025-08-05T17:00:00Z',
      lastSeen: '2025-08-08T00:00:00Z',
    },
    ['r-localllama', 'hackernews'],
  ),
  makeStory(
    {
      id: 'kimi-k2',
      title: 'Moonshot AI open-sources Kimi K2, a trillion-parameter MoE',
      summary:
        'Moonshot AI released Kimi K2, a one-trillion-parameter mixture-of-experts model tuned for agentic tasks.',
      topics: ['open-weights', 'model-releases'],
      entities: ['Moonshot AI', 'Kimi K2'],
      keywords: ['agentic', 'mixture of experts', 'open weights'],
      urls: ['https://moonshotai.github.io/Kimi-K2/'],
      firstSeen: '2025-07-11T00:00:00Z',
      lastSeen: '2025-07-20T00:00:00Z',
    },
    ['r-localllama'],
  ),
  makeStory(
    {
      id: 'qwen3-coder',
      title: 'Qwen3-Coder: Alibaba’s agentic coding model',
      summary:
        'Alibaba’s Qwen team released Qwen3-Coder-480B-A35B-Instruct and the Qwen Code command-line tool.',
      topics: ['coding', 'open-weights'],
      entities: ['Alibaba', 'Qwen3-Coder', 'Qwen Code'],
      keywords: ['coding agent', 'cli', 'open weights'],
      urls: ['https://qwenlm.github.io/blog/qwen3-coder/'],
      firstSeen: '2025-07-22T00:00:00Z',
      lastSeen: '2025-07-30T00:00:00Z',
    },
    ['r-localllama', 'hackernews'],
  ),
  makeStory(
    {
      id: 'why-we-think',
      title: 'Why We Think',
      summary:
        'Lilian Weng reviews test-time compute and chain-of-thought: how letting models think longer improves reasoning.',
      topics: ['research'],
      entities: ['Lilian Weng', 'chain-of-thought'],
      keywords: ['test-time compute', 'reasoning', 'thinking'],
      urls: ['https://lilianweng.github.io/posts/2025-05-01-thinking/'],
      firstSeen: '2025-05-01T00:00:00Z',
      lastSeen: '2025-05-04T00:00:00Z',
    },
    ['hackernews'],
  ),
  makeStory(
    {
      id: 'metr-study',
      title: 'METR study: experienced developers were 19% slower with AI tools',
      summary:
        'A randomised trial by METR found open-source developers took longer with AI coding assistants while believing they were faster.',
      topics: ['coding', 'jobs-economy', 'research'],
      entities: ['METR', 'Cursor'],
      keywords: ['productivity', 'randomized controlled trial', 'developers'],
      urls: ['https://metr.org/blog/2025-07-10-early-2025-ai-experienced-os-dev-study/'],
      firstSeen: '2025-07-10T00:00:00Z',
      lastSeen: '2025-07-14T00:00:00Z',
    },
    ['hackernews', 'r-localllama'],
  ),
];
