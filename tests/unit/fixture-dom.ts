/** Load fixture pages into the two DOMs detection must work on outside a browser. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';

export const FIXTURES_DIR = new URL('../fixtures/', import.meta.url);

export interface ExpectedDetection {
  metric: string;
  value: number;
  approximate: boolean;
  own: boolean;
  text: string;
}

export interface FixtureCase {
  site: string;
  file: string;
  url: string;
  lang?: string;
  expect: ExpectedDetection[];
  html: string;
}

export type DomKind = 'happy-dom' | 'linkedom';

export function parseWith(kind: DomKind, html: string, url: string): Document {
  if (kind === 'linkedom') return parseHTML(html).document as unknown as Document;
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

/** Every site folder under tests/fixtures that has an expected.json. */
export function fixtureSites(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(new URL(`${entry.name}/expected.json`, FIXTURES_DIR)))
    .map((entry) => entry.name)
    .sort();
}

export function fixtureCases(site: string): FixtureCase[] {
  const expected = JSON.parse(readFileSync(new URL(`${site}/expected.json`, FIXTURES_DIR), 'utf8')) as Record<
    string,
    { url: string; lang?: string; expect: ExpectedDetection[] }
  >;
  return Object.entries(expected).map(([file, spec]) => ({
    site,
    file,
    ...spec,
    html: readFileSync(new URL(`${site}/${file}`, FIXTURES_DIR), 'utf8'),
  }));
}
