/**
 * Main-text extraction against gold text: article-extraction-benchmark
 * (ground-truth.json articleBody) and readability-test-pages (expected.html),
 * for our extractor and for @mozilla/readability on the same pages, in the
 * same run, each timed on its own freshly parsed Document.
 *
 * Our side runs utils/page/main-text.ts, the code the full page reader (read-full.js) uses for
 * its lead, with the cap raised from MAX_LEAD_CHARS to the whole text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { FINISHED } from '../../utils/page/finish';
import { mainText } from '../../utils/page/main-text';
import { readMetadata } from '../../utils/page/metadata';
import { parseDocument, readHtmlFile } from './load-page';
import { mean, quantile, tokenF1 } from './metrics';

const FULL_TEXT_CHARS = 500_000;

/** Synthetic readability cases (markup tests, not real pages). */
export const SYNTHETIC_READABILITY_CASES = new Set([
  '003-metadata-preferred',
  '004-metadata-space-separated-properties',
  '005-unescape-html-entities',
  'base-url',
  'base-url-base-element',
  'base-url-base-element-relative',
  'basic-tags-cleaning',
  'comment-inside-script-parsing',
  'data-url-image',
  'dev418',
  'embedded-videos',
  'hidden-nodes',
  'invalid-attributes',
  'js-link-replacement',
  'lazy-image-3',
  'metadata-content-missing',
  'missing-paragraphs',
  'normalize-spaces',
  'ol',
  'parsely-metadata',
  'remove-aria-hidden',
  'remove-extra-brs',
  'remove-extra-paragraphs',
  'remove-script-tags',
  'reordering-paragraphs',
  'replace-brs',
  'replace-font-tags',
  'rtl-1',
  'rtl-2',
  'rtl-3',
  'rtl-4',
  'social-buttons',
  'style-tags-removal',
  'svg-parsing',
  'table-style-attributes',
  'title-and-h1-discrepancy',
  'title-en-dash',
  'visibility-hidden',
]);

interface Case {
  id: string;
  file: string;
  gold: string;
  url: string;
}

export interface ExtractionResult {
  set: string;
  n: number;
  ours: { f1: number; precision: number; recall: number; medianMs: number; p95Ms: number };
  readability: { f1: number; precision: number; recall: number; medianMs: number; p95Ms: number };
  worst: { id: string; ours: number; readability: number }[];
}

function aebCases(corpus: string): Case[] {
  const root = join(corpus, 'pages/article-extraction-benchmark');
  const gtPath = join(root, 'ground-truth.json');
  if (!existsSync(gtPath)) return [];
  const gt = JSON.parse(readFileSync(gtPath, 'utf8')) as Record<
    string,
    { url: string; articleBody: string }
  >;
  return Object.entries(gt).map(([id, v]) => ({
    id,
    file: join(root, 'html', `${id}.html.gz`),
    gold: v.articleBody,
    url: v.url,
  }));
}

async function readabilityCases(corpus: string): Promise<Case[]> {
  const root = join(corpus, 'pages/readability-test-pages');
  if (!existsSync(root)) return [];
  const out: Case[] = [];
  for (const name of readdirSync(root).sort()) {
    if (SYNTHETIC_READABILITY_CASES.has(name)) continue;
    const expected = join(root, name, 'expected.html.gz');
    const source = join(root, name, 'source.html.gz');
    if (!existsSync(expected) || !existsSync(source)) continue;
    const gold =
      parseDocument(`<!DOCTYPE html><html><body>${await readHtmlFile(expected)}</body></html>`).body
        ?.textContent ?? '';
    out.push({ id: name, file: source, gold, url: `https://readability.invalid/${name}/` });
  }
  return out;
}

async function evaluateSet(set: string, cases: Case[]): Promise<ExtractionResult | null> {
  if (!cases.length) return null;
  const ours: { f: ReturnType<typeof tokenF1>; ms: number }[] = [];
  const theirs: { f: ReturnType<typeof tokenF1>; ms: number }[] = [];
  const worst: ExtractionResult['worst'] = [];
  for (const c of cases) {
    const html = await readHtmlFile(c.file);
    let doc = parseDocument(html);
    let t0 = performance.now();
    const meta = readMetadata(doc, c.url, FINISHED);
    const text = mainText(doc, meta, FULL_TEXT_CHARS).text;
    const oursMs = performance.now() - t0;
    const fo = tokenF1(text, c.gold);
    ours.push({ f: fo, ms: oursMs });

    doc = parseDocument(html);
    t0 = performance.now();
    let rText = '';
    try {
      rText = new Readability(doc).parse()?.textContent ?? '';
    } catch {
      rText = '';
    }
    const rMs = performance.now() - t0;
    const fr = tokenF1(rText, c.gold);
    theirs.push({ f: fr, ms: rMs });
    worst.push({ id: c.id, ours: fo.f1, readability: fr.f1 });
  }
  const summary = (xs: typeof ours) => ({
    f1: mean(xs.map((x) => x.f.f1)),
    precision: mean(xs.map((x) => x.f.precision)),
    recall: mean(xs.map((x) => x.f.recall)),
    medianMs: quantile(
      xs.map((x) => x.ms),
      0.5,
    ),
    p95Ms: quantile(
      xs.map((x) => x.ms),
      0.95,
    ),
  });
  worst.sort((a, b) => a.ours - b.ours);
  return {
    set,
    n: cases.length,
    ours: summary(ours),
    readability: summary(theirs),
    worst: worst.slice(0, 5),
  };
}

export async function evaluateExtraction(corpus: string): Promise<ExtractionResult[]> {
  const out: ExtractionResult[] = [];
  const a = await evaluateSet('article-extraction-benchmark', aebCases(corpus));
  if (a) out.push(a);
  const r = await evaluateSet(
    'readability-test-pages (real pages)',
    await readabilityCases(corpus),
  );
  if (r) out.push(r);
  return out;
}

export function formatExtraction(results: ExtractionResult[]): string {
  const f = (x: number) => x.toFixed(3);
  const lines = [
    'Main-text token F1 (mean per page; time per page in Node + linkedom, parsing excluded)',
  ];
  for (const r of results) {
    lines.push(`  ${r.set} (n=${r.n})`);
    lines.push(
      `    ours (utils/page/main-text.ts, full text)  F1 ${f(r.ours.f1)}  P ${f(r.ours.precision)}  R ${f(r.ours.recall)}  median ${r.ours.medianMs.toFixed(2)} ms  p95 ${r.ours.p95Ms.toFixed(2)} ms`,
    );
    lines.push(
      `    @mozilla/readability                       F1 ${f(r.readability.f1)}  P ${f(r.readability.precision)}  R ${f(r.readability.recall)}  median ${r.readability.medianMs.toFixed(2)} ms  p95 ${r.readability.p95Ms.toFixed(2)} ms`,
    );
    lines.push(
      `    our five worst: ${r.worst.map((w) => `${w.id.slice(0, 16)} ${f(w.ours)} (R ${f(w.readability)})`).join('; ')}`,
    );
  }
  return lines.join('\n');
}
