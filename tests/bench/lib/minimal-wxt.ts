/**
 * The minimal start-up layer in the product's stack: the same code as tests/bench/minimal-start-extension
 * (its content.js, unchanged, as the `main` of a WXT content script; its background and host matches), built
 * by WXT as every Running For content script is — WXT's wrapper (`defineContentScript`, the
 * ContentScriptContext, its start-up checks) around it. Set beside the plain minimal layer, it shows what
 * the stack itself costs a page load before a prompt layer does anything of its own (README "Benchmark").
 *
 * Generated and built at bench time under .output/bench/, so the layer's code lives in one place.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { MINIMAL_START_EXTENSION_DIR } from './browser';

/** Where the generated project is written and built (its unpacked extension: `<dir>/.output/chrome-mv3`). */
export const MINIMAL_WXT_PROJECT_DIR = resolve('.output/bench/minimal-start-wxt');

interface PlainManifest {
  content_scripts: { matches: string[]; run_at: string }[];
}

/** Write the project and build it with WXT; resolves to the unpacked extension's folder. */
export async function buildMinimalWxt(): Promise<string> {
  const plain = (name: string) => readFileSync(join(MINIMAL_START_EXTENSION_DIR, name), 'utf8');
  const manifest = JSON.parse(plain('manifest.json')) as PlainManifest;
  const [script] = manifest.content_scripts;
  if (!script) throw new Error(`${MINIMAL_START_EXTENSION_DIR}/manifest.json declares no content script.`);
  const dir = MINIMAL_WXT_PROJECT_DIR;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'entrypoints'), { recursive: true });
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'minimal-start-wxt', version: '1.0.0', private: true, type: 'module' }),
    'wxt.config.ts': `export default { manifest: { name: 'Running For benchmark minimal start-up layer (WXT)' } };\n`,
    'entrypoints/background.js':
      `import { defineBackground } from 'wxt/utils/define-background';\n` +
      `export default defineBackground(() => {\n${plain('background.js')}\n});\n`,
    'entrypoints/minimal.content.js':
      `import { defineContentScript } from 'wxt/utils/define-content-script';\n` +
      `export default defineContentScript({\n` +
      `  matches: ${JSON.stringify(script.matches)},\n` +
      `  runAt: ${JSON.stringify(script.run_at)},\n` +
      // As Running For's content scripts (components/content-script.ts NO_STARTED_MESSAGE).
      `  noScriptStartedPostMessage: true,\n` +
      `  main() {\n${plain('content.js')}\n  },\n});\n`,
  };
  for (const [name, contents] of Object.entries(files)) writeFileSync(join(dir, name), contents);
  const { build } = await import('wxt');
  // Only what went wrong is printed: the bench's log is its report.
  const quiet = () => undefined;
  const logger = {
    debug: quiet,
    log: quiet,
    info: quiet,
    success: quiet,
    warn: console.warn,
    error: console.error,
    fatal: console.error,
    level: 1,
  };
  await build({ root: dir, logger });
  return join(dir, '.output/chrome-mv3');
}
