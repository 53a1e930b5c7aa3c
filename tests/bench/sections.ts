/** A benchmark section: one named measurement that prints its table and writes `.output/bench/<name>.json`. */
export interface BenchSection {
  name: string;
  title: string;
  /** Runs the measurement; resolves to whether it met its targets. */
  run(log: (line: string) => void): Promise<boolean>;
}

/** Section names from `--only a,b`, `--only=a`, and bare names. */
export function sectionArgs(argv: readonly string[]): string[] {
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--only') names.push(...(argv[++i] ?? '').split(','));
    else if (arg.startsWith('--only=')) names.push(...arg.slice('--only='.length).split(','));
    else names.push(arg);
  }
  return names.map((name) => name.trim()).filter(Boolean);
}
