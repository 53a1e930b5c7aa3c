/**
 * Bounds on one `activity/add` message: a content script reports small, frequent deltas, never totals. A
 * module of plain numbers, so the content script's activity recorder (utils/live/activity.ts) caps what it
 * sends with the very bounds the background validates (./protocol.ts) and budgets (./budgets.ts), without
 * pulling their validators into every page.
 */
export const ACTIVITY_LIMITS = {
  /** Ten minutes of active time per message. */
  activeMs: 10 * 60 * 1000,
  metricsSeen: 10_000,
  promptsShown: 10_000,
} as const;
