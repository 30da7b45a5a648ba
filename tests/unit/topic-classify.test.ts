import { describe, expect, it } from 'vitest';
import { classifyText } from '../../utils/topic/classify';
import { AI_TOPICS } from '../../utils/topic/topics';

const ai = (title: string, lang: string | null = 'en', text?: string) =>
  classifyText({ title, lang, text }).ai;

describe('classifyText', () => {
  it('recognises plain AI titles', () => {
    expect(ai('OpenAI raises $40B at a $300B valuation')).toBe(true);
    expect(ai('Show HN: A tiny C program where an LLM rewires its DAG while running')).toBe(true);
    expect(ai('Claude Opus 4.1')).toBe(true);
    expect(ai('Llama 3.1 405B released')).toBe(true);
  });

  it('does not see AI inside other words or names', () => {
    expect(ai('Thai officials said AIDS funding will rise')).toBe(false);
    expect(ai('Ai Weiwei opens a new exhibition in Berlin')).toBe(false);
    expect(ai('BRAIN FAIR: SAID TO BE THE BEST')).toBe(false);
  });

  it('keeps ambiguous names apart from AI', () => {
    expect(ai('Claude Monet: water lilies sold at auction')).toBe(false);
    expect(ai('Gemini horoscope for the week')).toBe(false);
    expect(ai('Llama farm opens in the Andes')).toBe(false);
    expect(ai('Power transformer shortage slows grid upgrades')).toBe(false);
  });

  it('reads other languages through their words for AI', () => {
    expect(ai('Die KI-Verordnung tritt in Kraft', 'de')).toBe(true);
    expect(ai('Künstliche Intelligenz in der Schule', 'de')).toBe(true);
    expect(ai("L'IA générative bouleverse les rédactions", 'fr')).toBe(true);
    expect(ai('La inteligencia artificial llega al aula', 'es')).toBe(true);
    expect(ai('人工知能の未来', 'ja')).toBe(true);
    expect(ai('生成AIの使い方', 'ja')).toBe(true);
    expect(ai('人工智能发展报告', 'zh')).toBe(true);
    expect(ai('인공지능 규제 법안', 'ko')).toBe(true);
    // IA is Iowa in English, and KI is not an acronym for AI there.
    expect(ai('Des Moines, IA: city council votes', 'en')).toBe(false);
  });

  it('judges the body by density, not by a passing mention', () => {
    const filler = 'The council met on Tuesday to discuss the budget for roads and parks. '.repeat(
      60,
    );
    expect(ai('City budget approved', 'en', filler + 'Someone mentioned AI once.')).toBe(false);
    const aiBody =
      'The new language model beats GPT-4 on benchmarks. OpenAI and Anthropic responded. ' +
      'Large language models and machine learning are changing how the AI field works. ';
    expect(ai('A busy week', 'en', aiBody.repeat(3))).toBe(true);
  });

  it('returns a score in 0..1 and only known topic ids', () => {
    const known = new Set<string>(AI_TOPICS.map((t) => t.id));
    const r = classifyText({ title: 'OpenAI sued by authors over copyright of training data' });
    expect(r.score).toBeGreaterThanOrEqual(0.5);
    expect(r.score).toBeLessThanOrEqual(1);
    expect(r.topics.length).toBeGreaterThan(0);
    for (const t of r.topics) expect(known.has(t)).toBe(true);
    expect(r.topics).toContain('creative-copyright');
    const no = classifyText({ title: 'Norway zips ahead in EV race' });
    expect(no).toEqual({ ai: false, score: 0, topics: [] });
  });
});

describe('research vocabulary and its ambiguous neighbours', () => {
  it('counts terms of art that have no meaning outside machine learning', () => {
    expect(ai('Faithfulness of chain-of-thought explanations')).toBe(true);
    expect(ai('Open-vocabulary object detection on a phone')).toBe(true);
    expect(ai('A benchmark for visual question answering in medicine')).toBe(true);
    expect(ai('Retrieval-augmented generation over a wiki')).toBe(true);
    expect(ai('Orpheus-3B runs on a laptop')).toBe(true);
    expect(ai('PydanticAI 1.0')).toBe(true);
  });

  it('needs support for words that are also said of finance, chips and aircraft', () => {
    expect(ai('Tokenization of real estate: a primer for investors')).toBe(false);
    expect(ai('A new scaling law for transistors')).toBe(false);
    expect(ai('Anomaly detection for credit card fraud with SQL')).toBe(false);
    expect(ai('MiG-29B upgrade programme announced')).toBe(false);
    expect(ai('Mouse cursor acquires a trail in the new theme')).toBe(false);
    expect(ai('Tokenization and scaling laws of byte-level models')).toBe(true);
  });

  it('reads Cursor as the company in acquisition news', () => {
    expect(ai('Big Tech firm is buying Cursor')).toBe(true);
  });

  it('reads Baidu and Ernie together as the model, either alone as the company or the name', () => {
    expect(ai("Baidu's open source Ernie is about to hit the market")).toBe(true);
    expect(ai('Baidu launches new search features')).toBe(false);
    expect(ai('Ernie and his brother open a bakery')).toBe(false);
    expect(ai('Bert and Ernie visit Baidu headquarters')).toBe(false);
  });
});

