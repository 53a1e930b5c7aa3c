/** Load fixture pages into the two DOMs detection must work on outside a browser. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import { adapters, hostMatches } from '../../utils/sites';

export const FIXTURES_DIR = new URL('../fixtures/', import.meta.url);

export interface ExpectedDetection {
  metric: string;
  value: number;
  approximate: boolean;
  own: boolean;
  /** What the page shows, as a reader reads it (not what a detector returned). */
  text: string;
  /** The layer that must find it (real-page fixtures say; others leave it out). */
  via?: 'hook' | 'label' | 'generic';
}

/** Where a real-page fixture was reduced from (tests/fixtures/README.md). */
export interface FixtureSource {
  /** owner/name of the public repository that holds the saved page. */
  repo: string;
  path: string;
  /** 40 hex digits. */
  commit: string;
  /** YYYY-MM-DD: when the page was saved (the page's own date, else the commit's). */
  captured: string;
}

export interface FixtureCase {
  site: string;
  file: string;
  url: string;
  lang?: string;
  expect: ExpectedDetection[];
  html: string;
  /** Real-page fixtures: the saved page it was reduced from. */
  source?: FixtureSource;
  /** Real-page fixtures: the kind of page ("logged-out company page", "own profile, ja"). */
  layout?: string;
  /** Real-page fixtures: the reducer's arguments, to make it again from the saved page. */
  reduce?: string;
  /** Real-page fixtures: what was changed by hand after reducing, and why (an id the reducer kept). */
  edited?: string;
  /** Hand-written fixtures: why no real page can stand in (a trap, a layout no capture shows). */
  synthetic?: string;
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
    Omit<FixtureCase, 'site' | 'file' | 'html'>
  >;
  return Object.entries(expected).map(([file, spec]) => ({
    site,
    file,
    ...spec,
    html: readFileSync(new URL(`${site}/${file}`, FIXTURES_DIR), 'utf8'),
  }));
}

/** The fixtures reduced from real saved pages (those with a `source`). */
export function realCases(site?: string): FixtureCase[] {
  return (site ? [site] : fixtureSites()).flatMap((name) => fixtureCases(name)).filter((fixture) => fixture.source !== undefined);
}

/**
 * Is the fixture served under a host the extension declares (a site whose content script the manifest
 * registers)? Mastodon instances and generic sites are optional permissions granted at use: not these.
 */
export function onDeclaredHost(fixture: Pick<FixtureCase, 'url'>): boolean {
  const { hostname } = new URL(fixture.url);
  return adapters.some((adapter) => adapter.hosts.some((host) => hostMatches(hostname, host)));
}
