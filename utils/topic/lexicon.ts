/**
 * The AI lexicon: what counts as evidence that a text is about AI, how much,
 * and which topics it points to. Patterns are regular-expression fragments
 * (non-capturing groups only); the matcher adds word boundaries that work for
 * Latin, Greek and Cyrillic script and none for CJK, where words are not
 * separated by spaces.
 *
 * Weights are in "title units": 1.0 in a title is enough, on its own, to call
 * a text about AI. `weak` terms are ambiguous (Claude the first name, Gemini
 * the zodiac sign, llama the animal, transformers on the grid) and only count
 * once some unambiguous term is present, or when two different weak terms
 * meet. Entries lighter than 0.5 are weak unless marked otherwise.
 */
import type { AiTopicId } from './topics';

export interface LexiconEntry {
  /** Regular-expression fragment; no capturing groups. */
  re: string;
  weight: number;
  /** Case-sensitive match (acronyms such as AI, KI, IA). */
  cs?: boolean;
  weak?: boolean;
  topics?: AiTopicId[];
  /**
   * Languages where the term means AI (an acronym that means something else
   * elsewhere: IA is also Iowa). In other declared languages it is ignored;
   * with no declared language it is weak.
   */
  langs?: string[];
}

const S = 1.2; // unambiguous: names only AI uses
const M = 0.7; // usually AI, but one mention in a title is not quite enough
const W = 0.45; // ambiguous or generic: supporting evidence only

