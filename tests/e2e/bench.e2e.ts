/**
 * The benchmark's smoke run (`npm run bench -- --quick`) inside the tests (issue 9): the whole
 * command on the built extension, in real Chromium and on the corpus, so a change that breaks a
 * benchmark step fails here instead of at the next full run. It checks that the run finishes,
 * that every section of the table is there with a measured value, and that the JSON it writes
 * holds the same figures as the table. Pass or fail of the goals is the full run's business:
 * four pages and 1,000 stories say nothing stable about them.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Figure } from '../../bench/report';

const projectRoot = join(import.meta.dirname, '../..');
const corpus = join(projectRoot, '../shared/corpus');
const outDir = mkdtempSync(join(tmpdir(), 'crosstalk-bench-smoke-'));
const out = join(outDir, 'results.json');

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Every section a full run reports; the smoke run must measure something in each. */
const SECTIONS = [
  'size',
  'page cost',
  'read+classify',
  'popup',
  'memory',
  'sidebar',
  'index import',
  'index builder',
  'match',
];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command without blocking this worker's event loop: a synchronous spawn of a minute-long
 * run starves vitest's worker RPC, which then fails the whole suite with "Timeout calling
 * onTaskUpdate" although every test passed.
 */
function runAsync(command: string, args: string[], timeoutMs: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, timeout: timeoutMs });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('npm run bench -- --quick', () => {
  it('runs every benchmark step and writes the table as JSON', { timeout: 300_000 }, async () => {
    expect(existsSync(corpus), `the corpus must be at ${corpus}`).toBe(true);
    const run = await runAsync(
      process.execPath,
      [
        join(projectRoot, 'node_modules/tsx/dist/cli.mjs'),
        'scripts/bench.ts',
        '--quick',
        '--corpus',
        corpus,
        '--out',
        out,
      ],
      280_000,
    );
    expect(run.status, `bench --quick failed:\n${run.stdout}\n${run.stderr}`).toBe(0);
    const written = JSON.parse(readFileSync(out, 'utf8')) as {
      command: string;
      figures: Figure[];
    };
    expect(written.command).toBe('npm run bench -- --quick');
    const sections = new Set(written.figures.map((f) => f.section));
    for (const section of SECTIONS) expect(sections, `section "${section}"`).toContain(section);
    // Each section measured at least one figure; the only figure a smoke run may leave out is
    // one that needs a size the quick mode does not build, and then it says so.
    for (const section of SECTIONS) {
      const measured = written.figures.filter((f) => f.section === section && f.value !== null);
      expect(measured.length, `a measured figure in "${section}"`).toBeGreaterThan(0);
    }
    for (const figure of written.figures.filter((f) => f.value === null)) {
      expect(figure.note, `why "${figure.figure}" was not measured`).toMatch(/--quick/);
    }
    // The printed table shows the same figures as the JSON.
    for (const figure of written.figures) expect(run.stdout).toContain(figure.figure);
    // The read+classify row is built from the worker's own classify measures.
    const readClassify = written.figures.find((f) => f.section === 'read+classify');
    expect(readClassify?.note).toMatch(/classifying in the worker median [\d.]+ ms/);
  });
});
