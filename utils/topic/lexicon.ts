/**
 * The AI lexicon: what counts as evidence that a text is about AI, how much,
 * and which topics it points to. Patterns are regular-expression fragments
 * (non-capturing groups only); the matcher adds word boundaries that work for
 * Latin, Greek and Cyrillic script and none for CJK, where words are not
 * separated by spaces.
 *
 * Weights are in "title units": 1.0 in a title is enough, on its own, to call
 * a text about AI. Gated entries (`gate: true`) are ambiguous (Cursor the
 * pointer, agents of the FBI, tokens of a blockchain) and only count beside
 * some other AI term. `veto` names contexts in which an entry means something
 * else (Gemini in a horoscope, transformers on the power grid, llamas on a
 * farm): when the veto matches anywhere in the text, that entry counts nothing.
 *
 * Built from the corpus: every term here was checked against Hacker News
 * titles, r/LocalLLaMA posts and the saved pages (see scripts/eval/README.md).
 *
 * After editing a pattern, regenerate the anchors the classifier uses to skip
 * the alternatives a text cannot match (utils/topic/anchors.test.ts fails until
 * then): npx tsx utils/topic/gen-lexicon-anchors.ts && npx prettier --write
 * utils/topic/lexicon-anchors.ts
 */
import type { AiTopicId } from './topics';

export interface LexiconEntry {
  /** Regular-expression fragment; no capturing groups. */
  re: string;
  weight: number;
  /** Case-sensitive match (acronyms such as AI, KI, IA, and names like Grok). */
  cs?: boolean;
  /** Ambiguous: only counts beside another AI term. */
  gate?: boolean;
  /** Context (case-insensitive pattern) in which this entry is not about AI. */
  veto?: string;
  /**
   * Languages where the term means AI (an acronym that means something else
   * elsewhere: IA is also Iowa). In other declared languages it is ignored;
   * with no declared language it is gated.
   */
  langs?: string[];
  topics?: AiTopicId[];
}

const S = 1.2; // unambiguous, and enough on its own
const A = 1.0; // enough on its own, barely
const M = 0.7; // usually AI, needs a little support
const W = 0.5; // generic: supporting evidence only (always gated)

const ROMANCE = ['fr', 'es', 'it', 'pt', 'ca', 'ro', 'gl'];

/**
 * Where "agent" is not software: law enforcement and spies (the largest group
 * of non-AI "agents" in 2025–26 Hacker News titles: ICE, Border Patrol, FBI),
 * trades (travel, estate, insurance, talent, customer-service agents), chemistry
 * and medicine (nerve agent, causative agent) and the browser's user agent.
 * Any of these anywhere in the text, and "agent" counts nothing.
 */
const AGENTS_ELSEWHERE =
  '\\b(?:free|secret|double|foreign|travel|real estate|estate|insurance|sports|talent|literary|booking|customer[- ]service|support|nerve|chemical|biological|causative|infectious|cleaning|bleaching|contrast|federal|border|Chinese|Russian|Soviet|FBI|CIA|DEA|CBP|DHS|ATF|ICE|Mossad|KGB|user|Download|deportation|immigration|undercover|paramilitary|masked|sleeper|enemy|government|intelligence|Korean|Iranian|Policy|Transfer|observability|monitoring|eBPF|Puppet|Zabbix|Datadog|SNMP|backup) agents?\\b' +
  '|\\b(?:ICE|FBI|CIA|DEA|CBP|DHS|Border Patrol|Homeland Security|immigration|deport\\w*|National Guard|Mossad|KGB|espionage|spy|spies|spied)\\b' +
  '|user-agent|ssh-agent|gpg-agent|Agent (?:Orange|Smith|47)|agents? (?:for|of) (?:China|Russia|Iran|Israel|a foreign|the (?:state|crown|FBI|CIA))';

/**
 * Sam Altman's other companies (World and its Orb, Helion's fusion, Oklo's reactors): news of
 * them names him without being AI news.
 */
const ALTMAN_ELSEWHERE =
  'Worldcoin|\\bOrb\\b|World Network|World ID|Tools for Humanity|Helion|Oklo';

