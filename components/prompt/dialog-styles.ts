/**
 * The dialog's styles, in its own page (entrypoints/prompt/): the theme colours (styles.ts) and the
 * dialog, which fills the frame the chip shows it in. The content script does not carry them.
 */
import { sharedSheet, THEME_CSS } from './styles';

/** The theme colours only the dialog uses (the chip's are in styles.ts THEME_CSS). */
const DIALOG_THEME_CSS = `.light { --surface: #f6f5f1; --field: #ffffff; --error: #b42318; }
.dark { --surface: #2b2a27; --field: #1b1a18; --error: #ff8a80; }
`;

export const DIALOG_CSS =
  `
.dialog {
  margin: 0;
  padding: 14px 16px 16px;
  border: 1px solid var(--line);
  border-radius: 12px;
  background: var(--bg);
  color: var(--text);
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
.aim-label { display: block; font-size: 11px; line-height: 16px; font-weight: 600; letter-spacing: ` +
  `0.04em; text-transform: uppercase; color: var(--muted); }
.aim-text { display: block; }
.aim-text.empty { color: var(--muted); }
.plan { display: block; margin-top: 4px; font-size: 13px; line-height: 19px; }
.set-aim { display: block; margin-top: 8px; }
.week { display: block; margin-top: 4px; font-size: 13px; color: var(--muted); }
.week strong { color: var(--text); font-weight: 600; }
.reveal { margin: 0 0 12px; }
.shown { margin: 0 0 12px; font-size: 20px; line-height: 26px; font-weight: 600; }
.answers { display: flex; flex-wrap: wrap; gap: 6px; }
.answers[hidden], .form[hidden], .snooze[hidden], .done-row[hidden], .alert[hidden], .shown[hidden], ` +
  `.reveal[hidden], .week[hidden], .sub[hidden], .plan[hidden], .set-aim[hidden] { display: none; }
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

/** The page around the dialog: nothing of its own, transparent, so the frame shows only the dialog. */
const PAGE_CSS = `
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; background: transparent; }
button, input, select { font: inherit; color: inherit; margin: 0; }
button { cursor: pointer; }
:focus { outline: none; }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
`;

/** The dialog page's whole sheet: the theme colours, the page around the dialog, and the dialog. */
export const DIALOG_PAGE_CSS = `${THEME_CSS}${DIALOG_THEME_CSS}${PAGE_CSS}${DIALOG_CSS}`;

export const dialogPageSheet = (doc: Document): CSSStyleSheet => sharedSheet(doc, DIALOG_PAGE_CSS);
