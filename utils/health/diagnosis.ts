/**
 * How a page view's count regions reach the diagnostic script. The content script does not carry the
 * diagnostic builder (utils/health/diagnostic.ts, its vocabulary included: a few kB of every content script's
 * 20 kB): when a view came up empty or fell back, it leaves the regions here and asks for a diagnosis
 * (`health/add` with `diagnose`); the background injects entrypoints/diagnostic.ts into the same frame, in
 * the same isolated world, which takes them from here and returns their redacted structure.
 */
export interface Diagnosis {
  regions: readonly Element[];
  site: string;
  page?: string;
}

const SLOT = '__runningForDiagnosis';

type Holder = Record<string, Diagnosis | undefined>;

/** Leave the regions of the view just judged (the latest replaces an earlier one not taken yet). */
export function leaveDiagnosis(diagnosis: Diagnosis, scope: object = globalThis): void {
  (scope as Holder)[SLOT] = diagnosis;
}

/** Take the regions left here, once. */
export function takeDiagnosis(scope: object = globalThis): Diagnosis | undefined {
  const holder = scope as Holder;
  const found = holder[SLOT];
  holder[SLOT] = undefined;
  return found && Array.isArray(found.regions) ? found : undefined;
}
