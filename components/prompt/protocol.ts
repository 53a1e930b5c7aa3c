/**
 * How a chip (in the content script, in the site's page) and its dialog (an extension page in an iframe,
 * entrypoints/prompt/) talk. Nothing secret crosses, in either direction: in go the count's data, which
 * the page shows anyway, and its theme; out come "ready", the height the dialog needs and "close". The
 * aim, the outcomes and whatever the user types stay in the extension's own origin.
 *
 * The dialog is set up through its address's fragment (read and removed on load; a page cannot read a
 * cross-origin frame's address, and resource timing reports no extension URLs). Everything after goes
 * over a private MessageChannel: once the frame has loaded, the chip posts one port to the frame's own
 * window, for the extension's origin only, with the fragment's random token, and the dialog takes the
 * first port that comes with it. The page sees neither the token nor any message on the channel, so it
 * can neither forge a count nor learn when the dialog opens, resizes or closes.
 */
import type { Detection, Metric } from '@/utils/sites/types';
import { isMetric } from '@/utils/sites/types';
import type { Theme } from '../../utils/live/theme';

/** The count, as the dialog needs it: no element, no layer. */
export type PromptCount = Pick<Detection, 'site' | 'metric' | 'value' | 'approximate' | 'own' | 'text'>;

export interface FrameSetup {
  token: string;
  count: PromptCount;
  mode: 'reframe' | 'hide';
  /** The page's language, for numbers and dates. */
  lang?: string;
  theme: Theme;
  /** The site's name, for "Quiet on LinkedIn for…". */
  siteName: string;
}

/** Chip → dialog, on the frame's window (the one message not on the channel): here is your port. */
export interface Connect {
  rf: 'connect';
  token: string;
}

/** Chip → dialog, on the channel. */
export type ToFrame = { rf: 'open'; count: PromptCount; theme: Theme } | { rf: 'update'; count: PromptCount };

/** Dialog → chip, on the channel. */
export type FromFrame = { rf: 'ready'; height: number } | { rf: 'size'; height: number } | { rf: 'close'; returnFocus: boolean };

export function countOf(detection: Detection): PromptCount {
  const { site, metric, value, approximate, own, text } = detection;
  return { site, metric, value, approximate, own, text };
}

/** A token the page cannot guess. */
export function newToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function encodeSetup(setup: FrameSetup): string {
  return encodeURIComponent(JSON.stringify(setup));
}

const SITE = /^[a-z0-9][a-z0-9.-]{0,252}$/;

/** A count from anywhere (a fragment, a message): checked field by field, or undefined. */
export function readCount(value: unknown): PromptCount | undefined {
  const count = value as Partial<Record<keyof PromptCount, unknown>> | null;
  if (typeof count !== 'object' || count === null) return undefined;
  const { site, metric, value: n, approximate, own, text } = count;
  if (typeof site !== 'string' || !SITE.test(site) || !isMetric(metric)) return undefined;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) return undefined;
  if (typeof approximate !== 'boolean' || typeof own !== 'boolean' || typeof text !== 'string' || text.length > 200) return undefined;
  return { site, metric: metric as Metric, value: n, approximate, own, text };
}

const readTheme = (value: unknown): Theme | undefined => (value === 'light' || value === 'dark' ? value : undefined);

/** The setup in a dialog's fragment, checked; undefined for anything else. */
export function decodeSetup(fragment: string): FrameSetup | undefined {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(decodeURIComponent(fragment.replace(/^#/, ''))) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null) return undefined;
  const count = readCount(raw.count);
  const theme = readTheme(raw.theme);
  const { token, mode, lang, siteName } = raw;
  if (!count || !theme || typeof token !== 'string' || !/^[0-9a-f]{32}$/.test(token)) return undefined;
  if (mode !== 'reframe' && mode !== 'hide') return undefined;
  if (lang !== undefined && (typeof lang !== 'string' || lang.length > 35)) return undefined;
  if (typeof siteName !== 'string' || siteName.length > 253) return undefined;
  return { token, count, mode, theme, siteName, ...(lang ? { lang } : {}) };
}

/** Is this the chip's connect (its token), carrying the channel's port? */
export function isConnect(event: MessageEvent, token: string): boolean {
  const message = event.data as Partial<Connect> | null;
  return typeof message === 'object' && message !== null && message.rf === 'connect' && message.token === token && event.ports.length === 1;
}

/** A message for the dialog, checked, or undefined. */
export function readToFrame(data: unknown): ToFrame | undefined {
  const message = data as Partial<Record<string, unknown>> | null;
  if (typeof message !== 'object' || message === null) return undefined;
  const count = readCount(message.count);
  if (!count) return undefined;
  if (message.rf === 'update') return { rf: 'update', count };
  const theme = readTheme(message.theme);
  return message.rf === 'open' && theme ? { rf: 'open', count, theme } : undefined;
}

/** A message for the chip, checked, or undefined. */
export function readFromFrame(data: unknown): FromFrame | undefined {
  const message = data as Partial<Record<string, unknown>> | null;
  if (typeof message !== 'object' || message === null) return undefined;
  const height = message.height;
  if ((message.rf === 'ready' || message.rf === 'size') && typeof height === 'number' && Number.isFinite(height) && height >= 0) {
    return { rf: message.rf, height: Math.min(height, 4000) };
  }
  if (message.rf === 'close') return { rf: 'close', returnFocus: message.returnFocus === true };
  return undefined;
}
