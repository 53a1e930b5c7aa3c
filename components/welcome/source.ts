/**
 * Where the first-run page reads and writes: the journal (the aim and its plan, as the popup's AimForm
 * writes them: utils/journal/journal.ts) and the settings the dashboard's Sites view and reminder settings
 * write (utils/settings/items.ts). Every answer is written when its step is continued, so the page can be
 * closed at any moment without losing what was saved. Tests pass a journal over fake-indexeddb.
 */
import { browser } from 'wxt/browser';
import type { Journal } from '@/utils/journal/journal';
import { pageJournal } from '@/utils/journal/page';
import { reminderItem, repairReminder, repairSiteModes, siteModesItem, type SiteMode, type WeeklyReminder } from '@/utils/settings/items';

export interface WelcomeSource {
  openJournal(): Promise<Journal>;
  readModes(): Promise<Record<string, SiteMode>>;
  writeModes(modes: Record<string, SiteMode>): Promise<void>;
  readReminder(): Promise<WeeklyReminder>;
  writeReminder(value: WeeklyReminder): Promise<void>;
  /** Close the page's tab (its last step's button). */
  closePage(): Promise<void>;
  now(): Date;
}

export const pageSource: WelcomeSource = {
  openJournal: () => pageJournal(),
  readModes: async () => repairSiteModes(await siteModesItem.getValue()),
  writeModes: (modes) => siteModesItem.setValue(modes),
  readReminder: async () => repairReminder(await reminderItem.getValue()),
  writeReminder: (value) => reminderItem.setValue(value),
  closePage: async () => {
    // A tab the extension opened: the tabs API closes it where `window.close()` may be refused.
    const tab = await browser.tabs.getCurrent();
    if (tab?.id === undefined) window.close();
    else await browser.tabs.remove(tab.id);
  },
  now: () => new Date(),
};

/** The modes with `site` set to `mode`; reframe, the default, is kept as no entry (as the Sites view does). */
export function withMode(modes: Record<string, SiteMode>, site: string, mode: SiteMode): Record<string, SiteMode> {
  const next = { ...modes };
  if (mode === 'reframe') delete next[site];
  else next[site] = mode;
  return next;
}