export const AI_LEXICON: LexiconEntry[] = [
  // The acronym, in the languages we read. Case-sensitive so that "said",
  // "Thai", "AIDS" and the name "Ai" do not count.
  { re: 'A\\.I\\.|AI(?![ -]Weiwei)s?', weight: S, cs: true },
  { re: 'AGI|ASI', weight: S, cs: true },
  { re: 'KI', weight: S, cs: true, langs: ['de', 'nl', 'no', 'nb', 'nn', 'da'] },
  { re: 'IA', weight: S, cs: true, langs: ['fr', 'es', 'it', 'pt', 'ca', 'ro', 'gl'] },
  { re: 'ИИ', weight: S, cs: true },
  { re: 'GenAI|genAI|Gen AI', weight: S, cs: true },

  // Spelled out, in several languages.
  { re: 'artificial[ -]intelligence', weight: S },
  { re: 'k(?:ü|ue)nstliche[nrs]? intelligenz', weight: S },
  { re: 'intelligence artificielle', weight: S },
  { re: 'inteligencia artificial|intelig[êe]ncia artificial|intelligenza artificiale', weight: S },
  { re: 'kunstmatige intelligentie|kunstig intelligens|artificiell intelligens', weight: S },
  { re: 'sztuczn(?:a|ej|ą) inteligencj[aię]|uměl(?:á|é|ou) inteligenc[ei]', weight: S },
  { re: 'yapay zek[aâ]|искусственн(?:ый|ого|ому|ым) интеллект(?:а|у|ом)?', weight: S },
  { re: 'τεχνητή νοημοσύνη|sztuczna inteligencja|trí tuệ nhân tạo', weight: S },
  {
    re: '人工知能|人工智能|人工智慧|인공지능|生成AI|生成式AI|生成式人工智能|大模型|大语言模型|大規模言語モデル|생성형 ?AI',
    weight: S,
  },
  {
    re: 'machine[ -]learning|deep[ -]learning|maschinelles lernen|apprentissage automatique',
    weight: S,
    topics: ['research'],
  },
  {
    re: 'neural net(?:work)?s?|réseaux? de neurones|neuronale[n]? netze?',
    weight: S,
    topics: ['research'],
  },
  {
    re: 'large language models?|(?:small |foundation )?language models?|LLMs?|SLMs?|VLMs?|MLLMs?',
    weight: S,
  },
  {
    re: 'generative (?:AI|model|models)|foundation models?|frontier models?|reasoning models?',
    weight: S,
  },
  {
    re: 'diffusion models?|text[ -]to[ -](?:image|video|speech)|image generat(?:or|ion)',
    weight: S,
    topics: ['creative-copyright'],
  },
  { re: 'chat ?bots?|chatbots?', weight: S, topics: ['products'] },
  { re: 'natural language processing|NLP|computer vision', weight: M, topics: ['research'] },
  {
    re: 'reinforcement learning|RLHF|RLVR|fine[ -]tun(?:e|ed|ing)|pre[ -]?train(?:ed|ing)',
    weight: M,
    topics: ['research'],
  },
  { re: 'superintelligen(?:ce|t)|singularity', weight: M, topics: ['safety'] },
  { re: 'deepfakes?|deep fakes?', weight: S, topics: ['creative-copyright'] },
  {
    re: 'prompt injections?|jailbreak(?:s|ing)? (?:LLMs?|models?|ChatGPT)',
    weight: S,
    topics: ['agent-security'],
  },
  { re: 'prompts?|prompting|prompt engineering', weight: W },
  {
    re: 'vibe[ -]cod(?:e|ed|ing|er)|agentic|AI agents?|coding agents?',
    weight: S,
    topics: ['coding'],
  },
  { re: 'MCP|model context protocol', weight: M, topics: ['agent-security', 'coding'] },
  { re: 'embeddings?|vector (?:database|search|store)s?|RAG|retrieval[ -]augmented', weight: W },
  { re: 'tokens? per second|context window|inference|hallucinat(?:e|es|ed|ing|ions?)', weight: W },
  { re: 'transformers?', weight: W },
  { re: 'alignment|interpretability|mechanistic interpretability', weight: W, topics: ['safety'] },
  { re: 'benchmarks?|evals?', weight: W, topics: ['research'] },
  { re: 'GPUs?|TPUs?|data ?cent(?:er|re)s?|accelerators?', weight: W, topics: ['chips-compute'] },
  { re: 'robots?|robotics|humanoids?', weight: W, topics: ['robotics'] },
  {
    re: 'quantiz(?:ed|ation)|GGUF|LoRA|QLoRA|MoE|mixture of experts',
    weight: M,
    topics: ['open-weights'],
  },
  { re: 'open[ -]weights?|open[ -]source models?|weights', weight: M, topics: ['open-weights'] },

  // Companies, labs and people who only make news for AI.
  {
    re: 'OpenAI|Anthropic|DeepMind|Hugging ?Face|Mistral AI|Stability AI|xAI|Cohere|Perplexity AI',
    weight: S,
    topics: ['business'],
  },
  {
    re: 'Midjourney|Runway ?ML|ElevenLabs|Character\\.ai|Inflection AI|Scale AI|Safe Superintelligence|Thinking Machines Lab|Moonshot AI|Zhipu|MiniMax|Cerebras|Groq|SambaNova',
    weight: S,
    topics: ['business'],
  },
  {
    re: 'Sam Altman|Dario Amodei|Demis Hassabis|Yann LeCun|Geoffrey Hinton|Ilya Sutskever|Mira Murati|Andrej Karpathy|Karpathy|Mustafa Suleyman|Fei-Fei Li|Yoshua Bengio',
    weight: S,
  },
  { re: 'Altman|Amodei|Hassabis|LeCun|Sutskever', weight: M },

  // Models and products.
  {
    re: 'ChatGPT|GPT-?[1-9](?:\\.\\d)?[a-z]*(?:-\\w+)?|GPT-?oss|gpt-oss|GPTs|InstructGPT|o[1-4](?:-(?:mini|pro|preview))',
    weight: S,
    topics: ['products'],
  },
  {
    re: "Claude (?:Code|Opus|Sonnet|Haiku|Desktop|\\d(?:\\.\\d)?|AI|Pro|Max)|Claude\\.ai|Anthropic[’']s Claude",
    weight: S,
    topics: ['products'],
  },
  {
    re: "Gemini (?:\\d(?:\\.\\d)?|Pro|Flash|Ultra|Nano|CLI|Advanced|Live|app|Deep Research|Robotics)|Google[’']s Gemini|Google Gemini|Gemma(?: ?\\d)?",
    weight: S,
    topics: ['products'],
  },
  {
    re: "Llama[ -]?\\d(?:\\.\\d)?|Code ?Llama|llama\\.cpp|Ollama|TinyLlama|Meta[’']s Llama",
    weight: S,
    topics: ['open-weights'],
  },
  {
    re: 'Mistral (?:\\d+B|Large|Medium|Small|Le Chat|NeMo)|Mixtral|Magistral|Devstral|Codestral|Le Chat',
    weight: S,
    topics: ['open-weights'],
  },
  {
    re: 'DeepSeek|Qwen\\d?(?:\\.\\d)?|QwQ|Kimi(?: K\\d)?|GLM-\\d(?:\\.\\d)?|Phi-\\d|Grok(?: ?\\d)?|Copilot|Codex|Sora|DALL[·-]?E|Stable Diffusion|Whisper (?:model|AI)|Nano Banana|NotebookLM|Veo \\d|Imagen \\d?',
    weight: S,
    topics: ['model-releases'],
  },
  {
    re: 'vLLM|SGLang|LangChain|LlamaIndex|PyTorch|TensorFlow|JAX|Transformers library|safetensors|LM Studio|OpenRouter',
    weight: S,
    topics: ['open-weights'],
  },
  {
    re: 'Cursor|Windsurf|Lovable|Devin|Replit Agent|Claude|Gemini|Llama|Mistral|Perplexity|Bard|Siri|Alexa\\+',
    weight: W,
    topics: ['products'],
  },

  // Chips made for AI work.
  {
    re: 'H100s?|H200s?|B200s?|GB200|Blackwell|TPU v\\d|Trainium|Inferentia',
    weight: M,
    topics: ['chips-compute'],
  },
  { re: 'Nvidia|NVIDIA', weight: W, topics: ['chips-compute'] },
];

