/**
 * `npm start`: builds the extension (package.json runs `wxt build` first) and says how to load it.
 * A later issue makes it open a browser on a local demo gallery.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = resolve('.output/chrome-mv3');
if (!existsSync(resolve(dir, 'manifest.json'))) {
  process.stderr.write(`start: no build in ${dir}; run \`npm run build\` and look for errors above.\n`);
  process.exit(1);
}
process.stdout.write(
  [
    '',
    `Running For is built: ${dir}`,
    '',
    'Load it in Chrome, Edge or Chromium:',
    '  1. open chrome://extensions (edge://extensions in Edge)',
    '  2. switch on "Developer mode"',
    `  3. "Load unpacked" and choose ${dir}`,
    '',
    'Then open a profile on X, LinkedIn, Facebook, Instagram, YouTube, GitHub, Mastodon, Bluesky,',
    'Threads, TikTok, Reddit, Medium or Substack. `npm run dev` starts WXT’s development mode instead.',
    '',
  ].join('\n'),
);
