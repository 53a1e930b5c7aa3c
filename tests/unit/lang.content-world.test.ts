/** @vitest-environment happy-dom */
/**
 * A content script's languages, as it starts: English in the script, nothing else registered
 * (tests/unit/setup.ts leaves this file's world empty). Packs arrive as the background injects their files
 * (utils/detection/lang/files.ts), with the numbers the parser reads instead of asking Intl; the neutral units
 * arrive the first time a token is in none of the page's tables.
 */
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildPrompt } from '../../components/prompt/chip';
import type { PromptEnvironment } from '../../utils/live/prompt-contract';
import { parseCount } from '../../utils/detection/count';
import { NEUTRAL_UNITS_CODE } from '../../utils/detection/lang/codes';
import { languagePackFiles } from '../../utils/detection/lang/files';
import { loadLanguagesOnDemand } from '../../utils/detection/lang/loader';
import { registeredPacks } from '../../utils/detection/lang/pack';
import { detectionOf } from './prompt-detection';

type Send = Parameters<typeof loadLanguagesOnDemand>[0];

/** What the background does on `lang/load`: run the pack's file in the asking world. */
function inject(code: string): void {
  const file = languagePackFiles().find((candidate) => candidate.relativeDest === `lang/${code}.js`);
  if (!file) throw new Error(`no file for ${code}`);
  runInNewContext(file.contents, { globalThis });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a content script’s numbers', () => {
  it('reads English and the languages it loads without building anything with Intl', () => {
    expect([...registeredPacks().keys()]).toEqual(['en']);
    inject('de');
    // The first Intl.NumberFormat of a page costs 20–30 ms; none is made for a language a pack covers.
    const made = vi.spyOn(Intl, 'NumberFormat');
    expect(parseCount('1,234,567', 'en')).toEqual({ value: 1234567, approximate: false });
    expect(parseCount('12.3K', 'en-GB')).toEqual({ value: 12300, approximate: true });
    expect(parseCount('1.234.567', 'en-DE')).toEqual({ value: 1234567, approximate: false });
    expect(parseCount('12,3 Tsd.', 'de')).toEqual({ value: 12300, approximate: true });
    expect(parseCount("1'234'567", 'de-CH')).toEqual({ value: 1234567, approximate: false });
    expect(parseCount('1,2 Mio.', 'de-AT')).toEqual({ value: 1200000, approximate: true });
    expect(made).not.toHaveBeenCalled();
    // A language no pack covers is still read, through Intl.
    expect(parseCount('1.234.567', 'hr')).toEqual({ value: 1234567, approximate: false });
    expect(made).toHaveBeenCalled();
  });

  it('loads the neutral units the first time a token is in none of the page’s tables, then reads the page again', async () => {
    const asked: unknown[] = [];
    let readAgain = 0;
    const send = (async (message: { type: string; lang: string }) => {
      asked.push(message);
      // The background answers later: the page goes on reading meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 10));
      inject(message.lang);
      return { ok: true };
    }) as unknown as Send;
    const stop = loadLanguagesOnDemand(send, () => readAgain++);
    try {
      // The page's own tables and the universal units read these without it; what is no unit asks nothing.
      expect(parseCount('12.3K', 'en')).toEqual({ value: 12300, approximate: true });
      expect(parseCount('1.2万', 'en')).toEqual({ value: 12000, approximate: true });
      expect(parseCount('12 Ipsum, Ipsum', 'en')).toBeNull();
      expect(asked).toEqual([]);
      // "Mio." is no English unit: not read yet, the table asked for once, the page read again when it came.
      expect(parseCount('1,2 Mio.', 'en')).toBeNull();
      expect(parseCount('3 Mio.', 'en')).toBeNull();
      await vi.waitFor(() => expect(readAgain).toBe(1));
      expect(asked).toEqual([{ type: 'lang/load', lang: NEUTRAL_UNITS_CODE }]);
      expect(parseCount('1,2 Mio.', 'en')).toEqual({ value: 1200000, approximate: true });
      expect(parseCount('5 млн', 'en')).toEqual({ value: 5000000, approximate: true });
      expect(asked).toHaveLength(1);
    } finally {
      stop();
    }
  });

  it('names chips with their numbers without building anything with Intl', () => {
    inject('de');
    const made = vi.spyOn(Intl, 'NumberFormat');
    const env: PromptEnvironment = {
      mode: 'reframe',
      send: (async () => ({ ok: true })) as unknown as PromptEnvironment['send'],
      now: () => new Date(),
    };
    const named: string[] = [];
    for (const [lang, text, value] of [
      ['en', '12.3K Followers', 12_300],
      ['de', '1,2 Mio. Abonnenten', 1_200_000],
      ['de-AT', 'Über 2.000 Follower', 2_000],
    ] as const) {
      const section = document.createElement('section');
      section.lang = lang;
      const host = document.createElement('running-for-prompt');
      section.append(host);
      document.body.append(section);
      const prompt = buildPrompt(host, detectionOf({ value, approximate: true, text }), env)!;
      named.push(prompt.chip.getAttribute('aria-label')!);
      prompt.controller.destroy();
      section.remove();
    }
    expect(named).toEqual([
      'Running For: what have these 12.3K followers produced?',
      'Running For: what have these 1,2 Mio. followers produced?',
      'Running For: what have these 2.000+ followers produced?',
    ]);
    expect(made).not.toHaveBeenCalled();
  });
});
