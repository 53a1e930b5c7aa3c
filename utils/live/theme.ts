/**
 * Light or dark, from the site itself: the computed background of the nearest opaque ancestor of the
 * prompt's host, read once at mount (and again when the dialog opens, since sites switch themes
 * without reloading). Sites paint their own background whatever the system says, so the page wins
 * over `prefers-color-scheme`, which is only the fallback when nothing on the way up paints one.
 */
export type Theme = 'light' | 'dark';

/** An ancestor at least this opaque decides the theme; fainter ones are tints over what is below. */
const OPAQUE = 0.5;
/** Relative lightness below which a background is dark (0 black … 1 white). */
const DARK_BELOW = 0.45;

/**
 * Lightness (0…1) and alpha of a computed colour, or undefined for one this does not read. Chromium
 * and Firefox compute legacy colours as `rgb()`/`rgba()`; colours written in newer spaces keep them
 * (`oklch(…)`, `lab(…)`, `color(srgb …)`).
 */
export function readColor(text: string): { lightness: number; alpha: number } | undefined {
  // What most elements compute to (no background of their own): answered without parsing.
  if (text === 'rgba(0, 0, 0, 0)') return { lightness: 0, alpha: 0 };
  const value = text.trim().toLowerCase();
  if (value === 'transparent') return { lightness: 1, alpha: 0 };
  const match = /^([a-z-]+)\((.*)\)$/.exec(value);
  if (!match) return undefined;
  const [, fn, body] = match as unknown as [string, string, string];
  const [channelPart, alphaPart] = body.includes('/') ? body.split('/') : [body, undefined];
  const parts = channelPart!.split(/[\s,]+/).filter(Boolean);
  const number = (part: string | undefined, percentScale: number) => {
    if (part === undefined || part === 'none') return 0;
    const n = Number.parseFloat(part);
    return part.endsWith('%') ? (n / 100) * percentScale : n;
  };
  let alpha = alphaPart === undefined ? 1 : number(alphaPart.trim(), 1);
  let lightness: number;
  if (fn === 'rgb' || fn === 'rgba') {
    if (alphaPart === undefined && parts.length === 4) alpha = number(parts[3], 1);
    const [r, g, b] = [number(parts[0], 255), number(parts[1], 255), number(parts[2], 255)];
    lightness = luminance(r / 255, g / 255, b / 255);
  } else if (fn === 'color' && parts[0] === 'srgb') {
    lightness = luminance(number(parts[1], 1), number(parts[2], 1), number(parts[3], 1));
  } else if (fn === 'oklch' || fn === 'oklab') {
    lightness = number(parts[0], 1);
  } else if (fn === 'lab' || fn === 'lch') {
    lightness = number(parts[0], 100) / 100;
  } else {
    return undefined;
  }
  if (!Number.isFinite(lightness) || !Number.isFinite(alpha)) return undefined;
  return { lightness, alpha };
}

/** Perceived lightness of sRGB channels (0…1): WCAG relative luminance, then CIE L* scaled to 0…1. */
function luminance(r: number, g: number, b: number): number {
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  const y = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  return (y <= 216 / 24389 ? (y * 24389) / 27 : 116 * Math.cbrt(y) - 16) / 100;
}

/** The theme the site shows around `host`. */
export function pickTheme(host: Element): Theme {
  return themeAround(host.parentElement, host.ownerDocument.defaultView);
}

/**
 * The theme the site shows at `element` (where a host goes), from it upwards. With `memo`, elements
 * already decided in the same read are not read again, and every element on the way up is remembered:
 * counts placed together share most of their ancestors.
 */
export function themeAround(element: Element | null, view: (Window & typeof globalThis) | null, memo?: Map<Element, Theme>): Theme {
  if (!view) return 'light';
  const visited: Element[] = [];
  let theme: Theme | undefined;
  for (let current = element; current && !theme; current = current.parentElement) {
    theme = memo?.get(current);
    if (theme) break;
    visited.push(current);
    const color = readColor(view.getComputedStyle(current).backgroundColor);
    if (color && color.alpha >= OPAQUE) theme = color.lightness < DARK_BELOW ? 'dark' : 'light';
  }
  theme ??= view.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  if (memo) for (const current of visited) memo.set(current, theme);
  return theme;
}
