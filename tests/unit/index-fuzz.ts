/**
 * Seeded mutations of a valid story index, for the validator fuzz test.
 * Every mutation keeps the document JSON-shaped (what JSON.parse could give).
 */
import { pick, seededRng, type Rng } from './seeded-rng';

export { seededRng, type Rng };

type Container = Record<string, unknown> | unknown[];
interface Site {
  parent: Container;
  key: string | number;
  path: string;
}

function sites(root: unknown): Site[] {
  const out: Site[] = [];
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        out.push({ parent: node, key: i, path: `${path}[${i}]` });
        walk(child, `${path}[${i}]`);
      });
    } else if (typeof node === 'object' && node !== null) {
      for (const [k, child] of Object.entries(node)) {
        out.push({
          parent: node as Record<string, unknown>,
          key: k,
          path: path ? `${path}.${k}` : k,
        });
        walk(child, path ? `${path}.${k}` : k);
      }
    }
  };
  walk(root, '');
  return out;
}

const get = (s: Site): unknown => (s.parent as Record<string | number, unknown>)[s.key];
function set(s: Site, value: unknown): void {
  // defineProperty, so that a key such as "__proto__" becomes an own property as JSON.parse makes it.
  Object.defineProperty(s.parent, s.key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
function remove(s: Site): void {
  if (Array.isArray(s.parent)) s.parent.splice(s.key as number, 1);
  else delete s.parent[s.key as string];
}

const MARKUP = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</b>',
  '<!-- c -->',
  '<?xml?>',
  'a<b',
  '<svg/onload=alert(1)>',
];
const NOT_MARKUP = ['a < b', 'x <= y', '<3', '< script >', '1<2', 'I <3 this', '<<', '<'];
const URLS = [
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'data:text/html,hi',
  'ftp://example.com/',
  'http://',
  'https://exa mple.com/',
  '//example.com/x',
  'https://example.com/"x',
  'vbscript:x',
  'https://example.com/ok',
  'http://127.0.0.1:8080/a?b=c',
  'https://example.com/a<b>',
  'mailto:a@b.c',
  'https://xn--bcher-kva.example/',
];
const DATES = [
  '2025-13-45T00:00:00Z',
  '2025-08-01',
  '2025-08-01T00:00:00',
  '2025-08-01T00:00:00+02:00',
  '2025-08-01T00:00Z',
  '2025-08-01T00:00:00.123Z',
  '2030-01-01T00:00:00Z',
  '2025-02-29T00:00:00Z',
  '2024-02-29T12:00:00Z',
  '2025-08-01T24:00:00Z',
  '2025-08-01',
  '2025-02-30',
  '1999-12-31',
];
const LENGTHS = [
  0, 1, 79, 80, 81, 119, 120, 121, 199, 200, 201, 399, 400, 401, 1199, 1200, 1201, 2047, 2048, 2049,
  100_000,
];
const NUMBERS = [-1, -1_000_000, 0.5, 1.5, 2, 1e13, 0, 7, 1, 0.333, 1e12];
const OTHER_TYPES: unknown[] = [0, -1, 1.5, '', 'x', true, false, null, {}, [], [1], { a: 1 }];
const EXTRA_KEYS = [
  'extra',
  'constructor',
  '__proto__',
  'toString',
  'Format',
  'id2',
  'hasOwnProperty',
];
const IDS = [
  's-0',
  's-1',
  's-5',
  'bsky',
  'hackernews',
  'agents',
  'open-weights',
  'r-localllama',
  'nope',
  'Bad Id',
  '',
];

type Mutation = (rng: Rng, doc: unknown, all: Site[]) => string | null;

const strings = (all: Site[]) => all.filter((s) => typeof get(s) === 'string');
const numbers = (all: Site[]) => all.filter((s) => typeof get(s) === 'number');
const arrays = (all: Site[]) => all.filter((s) => Array.isArray(get(s)));
const objects = (all: Site[]) =>
  all.filter((s) => typeof get(s) === 'object' && get(s) !== null && !Array.isArray(get(s)));

const MUTATIONS: Record<string, Mutation> = {
  drop(rng, _doc, all) {
    const s = pick(rng, all);
    remove(s);
    return `drop ${s.path}`;
  },
  retype(rng, _doc, all) {
    const s = pick(rng, all);
    const current = get(s);
    const choices = OTHER_TYPES.filter(
      (x) =>
        typeof x !== typeof current ||
        Array.isArray(x) !== Array.isArray(current) ||
        (x === null) !== (current === null),
    );
    set(s, JSON.parse(JSON.stringify(pick(rng, choices))));
    return `retype ${s.path}`;
  },
  markup(rng, _doc, all) {
    const list = strings(all);
    if (!list.length) return null;
    const s = pick(rng, list);
    const value = get(s) as string;
    const insert = pick(rng, rng() < 0.6 ? MARKUP : NOT_MARKUP);
    const at = Math.floor(rng() * (value.length + 1));
    set(s, value.slice(0, at) + insert + value.slice(at));
    return `markup ${s.path}`;
  },
  url(rng, _doc, all) {
    const list = strings(all);
    if (!list.length) return null;
    const s = pick(rng, list);
    set(s, pick(rng, URLS));
    return `url ${s.path}`;
  },
  length(rng, _doc, all) {
    const list = strings(all);
    if (!list.length) return null;
    const s = pick(rng, list);
    const n = pick(rng, LENGTHS);
    const value = get(s) as string;
    set(
      s,
      value.startsWith('https://')
        ? `https://example.com/${'a'.repeat(Math.max(0, n - 20))}`
        : 'a'.repeat(n),
    );
    return `length ${n} ${s.path}`;
  },
  number(rng, _doc, all) {
    const list = numbers(all);
    if (!list.length) return null;
    const s = pick(rng, list);
    set(s, pick(rng, NUMBERS));
    return `number ${s.path}`;
  },
  sentiment(rng, _doc, all) {
    const list = objects(all).filter((s) => s.path.endsWith('.sentiment'));
    if (!list.length) return null;
    const s = pick(rng, list);
    const off = pick(rng, [0, 0.004, -0.009, 0.011, -0.02, 0.3]);
    const positive = Math.round(rng() * 1000) / 1000;
    const neutral = Math.round(rng() * (1 - positive) * 1000) / 1000;
    set(s, {
      positive,
      neutral,
      negative: Math.max(0, Math.round((1 - positive - neutral + off) * 1000) / 1000),
    });
    return `sentiment ${s.path}`;
  },
  date(rng, _doc, all) {
    const list = strings(all).filter((s) => /At$|Seen$|^.*\.day$|\.(from|to)$/.test(s.path));
    if (!list.length) return null;
    const s = pick(rng, list);
    set(s, pick(rng, DATES));
    return `date ${s.path}`;
  },
  duplicate(rng, _doc, all) {
    const list = arrays(all).filter((s) => (get(s) as unknown[]).length > 0);
    if (!list.length) return null;
    const s = pick(rng, list);
    const arr = get(s) as unknown[];
    arr.push(JSON.parse(JSON.stringify(pick(rng, arr))));
    return `duplicate in ${s.path}`;
  },
  removeElement(rng, _doc, all) {
    const list = arrays(all).filter((s) => (get(s) as unknown[]).length > 0);
    if (!list.length) return null;
    const s = pick(rng, list);
    const arr = get(s) as unknown[];
    arr.splice(Math.floor(rng() * arr.length), 1);
    return `remove from ${s.path}`;
  },
  extraKey(rng, doc, all) {
    const list = [{ parent: { doc }, key: 'doc', path: '' } as Site, ...objects(all)];
    const s = pick(rng, list);
    const key = pick(rng, EXTRA_KEYS);
    set({ parent: get(s) as Container, key, path: '' }, 1);
    return `extra key ${key} at ${s.path || '(document)'}`;
  },
  reference(rng, _doc, all) {
    const list = strings(all).filter((s) =>
      /(related|topics|deletes)\[\d+\]$|\.community$|\.id$/.test(s.path),
    );
    if (!list.length) return null;
    const s = pick(rng, list);
    set(s, pick(rng, IDS));
    return `reference ${s.path}`;
  },
};

export const MUTATION_NAMES = Object.keys(MUTATIONS);

/** Applies 1–3 random mutations in place; returns what was done. */
export function mutate(rng: Rng, doc: unknown, count = 1 + Math.floor(rng() * 3)): string[] {
  const done: string[] = [];
  let guard = 0;
  while (done.length < count && guard++ < 50) {
    const name = pick(rng, MUTATION_NAMES);
    const all = sites(doc);
    if (!all.length) break;
    const what = MUTATIONS[name]!(rng, doc, all);
    if (what) done.push(what);
  }
  return done;
}
