/**
 * The generic layer on demand (utils/sites/generic-slot.ts): a supported site's content script does not
 * carry the generic detector. Like such a script, this file imports neither the registry nor generic.ts
 * up front: a region that misses a count asks for the layer and detection goes on without it; once the
 * layer is registered (the injected file imports generic.ts) the page is read again and the counts only
 * it can find are found. The page: a real TikTok profile whose test ids a redesign removed (the drill's
 * "test ids removed", tests/unit/redesign.ts), where the generic layer is what finds both counts.
 */
import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { describe, expect, it, vi } from 'vitest';
import '../../utils/detection/lang/all';
import { detectWith } from '../../utils/detection/detect-with';
import { GENERIC_RETRY_MS, loadGeneric, loadGenericOnDemand, onGenericNeeded, registeredGeneric } from '../../utils/sites/generic-slot';
import { tiktok } from '../../utils/sites/tiktok';
import { REDESIGNS } from './redesign';

const URL_TT = new URL('https://www.tiktok.com/@user1');

function redesignedPage(): Document {
  const html = readFileSync(new URL('../fixtures/tiktok/profile-other-loggedout-2026.html', import.meta.url), 'utf8');
  const window = new Window({
    url: URL_TT.href,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  REDESIGNS.find((redesign) => redesign.name === 'test ids removed')!.apply(doc);
  return doc;
}

const counts = (doc: Document) => detectWith(tiktok, doc, URL_TT).map((found) => `${found.metric}=${found.value} via ${found.via}`);

describe('the generic layer, loaded when a region first needs it', () => {
  it('a refused load resolves false; detection asks again only a minute later, not at every pass', async () => {
    expect(registeredGeneric()).toBeUndefined();
    const refused = vi.fn(async () => ({ ok: false as const, error: 'The fallback detector could not be loaded on this page.' }));
    expect(await loadGeneric(refused as never)).toBe(false);
    expect(await loadGeneric(refused as never)).toBe(false);
    expect(refused).toHaveBeenCalledTimes(2);

    let clock = 1_000_000;
    const rescan = vi.fn();
    const stop = loadGenericOnDemand(refused as never, rescan, () => clock);
    const doc = redesignedPage();
    counts(doc);
    await vi.waitFor(() => expect(refused).toHaveBeenCalledTimes(3));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Pass after pass within the minute: no message.
    for (let pass = 0; pass < 5; pass++) counts(doc);
    clock += GENERIC_RETRY_MS - 1;
    counts(doc);
    expect(refused).toHaveBeenCalledTimes(3);
    clock += 1;
    counts(doc);
    await vi.waitFor(() => expect(refused).toHaveBeenCalledTimes(4));
    expect(rescan).not.toHaveBeenCalled();
    stop();
  });

  it('asks when a region misses a count, goes on without it, and reads the page again once it is in', async () => {
    const doc = redesignedPage();
    const asked = vi.fn();
    const stopAsking = onGenericNeeded(asked);
    expect(counts(doc)).toEqual([]);
    expect(asked).toHaveBeenCalled();
    stopAsking();

    // The background's answer to `sites/generic`: the injected file runs, importing generic.ts registers it.
    const send = vi.fn(async () => {
      await import('../../utils/sites/generic');
      return { ok: true as const };
    });
    const rescan = vi.fn(() => counts(doc));
    const stop = loadGenericOnDemand(send as never, rescan);
    // Two passes while the load is under way: one message.
    counts(doc);
    counts(doc);
    await vi.waitFor(() => expect(rescan).toHaveBeenCalledTimes(1));
    expect(send.mock.calls).toEqual([[{ type: 'sites/generic' }]]);
    expect(rescan.mock.results[0]!.value).toEqual(['following=1255 via generic', 'followers=3666 via generic']);
    // In now: nothing asks again.
    counts(doc);
    expect(send).toHaveBeenCalledTimes(1);
    expect(await loadGeneric(send as never)).toBe(true);
    expect(send).toHaveBeenCalledTimes(1);
    stop();
  });
});
