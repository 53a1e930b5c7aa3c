/**
 * `npm run bench [-- --only SECTION[,SECTION…]]` (or `-- SECTION…`): runs the benchmark sections (all by
 * default) in real Chromium with the built extension, prints a table per section and writes
 * `.output/bench/<section>.json`. Exits 1 when a target is missed, 2 on bad arguments. New sections
 * register in SECTIONS.
 */
import { pageSection } from './page';
import { popupSection } from './popup';
import { promptSection } from './prompt';
import { sectionArgs, type BenchSection } from './sections';
import { startupSection } from './startup';
import { weekSection } from './week';

const SECTIONS: readonly BenchSection[] = [startupSection, pageSection, popupSection, promptSection, weekSection];

async function main(argv: readonly string[]): Promise<number> {
  const args = sectionArgs(argv);
  if (argv.includes('--only') && args.length === 0) {
    console.error(`--only needs a section name. Known: ${SECTIONS.map((s) => s.name).join(', ')}.`);
    return 2;
  }
  const unknown = args.filter((name) => !SECTIONS.some((section) => section.name === name));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark section: ${unknown.join(', ')}. Known: ${SECTIONS.map((s) => s.name).join(', ')}.`);
    return 2;
  }
  const chosen = args.length > 0 ? SECTIONS.filter((section) => args.includes(section.name)) : SECTIONS;
  const runStarted = Date.now();
  let allPass = true;
  for (const section of chosen) {
    const started = Date.now();
    console.log(`\n## ${section.name}: ${section.title}\n`);
    const pass = await section.run((line) => console.log(line));
    console.log(`(${section.name}: ${((Date.now() - started) / 1000).toFixed(0)} s)`);
    allPass &&= pass;
  }
  console.log(
    `\nBenchmark: ${((Date.now() - runStarted) / 1000).toFixed(0)} s in all; ` +
      `${allPass ? 'every target met' : 'a target was missed (FAIL above)'}.`,
  );
  return allPass ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
