import { adapters } from './sites';

/** Human names of the supported sites, in registry order. */
export const SITE_NAMES: readonly string[] = adapters.map((adapter) => adapter.name);
