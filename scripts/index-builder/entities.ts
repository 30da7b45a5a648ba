/**
 * Named entities the grouping and the story lists use: AI models (with their
 * versions), labs and companies, products and people. A curated gazetteer, not
 * a learned tagger: the names that matter in AI news are few and well known,
 * and a version number ("GPT-5" vs "GPT-4o") is exactly what a tagger blurs.
 *
 * `event: true` marks a versioned model or product launch: posts whose titles
 * name the same one within a short time window are one story.
 */

export interface EntityDef {
  name: string;
  re: RegExp;
  event?: boolean;
  /** For a family with many versions (GPT-5.1, GPT-5.2…): the name from the matched text. */
  nameOf?: (match: string) => string;
}

const e = (name: string, re: string, event = false, flags = 'i'): EntityDef => ({
  name,
  re: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${re})(?![\\p{L}\\p{N}_]|\\.\\d)`, `${flags}u`),
  event,
});

const versioned = (prefix: string, re: string): EntityDef => ({
  ...e(`${prefix} (versions)`, re, true),
  nameOf: (m) => `${prefix}${/\d+(\.\d+)+/.exec(m)?.[0] ?? ''}`,
});

// Order matters where one name contains another: the specific one comes first,
// and the first event entity in a title is the post's event.
export const ENTITIES: EntityDef[] = [
  e('gpt-oss', 'gpt[- ]?oss(?:[- ]?(?:20|120)b)?', true),
  versioned('GPT-', 'gpt[- ]?5\\.\\d+'),
  e('GPT-5', 'gpt[- ]?5(?:[- ](?:mini|nano|pro|thinking|chat))?', true),
  e('GPT-4.5', 'gpt[- ]?4\\.5', true),
  e('GPT-4.1', 'gpt[- ]?4\\.1(?:[- ](?:mini|nano))?', true),
  e('GPT-4o', 'gpt[- ]?4o(?:[- ]mini)?'),
  e('o3', 'o3(?:[- ](?:pro|mini))?', false, ''),
  e('o4-mini', 'o4[- ]mini', true),
  e('Sora', 'Sora(?: 2)?', true, ''),
  versioned(
    'Claude ',
    'claude[- ]?(?:opus|sonnet|haiku)?[- ]?4\\.[2-9]|(?:opus|sonnet|haiku) 4\\.[2-9]',
  ),
  e('Claude Opus 4.1', 'claude[- ]?opus[- ]?4\\.1|opus 4\\.1', true),
  e(
    'Claude 4',
    'claude[- ]?(?:opus|sonnet)?[- ]?4(?!\\.\\d)|claude[- ]4[- ](?:opus|sonnet)|(?:opus|sonnet) 4(?!\\.\\d)',
    true,
  ),
  e('Claude Code', 'claude[- ]code'),
  e('Gemini 2.5 Deep Think', 'gemini[- ]2\\.5[- ]deep ?think', true),
  e('Gemini 2.5', 'gemini[- ]2\\.5(?:[- ](?:pro|flash(?:[- ]lite)?))?'),
  e('Gemini 3', 'gemini[- ]3(?:\\.\\d)?(?:[- ](?:pro|flash))?', true),
  e('Genie 3', 'genie[- ]?3', true),
  e('Gemma 3n', 'gemma[- ]?3n', true),
  e('Gemma 3', 'gemma[- ]?3'),
  e('Veo 3', 'veo[- ]?3', true),
  e('Llama 4', 'llama[- ]?4(?:[- ](?:scout|maverick|behemoth))?', true),
  e('Qwen3-Coder', 'qwen[- ]?3[- ]?coder', true),
  e('Qwen3-235B-A22B', 'qwen[- ]?3[- ]?235b[\\w.-]*', true),
  e('Qwen3-30B-A3B', 'qwen[- ]?3[- ]?30b[\\w.-]*', true),
  e('Qwen3-4B', 'qwen[- ]?3[- ]?4b[\\w.-]*', true),
  e('Qwen3', 'qwen[- ]?3'),
  e('Qwen', 'qwen[\\d.]*'),
  e('Kimi K2', 'kimi[- ]?k2', true),
  e('GLM-4.5', 'glm[- ]?4\\.5(?:[- ]?(?:air|v))?', true),
  e('DeepSeek R1', 'deepseek[- ]?r1', true),
  e('DeepSeek V3', 'deepseek[- ]?v3(?:\\.\\d)?', true),
  e('Grok 4', 'grok[- ]?4', true),
  e('Mistral', 'mistral|mixtral|devstral|magistral'),
  e('Hunyuan', 'hunyuan[\\w.-]*'),
  e('ERNIE 4.5', 'ernie[- ]?4\\.5', true),
  e('SmolLM3', 'smollm[- ]?3', true),
  e('Phi-4', 'phi[- ]?4', true),
  e('ChatGPT', 'chat[- ]?gpt'),
  e('OpenAI', 'open ?ai'),
  e('Sam Altman', 'sam altman|altman'),
  e('Anthropic', 'anthropic'),
  e('Dario Amodei', 'dario amodei|amodei'),
  e('Claude', 'Claude', false, ''),
  e('Google', 'google'),
  e('DeepMind', 'deep ?mind'),
  e('Gemini', 'Gemini', false, ''),
  e('Meta', 'Meta|Facebook', false, ''),
  e('Mark Zuckerberg', 'zuckerberg|zuck'),
  e('Llama', 'Llama|LLaMA', false, ''),
  e('Microsoft', 'microsoft'),
  e('Copilot', 'copilot'),
  e('Nvidia', 'nvidia'),
  e('Apple', 'Apple', false, ''),
  e('Amazon', 'Amazon|AWS', false, ''),
  e('xAI', 'xAI', false, ''),
  e('Grok', 'Grok', false, ''),
  e('Elon Musk', 'elon musk|musk'),
  e('DeepSeek', 'deepseek'),
  e('Alibaba', 'alibaba'),
  e('Moonshot AI', 'moonshot(?: ?ai)?'),
  e('Zhipu', 'zhipu|z\\.ai'),
  e('Tencent', 'tencent'),
  e('Baidu', 'baidu'),
  e('Hugging Face', 'hugging ?face'),
  e('llama.cpp', 'llama\\.cpp'),
  e('Ollama', 'ollama'),
  e('vLLM', 'vllm'),
  e('LM Studio', 'lm ?studio'),
  e('Cursor', 'Cursor', false, ''),
  e('Perplexity', 'Perplexity', false, ''),
  e('METR', 'METR', false, ''),
  e('Midjourney', 'midjourney'),
  e('Stable Diffusion', 'stable diffusion'),
  e('Whisper', 'Whisper', false, ''),
];

const BY_NAME = new Map(ENTITIES.map((d) => [d.name, d]));

/** Unicode hyphens (GPT‑5 with U+2011 is common in titles) read as "-". */
function plainHyphens(text: string): string {
  return text.replace(/[\u2010-\u2015\u2212]/g, '-');
}

/** Entity names found in a text, in gazetteer order, each once. */
export function findEntities(raw: string): string[] {
  if (!raw) return [];
  const text = plainHyphens(raw);
  const out = new Set<string>();
  for (const def of ENTITIES) {
    const m = def.re.exec(text);
    if (m) out.add(def.nameOf ? def.nameOf(m[0]) : def.name);
  }
  return [...out];
}

/** The first event entity of a title, as the text orders them. */
export function primaryEvent(raw: string): string | null {
  const title = plainHyphens(raw);
  let best: { name: string; at: number } | null = null;
  for (const def of ENTITIES) {
    if (!def.event) continue;
    const m = def.re.exec(title);
    if (m && (best === null || m.index < best.at)) {
      best = { name: def.nameOf ? def.nameOf(m[0]) : def.name, at: m.index };
    }
  }
  return best?.name ?? null;
}

export function isEventEntity(name: string): boolean {
  return BY_NAME.get(name)?.event === true || /^(GPT-5|Claude 4)\.\d+$/.test(name);
}
