/**
 * `npm run --silent scan -- [--url URL] [--lang TAG] FILE.html`
 * `npm run --silent scan -- --text "STRING" [--lang TAG]`
 * `npm run --silent scan -- --texts FILE.jsonl`
 *
 * Prints detections as JSON: `[{"site","metric","value","approximate","own","text","via"}]` (one array per
 * input line for --texts). The maintainer's tool and a contract (README "Architecture", contracts): the same `detect()` the
 * extension runs, on linkedom. Bad arguments or an unreadable file: one line on stderr, exit code 2.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseHTML } from 'linkedom';
import { detect } from '../detection/detect';
import type { Detection, Layer } from '../sites/types';

export interface ScanOutput {
  site: string;
  metric: string;
  value: number;
  approximate: boolean;
  own: boolean;
  text: string;
  /** Which layer found it: the site's hooks, label phrases in its count regions, or the generic detector. */
  via: Layer;
}

class UsageError extends Error {}

const USAGE = 'usage: scan [--url URL] [--lang TAG] FILE.html | scan --text "STRING" [--lang TAG] | scan --texts FILE.jsonl';

interface Options {
  url?: string;
  lang?: string;
  text?: string;
  texts?: string;
  file?: string;
}

export function parseArgs(argv: readonly string[]): Options {
  const options: Options = {};
  const takesValue = new Set(['--url', '--lang', '--text', '--texts']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (takesValue.has(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`${name} needs a value`);
      const key = name.slice(2) as 'url' | 'lang' | 'text' | 'texts';
      if (options[key] !== undefined) throw new UsageError(`${name} given twice`);
      options[key] = value;
    } else if (arg === '--help' || arg === '-h') {
      throw new UsageError('help');
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      if (options.file !== undefined) throw new UsageError(`one FILE.html at a time (got ${options.file} and ${arg})`);
      options.file = arg;
    }
  }
  const modes = [options.file, options.text, options.texts].filter((m) => m !== undefined).length;
  if (modes === 0) throw new UsageError('nothing to scan: give FILE.html, --text or --texts');
  if (modes > 1) throw new UsageError('give only one of FILE.html, --text and --texts');
  if (options.texts !== undefined && (options.lang !== undefined || options.url !== undefined))
    throw new UsageError('--texts takes the language from each line; --lang and --url do not apply');
  if (options.text !== undefined && options.url !== undefined) throw new UsageError('--url applies to FILE.html only');
  if (options.lang !== undefined) checkLang(options.lang, '--lang');
  if (options.url !== undefined) {
    let url: URL;
    try {
      url = new URL(options.url);
    } catch {
      throw new UsageError(`--url is not an absolute URL: ${options.url}`);
    }
    if (!/^(https?|file):$/.test(url.protocol)) throw new UsageError(`--url must be http(s) or file: ${options.url}`);
  }
  return options;
}

function checkLang(lang: string, what: string): void {
  try {
    if (!lang.trim() || Intl.getCanonicalLocales(lang.replace(/_/g, '-')).length !== 1) throw new RangeError();
  } catch {
    throw new UsageError(`${what} is not a language tag: ${JSON.stringify(lang)}`);
  }
}

function toOutput(detections: Detection[]): ScanOutput[] {
  return detections.map(({ site, metric, value, approximate, own, text, via }) => ({ site, metric, value, approximate, own, text, via }));
}

/** A saved page names its own address; use it when --url is not given. */
function urlFromPage(doc: Document): string | undefined {
  const candidates = [
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
    } catch {
      // relative or malformed: not an address we can trust
    }
  }
  return undefined;
}

export function scanHtml(html: string, options: { url?: string; lang?: string; fileUrl?: string }): ScanOutput[] {
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  const url = options.url ?? urlFromPage(doc) ?? options.fileUrl ?? 'file:///page.html';
  return toOutput(detect(doc, url, options.lang));
}

/** A bare string is scanned as the only text of an otherwise empty page on an unknown site. */
export function scanText(text: string, lang?: string): ScanOutput[] {
  const { document } = parseHTML('<!DOCTYPE html><html><head></head><body><div></div></body></html>');
  const doc = document as unknown as Document;
  if (lang) doc.documentElement.setAttribute('lang', lang);
  const holder = doc.querySelector('div');
  if (!holder) return [];
  holder.textContent = text;
  return toOutput(detect(doc, 'https://example.invalid/', lang));
}

function readInput(path: string): string {
  try {
    return readFileSync(path === '-' ? 0 : path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : String((error as Error).message);
    throw new UsageError(`cannot read ${path}: ${why}`);
  }
}

export function scanJsonLines(content: string, warn: (message: string) => void): string[] {
  const lines = content.split(/\r?\n/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line, index) => {
    if (!line.trim()) return '[]';
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      warn(`line ${index + 1}: not JSON; printed []`);
      return '[]';
    }
    const { text, lang } = (record ?? {}) as { text?: unknown; lang?: unknown };
    if (typeof text !== 'string' || (lang !== undefined && lang !== null && typeof lang !== 'string')) {
      warn(`line ${index + 1}: expected {"text": string, "lang"?: string}; printed []`);
      return '[]';
    }
    let tag: string | undefined = typeof lang === 'string' && lang.trim() ? lang : undefined;
    if (tag) {
      try {
        checkLang(tag, 'lang');
      } catch {
        warn(`line ${index + 1}: ${JSON.stringify(tag)} is not a language tag; read without one`);
        tag = undefined;
      }
    }
    return JSON.stringify(scanText(text, tag));
  });
}

interface Output {
  write(text: string): unknown;
}

export function main(argv: readonly string[], io: { out: Output; err: Output } = { out: process.stdout, err: process.stderr }): number {
  let options: Options;
  try {
    options = parseArgs(argv);
    if (options.texts !== undefined) {
      const content = readInput(options.texts);
      const lines = scanJsonLines(content, (message) => io.err.write(`scan: ${message}\n`));
      io.out.write(lines.map((line) => `${line}\n`).join(''));
      return 0;
    }
    if (options.text !== undefined) {
      io.out.write(`${JSON.stringify(scanText(options.text, options.lang))}\n`);
      return 0;
    }
    const file = options.file ?? '';
    const html = readInput(file);
    const fileUrl = file === '-' ? undefined : pathToFileURL(resolve(file)).href;
    io.out.write(`${JSON.stringify(scanHtml(html, { url: options.url, lang: options.lang, fileUrl }))}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      if (error.message === 'help') {
        io.out.write(`${USAGE}\n`);
        return 0;
      }
      io.err.write(`scan: ${error.message} (${USAGE})\n`);
      return 2;
    }
    io.err.write(`scan: ${(error as Error).message ?? String(error)}\n`);
    return 2;
  }
}

// Run when executed directly (tsx utils/cli/scan.ts …), not when imported by tests.
if (process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  process.exitCode = main(process.argv.slice(2));
}
