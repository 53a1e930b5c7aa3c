/**
 * The prompt's styles, adopted into its shadow root as a constructable stylesheet: no `<style>` element
 * and no inline style attributes, so it works under a strict page Content-Security-Policy.
 *
 * Isolation from the page: `:host` resets everything (`all: initial`, important so page rules on the
 * host element cannot win — for important declarations the shadow's own context wins), sizes are in px
 * (`rem` would follow the page's root font size), and colours are custom properties set on an element
 * inside the shadow root, which page CSS cannot reach.
 *
 * Two sheets: this one for the chip (in every content script: the host, theme colours, the chip and the
 * frame the dialog shows in) and dialog-styles.ts for the dialog, in its own page (entrypoints/prompt/).
 *
 * The chip's box is fixed (height, font, text that does not change with the count), so it takes its
 * final size on the first paint and never resizes; negative block margins keep it from making the
 * site's line any taller.
 */
import { CHIP_ON } from '@/utils/live/host-css';

/**
 * The two themes' colours the chip uses, here and in the dialog's page (dialog-styles.ts adds the ones only
 * the dialog uses: this sheet ships in every content script).
 */
export const THEME_CSS = `.light {
  color-scheme: light;
  --bg: #ffffff; --text: #1f1f1c; --muted: #5f5d56; --line: #dedbd2; --field-line: #bdb9ae;
  --accent: #1f6f5c; --accent-text: #ffffff; --focus: #2463eb;
  --shadow: 0 12px 32px rgba(20, 20, 18, 0.18), 0 2px 6px rgba(20, 20, 18, 0.12);
}
.dark {
  color-scheme: dark;
  --bg: #22211f; --text: #eceae4; --muted: #aaa79e; --line: #3d3b36; --field-line: #57544d;
  --accent: #7fcfb5; --accent-text: #10231d; --focus: #8ab4ff;
  --shadow: 0 12px 32px rgba(0, 0, 0, 0.55), 0 2px 6px rgba(0, 0, 0, 0.4);
}
`;

/**
 * The chip's sheet. `.chip` shows only while the extension's page sheet is in (utils/live/host-css.ts),
 * so a chip an unloaded copy left is gone; it looks pressed while the dialog's frame code loads (the
 * first open of a page) and while the dialog is open. `.frame` is the dialog: an extension page in a
 * frame (frame.ts), in the top layer, sized by its page. (Comments stay out of the sheet's text: it ships
 * in every content script.)
 */
export const CHIP_CSS = `
:host {
  all: initial !important;
  display: inline-block !important;
  vertical-align: middle !important;
  height: 20px !important;
  margin: -4px 0 -4px var(${CHIP_ON.gap}, 0) !important;
  padding: 0 !important;
  border: 0 !important;
  line-height: 20px !important;
  white-space: nowrap !important;
  visibility: visible !important;
  opacity: 1 !important;
}
* { box-sizing: border-box; }
${THEME_CSS}.rf {
  display: inline-block;
  height: 20px;
  font: 500 12px/18px system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  color: var(--text);
  text-align: start;
  -webkit-font-smoothing: antialiased;
}
button { font: inherit; color: inherit; margin: 0; cursor: pointer; }
:focus { outline: none; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }

.chip {
  display: var(${CHIP_ON.display}, none);
  align-items: center;
  gap: 5px;
  height: 20px;
  padding: 0 8px 0 7px;
  border: 1px solid var(--line);
  border-radius: 10px;
  background: var(--bg);
  color: var(--muted);
}
.chip:hover, .chip[aria-expanded='true'], .chip.pressed { color: var(--text); border-color: var(--field-line); }
.chip .mark {
  width: 8px; height: 8px; flex: none;
  border: 2px solid var(--accent);
  border-radius: 50%;
}
.chip.own { background: var(--accent); border-color: var(--accent); color: var(--accent-text); font-weight: 600; }
.chip.own .mark { border-color: var(--accent-text); }
.frame {
  position: fixed; inset: auto; margin: 0; padding: 0; z-index: 2147483647;
  width: 368px; max-width: calc(100vw - 16px); height: 0;
  border: 0; border-radius: 12px; background: transparent; box-shadow: var(--shadow);
  color-scheme: normal;
}
.frame[hidden] { display: none; }
`;

const sheets = new WeakMap<Document, Map<string, CSSStyleSheet>>();

/**
 * One stylesheet per document and text, shared by every prompt in it (adopting the same sheet many
 * times costs nothing; a copy per count would). A constructed sheet can only be adopted in the document
 * it was made for, hence the document key.
 */
export function sharedSheet(doc: Document, css: string): CSSStyleSheet {
  let byText = sheets.get(doc);
  if (!byText) sheets.set(doc, (byText = new Map()));
  let sheet = byText.get(css);
  if (!sheet) {
    const view = doc.defaultView as (Window & typeof globalThis) | null;
    sheet = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(css);
    byText.set(css, sheet);
  }
  return sheet;
}

export const chipSheet = (doc: Document): CSSStyleSheet => sharedSheet(doc, CHIP_CSS);
