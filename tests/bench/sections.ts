/** A benchmark section: one named measurement that prints its table and writes `.output/bench/<name>.json`. */
export interface BenchSection {
  name: string;
  title: string;
  /** Runs the measurement; resolves to whether it met its targets. */
  run(log: (line: string) => void): Promise<boolean>;
}