export const AI_LEXICON: LexiconEntry[] = [
  // ── The acronym, in the languages we read. Case-sensitive so that "said",
  // "Thai", "AIDS" and the name "Ai" (Ai Weiwei) do not count.
  { re: 'A\\.I\\.?|AI(?![ -]Weiwei)s?', weight: S, cs: true },
  { re: 'AGI|ASI|GenAI|genAI|Gen AI|xAI|XAI|xAi|AIGC|GPTs?', weight: S, cs: true },
  {
    re: 'ML',
    weight: A,
    cs: true,
    veto: 'Standard ML|ML (?:dialects?|family|language|modules?|functors?)|OCaml|SML|\\d+ ?ML\\b',
  },
  { re: 'ASR|OCR|NPUs?|VRAM|codegen', weight: W, cs: true, gate: true },
  { re: '[A-Za-z]+GPT(?:-\\d)?|nanoGPT', weight: A, cs: true },
  // Names built on the acronyms and the field's names (PydanticAI, CivitAI,
  // AnythingLLM, FastVLM, KittenTTS, Model2Vec, SBERT, ModernBERT), model names
  // with their size (Orpheus-3B, Penny-1.7B) and instruction-tuned variants
  // (MediPhi-Instruct).
  {
    re: '[A-Z][a-z]{2,}AI|[A-Za-z]+LLMs?|[A-Za-z]+VLMs?|[A-Z][a-z]+TTS|[A-Za-z]+2vec|[A-Za-z]+2Vec|(?:[A-Z]|[A-Z][a-z]+)BERTa?|[A-Za-z0-9.]+-Instruct|(?!MiG-)[A-Z][A-Za-z]{2,}\\d?(?:\\.\\d+)?-\\d+(?:\\.\\d+)?B',
    weight: A,
    cs: true,
  },
  { re: 'TTS', weight: M, cs: true },
  {
    re: 'MLOps|LLMOps|RNNs?|LSTMs?|GNNs?|[A-Z][a-z]+RAG|GraphRAG|LaMDA|PaLM(?: ?\\d)?',
    weight: A,
    cs: true,
  },
  // "AI" typed with a lower-case L ("On-device Al", "Al models"): only where a
  // name (Al Gore, Weird Al) cannot stand.
  {
    re: '(?:[Oo]n-device|[Gg]enerative|[Oo]pen[- ]source|[Ll]ocal) Al|Al(?=[- ](?:models?|agents?|tools?|chatbots?|systems?|generated|powered|assistants?|slop|companies|startups?|safety|coding|bubble)(?![A-Za-z]))',
    weight: A,
    cs: true,
  },
  { re: 'OAI', weight: M, cs: true },
  // OpenAI's reasoning models by their bare names ("I used o3 to find a zeroday");
  // the compiler's -O3 is written in capitals, and a bare "o1" is often O(1).
  { re: 'o3(?: pro)?|o4(?: pro)?|o1 pro', weight: A, cs: true, topics: ['products'] },
  // Model families written in lower case or with a prefix (r/LocalLLaMA style).
  {
    re: 'deepseek(?:-?[rv]\\d)?|qwen\\d?(?:\\.\\d+)?|(?:[A-Z][a-z]+|T5)Gemma|LLaMA|OpenLLaMA|tts models?|whisper\\.cpp|whisper-large(?:-v\\d)?(?:-turbo)?|ik_llama\\.cpp',
    weight: S,
    topics: ['open-weights'],
  },
  { re: 'RL', weight: W, cs: true, gate: true },
  { re: 'KI', weight: S, cs: true, langs: ['de', 'nl', 'no', 'nb', 'nn', 'da', 'is'] },
  { re: "[lL][’']IA|IA", weight: S, cs: true, langs: ROMANCE },
  { re: 'ИИ|ШІ', weight: S, cs: true },
  // Subreddits and tags whose names say AI (read from a thread's address).
  {
    re: 'LocalLLaMA|LocalLLM|MachineLearning|ClaudeAI|ChatGPTPro|StableDiffusion|ArtificialInteligence|learnmachinelearning|deeplearning|aiwars',
    weight: S,
    cs: true,
  },

  // ── Spelled out, in several languages.
  {
    re: 'artificial (?:general |super ?)?intelligence|artificial-intelligence|artificially intelligent',
    weight: S,
  },
  { re: 'k(?:ü|ue)nstliche[nrs]? intelligenz', weight: S },
  { re: 'intelligence artificielle|intelligences artificielles|IA g[ée]n[ée]rative', weight: S },
  { re: 'inteligencia artificial|intelig[êe]ncia artificial|intelligenza artificiale', weight: S },
  { re: 'kunstmatige intelligentie|kunstig intelligens|artificiell intelligens', weight: S },
  { re: 'sztuczn(?:a|ej|ą) inteligencj[aięą]|uměl(?:á|é|ou) inteligenc(?:e|í)', weight: S },
  { re: 'yapay zek[aâ]\\w*|kecerdasan buatan|trí tuệ nhân tạo|tekoäly\\w*', weight: S },
  { re: 'искусственн\\w+ интеллект\\w*|штучн\\w+ інтелект\\w*|нейросет\\w*|нейросеть', weight: S },
  { re: 'τεχνητ(?:ή|ής) νοημοσύνη[ς]?|الذكاء الاصطناعي|בינה מלאכותית|कृत्रिम बुद्धिमत्ता', weight: S },
  {
    re: '人工知能|人工智能|人工智慧|인공지능|生成AI|生成式AI|生成式人工智能|大模型|大语言模型|大語言模型|大規模言語モデル|생성형|机器学习|機械学習|深度学习|深層学習|ディープラーニング|神经网络|ニューラルネット|智能体|具身智能|머신러닝|딥러닝|챗봇|チャットボット|언어모델|언어 모델',
    weight: S,
  },
  {
    re: 'Sprachmodell\\w*|maschinelle[sn]? Lernen|modèles? de langage|modelos? de lenguaje',
    weight: S,
  },
  { re: 'apprentissage (?:automatique|profond)|aprendizaje (?:automático|profundo)', weight: S },

  // ── The field's own vocabulary.
  {
    re: 'machine[ -]learning|deep[ -]learning|neural net(?:work)?s?',
    weight: S,
    topics: ['research'],
  },
  {
    re: '(?:large |small |foundation |vision[- ])?language model(?:s|l?ing)?|LLMs?|SLMs?|VLMs?|MLLMs?|VLAs?',
    weight: S,
  },
  {
    re: 'generative models?|foundation models?|frontier models?|reasoning models?|world models?|multimodal models?|open[- ]weights? models?|open[- ]source models?|embedding models?|diffusion models?|video[- ]generation models?|image[- ]generation models?|speech models?|TTS models?|voice models?|vision models?|AI models?|ML models?|open models?|coding models?|stealth models?|video models?|audio models?|image models?|language models?|large language \\w+|vision[- ]language(?:[- ]action)?|text diffusion|diffusion (?:LMs?|LLMs?|language)|\\d+(?:\\.\\d+)?[BMT]\\+? (?:\\w+ )?models?|billions? of parameters|model collapse',
    weight: S,
  },
  {
    re: 'generative (?:AI|art|video|3D|worlds?|search|UIs?|design|media)|gen-AI|neuromorphic',
    weight: S,
  },
  {
    re: 'generative|dimensionality reduction|multi-armed bandits?|fine tun(?:e|ed|es|ing)',
    weight: M,
  },
  // Neural radiance fields, in their capitals: "Google nerfs the Pixel's battery" is not one.
  { re: 'NeRFs?', weight: M, cs: true },
  {
    re: '[A-Za-z0-9-]+\\.ai(?![A-Za-z0-9])|ChromaDB|Pinecone|Weaviate|Qdrant|Milvus|pgvector|LanceDB',
    weight: S,
  },
  {
    re: 'agent[- ](?:driven|based|first|native|skills?|perception|protocol)|cloud agents|(?:for|with|build|builds|your) agents',
    weight: A,
    topics: ['coding'],
    veto: AGENTS_ELSEWHERE,
  },
  {
    re: 'chat ?bots?|chatbots?|AI (?:assistant|companion)s?|(?:coding|code) assistants?',
    weight: S,
    topics: ['products'],
  },
  {
    re: 'text[ -]?(?:to|2)[ -]?(?:image|video|speech|3D|music|audio|CAD|SQL)|speech generation|image generat(?:or|ors|ion)|video generat(?:or|ors|ion)|voice clon(?:e|es|ing)|speech[ -]to[ -](?:text|speech)|voice[ -]to[ -]text|clon(?:e|es|ing) (?:\\w+ )?voices?|latent diffusion|diffusion transformers?|flow matching',
    weight: S,
    topics: ['creative-copyright'],
  },
  { re: 'deep ?fakes?|deepfak\\w+', weight: S, topics: ['creative-copyright'] },
  // Software driven by plain language ("Debug k8s in natural language", "Natural
  // Language to FFmpeg"): in 2025–26 titles a language model does the reading.
  {
    re: '(?:in|using|with|via|through|from) natural language|natural[- ]language (?:to|interfaces?|quer(?:y|ies)|search|commands?|interactions?|prompts?|descriptions?|fields)',
    weight: A,
  },
  // Models by their size or strength ("Small Models Are Smart Enough", "Making
  // Cheaper Models Work Together"); a model's architecture.
  {
    re: '(?:small|smaller|tiny|large|larger|cheap|cheaper|capable|more capable|powerful|weaker|stronger) models|model architectures?',
    weight: A,
  },
  // Renting GPU time is renting AI compute ("Unlock Wasted GPU Capacity").
  {
    re: 'GPU (?:capacity|clusters?|clouds?|rental|marketplace)|idle GPUs|GPU[- ]hours',
    weight: A,
    topics: ['chips-compute'],
  },
  // Jailbreaks are also of phones, consoles and e-readers: supporting evidence only.
  {
    re: 'jailbreak(?:s|ing|ed)?',
    weight: W,
    gate: true,
    veto: 'Kindle|iPhone|iOS|iPad|PS[2-5]|PlayStation|Nintendo|Switch|Xbox|consoles?|firmware|bootrom|root(?:ing|ed)?|Android|vacuum|F-35|routers?|cars?|tractors?',
  },
  // AI coding tools and platforms that only their users know by name.
  {
    re: 'OpenCode|Kilo Code|Kilocode|Roo Code|Humanloop|Flowise|DeepWiki',
    weight: S,
    cs: true,
    topics: ['coding'],
  },
  {
    re: 'reinforcement learning|RLHF|RLVR|RLAIF|GRPO|DPO|(?:self-|un)?supervised learning|in-context learning|representation learning|contrastive learning|few-shot|zero-shot|backprop(?:agation)?|gradient descent|pre-?train(?:ed|ing)|post-?train(?:ed|ing)|fine-?tun(?:e|ed|es|ing)|instruction[- ]tun(?:ed|ing)|parameter-efficient|machine unlearning|double descent|softmax|diariz(?:ation|er)|knowledge distillation|perceptrons?|autoencoders?|\\d+[- ]layers? (?:neural )?(?:networks?|nets)|(?:deep|recurrent|spiking|siamese|residual) networks?|speculative (?:decoding|sampling)|tool[- ]calling|function calling|distill(?:ed|ation) (?:model|LLM)s?',
    weight: S,
    topics: ['research'],
  },
  {
    re: 'natural language processing|NLP|computer vision|speech recognition|sequence model(?:l?ing)?',
    weight: A,
    topics: ['research'],
  },
  // Research vocabulary that arXiv cs.CL/cs.CV/cs.AI titles use and the terms
  // above missed; each is a term of art with no common meaning outside ML.
  {
    re: 'chain[- ]of[- ](?:continuous )?thoughts?|neural (?:video )?(?:codecs?|compression|rendering|radiance fields?)|long[- ]contexts?|auto-?differentiation|automatic differentiation|autodiff|circuit tracing|attribution graphs?|inference (?:API|fleets?|endpoints?|stack|workloads?|hardware)|Weights (?:&|and) Biases|Chinese (?:AI |open )?models|test[- ]time (?:compute|scaling|training|adaptation)|reward (?:models?|hacking)|(?:federated|continual|meta|transfer|curriculum|active|imitation|multi-task) learning|(?:semi|self|weakly)[- ]supervised|convolutional|Kolmogorov[- ]Arnold networks?|visual question answering|question answering|machine translation|image captioning|text[- ]to[- ]SQL|open[- ]vocabulary (?:detection|segmentation)|object detection|(?:semantic|instance|panoptic|image) segmentation|pose estimation|domain adaptation|adversarial (?:examples?|attacks?|robustness)|retrieval[- ]augmented|multi-?modal (?:LLMs?|models?|reasoning|understanding|learning)',
    weight: A,
    topics: ['research'],
  },
  // Diffusion in 2025–26 technology titles is the image and video model
  // ("Diffusion Beats Autoregressive", "Guided Diffusion"); the physics and
  // the sociology of diffusion are told apart by their words.
  {
    re: 'diffusion|autoregressi(?:ve|on)',
    weight: A,
    veto: '\\b(?:gas|heat|thermal|molecular|ion|ions|oxygen|water|atoms?|particles?|innovations?|technology|cultural|responsibility|osmosis|Fick|MRI|tensor imaging|diffusion[- ]weighted|coefficients?|equations?|bonding|welding|pump|barrier|Brownian|ARIMA|econometric\\w*|time series)\\b',
    topics: ['research'],
  },
  // Also said of finance (asset tokenization), chips (a transistor scaling law)
  // and monitoring (anomaly detection): supporting evidence only.
  {
    re: 'multi-?modal|super-resolution|Gaussian[- ]splatting|scaling laws?|tokeni[sz]ation|anomaly detection',
    weight: M,
    gate: true,
  },
  {
    re: 'superintelligen(?:ce|t)|singularitarian|p\\(doom\\)|stochastic parrots?|AI safety|x-risk|existential risk from AI|killer robots?|(?:lethal )?autonomous weapons?(?: systems?)?',
    weight: S,
    topics: ['safety'],
  },
  {
    re: 'interpretability|mechanistic interpretability|sparse autoencoders?',
    weight: M,
    topics: ['safety', 'research'],
  },
  {
    re: 'alignment|misalignment',
    weight: W,
    gate: true,
    veto: 'wheel alignment|planetary alignment|political alignment|alignment of (?:the )?planets',
    topics: ['safety'],
  },
  {
    re: 'prompt[- ]injections?|jailbreak(?:s|ing)? (?:LLMs?|models?|ChatGPT|Claude|Gemini)|system prompts?|context engineering|prompt engineer(?:s|ing)?|(?:emergent|agentic|AI|model) misalignment|misaligned (?:AI|models?|agents?)',
    weight: S,
    topics: ['agent-security'],
  },
  { re: 'prompts?|prompting|prompted', weight: W, gate: true },
  {
    re: 'vibe[ -]?(?:cod(?:e|ed|es|ing|er|ers)|working)|autonomous coding|vibecod\\w*|agentic|agent(?:ic)? (?:harness|loops?|skills|SDK|framework|swarm)s?|AGENTS\\.md|llms\\.txt',
    weight: S,
    topics: ['coding'],
  },
  {
    re: 'AI ?-?agents?|LLM ?-?agents?|coding ?-?agents?|code ?-?agents?|computer[- ]use ?-?agents?|browser ?-?agents?|research ?-?agents?|SQL ?-?agents?|autonomous ?-?agents?|software ?-?agents?|voice ?-?agents?|web ?-?agents?|terminal ?-?agents?|CLI ?-?agents?|background ?-?agents?|data ?-?agents?|multi ?-?agents?|sub ?-?agents?|deep research ?-?agents?|GUI ?-?agents?|multi-agent|sub-?agents?|agent[- ]based AI|agent (?:systems?|traces?|memory|orchestration|workflows?)|(?:build|building|deploy|deploying|orchestrat\\w*|evaluat\\w*|design\\w*) (?:\\w+ )?agents',
    weight: S,
    topics: ['coding'],
  },
  // In technology titles of 2025–26 a bare "agent" is an AI agent ("Agents
  // Sometimes Catastrophize", "An agent in 100 lines of Lisp"); the other
  // agents are told apart by their context (AGENTS_ELSEWHERE).
  {
    re: 'agents?',
    weight: A,
    veto: AGENTS_ELSEWHERE,
    topics: ['coding'],
  },
  {
    re: 'MCP|Model Context Protocol|A2A protocol|Agent2Agent|Responses API|Assistants API',
    weight: A,
    cs: true,
    topics: ['agent-security', 'coding'],
  },
  { re: 'Model Context Protocol', weight: S, topics: ['agent-security', 'coding'] },
  { re: 'RAG|retrieval[ -]augmented(?: generation)?', weight: A, cs: true },
  {
    re: 'RL (?:training|environments?|agents?|fine-?tuning|scaling|gyms?)|RL for (?:LLMs|models|reasoning|agents)',
    weight: S,
    cs: true,
    topics: ['research'],
  },
  {
    re: 'vector (?:database|search|store|DB|index|indexes|indices|layer)s?|VectorDB|S3 Vectors|semantic search|rerank(?:er|ing)|embeddings|embedding[- ](?:space|models?|APIs?|based|vectors?|search)|(?:text|word|sentence|joint)[- ]embeddings?',
    weight: A,
  },
  {
    re: 'embeddings?',
    weight: M,
    gate: true,
    veto: 'embedding (?:a |an |the )?(?:video|tweet|font|image|iframe|Godot)',
  },
  // Data, runs and sets of training are said of models.
  { re: 'training (?:data|runs?|sets?|compute)', weight: A },
  {
    re: 'tokens? per second|context windows?|tokeni[sz]ers?|KV[- ]cache|inference (?:engine|server|cost|costs|chip|chips|provider|providers|speed)|inference[- ]optimi[sz]ed|inference clusters?|Tensor Processing Units?|systolic arrays?|autograd',
    weight: A,
  },
  {
    re: 'inference|tokens?|parameters|weights|checkpoints?|benchmark(?:s|ed)?|evals?|leaderboards?|trained on|datasets?|GPUs?|CUDA|accelerators?|data ?cent(?:er|re)s?|compute|chips?|semiconductors?|HBM',
    weight: W,
    gate: true,
    topics: ['chips-compute'],
  },
  {
    re: 'transformers?',
    weight: A,
    veto: 'Optimus Prime|Megatron|Autobots?|Decepticons?|Bumblebee|Michael Bay|Hasbro|Lego|box office|movie|film|power grid|substations?|utilit(?:y|ies)|electrical|voltage|\\bkV\\b|transformer (?:shortage|fire|explosion|station)|grid',
    topics: ['research'],
  },
  {
    re: "attention (?:mechanisms?|heads?|layers?|sinks?|matching|residuals)|attention[- ]free|(?:attention|all) (?:is|wasn[’']t) all (?:we|you) need(?:ed)?|(?:sparse|linear|flash|multi-head|grouped-query|hybrid|native sparse|latent|paged|causal|cross|sliding[- ]window) attention|FlashAttention|self-attention|mixture[ -]of[ -]experts|MoE|LoRA|QLoRA|quanti[sz](?:ed|ation|ing)|local (?:AI|LLMs?|models?|inference)|private (?:AI|LLMs?|models?|inference)|on-device (?:AI|LLMs?|models?|inference)|edge (?:AI|LLMs?|models?|inference)|GGUF|safetensors|open[ -]weights?|weights are open|\\d+(?:\\.\\d+)?B[- ]model|\\d+(?:\\.\\d+)?B[- ]class|\\d+(?:\\.\\d+)?B[- ]param(?:eter)?s?|\\d+(?:\\.\\d+)?B[- ]instruct|\\d+(?:\\.\\d+)?B[- ]dense|\\d+(?:\\.\\d+)?B[- ]MoE|A\\d+B",
    weight: A,
    topics: ['open-weights'],
  },
  {
    re: 'humanoid robots?|robotaxis?|self-driving(?: cars?)?|Full Self-Driving|driverless (?:cars?|trucks?|vehicles?|taxis?|rides?|buses|big rigs|freight|semi)|autonomous (?:vehicles?|cars?|driving|trucks?|rides?|delivery|tractors?|drones?|weapons?)|robot (?:learning|foundation model|policy|policies)|embodied (?:AI|intelligence)|Figure AI|Physical Intelligence|Tesla Optimus|Tesla Autopilot|Waymo|Zoox|Wayve',
    weight: A,
    topics: ['robotics'],
  },
  {
    re: 'robots?|robotics|humanoids?|robotaxis?|self-driving|driverless|autonomous (?:vehicles?|cars?|driving|trucks?)|Autopilot|Full Self-Driving|FSD|Waymo|Boston Dynamics',
    weight: W,
    gate: true,
    topics: ['robotics'],
  },
  {
    re: "facial[- ]recognition|face[- ]recognition|facial surveillance|face scan(?:s|ning)?|face-scanning|scan everyone[’']s faces?|scann(?:ing|ed|ed in) (?:their |your |people[’']s |customers[’'] )?faces",
    weight: A,
    topics: ['policy'],
  },
  // Made-up citations and features are what language models do; the other
  // hallucinations are of drugs and illness.
  {
    re: 'hallucinat(?:e|es|ed|ing|ion|ions|ive)',
    weight: A,
    veto: 'mushrooms?|psychedelic\\w*|psilocybin|\\bLSD\\b|\\bDMT\\b|drugs?|schizophren\\w*|psychos[ie]s|dementia|Parkinson|seizures?|migraines?|delirium|patients?',
  },
  // Tensor Processing Units; TPU is also a 3D-printing plastic.
  {
    re: 'TPUs?|TPU-style',
    weight: A,
    cs: true,
    veto: 'filament|3D[- ]print\\w*|thermoplastic|phone cases?|shoes?',
  },
  {
    re: 'JEPA|DeepDream|YOLOv\\d+|Nvidia (?:Cosmos|NIM|NeMo|Isaac|GR00T)|GR00T|Project Genie|Stargate (?:UK|Norway|UAE|India|Argentina|Michigan|Texas|Abilene|of China|sites?|data cent\\w+)',
    weight: S,
    cs: true,
  },
  {
    re: 'slop|sycophan(?:cy|tic)|self-?play|grokking|machine-generated|synthetic data|SOTA|radiance fields?|recommender systems?|verifiable rewards?',
    weight: M,
    gate: true,
  },
  { re: 'semantic|neural|cognitive|algorithms?|automat(?:ed|ion)|smart', weight: 0.3, gate: true },
  // Words of the field that are also everyday words (fashion models, dog
  // training, frontier towns, paying attention): two of them together, or one
  // beside a surer term, make the case; alone they count nothing.
  {
    re: 'models?',
    weight: W,
    gate: true,
    veto: '\\bModel [3SXY]\\b|\\b(?:role|business|memory|climate|weather|fashion|runway|scale|data|threat|mental|object|actor|Nordic|economic|animal|mouse|pricing|revenue|operating|governance|security|consistency|programming|execution|cost|3D) models?\\b|supermodels?|OnlyFans|model (?:trains?|railways?|organisms?|UN|aircraft|homes?|citizens?|minority|rockets?|kits?)\\b',
  },
  {
    re: 'reasoning|training|distill(?:ed|ing|ation)|frontier|latent|attention|tensors?|tensor cores?|convolutions?|Whisper',
    weight: W,
    gate: true,
    veto: '\\b(?:dog|puppy|strength|weight|interval|military|police|sensitivity|compliance|safety|fire|flight|pilot|athletic|marathon|potty) training\\b|training (?:camp|wheels|day)|whisk(?:e)?y|spirits|vodka|\\bgin\\b|\\brum\\b|brandy|distilled water|distillery|essential oils?|Frontier (?:Airlines|Communications)|Electronic Frontier|\\bEFF\\b|final frontier|frontier (?:town|life|days)|attention (?:span|economy|to detail|deficit)|ADHD|pay(?:ing)? attention|latent (?:heat|tuberculosis|TB|virus|infection)|whisper(?:ed|ing|s)\\b',
  },

  // ── Companies and labs whose news is AI news.
  {
    re: 'OpenAI|Anthropic|DeepMind|Google Brain|Hugging ?Face|HuggingFace|Mistral AI|Stability AI|Cohere|Perplexity AI|AI21|Ai2|Allen Institute for AI|Meta AI|Meta Superintelligence|Superintelligence Labs|Safe Superintelligence|Thinking Machines(?: Lab)?|Moonshot AI|Zhipu(?: AI)?|Z\\.ai|MiniMax|StepFun|Baichuan|01\\.AI|Nous Research|EleutherAI|LAION|Sakana AI|Reka AI|Inflection AI|Character\\.?AI|Scale AI|Surge AI|Mercor|Cognition Labs|Magic\\.dev|Poolside|Liquid AI|Cerebras|Groq|SambaNova|Etched|Tenstorrent|Graphcore|CoreWeave|Lambda Labs|Together AI|Fireworks AI|Baseten|Nebius|Replicate|RunPod|OpenRouter|LMArena|Chatbot Arena|Midjourney|Runway ?ML|Runway Gen-\\d|Pika Labs|Suno|Udio|ElevenLabs|Black Forest Labs|Manus(?:AI| AI)?|Harvey AI|Glean|Sierra AI|Decagon|Lovable|Bolt\\.new|Replit Agent|Windsurf|Codeium|Anysphere|Cursor(?: AI| IDE| editor| agent| rules| Composer)|Cline|Aider|OpenHands|OpenClaw|Moltbook|Kiro|Jules agent|Figure AI|Skild|Unitree',
    weight: S,
    topics: ['business'],
  },
  {
    re: 'Perplexity (?:Comet|Pro|CEO|AI|raises|launches|sued)|Cursor (?:raises|hits|valuation|CEO|launches|acquires|buys)|(?:[Bb]uy|[Bb]uys|[Bb]uying|[Aa]cquires?|[Aa]cquiring|[Aa]cquisition of|[Aa]cquired by|[Jj]oins|[Jj]oining) Cursor|(?:[Aa]cquires?|[Aa]cquiring|[Aa]cquisition of|[Bb]uys?) Modular|Devin AI|Cognition AI',
    weight: S,
    cs: true,
    topics: ['business'],
  },
  {
    re: 'Perplexity',
    weight: A,
    cs: true,
    veto: 'perplexity (?:score|metric)|bits per|cross-entropy',
  },
  {
    re: 'Cursor|Windsurf|Replit|Devin|Modular|Mojo|Kaggle|Lovable|Manus|Comet browser',
    weight: M,
    cs: true,
    gate: true,
    veto: 'windsurf(?:ing|er|ers)|kitesurf|mouse cursor|cursor (?:position|blink)',
  },

  // ── People who make news for AI.
  {
    re: 'Sam Altman|Dario Amodei|Daniela Amodei|Demis Hassabis|Yann LeCun|Geoffrey Hinton|Ilya Sutskever|Mira Murati|Andrej Karpathy|Greg Brockman|Mustafa Suleyman|Fei-Fei Li|Yoshua Bengio|Alexandr Wang|Jan Leike|Chris Olah|Eliezer Yudkowsky|Noam Brown|Noam Shazeer|Jakub Pachocki|Mark Chen|Nat Friedman|Daniel Gross|Liang Wenfeng|Arthur Mensch|Aidan Gomez|Andrew Ng|Jeff Dean|Oriol Vinyals|Lilian Weng|Simon Willison|Gary Marcus|Nick Bostrom|Stuart Russell|Ethan Mollick|Jensen Huang',
    weight: S,
    veto: ALTMAN_ELSEWHERE,
  },
  {
    re: 'Altman|Amodei|Hassabis|LeCun|Sutskever|Karpathy|Murati|Yudkowsky|Hinton|Bengio|Suleyman|Dwarkesh',
    weight: M,
    veto: ALTMAN_ELSEWHERE,
  },

  // ── Models and products.
  {
    re: 'ChatGPT|GPT[- ]?[1-9](?:\\.\\d+)?[a-z]*(?:[- ](?:mini|nano|pro|turbo|Codex|oss|Sol|Ultra|Thinking))?|GPT-?oss|gpt-oss|GPTs|InstructGPT|GPT Image|GPT-Image|o1-(?:mini|pro|preview|high)|o2-(?:mini|pro|preview|high)|o3-(?:mini|pro|preview|high)|o4-(?:mini|pro|preview|high)|SearchGPT|Operator agent|Deep Research',
    weight: S,
    topics: ['products'],
  },
  {
    re: "Claude(?:[ -](?:Code|Opus|Sonnet|Haiku|Desktop|Design|Cowork|Mythos|Fable|Platform|Skills|Managed Agents|for Chrome|\\d+(?:\\.\\d+)?|AI|Pro|Max|Gov)|\\.ai)|Anthropic[’']s Claude|Opus \\d(?:\\.\\d+)?|Sonnet \\d(?:\\.\\d+)?|Haiku \\d(?:\\.\\d+)?|Fable \\d(?:\\.\\d+)?|Mythos \\d(?:\\.\\d+)?",
    weight: S,
    topics: ['products'],
  },
  {
    re: 'Claude',
    weight: A,
    cs: true,
    veto: '(?:Jean|Jean-|Jean )Claude|Claude (?:Monet|Debussy|Shannon|L[ée]vi|Chabrol|Lelouch|Rains|Mak[ée]l[ée]l[ée]|Puel|Bernard|Cahun|Lorrain|Fran[cç]ois|Nougaro|Brasseur|Berri|Sautet|Zidi|Frollo|Lanzmann|Julien|Van Damme|Juncker|Gu[ée]ant|Bartolone|Perdriel|Allègre)|Monet|Debussy|Shannon',
  },
  {
    re: "Gemini(?:[ -](?:\\d(?:\\.\\d+)?|Pro|Flash|Ultra|Nano|CLI|Advanced|Live|app|Deep (?:Research|Think)|Robotics|Diffusion|Omni|Embedding|Era|in Chrome|for (?:Home|Workspace|Android|Gmail)|Code Assist|API|model)|[’']s)|Google[’']s Gemini|Google Gemini|Gemma(?:[ -]?\\d+)?|Nano Banana|NotebookLM|Veo ?\\d|Imagen ?\\d|Genie ?\\d|Project Astra|Project Mariner|Jules|AI Overviews?|AI Mode|Bard",
    weight: S,
    topics: ['products'],
  },
  {
    re: 'Gemini',
    weight: A,
    cs: true,
    veto: 'horoscopes?|zodiac|astrolog\\w*|star signs?|constellations?|Project Gemini|Gemini (?:program|mission|capsule|spacecraft|protocol|exchange|Trust|Man|twins?|Observatory|Planet|Rights|Sign)|Winklevoss|crypto|bitcoin|gemini://|Gemini [IVX]+\\b|Apollo',
  },
  {
    re: "Llama[ -]?\\d(?:\\.\\d)?|Code ?Llama|llama\\.cpp|Ollama|TinyLlama|Meta[’']s Llama|Llama (?:model|models|weights|Stack|Guard)",
    weight: S,
    topics: ['open-weights'],
  },
  {
    re: 'Llama',
    weight: A,
    cs: true,
    veto: 'alpacas|llamas|wool|farms?|ranch|Andes|Peru|Bolivia|zoo|camelids?|animal|pack animal|Fortnite|Drama Llama',
  },
  {
    re: 'Mistral (?:\\d+B|Large|Medium|Small|Le Chat|NeMo|Saba|OCR|Code|Vibe)|Mixtral|Magistral|Devstral|Codestral|Pixtral|Voxtral|Ministral|Leanstral|Shieldstral|Robostral|Le Chat',
    weight: S,
    topics: ['open-weights'],
  },
  {
    re: 'Mistral',
    weight: A,
    cs: true,
    veto: '\\bwind|Bugatti|Provence|warships?|helicopter carrier|Mistral-class|Rhône|cyclists?|Frédéric Mistral|Gabriela Mistral',
  },
  {
    re: 'DeepSeek|Qwen\\d?(?:\\.\\d+)?|QwQ|Kimi(?:[ -]K\\d(?:\\.\\d)?)?|GLM[- ]?\\d(?:\\.\\d+)?|Phi-\\d|Nemotron|OLMo|Tülu|Tulu \\d|Granite \\d|Command R|Jamba|Hunyuan\\w*|Moondream\\d?|MiMo|Ernie \\d(?:\\.\\d)?|Falcon[- ]H\\d|LTX-?(?:V|Video|2)|TRELLIS|LFM\\d|Doubao|ERNIE|Ernie Bot|InternLM|LongCat|Seedance|Seedream|Kling|Hailuo|MiniMax-M\\d|Grok(?:[ -]?\\d(?:\\.\\d)?)?|Copilots?|Codex CLI|OpenAI Codex|Sora|DALL[·-]?E|Stable Diffusion|SDXL|FLUX\\.\\d|Flux(?:[ .]\\d)? (?:Klein|Kontext|Schnell)|Flux (?:Pro|Dev)|Whisper(?:\\.cpp| model| large)|whisper\\.cpp|Segment Anything|AlphaFold|AlphaGo|AlphaZero|AlphaEvolve|AlphaProof|AlphaGeometry|AlphaDev|MuZero|Apple Intelligence|Galaxy AI|Meta AI|Alexa\\+|Microsoft 365 Copilot|Muse Spark|Eleven v\\d|Eleven Music|Lyria ?\\d|DINOv\\d|GitHub Models|Prompt API|MAI-(?:[A-Z][a-z]+|\\d)[\\w.-]*|GLM-Image',
    weight: S,
    cs: true,
    veto: 'co-?pilot (?:of|on) (?:the )?(?:plane|flight|aircraft)|cockpit|airline',
    topics: ['model-releases'],
  },
  // Open models and local front ends of 2025–26 that r/LocalLLaMA names.
  {
    re: 'SmolLM\\d?|Open[- ]?WebUI|AnythingLLM|LibreChat|SillyTavern|KoboldCpp|F5-TTS|StyleTTS\\d?|Kokoro TTS|Chatterbox TTS|Wan ?2\\.\\d|HiDream|WizardLM\\d?|Seed-OSS',
    weight: S,
    cs: true,
    topics: ['open-weights'],
  },
  {
    re: 'Codex',
    weight: A,
    cs: true,
    veto: 'Codex (?:Alimentarius|Sinaiticus|Leicester|Seraphinianus|Gigas|Atlanticus)|Warhammer|manuscripts?',
  },
  {
    re: 'Sonnet|Opus|Haiku|Mythos|Fable',
    weight: M,
    cs: true,
    gate: true,
    veto: 'Warhammer|Shakespeare|sonnets|Opus Dei|magnum opus|haiku poems?|Fable (?:game|Anniversary|Legends)|Lionhead|Playground Games|Xbox|Aesop',
  },
  {
    re: "vLLM|SGLang|LangChain|LangGraph|LangSmith|LlamaIndex|DSPy|PyTorch|TensorFlow|Keras|scikit-learn|tinygrad|MLX|JAX|Triton kernels?|TensorRT|ONNX|Transformers library|LM Studio|llamafile|Unsloth|Axolotl|MLflow|Kubeflow|Weights & Biases|wandb|NeurIPS|ICML|ICLR|CVPR|EMNLP|SWE-bench|ARC-AGI|MMLU|HumanEval|Humanity[’']s Last Exam|BERT|ResNet|word2vec|GANs?|VAEs?|CLIP model|Stable Audio|Gradio",
    weight: S,
    cs: true,
    topics: ['research'],
  },

  // ── Chips made for AI work.
  {
    re: 'H100s?|H200s?|H20s?|B200s?|B300s?|GB200|GB300|Blackwell|Vera Rubin|DGX|TPU ?v\\d|Ironwood TPU|Trainium|Inferentia|MI[34]\\d\\dX?|GH200|GB10|A100s?|DGX Spark|Gaudi ?\\d|Dojo supercomputers?|Tesla Dojo|Cerebras|AI chips?|AI accelerators?|AI supercomputers?|AI data ?cent(?:er|re)s?|AI infrastructure|AI factor(?:y|ies)',
    weight: S,
    cs: true,
    topics: ['chips-compute'],
  },
  { re: 'Nvidia|NVIDIA|Jensen', weight: W, cs: true, gate: true, topics: ['chips-compute'] },
  // Baidu is a search company with an AI lab, Ernie a first name and Baidu's
  // models: each only supports ("Baidu's open source Ernie is about to hit the
  // market"), and the two together say AI.
  { re: 'Baidu', weight: W, cs: true, gate: true },
  {
    re: 'Ernie',
    weight: W,
    cs: true,
    gate: true,
    veto: 'Bert and Ernie|Sesame Street|Ernie (?:Els|Hudson|Banks|Sanders|Wise|Johnson|Kovacs)',
  },
];

