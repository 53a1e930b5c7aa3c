/**
 * What every content script runs, given the adapters it carries. One content script per supported site
 * (entrypoints/<id>.content.ts: that site's adapter only, injected on its hosts) and one for the sites a
 * user adds (entrypoints/any-site.content.ts: Mastodon and the generic detector, registered at run time
 * by utils/settings/registrations.ts). Nothing here imports the adapter registry (utils/sites/index.ts): a page
 * loads the code of its own site, which keeps each script inside the size budget (tests/budget.ts).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { mountPrompt } from '@/components/prompt/mount';
import { useContentWords } from '@/utils/i18n/t';
import { loadLanguages, loadLanguagesOnDemand } from '@/utils/detection/lang/loader';
import { onSettingsChanged, sendToBackground } from '@/utils/messaging/client';
import { startLiveLayer, type LiveLayer } from '@/utils/live/layer';
import type { SiteSet } from '@/utils/live/sites';
import type { SiteState } from '@/utils/settings/items';
import { adapterMatchPatterns } from '@/utils/sites/choose';
import { loadGenericOnDemand } from '@/utils/sites/generic-slot';
import type { SiteAdapter } from '@/utils/sites/types';

/**
 * WXT announces each start with `window.postMessage`, which page scripts receive, extension id included: a
 * free way for a site to detect Running For. Its document event (how a newer copy stops an older one) stays.
 */
export const NO_STARTED_MESSAGE = true;

const pageLang = (doc: Document) => doc.documentElement.getAttribute('lang');

/**
 * The page's site's modes (the site's, and its metrics' own) and snooze, from the background (content
 * scripts never read `storage.local`), and the words the page's chips say. A refusal — the site's permission
 * was withdrawn, or the extension was updated or turned off — turns the page off.
 */
export async function siteSettings(siteId: string, send: typeof sendToBackground = sendToBackground): Promise<SiteState> {
  const reply = await send({ type: 'settings/site', siteId });
  // The chip's words come with the settings: no `browser.i18n.getMessage` in the page (utils/i18n/content-words.ts).
  if (reply.ok) useContentWords(reply.words);
  return reply.ok
    ? { mode: reply.mode, metrics: { ...reply.metrics }, snoozedUntil: reply.snoozedUntil }
    : { mode: 'off', metrics: {}, snoozedUntil: null };
}

/** The live layer with the extension's real prompt, background, settings and clock. */
export function startContentScript(ctx: ContentScriptContext, sites: SiteSet): LiveLayer {
  const layer = startLiveLayer(ctx, {
    sites,
    mount: mountPrompt,
    send: sendToBackground,
    now: () => new Date(),
    settings: (siteId) => siteSettings(siteId),
    watchSettings: onSettingsChanged,
    prepare: [
      // The page's language pack (and the browser's, for pages that do not say theirs), before the first scan.
      (doc) => loadLanguages([pageLang(doc), navigator.language], sendToBackground),
      // Nothing else is built ahead: the language's separators, units and label words, and the chips' stylesheet,
      // are built when the first count needs them — a page that shows no count never pays for them (issue 14).
    ],
  });
  // A language met later (an element's own `lang`): loaded, then the page is read again with it.
  const stopLoading = loadLanguagesOnDemand(sendToBackground, () => layer.detector()?.scan());
  ctx.onInvalidated(stopLoading);
  return layer;
}

/** The content script of one supported site: its adapter, on its hosts. */
export function siteContentScript(adapter: SiteAdapter) {
  return defineContentScript({
    matches: adapterMatchPatterns(adapter),
    runAt: 'document_idle',
    noScriptStartedPostMessage: NO_STARTED_MESSAGE,
    main(ctx) {
      const layer = startContentScript(ctx, { adapters: [adapter] });
      // The generic layer, the first time a region misses a count its hooks and labels cannot find. (Not in
      // any-site.content.ts, which carries the generic detector itself: the loader stays out of its bundle.)
      ctx.onInvalidated(loadGenericOnDemand(sendToBackground, () => layer.detector()?.scan()));
    },
  });
}
