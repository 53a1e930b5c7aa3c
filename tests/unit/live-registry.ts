/**
 * The live layer bound to the whole adapter registry: what the tests and any caller without a site set
 * of its own use. The layer itself (utils/live/: the observer, its roots, the hosts, the settings) imports
 * no adapter, so each content script carries only the adapters of the sites it runs on.
 */
import { detect } from '../../utils/detection/detect';
import { startLiveLayer as startLayerWith, type LiveLayer, type LiveLayerDeps as CoreLayerDeps } from '../../utils/live/layer';
import {
  startLiveDetector as startWith,
  type LiveDetector,
  type LiveDetectorContext,
  type LiveDetectorOptions as CoreDetectorOptions,
} from '../../utils/live/observer';
import { siteIdOf as siteIdIn, type SiteSet } from '../../utils/live/sites';
import { adapters, generic } from '../../utils/sites';

export { type LiveLayer } from '../../utils/live/layer';
export { BULK_NODES, BULK_RESCAN_TIMEOUT_MS, type Detect, type LiveDetector, type LiveDetectorContext } from '../../utils/live/observer';
export { nearPrompt, ROOT_LEVELS, rootsOf, SMALL_ROOT_ELEMENTS } from '../../utils/live/roots';
export { adapterIn, detectIn, type SiteSet } from '../../utils/live/sites';

/** Every registered adapter, generic for everything else: the same choice as `adapterFor`. */
export const REGISTRY_SITES: SiteSet = { adapters, generic };

export interface LiveDetectorOptions extends Omit<CoreDetectorOptions, 'detect'> {
  /** Detection itself (tests count its calls and roots); the registry's `detect` by default. */
  detect?: CoreDetectorOptions['detect'];
}

export function startLiveDetector(ctx: LiveDetectorContext, options: LiveDetectorOptions): LiveDetector {
  return startWith(ctx, { ...options, detect: options.detect ?? detect });
}

export interface LiveLayerDeps extends Omit<CoreLayerDeps, 'sites'> {
  /** The adapters to run with; the whole registry by default. */
  sites?: SiteSet;
}

export function startLiveLayer(ctx: LiveDetectorContext, deps: LiveLayerDeps): LiveLayer {
  return startLayerWith(ctx, { ...deps, sites: deps.sites ?? REGISTRY_SITES });
}

/**
 * The site id a page reports under: its adapter's id, or for a page only the generic detector reads
 * (a blog the user turned Running For on for) its host — the id the background accepts from it.
 */
export function siteIdOf(url: URL, doc: Document): string {
  return siteIdIn(REGISTRY_SITES, url, doc);
}
