/**
 * The plain baseline the classifier is measured against: twenty obvious
 * words, matched case-insensitively on word boundaries, with no ambiguity
 * rules, no weights and no other languages.
 */
export const BASELINE_WORDS = [
  'AI',
  'A.I.',
  'LLM',
  'LLMs',
  'GPT',
  'ChatGPT',
  'OpenAI',
  'Anthropic',
  'Claude',
  'Gemini',
  'Llama',
  'DeepSeek',
  'Copilot',
  'agents',
  'agentic',
  'machine learning',
  'neural network',
  'artificial intelligence',
  'chatbot',
  'generative',
] as const;

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BASELINE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${BASELINE_WORDS.map(escape).join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);

export function baselineIsAi(text: string): boolean {
  return BASELINE_RE.test(text);
}
