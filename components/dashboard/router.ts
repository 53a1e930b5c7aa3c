/**
 * A small hash router for the dashboard. Routes are data (a path pattern and a view), so adding one
 * — `#/week/YYYY-MM-DD` — is one entry in the dashboard's route table; capture groups become params.
 */
import { useEffect, useState } from 'preact/hooks';

export interface RouteDefinition {
  /** Matched against the path after `#` (`/outcomes`, `/week/2026-11-23`); capture groups are params. */
  path: RegExp;
}

export interface RouteMatch<R extends RouteDefinition> {
  route: R;
  params: string[];
}

/** `#/data?x` → `/data`; an empty hash → `/`. */
export function hashPath(hash: string): string {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  return path.startsWith('/') ? path : `/${path}`;
}

export function matchRoute<R extends RouteDefinition>(routes: readonly R[], path: string): RouteMatch<R> | undefined {
  for (const route of routes) {
    const match = route.path.exec(path);
    if (match) return { route, params: match.slice(1).map((param) => decodeURIComponent(param ?? '')) };
  }
  return undefined;
}

/** The current hash path, updated on `hashchange` (back/forward, links, `location.hash = …`). */
export function useHashPath(win: Window = window): string {
  const [path, setPath] = useState(() => hashPath(win.location.hash));
  useEffect(() => {
    const update = () => setPath(hashPath(win.location.hash));
    win.addEventListener('hashchange', update);
    return () => win.removeEventListener('hashchange', update);
  }, [win]);
  return path;
}
