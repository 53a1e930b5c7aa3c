/** Words the extension's pages show for outcome kinds and sites. */
import { SITE_LIST } from '@/utils/sites/names';

export { KIND_KEYS, kindLabel } from './kind-labels';

/** Supported sites by id, in registry order (the order site pickers show). */
export const SITE_NAMES: ReadonlyMap<string, string> = new Map(SITE_LIST.map((site) => [site.id, site.name]));

/** A site's name; a site the user added themselves (a Mastodon instance) is shown by its host. */
export function siteName(siteId: string): string {
  return SITE_NAMES.get(siteId) ?? siteId;
}