describe('words of the field that are also everyday words', () => {
  it('reads a bare "agent" as software unless its context says police, trade or chemistry', () => {
    expect(ai('Agents Sometimes Catastrophize')).toBe(true);
    expect(ai('Show HN: An agent in 100 lines of Lisp')).toBe(true);
    expect(ai('Federal agents arrest firefighters working on a wildfire')).toBe(false);
    expect(ai('ICE agents trash-talk one another on a DHS forum')).toBe(false);
    expect(ai('Zillow removed climate risk scores under pressure from real estate agents')).toBe(
      false,
    );
    expect(ai('History of the browser user-agent string')).toBe(false);
    expect(ai('A bacterium is the causative agent of sea star wasting disease')).toBe(false);
  });

  it('tells diffusion models from the diffusion of gases and ideas', () => {
    expect(ai('Diffusion beats autoregressive in data-constrained settings')).toBe(true);
    expect(ai('Plants sense their barrier by measuring gas diffusion')).toBe(false);
    expect(ai('The diffusion of innovations in rural Kenya')).toBe(false);
  });

  it('needs two field words, or a surer term, before "models" or "training" count', () => {
    expect(ai('Apple confirms Mac Pro is dead, no future models planned')).toBe(false);
    expect(ai('Dog training tips for the holidays')).toBe(false);
    expect(ai('Understanding RL for model training')).toBe(true);
    expect(ai('Distillation scaling laws')).toBe(true);
  });

  it('does not let everyday field words in a body meet by chance', () => {
    // "model" in the title, "reasoning", "prompt" and "latent" in the body: each
    // ambiguous, and together still a story about a fashion model.
    const body =
      'Her reasoning was clear and her prompt reply ended the row. Latent doubts remained. '.repeat(
        2,
      );
    expect(ai('A top model speaks out', 'en', body)).toBe(false);
    expect(ai('A top model speaks out', 'en', `${body} A language model wrote it.`)).toBe(true);
  });

  it('counts the spelled-out forms and the typed-with-an-L "Al"', () => {
    expect(ai('What is artificial general intelligence?')).toBe(true);
    expect(ai('Chrome removes claim of on-device Al not sending data to Google')).toBe(true);
    expect(ai('Al Gore speaks at climate summit')).toBe(false);
  });

  it('counts self-driving cars and made-up citations, not driverless USB or mushrooms', () => {
    expect(ai('Tesla faces wider probe of self-driving feature')).toBe(true);
    expect(ai('110k publications from 2025 might include hallucinated citations')).toBe(true);
    expect(ai('A mushroom that makes people have the exact same hallucination')).toBe(false);
    expect(ai('Pico W firmware creates driverless USB WiFi bridge')).toBe(false);
  });

  it('matches the same in a text whose length changes in lower case (Turkish İ)', () => {
    expect(ai('İstanbul: yapay zeka ve machine learning konferansı', 'tr')).toBe(true);
    expect(ai('İstanbul belediyesi yeni bütçeyi açıkladı', 'tr')).toBe(false);
  });
});

