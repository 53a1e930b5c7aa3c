/**
 * `npm run bench [-- SECTION…]`: runs the benchmark sections (all by default) in real Chromium with the
 * built extension, prints a table per section and writes `.output/bench/<section>.json`. Exits 1 when a
 * target is missed. New sections (detection latency, long tasks, memory…) register in SECTIONS.
 */
import type { BenchSection } from './sections';
import { weekSection } from './week';

const SECTIONS: readonly BenchSection[] = [weekSection];

async function main(args: readonly string[]): Promise<number> {
  const unknown = args.filter((name) => !SECTIONS.some((section) => section.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark section: ${unknown.join(', ')}. Known: ${SECTIONS.map((s) => s.name).join(', ')}.`);
    return 2;
  }
  const chosen = args.length > 0 ? SECTIONS.filter((section) => args.includes(section.name)) : SECTIONS;
  let allPass = true;
  for (const section of chosen) {
    const started = Date.now();
    console.log(`\n## ${section.name}: ${section.title}\n`);
    const pass = await section.run((line) => console.log(line));
    console.log(`(${section.name}: ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    allPass &&= pass;
  }
  return allPass ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
