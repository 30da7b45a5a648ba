import { describe, expect, it } from 'vitest';
import { createIdTokenizer } from './id-tokenizer';
import { IntList } from './int-list';
import { STORIES } from './story-fixtures';
import { tokenize } from './tokenize';

/** Texts whose words recur in other contexts, so remembered words meet new neighbours. */
const TEXTS = [
  'GPT 5 is out; GPT-5 and gpt5 too. OpenAI says GPT 5 beats GPT-4.',
  'In 5 days, 5 models: Llama 3.1, Llama 3.1-70B, Qwen3-30B-A3B and Kimi K2.',
  "DeepSeek R1-0528 and DeepSeek's R1; ChatGPT-5 vs ChatGPT5 vs chatgpt 5.",
  'openai.com/blog posts about gpt-oss-120b and gpt-oss-20b (gpt-oss).',
  'ERNIE-4.5-21B, ERNIE 4.5 and ernie4.5; v3.1 of DeepSeek V3.1.',
  'Café résumé naïve: Ünïcödé words, “quotes” and it’s o’brien’s — dashes.',
  'models llms classes boxes buzzes analyses: plurals stem; the a an of.',
  'grok 3 grok-3 grok3 grok 3 mini grok-3-mini; Hunyuan A13B; 2024 in 2025',
  'name_with_underscores and x_1 y.2 z-3; a.b.c 1.2.3 r1.5-pro',
  '',
  '   ...   ',
  'GPT',
  '5',
];

function terms(texts: readonly string[]): { ids: string[][]; order: string[] } {
  const termIds = new Map<string, number>();
  const order: string[] = [];
  const tokenizeIds = createIdTokenizer((term) => {
    let id = termIds.get(term);
    if (id === undefined) {
      id = order.length;
      termIds.set(term, id);
      order.push(term);
    }
    return id;
  });
  const ids = texts.map((text) => {
    const out = new IntList(4);
    tokenizeIds(text, out);
    return Array.from(out.finish(), (id) => order[id] as string);
  });
  return { ids, order };
}

describe('createIdTokenizer', () => {
  it("gives tokenize's terms, in order, for every text", () => {
    const texts = [
      ...TEXTS,
      ...TEXTS.slice().reverse(),
      ...STORIES.flatMap((s) => [s.title, s.summary]),
    ];
    const { ids } = terms(texts);
    texts.forEach((text, i) => expect(ids[i], text).toEqual(tokenize(text)));
  });

  it('keeps up when its tables grow (thousands of distinct words)', () => {
    const texts = Array.from(
      { length: 3000 },
      (_, i) => `Model${i} ${i % 7} zeta-${i}-beta, ${i}x's v${i}.${i % 3} for Nova ${i}`,
    );
    const { ids } = terms(texts);
    texts.forEach((text, i) => expect(ids[i], text).toEqual(tokenize(text)));
  });

  it('interns each term when tokenize first gives it', () => {
    const { order } = terms(TEXTS);
    expect(order).toEqual([...new Set(TEXTS.flatMap((text) => tokenize(text)))]);
  });

  it('joins a remembered version only with a name before it', () => {
    const { ids } = terms(['Kimi K2', 'in K2', 'Kimi. K2', 'kimi-k2 K2']);
    expect(ids).toEqual([
      ['kimi', 'k2', 'kimik2'],
      ['k2'],
      ['kimi', 'k2', 'kimik2'],
      ['kimi', 'k2', 'kimik2', 'k2', 'k2k2'],
    ]);
    expect(ids).toEqual(['Kimi K2', 'in K2', 'Kimi. K2', 'kimi-k2 K2'].map((t) => tokenize(t)));
  });
});