/**
 * Topic cues: words that say which kind of AI story a text is, once it is
 * known to be about AI. They never make a text about AI on their own.
 */
export const TOPIC_CUES: { topic: AiTopicId; re: string }[] = [
  {
    topic: 'model-releases',
    re: 'releases?|released|launch(?:es|ed)?|introduc(?:es|ing)|unveil(?:s|ed)?|announc(?:es|ed|ing)|now available|system card|model card|preview|new model',
  },
  {
    topic: 'open-weights',
    re: 'open[ -]source|open[ -]weights?|weights|Hugging ?Face|GGUF|local(?:ly)?|self[ -]host(?:ed|ing)?|Llama|Qwen|DeepSeek|Mistral|Gemma|gpt-oss|Ollama|llama\\.cpp',
  },
  {
    topic: 'research',
    re: 'paper|arXiv|research(?:ers)?|study|we propose|benchmark|dataset|training|scaling laws?|attention|architecture',
  },
  {
    topic: 'safety',
    re: 'safety|alignment|misalign(?:ed|ment)|existential|x-risk|doom|deceptive|scheming|sycophan(?:cy|tic)|interpretability|red[ -]team(?:ing)?|guardrails?',
  },
  {
    topic: 'policy',
    re: 'regulat(?:e|es|ion|ions|ors?)|law(?:s|makers)?|bill|act|senate|congress|EU|European Commission|government|ban(?:s|ned)?|executive order|policy|court|ruling|antitrust|FTC|White House|ministry|minister',
  },
  {
    topic: 'chips-compute',
    re: 'chips?|GPUs?|TPUs?|Nvidia|AMD|semiconductors?|data ?cent(?:er|re)s?|compute|H100|Blackwell|TSMC|export controls?|power grid|electricity',
  },
  {
    topic: 'jobs-economy',
    re: 'jobs?|layoffs?|laid off|workers?|employment|unemployment|hiring|labou?r|wages?|economy|economic|productivity|workforce|careers?',
  },
  {
    topic: 'business',
    re: 'rais(?:es|ed)|funding|valuation|investors?|acquir(?:es|ed|ition)|IPO|revenue|startup|billion|deal|partnership|shares|stock|market',
  },
  {
    topic: 'creative-copyright',
    re: 'copyright(?:ed)?|artists?|authors?|music|musicians?|lawsuit|sued|fair use|licens(?:e|ing)|publishers?|writers?|images?|video|art',
  },
  {
    topic: 'health',
    re: 'health|medical|medicine|doctors?|patients?|clinical|hospitals?|diagnos(?:is|e|tic)|drugs?|cancer|therapy|mental health|FDA',
  },
  {
    topic: 'agent-security',
    re: 'prompt injection|exfiltrat(?:e|ion)|vulnerabilit(?:y|ies)|exploit|security|malicious|attack(?:s|ers)?|backdoor|sandbox|MCP|permissions?',
  },
  {
    topic: 'coding',
    re: 'coding|code|programm(?:ing|ers?)|developers?|software engineer(?:s|ing)?|Copilot|Cursor|Claude Code|Codex|IDE|pull requests?|GitHub|vibe[ -]cod(?:e|ing)',
  },
  {
    topic: 'products',
    re: 'ChatGPT|assistant|app|feature|users|subscription|Siri|Alexa|search|browser|voice mode|update',
  },
  {
    topic: 'robotics',
    re: 'robots?|robotics|humanoids?|self[ -]driving|autonomous (?:cars?|vehicles?)|Waymo|Tesla Optimus|drones?',
  },
];