describe('vocabulary added from the unlabelled Hacker News pool (2026-12-02)', () => {
  it('reads names built on the field and its terms of art', () => {
    expect(ai('StreamingVLM: Real-Time Understanding for Infinite Video Streams')).toBe(true);
    expect(ai('Model2Vec as a Fasttext Alternative')).toBe(true);
    expect(ai('I modeled the Voynich Manuscript with SBERT')).toBe(true);
    expect(ai('The Gumbel-Softmax Distribution')).toBe(true);
    expect(ai('Cybersecurity Instruction Tuned Model')).toBe(true);
    expect(ai('Ask HN: What speaker diarization tools should I look into?')).toBe(true);
    // All-capital names that end in BERT are people, not models.
    expect(ai('ROBERT DE NIRO AND GILBERT GOTTFRIED ON STAGE')).toBe(false);
  });

  it('counts plain-language interfaces, model sizes and rented GPU time', () => {
    expect(ai('Show HN: Chat With Cluster – Debug k8s in natural language')).toBe(true);
    expect(ai('EsoNatLangs bring the complexity of natural language into code')).toBe(false);
    expect(ai('Small Models Are Smart Enough')).toBe(true);
    expect(ai('Launch HN: Expanse (YC P26) – Unlock Wasted GPU Capacity')).toBe(true);
    expect(ai('Nvidia GeForce RTX 5060 arrives May 19 at $299')).toBe(false);
  });

  it('counts coding assistants and the coding tools known by name', () => {
    expect(ai('Coding assistants are solving the wrong problem')).toBe(true);
    expect(ai('Kilo Code has been acquired by Anaconda')).toBe(true);
    expect(ai('Annoying and alarming things about OpenCode')).toBe(true);
    expect(ai('Continue has been acquired by Cursor')).toBe(true);
    expect(ai('Qualcomm to acquire Modular')).toBe(true);
    expect(ai('Modular synthesizers for beginners')).toBe(false);
  });

  it('reads o3 as the model, not the compiler flag or O(1)', () => {
    expect(ai('I used o3 to find a remote zeroday in the Linux SMB implementation')).toBe(true);
    expect(ai('Why -O3 is not always faster than -O2')).toBe(false);
    expect(ai('Show HN: wcwidth-o1 – Find Unicode text cell width in no time')).toBe(false);
  });

  it('needs support for misalignment, jailbreaks and generative music', () => {
    expect(ai('How does misalignment scale with model intelligence and task complexity?')).toBe(
      true,
    );
    expect(ai('Tahoe pull-down buttons are misaligned')).toBe(false);
    expect(ai('Fable ban was never about a jailbreak?')).toBe(true);
    expect(ai('New Kindle jailbreak works with any Kindle on any firmware')).toBe(false);
    expect(ai('Show HN: A programming environment for generative music')).toBe(false);
    expect(ai('Fine Tuning the Erlang Virtual Machine')).toBe(false);
  });

  it('reads NeRFs in capitals and networks by their kind or depth', () => {
    expect(ai('Sony nerfs its console benchmarks')).toBe(false);
    expect(ai('µPC: Scaling Predictive Coding to 100 Layer Networks')).toBe(true);
    expect(ai('Masked recurrent networks for scene completion')).toBe(true);
    expect(ai('AWS publishes its new random graph network topology')).toBe(false);
  });

  it('does not let "model trains" veto "model training"', () => {
    expect(ai('Nightshade: Make images unsuitable for model training')).toBe(true);
    expect(ai('Model trains and model railways at the county fair')).toBe(false);
  });

  it("leaves Sam Altman's other companies out", () => {
    expect(ai("Sam Altman's Orb startup investigated financial misconduct allegations")).toBe(
      false,
    );
    expect(ai('Sam Altman says GPT-6 will arrive next year')).toBe(true);
  });
});

describe("a link's address (real Hacker News titles and their links)", () => {
  const linked = (title: string, url: string) => classifyText({ title, lang: null, url }).ai;

  it('counts a name in the address almost as in the title', () => {
    const title = 'Vijaye Raji to become CTO of Applications with acquisition of Statsig';
    expect(classifyText({ title, lang: null }).ai).toBe(false);
    expect(
      linked(
        title,
        'https://openai.com/index/vijaye-raji-to-become-cto-of-applications-with-acquisition-of-statsig/',
      ),
    ).toBe(true);
    expect(
      linked(
        'Heretic has been served a legal notice by Meta, Inc',
        'https://old.reddit.com/r/LocalLLaMA/comments/1tjmvx6/heretic_has_been_served_a_legal_notice_by_meta_inc/',
      ),
    ).toBe(true);
  });

  it('counts a bare acronym in the address (an .ai domain, a last slug word) half', () => {
    expect(
      linked(
        'Postgres Postmaster does not scale',
        'https://www.recall.ai/blog/postgres-postmaster-does-not-scale',
      ),
    ).toBe(false);
    expect(
      linked(
        'Microsoft could be the next Big Tech antitrust target',
        'https://www.theverge.com/policy/940220/microsoft-ftc-antitrust-investigation-cloud-ai',
      ),
    ).toBe(false);
    expect(
      linked(
        "The SpaceX IPO Is Elon's Bet on the Future of Humanity",
        'https://www.piratewires.com/p/the-spacex-ipo-is-elons-bet-on-agi',
      ),
    ).toBe(false);
  });

  it('lets a name that is only barely enough (MoE, also a .moe host) decide only with support', () => {
    expect(
      linked('Removing Idle Uploads', 'https://blog.catbox.moe/post/821058172332769280/'),
    ).toBe(false);
  });
});
