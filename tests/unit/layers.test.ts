/**
 * Meta-test: dependencies point one way. `entrypoints/` composes, `components/` draws, `utils/` holds
 * the logic: `utils/` never imports `components/` or `entrypoints/`, `components/` never imports
 * `entrypoints/`, and no module reaches itself again through its imports (type-only imports included:
 * a cycle of types is still two modules that cannot be read apart). README "Architecture" says why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoFiles, ROOT } from './repo-files';

const SOURCES = repoFiles().filter((file) => /^(utils|components|entrypoints)\/.*\.tsx?$/.test(file));

/** The project files a module imports (relative and `@/` specifiers; packages are left out). */
function importsOf(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  const out: string[] = [];
  for (const { fileName } of importedFiles) {
    const base = fileName.startsWith('@/') ? fileName.slice(2) : fileName.startsWith('.') ? normalize(join(dirname(file), fileName)) : null;
    if (base === null) continue;
    const found = ['', '.ts', '.tsx', '/index.ts']
      .map((suffix) => base + suffix)
      .find((path) => /\.tsx?$/.test(path) && existsSync(join(ROOT, path)));
    if (found) out.push(found);
  }
  return out;
}

const graph = new Map(SOURCES.map((file) => [file, importsOf(file)] as const));
const layer = (file: string) => file.split('/')[0]!;
const ALLOWED: Record<string, readonly string[]> = {
  utils: ['utils'],
  components: ['utils', 'components'],
  entrypoints: ['utils', 'components', 'entrypoints'],
};

/** Strongly connected components of more than one module (Tarjan), or a module importing itself. */
function cycles(): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!graph.has(to)) continue;
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || graph.get(node)!.includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('dependencies point one way', () => {
  it('reads the modules and their imports', () => {
    expect(SOURCES.length).toBeGreaterThan(100);
    expect(graph.get('entrypoints/background.ts')).toContain('utils/messaging/background.ts');
  });

  it('utils/ imports only utils/; components/ only utils/ and components/', () => {
    const wrong: string[] = [];
    for (const [file, imports] of graph) {
      for (const target of imports) if (!ALLOWED[layer(file)]!.includes(layer(target))) wrong.push(`${file} → ${target}`);
    }
    expect(wrong).toEqual([]);
  });

  it('no import cycle', () => {
    expect(cycles()).toEqual([]);
  });

  it('would see a cycle and an upward import (the checks can fail)', () => {
    graph.set('utils/week/calendar.ts', [...graph.get('utils/week/calendar.ts')!, 'utils/week/summary.ts', 'components/labels.ts']);
    try {
      expect(cycles()).toContainEqual(['utils/week/calendar.ts', 'utils/week/summary.ts']);
      expect(
        [...graph].some(([file, imports]) => file.startsWith('utils/') && imports.some((target) => target.startsWith('components/'))),
      ).toBe(true);
    } finally {
      graph.set('utils/week/calendar.ts', importsOf('utils/week/calendar.ts'));
    }
  });
});
