/**
 * The prompt's styles, adopted into its shadow root as a constructable stylesheet: no `<style>` element
 * and no inline style attributes, so it works under a strict page Content-Security-Policy.
 *
 * Isolation from the page: `:host` resets everything (`all: initial`, important so page rules on the
 * host element cannot win — for important declarations the shadow's own context wins), sizes are in px
 * (`rem` would follow the page's root font size), and colours are custom properties set on an element
 * inside the shadow root, which page CSS cannot reach.
 *
 * The chip's box is fixed (height, font, text that does not change with the count), so it takes its
 * final size on the first paint and never resizes; negative block margins keep it from making the
 * site's line any taller.
 */
export const PROMPT_CSS = `
:host {
  all: initial !important;
  display: inline-block !important;
  vertical-align: middle !important;
  height: 20px !important;
  margin: -4px 0 -4px 6px !important;
  padding: 0 !important;
  border: 0 !important;
  line-height: 20px !important;
  white-space: nowrap !important;
  visibility: visible !important;
  opacity: 1 !important;
}
* { box-sizing: border-box; }
.light {
  color-scheme: light;
  --bg: #ffffff; --surface: #f6f5f1; --text: #1f1f1c; --muted: #5f5d56; --line: #dedbd2;
  --field: #ffffff; --field-line: #bdb9ae; --accent: #1f6f5c; --accent-text: #ffffff;
  --focus: #2463eb; --error: #b42318; --shadow: 0 12px 32px rgba(20, 20, 18, 0.18), 0 2px 6px rgba(20, 20, 18, 0.12);
}
.dark {
  color-scheme: dark;
  --bg: #22211f; --surface: #2b2a27; --text: #eceae4; --muted: #aaa79e; --line: #3d3b36;
  --field: #1b1a18; --field-line: #57544d; --accent: #7fcfb5; --accent-text: #10231d;
  --focus: #8ab4ff; --error: #ff8a80; --shadow: 0 12px 32px rgba(0, 0, 0, 0.55), 0 2px 6px rgba(0, 0, 0, 0.4);
}
.rf {
  display: inline-block;
  height: 20px;
  font: 500 12px/18px system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  color: var(--text);
  text-align: start;
  -webkit-font-smoothing: antialiased;
}
button, input, select { font: inherit; color: inherit; margin: 0; }
button { cursor: pointer; }
:focus { outline: none; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }

.chip {
  display: inline-flex;
  align-items: center;
  gap: 5px;
  height: 20px;
  padding: 0 8px 0 7px;
  border: 1px solid var(--line);
  border-radius: 10px;
  background: var(--bg);
  color: var(--muted);
  font-size: 12px;
  line-height: 18px;
  white-space: nowrap;
}
.chip:hover, .chip[aria-expanded='true'] { color: var(--text); border-color: var(--field-line); }
.chip .mark {
  width: 8px; height: 8px; flex: none;
  border: 2px solid var(--accent);
  border-radius: 50%;
}
.chip.own { background: var(--accent); border-color: var(--accent); color: var(--accent-text); font-weight: 600; }
.chip.own .mark { border-color: var(--accent-text); }

.dialog {
  position: fixed;
  inset: auto;
  margin: 0;
  z-index: 2147483647;
  width: 368px;
  max-width: calc(100vw - 16px);
  max-height: calc(100vh - 16px);
  overflow: auto;
  padding: 14px 16px 16px;
  border: 1px solid var(--line);
  border-radius: 12px;
  background: var(--bg);
  color: var(--text);
  box-shadow: var(--shadow);
  font: 400 14px/20px system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  white-space: normal;
  text-align: start;
  overflow-wrap: anywhere;
}
.dialog[hidden] { display: none; }
.dialog.own { border-color: var(--accent); border-width: 2px; }
.top { display: flex; align-items: center; justify-content: space-between; gap: 8px; margin-bottom: 6px; }
.brand { font-size: 11px; line-height: 16px; font-weight: 600; letter-spacing: 0.06em; text-transform: uppercase; color: var(--accent); }
.close {
  width: 24px; height: 24px; padding: 0; border: 0; border-radius: 6px;
  background: transparent; color: var(--muted); font-size: 18px; line-height: 24px;
}
.close:hover { background: var(--surface); color: var(--text); }
.heading { margin: 0 0 8px; font-size: 15px; line-height: 21px; font-weight: 600; }
.own .heading { font-size: 17px; line-height: 23px; }
.sub { margin: 0 0 10px; color: var(--text); }
.aim { margin: 0 0 12px; padding: 8px 10px; border-radius: 8px; background: var(--surface); }
.aim-label { display: block; font-size: 11px; line-height: 16px; font-weight: 600; letter-spacing: 0.04em; text-transform: uppercase; color: var(--muted); }
.aim-text { display: block; }
.aim-text.empty { color: var(--muted); }
.week { display: block; margin-top: 4px; font-size: 13px; color: var(--muted); }
.week strong { color: var(--text); font-weight: 600; }
.reveal { margin: 0 0 12px; }
.shown { margin: 0 0 12px; font-size: 20px; line-height: 26px; font-weight: 600; }
.answers { display: flex; flex-wrap: wrap; gap: 6px; }
.answers[hidden], .form[hidden], .snooze[hidden], .done-row[hidden], .alert[hidden], .shown[hidden], .reveal[hidden], .week[hidden], .sub[hidden] { display: none; }
.btn {
  min-height: 32px;
  padding: 5px 11px;
  border: 1px solid var(--field-line);
  border-radius: 8px;
  background: var(--bg);
  color: var(--text);
  font-size: 13px;
  line-height: 20px;
  font-weight: 500;
}
.btn:hover { background: var(--surface); }
.btn.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-text); font-weight: 600; }
.btn.primary:hover { filter: brightness(1.08); }
.btn.quiet { border-color: transparent; background: transparent; color: var(--muted); }
.btn.quiet:hover { color: var(--text); background: var(--surface); }
.btn:disabled { opacity: 0.6; cursor: default; }
.form, .snooze { margin-top: 12px; padding-top: 12px; border-top: 1px solid var(--line); }
.form label, .snooze .legend { display: block; margin-bottom: 4px; font-size: 13px; font-weight: 600; }
.field {
  display: block; width: 100%; min-height: 34px; margin-bottom: 10px; padding: 6px 8px;
  border: 1px solid var(--field-line); border-radius: 8px; background: var(--field); color: var(--text);
  font-size: 14px; line-height: 20px;
}
.field:focus-visible { outline-offset: 0; }
.row { display: flex; flex-wrap: wrap; gap: 8px; }
.alert { margin: 12px 0 0; padding: 8px 10px; border-radius: 8px; border: 1px solid var(--error); color: var(--error); font-size: 13px; }
.done-text { margin: 0; font-size: 13px; line-height: 19px; }
.done-text:not(:empty) { margin-top: 12px; }
.done-row { display: flex; justify-content: flex-end; margin-top: 12px; }
`;

const sheets = new WeakMap<Document, CSSStyleSheet>();

/**
 * One stylesheet per document, shared by every prompt in it (adopting the same sheet many times costs
 * nothing; a copy per count would). A constructed sheet can only be adopted in the document it was
 * made for, hence the document key.
 */
export function promptSheet(doc: Document): CSSStyleSheet {
  let sheet = sheets.get(doc);
  if (!sheet) {
    const view = doc.defaultView as (Window & typeof globalThis) | null;
    sheet = new (view?.CSSStyleSheet ?? CSSStyleSheet)();
    sheet.replaceSync(PROMPT_CSS);
    sheets.set(doc, sheet);
  }
  return sheet;
}
