/**
 * The permission and code-loading rules of issue 10, as one function over a built manifest and
 * its folder, so the unit test (on the build, when there is one) and the e2e suite (which always
 * has one) check the same thing. Returns the broken rules in words; an empty list is a pass.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What Crosstalk needs, and nothing it could grow into unnoticed (tabs, cookies, webRequest…). */
export const ALLOWED_API_PERMISSIONS = [
  'storage',
  'alarms',
  'unlimitedStorage',
  'activeTab',
  'scripting',
];

type Manifest = Record<string, unknown>;

const BROAD_HOST =
  /^(?:<all_urls>|(?:\*|https?|wss?|ftp|file):\/\/\*(?:\/.*)?|\*:\/\/[^/]*\*[^/]*\/.*)$/;

/** A match pattern that covers every site (or every site of a scheme). */
export function isBroadHostPattern(p: string): boolean {
  if (p === '<all_urls>') return true;
  const m = /^([^:]+):\/\/([^/]*)\//.exec(p);
  if (!m) return BROAD_HOST.test(p);
  const host = m[2] ?? '';
  return host === '*' || host === '' || /^\*\.[^.]+$/.test(host);
}

const isHostPattern = (p: string) => p === '<all_urls>' || p.includes('://');

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** A CSP for extension pages is strict when scripts come from the package only. */
export function strictCspProblems(csp: string): string[] {
  const problems: string[] = [];
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map((d) => [d[0]!.toLowerCase(), d.slice(1)] as const),
  );
  const script = directives.get('script-src') ?? directives.get('default-src');
  if (!script) problems.push(`CSP "${csp}" has no script-src`);
  else {
    for (const source of script) {
      if (!["'self'", "'wasm-unsafe-eval'", "'none'"].includes(source)) {
        problems.push(`CSP script-src allows ${source}`);
      }
    }
  }
  const object = directives.get('object-src') ?? directives.get('default-src');
  if (object && object.some((s) => !["'self'", "'none'"].includes(s))) {
    problems.push(`CSP object-src allows ${object.join(' ')}`);
  }
  return problems;
}

function builtFiles(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...builtFiles(path, ext));
    else if (ext.test(entry)) out.push(path);
  }
  return out;
}

export function manifestProblems(manifest: Manifest): string[] {
  const problems: string[] = [];
  const mv = manifest.manifest_version;
  if (mv !== 2 && mv !== 3) problems.push(`manifest_version is ${String(mv)}`);

  if ('externally_connectable' in manifest) {
    problems.push('externally_connectable lets web pages or other extensions message us');
  }
  const war = manifest.web_accessible_resources;
  if (war !== undefined && !(Array.isArray(war) && war.length === 0)) {
    problems.push('web_accessible_resources exposes extension files to pages');
  }

  const permissions = strings(manifest.permissions);
  const hosts = [...strings(manifest.host_permissions), ...permissions.filter(isHostPattern)];
  for (const p of hosts) {
    if (isBroadHostPattern(p)) problems.push(`required host permission ${p} covers every site`);
  }
  for (const p of permissions.filter((p) => !isHostPattern(p))) {
    if (!ALLOWED_API_PERMISSIONS.includes(p)) problems.push(`permission ${p} is not needed`);
  }
  for (const script of (manifest.content_scripts as { matches?: unknown; js?: unknown }[]) ?? []) {
    for (const p of strings(script.matches)) {
      if (isBroadHostPattern(p)) problems.push(`content script runs on ${p}`);
    }
    for (const js of strings(script.js)) {
      if (/^[a-z]+:/i.test(js)) problems.push(`content script ${js} is not in the package`);
    }
  }

  const csp = manifest.content_security_policy;
  if (mv === 3) {
    if (typeof csp === 'string') problems.push('MV3 content_security_policy must be an object');
    const pages = (csp as { extension_pages?: unknown } | undefined)?.extension_pages;
    if (typeof pages === 'string') problems.push(...strictCspProblems(pages));
    // Absent: the MV3 default, script-src 'self' 'wasm-unsafe-eval'; object-src 'self'.
  } else if (typeof csp === 'string') {
    problems.push(...strictCspProblems(csp));
  } else if (csp !== undefined) {
    problems.push('MV2 content_security_policy must be a string');
  }
  // Absent in MV2: the default, script-src 'self'; object-src 'self'.

  const background = manifest.background as
    { service_worker?: unknown; scripts?: unknown; page?: unknown } | undefined;
  for (const src of [background?.service_worker, ...strings(background?.scripts)]) {
    if (typeof src === 'string' && /^[a-z]+:/i.test(src)) {
      problems.push(`background ${src} is not in the package`);
    }
  }
  return problems;
}

/** No code arrives from anywhere but the package: no string-to-code, no remote scripts. */
export function remoteCodeProblems(buildDir: string): string[] {
  const problems: string[] = [];
  for (const file of builtFiles(buildDir, /\.m?js$/)) {
    const code = readFileSync(file, 'utf8');
    const where = relative(buildDir, file);
    if (/(?<![.\w$])eval\s*\(/.test(code)) problems.push(`${where} calls eval`);
    if (/\bnew\s+Function\s*\(/.test(code)) problems.push(`${where} calls new Function`);
    if (/\bimportScripts\s*\(/.test(code)) problems.push(`${where} calls importScripts`);
    if (/\bimport\s*\(\s*['"`]https?:/.test(code)) problems.push(`${where} imports remote code`);
    if (/\bdocument\s*\.\s*write(?:ln)?\s*\(/.test(code)) {
      problems.push(`${where} calls document.write`);
    }
  }
  for (const file of builtFiles(buildDir, /\.html$/)) {
    const html = readFileSync(file, 'utf8');
    const where = relative(buildDir, file);
    for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
      const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(m[0])?.[1];
      if (!src) problems.push(`${where} has an inline script`);
      else if (/^(?:[a-z]+:)?\/\//i.test(src)) problems.push(`${where} loads ${src}`);
    }
    if (/<link\b[^>]*href\s*=\s*["']?(?:https?:)?\/\//i.test(html)) {
      problems.push(`${where} links a remote resource`);
    }
  }
  return problems;
}

export function readBuiltManifest(buildDir: string): Manifest | null {
  const path = join(buildDir, 'manifest.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : null;
}
