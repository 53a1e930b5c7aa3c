/**
 * Where the generic layer (./generic.ts, the third of ./layers.ts) comes from in a supported site's
 * content script: not in the script itself, which every page of the site loads and which must stay small
 * (20 kB gzipped, tests/budget.ts), but injected by the background the first time a region misses a count
 * its hooks and labels cannot find — a site that changed its markup (`sites/generic`,
 * entrypoints/generic-layer.ts); then the page is read again. The way the dialog's frame code and the
 * language packs come (components/prompt/frame-slot.ts, utils/detection/lang/pack.ts): the injected file runs in the
 * content script's isolated world and registers the detector in a global there, which page scripts can
 * neither read nor replace. Whatever bundles ./generic.ts itself (the registry, the added sites' script)
 * registers it at once.
 */
import type { sendToBackground } from '../messaging/client';
import { worldSlot } from '../live/world-slot';
import type { SiteAdapter } from './types';

export type GenericDetect = SiteAdapter['detect'];

/** The isolated-world global the injected file fills. */
const slot = worldSlot<GenericDetect>('__runningForGenericLayer');

export const registeredGeneric = slot.get;

/** Called by the injected file, and by the bundles that carry the generic detector (once: it cannot be replaced). */
export const registerGeneric = slot.set;

let whenNeeded: (() => void) | undefined;

/** Detection found a count missing and no generic layer here: ask for it (the content script's listener loads it). */
export function genericNeeded(): void {
  whenNeeded?.();
}

/** The content script's listener (one at a time); returns the function that removes it. */
export function onGenericNeeded(listener: () => void): () => void {
  whenNeeded = listener;
  return () => {
    if (whenNeeded === listener) whenNeeded = undefined;
  };
}

let loading: Promise<boolean> | undefined;

/**
 * Ask the background to inject the generic layer into this frame, once (a failed load may be asked again
 * at the next need). Resolves true when it is registered now; never rejects.
 */
export function loadGeneric(send: typeof sendToBackground): Promise<boolean> {
  if (registeredGeneric()) return Promise.resolve(true);
  loading ??= send({ type: 'sites/generic' }).then(
    (reply) => reply.ok && registeredGeneric() !== undefined,
    () => false,
  );
  const pending = loading;
  void pending.then((loaded) => {
    if (!loaded && loading === pending) loading = undefined;
  });
  return pending;
}

/** After a failed load, how long before detection may ask again (every pass would otherwise send one). */
export const GENERIC_RETRY_MS = 60_000;

/**
 * Load the generic layer the first time detection asks for it, then call `loaded` (read the page again).
 * A load that failed (the extension was updated, the background refused) is asked again only after
 * GENERIC_RETRY_MS. Returns the stop function.
 */
export function loadGenericOnDemand(send: typeof sendToBackground, loaded: () => void, now: () => number = Date.now): () => void {
  let waiting = false;
  let retryAt = 0;
  return onGenericNeeded(() => {
    if (waiting || registeredGeneric() || now() < retryAt) return;
    waiting = true;
    void loadGeneric(send).then((added) => {
      waiting = false;
      if (added) loaded();
      else retryAt = now() + GENERIC_RETRY_MS;
    });
  });
}
