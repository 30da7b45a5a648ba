/**
 * Rendering and code-loading rules, checked over the shipped source (issue 10). The lint rule
 * (eslint.config.js) forbids the HTML sinks in code it parses; this test also catches what the
 * linter cannot see: document.write, eval and new Function, code in .js/.css files, a rule
 * switched off by an eslint-disable comment, and links that bypass SafeLink.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
/** The code that ships in the extension. */
const SHIPPED_DIRS = ['entrypoints', 'components', 'utils'];
const isTest = (path: string) => /\.test\.[cm]?[jt]sx?$/.test(path);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(?:[cm]?[jt]sx?|html)$/.test(entry) && !isTest(entry)) out.push(path);
  }
  return out;
}

/** Comments say why and may name a sink ("not innerHTML"); only code counts. */
function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

const FORBIDDEN: { name: string; pattern: RegExp }[] = [
  { name: 'innerHTML', pattern: /\binnerHTML\b/ },
  { name: 'outerHTML', pattern: /\bouterHTML\b/ },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/ },
  { name: 'dangerouslySetInnerHTML', pattern: /\bdangerouslySetInnerHTML\b/ },
  { name: 'document.write', pattern: /\bdocument\s*\.\s*write(?:ln)?\b/ },
  { name: 'eval', pattern: /(?<![.\w$])eval\s*\(/ },
  { name: 'new Function', pattern: /\bnew\s+Function\s*\(/ },
  { name: 'string setTimeout', pattern: /\bset(?:Timeout|Interval)\s*\(\s*['"`]/ },
  { name: 'createContextualFragment', pattern: /\bcreateContextualFragment\b/ },
  { name: 'DOMParser', pattern: /\bparseFromString\b/ },
  { name: 'srcdoc', pattern: /\bsrcdoc\b/ },
  // Switching off one of the rules that guard these sinks (eslint.config.js).
  {
    name: 'eslint-disable of a sink rule',
    pattern:
      /eslint-disable[^\n]*(?:no-restricted-|no-eval|no-implied-eval|no-new-func)|eslint-disable(?:-next-line|-line)?\s*(?:\*\/|$)/m,
  },
];

export function findSinks(files: string[]): string[] {
  const found: string[] = [];
  for (const file of files) {
    const raw = readFileSync(file, 'utf8');
    const code = stripComments(raw);
    for (const { name, pattern } of FORBIDDEN) {
      // eslint-disable is looked for in comments too: that is where it lives.
      if (pattern.test(name.startsWith('eslint-disable') ? raw : code)) {
        found.push(`${relative(root, file)}: ${name}`);
      }
    }
  }
  return found;
}

describe('shipped source has no HTML sinks and no string-to-code', () => {
  const files = SHIPPED_DIRS.flatMap((dir) => sourceFiles(join(root, dir)));

  it('finds the source files it checks', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => f.endsWith('components/SafeLink.tsx'))).toBe(true);
  });

  it('no innerHTML, outerHTML, insertAdjacentHTML, dangerouslySetInnerHTML, document.write, eval or new Function', () => {
    expect(findSinks(files)).toEqual([]);
  });

  it('the scan itself sees each sink when there is one (so an empty list means something)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosstalk-sinks-'));
    try {
      const samples = [
        'el.innerHTML = text;',
        'const s = el.outerHTML;',
        "el.insertAdjacentHTML('beforeend', s);",
        'const x = <div dangerouslySetInnerHTML={{ __html: s }} />;',
        'document.write(s);',
        'eval(s);',
        "const f = new Function('return 1');",
        "setTimeout('alert(1)', 1);",
        'range.createContextualFragment(s);',
        "new DOMParser().parseFromString(s, 'text/html');",
        'frame.srcdoc = s;',
        '// eslint-disable-next-line no-restricted-properties',
      ];
      const files = samples.map((code, i) => {
        const path = join(dir, `sample${i}.tsx`);
        writeFileSync(path, `${code}\n`);
        return path;
      });
      expect(findSinks(files)).toHaveLength(samples.length);
      // …and not in a comment that only names one, nor in an unrelated eslint-disable.
      const clean = join(dir, 'clean.ts');
      writeFileSync(
        clean,
        '// Serialised, not innerHTML: read only\n/* no eval( here */\n' +
          '// eslint-disable-next-line @typescript-eslint/no-unused-vars\nconst a = 1;\n',
      );
      expect(findSinks([clean])).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('links', () => {
  const files = ['components', 'entrypoints'].flatMap((dir) => sourceFiles(join(root, dir)));

  it('every <a> element in the UI is rendered by SafeLink', () => {
    const offenders: string[] = [];
    for (const file of files) {
      if (file.endsWith('components/SafeLink.tsx')) continue;
      const code = stripComments(readFileSync(file, 'utf8'));
      if (/<a[\s>]/.test(code) || /h\(\s*['"]a['"]/.test(code)) {
        offenders.push(`${relative(root, file)}: a raw <a> element`);
      }
      // A link made by hand must be the settings export: a blob: download, never shown.
      const created = code.match(/createElement\(\s*['"]a['"]\s*\)/g) ?? [];
      if (
        created.length > 0 &&
        !(
          file.endsWith('entrypoints/options/Options.tsx') &&
          created.length === 1 &&
          /\.href\s*=\s*URL\.createObjectURL\(/.test(code)
        )
      ) {
        offenders.push(`${relative(root, file)}: document.createElement('a')`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('SafeLink renders http(s) only, in a new browsing context without opener or referrer', () => {
    const code = readFileSync(join(root, 'components/SafeLink.tsx'), 'utf8');
    expect(code).toMatch(/safeHref\(props\.href\)/);
    expect(code).toMatch(/rel="noopener noreferrer"/);
    expect(code).toMatch(/target="_blank"/);
    // The only href it renders is the checked one.
    expect(code.match(/href=\{[^}]*\}/g)).toEqual(['href={href}']);
  });

  it('every href in the UI goes through SafeLink', () => {
    const offenders: string[] = [];
    for (const file of files) {
      if (file.endsWith('components/SafeLink.tsx')) continue;
      const code = stripComments(readFileSync(file, 'utf8'));
      for (const m of code.matchAll(/<(\w+)[^<>]*?\shref=/g)) {
        if (m[1] !== 'SafeLink') offenders.push(`${relative(root, file)}: <${m[1]} href=…>`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