/**
 * Topic cues: words that say which kind of AI story a text is, once it is
 * known to be about AI. They never make a text about AI on their own.
 */
export const TOPIC_CUES: { topic: AiTopicId; re: string }[] = [
  {
    topic: 'model-releases',
    re: 'releases?|released|launch(?:es|ed)?|introduc(?:es|ing)|unveil(?:s|ed)?|announc(?:es|ed|ing)|now available|system card|model card|preview|new model|GPT-\\d|Claude \\w+ \\d|Gemini \\d|Llama \\d|Qwen\\d?|DeepSeek[- ][VR]\\d',
  },
  {
    topic: 'open-weights',
    re: 'open[ -]source|open[ -]weights?|weights|Hugging ?Face|GGUF|local(?:ly)?|self[ -]host(?:ed|ing)?|Llama|Qwen|DeepSeek|Mistral|Gemma|gpt-oss|Ollama|llama\\.cpp|LocalLLaMA|quantiz\\w+',
  },
  {
    topic: 'research',
    re: 'paper|arXiv|research(?:ers)?|study|we propose|benchmark|dataset|scaling laws?|architecture|theorem|proof|neural|learning',
  },
  {
    topic: 'safety',
    re: 'safety|alignment|misalign(?:ed|ment)|existential|x-risk|doom\\w*|deceptive|scheming|sycophan(?:cy|tic)|interpretability|red[ -]team(?:ing)?|guardrails?|blackmail|rogue',
  },
  {
    topic: 'policy',
    re: 'regulat(?:e|es|ion|ions|ors?)|law(?:s|makers)?|bill|act|senate|congress|EU|European Commission|government|ban(?:s|ned)?|executive order|policy|court|ruling|antitrust|FTC|White House|ministry|minister|Trump|Pentagon|Department of Defense|military|state attorneys? general',
  },
  {
    topic: 'chips-compute',
    re: 'chips?|GPUs?|TPUs?|Nvidia|AMD|semiconductors?|data ?cent(?:er|re)s?|compute|H100|H200|Blackwell|TSMC|export controls?|power grid|electricity|nuclear|supercomputers?|HBM|memory',
  },
  {
    topic: 'jobs-economy',
    re: 'jobs?|layoffs?|laid off|lay off|workers?|employment|unemployment|hiring|labou?r|wages?|economy|economic|productivity|workforce|careers?|bubble|GDP',
  },
  {
    topic: 'business',
    re: 'rais(?:es|ed)|funding|valuation|investors?|invest(?:s|ment)|acquir(?:es|ed|ition)|IPO|revenue|startup|billion|\\$\\d+[BM]|deal|partnership|shares|stock|market|S-1|CEO|hires?|poach\\w*',
  },
  {
    topic: 'creative-copyright',
    re: 'copyright(?:ed)?|artists?|authors?|music|musicians?|lawsuit|sued|fair use|licens(?:e|ing)|publishers?|writers?|books?|Hollywood|actors?|voice actors?|studios?|images?|video|art|deepfakes?',
  },
  {
    topic: 'health',
    re: 'health|medical|medicine|doctors?|patients?|clinical|hospitals?|diagnos(?:is|e|tic)|drugs?|cancer|therapy|therapists?|mental health|FDA|nurses?|protein|biolog\\w*',
  },
  {
    topic: 'agent-security',
    re: 'prompt injection|exfiltrat(?:e|ion)|vulnerabilit(?:y|ies)|exploit|security|malicious|attack(?:s|ers)?|backdoor|sandbox|MCP|permissions?|lethal trifecta|secrets|cyber\\w*|hack(?:ed|ers?|ing)?',
  },
  {
    topic: 'coding',
    re: 'coding|code|programm(?:ing|ers?)|developers?|software engineer(?:s|ing)?|Copilot|Cursor|Claude Code|Codex|IDE|pull requests?|GitHub|vibe[ -]cod(?:e|ing)|agents?|VS ?Code|terminal|CLI',
  },
  {
    topic: 'products',
    re: 'ChatGPT|assistant|app|feature|users|subscription|Siri|Alexa|search|browser|voice mode|update|ads?|plans?|chatbots?|Gemini|Copilot|Meta AI',
  },
  {
    topic: 'robotics',
    re: 'robots?|robotics|humanoids?|self[ -]driving|autonomous (?:cars?|vehicles?|driving)|Waymo|Optimus|drones?|robotaxis?|embodied',
  },
];
