/**
 * Property: whatever Intl.NumberFormat prints in a supported language — full or compact, short or
 * long, default rounding or truncated to one decimal (Bluesky's style) — parses back to the number,
 * exactly for full notation and within the abbreviation's precision for compact notation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeCountText, parseCount } from '../../utils/detection/count';
import { asciiDigits, normalizeSeparators, SUPPORTED_LANGS } from '../../utils/detection/number-locale';

const lang = fc.constantFrom(...SUPPORTED_LANGS);
const count = fc.oneof(
  fc.integer({ min: 0, max: 9_999 }),
  fc.integer({ min: 0, max: 10 ** 12 }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
);

describe('Intl round trip', () => {
  it('full notation parses back exactly', () => {
    fc.assert(
      fc.property(lang, count, (tag, n) => {
        const shown = new Intl.NumberFormat(tag).format(n);
        expect(parseCount(shown, tag), `${tag} ${JSON.stringify(shown)}`).toEqual({ value: n, approximate: false });
      }),
      { numRuns: 2000 },
    );
  });

  const styles: Array<[string, Intl.NumberFormatOptions]> = [
    ['compact short', { notation: 'compact', compactDisplay: 'short' }],
    ['compact long', { notation: 'compact', compactDisplay: 'long' }],
    [
      'compact, one decimal, truncated',
      { notation: 'compact', maximumFractionDigits: 1, roundingMode: 'trunc' } as Intl.NumberFormatOptions,
    ],
  ];
  it.each(styles)('%s parses back within its precision', (_name, options) => {
    fc.assert(
      // Up to ten billion: no account has more followers than a billion. (Above that CLDR has oddities
      // such as Bengali printing 10^11 as "১কো", the crore token without its space.)
      fc.property(lang, fc.integer({ min: 0, max: 10 ** 10 }), (tag, n) => {
        const format = new Intl.NumberFormat(tag, options);
        const shown = format.format(n);
        const parsed = parseCount(shown, tag);
        expect(parsed, `${tag} ${JSON.stringify(shown)}`).not.toBeNull();
        if (!parsed) return;
        // The parsed value prints exactly as the original did …
        expect(format.format(parsed.value), `${tag} ${JSON.stringify(shown)} → ${parsed.value}`).toBe(shown);
        // … and is within two significant digits of it (rounded or truncated).
        expect(Math.abs(parsed.value - n)).toBeLessThanOrEqual(Math.max(0.1 * n, 1));
        if (n >= 10 ** 5 && /\p{L}|[万萬亿億]/u.test(shown)) expect(parsed.approximate).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

// The parser's shortcuts (utils/detection/count.ts) must agree with the full path they skip.
describe('shortcuts', () => {
  const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 24 });

  it('printable ASCII is normalised as the full path would: NFKC, digits, separators, trimmed', () => {
    fc.assert(
      fc.property(printable, (text) => {
        expect(normalizeCountText(text)).toBe(normalizeSeparators(asciiDigits(text.normalize('NFKC'))).trim());
      }),
      { numRuns: 2000 },
    );
  });

  it('a plain run of digits reads the same in every language: no leading zero, a safe integer', () => {
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 18 });
    fc.assert(
      fc.property(lang, digits, fc.boolean(), (tag, text, plus) => {
        const expected =
          (text.length > 1 && text.startsWith('0')) || BigInt(text) > BigInt(Number.MAX_SAFE_INTEGER)
            ? null
            : plus
              ? { value: Number(text), approximate: true, atLeast: true }
              : { value: Number(text), approximate: false };
        expect(parseCount(plus ? `${text}+` : text, tag), `${tag} ${text}`).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
