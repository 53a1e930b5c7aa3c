/**
 * The journal database (`running-for`, IndexedDB in the extension's own origin). Only extension pages
 * and the background service worker open it: IndexedDB opened in a content script would belong to the
 * site (README "Architecture", the layers).
 *
 * Every write is one transaction. Failures become a `JournalError` with a message a person can act on;
 * nothing already stored is lost by a failed write.
 */
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Activity, Aim, HealthDay, Outcome, Reflection, RefusalDay, SiteHealth, Snapshot } from './records';
import { t, type MessageKey } from '../i18n/t';

export const DB_NAME = 'running-for';
export const DB_VERSION = 4;

export interface JournalSchema extends DBSchema {
  aims: { key: string; value: Aim; indexes: { 'by-createdAt': string } };
  outcomes: { key: string; value: Outcome; indexes: { 'by-at': string; 'by-site': string; 'by-site-at': [string, string] } };
  reflections: { key: string; value: Reflection; indexes: { 'by-at': string; 'by-site-at': [string, string] } };
  snapshots: { key: string; value: Snapshot; indexes: { 'by-at': string; 'by-site-metric-at': [string, string, string] } };
  activity: { key: [string, string]; value: Activity; indexes: { 'by-site': string } };
  health: { key: [string, string]; value: HealthDay };
  siteHealth: { key: string; value: SiteHealth };
  refusals: { key: [string, string, string]; value: RefusalDay };
}

/** The journal's stores: what a backup holds, what the Data view counts. */
export type StoreName = 'aims' | 'outcomes' | 'reflections' | 'snapshots' | 'activity';
export const STORES: readonly StoreName[] = ['aims', 'outcomes', 'reflections', 'snapshots', 'activity'];
/** Site health (records.ts HealthDay, SiteHealth): about the sites, not the user, so not in backups; deleted with everything. */
export const HEALTH_STORES = ['health', 'siteHealth'] as const;
/** Messages refused over budget (records.ts RefusalDay): about pages, not the user, so not in backups; deleted with everything. */
export const REFUSAL_STORES = ['refusals'] as const;

export type JournalDB = IDBPDatabase<JournalSchema>;

export type JournalErrorCode = 'unavailable' | 'blocked' | 'outdated' | 'quota' | 'closed' | 'write-failed' | 'invalid';

/** An error the UI can show as is. */
export class JournalError extends Error {
  constructor(
    readonly code: JournalErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'JournalError';
  }
}

/** What each journal error says to the person (shown by the popup and the dashboard). */
const ERROR_KEYS: Record<JournalErrorCode, MessageKey> = {
  unavailable: 'errorUnavailable',
  blocked: 'errorBlocked',
  outdated: 'errorOutdated',
  quota: 'errorQuota',
  closed: 'errorClosed',
  'write-failed': 'errorWriteFailed',
  invalid: 'errorInvalid',
};

/** Each error's sentence in the UI's language, read when it is asked for (assets/locales/<locale>/errors.json). */
export const ERROR_TEXTS: Readonly<Record<JournalErrorCode, string>> = Object.defineProperties(
  {} as Record<JournalErrorCode, string>,
  Object.fromEntries(Object.entries(ERROR_KEYS).map(([code, key]) => [code, { get: () => t(key), enumerable: true }])),
);

/**
 * The upgrade chain, up to `target` (the current version, unless a test builds an older one). Each step
 * takes the previous version's database as it was shipped; tests build every earlier version with this
 * very chain, fill it, and open it with the current code.
 */
export function upgrade(
  db: JournalDB,
  oldVersion: number,
  tx: IDBPTransaction<JournalSchema, StoreNames<JournalSchema>[], 'versionchange'>,
  target: number = DB_VERSION,
): void {
  if (oldVersion < 1 && target >= 1) {
    // Version 1: the five stores, keyed by id (activity by local day and site), with time indexes.
    const aims = db.createObjectStore('aims', { keyPath: 'id' });
    aims.createIndex('by-createdAt', 'createdAt');
    const outcomes = db.createObjectStore('outcomes', { keyPath: 'id' });
    outcomes.createIndex('by-at', 'at');
    outcomes.createIndex('by-site', 'siteId');
    const reflections = db.createObjectStore('reflections', { keyPath: 'id' });
    reflections.createIndex('by-at', 'at');
    const snapshots = db.createObjectStore('snapshots', { keyPath: 'id' });
    snapshots.createIndex('by-at', 'at');
    const activity = db.createObjectStore('activity', { keyPath: ['day', 'siteId'] });
    activity.createIndex('by-site', 'siteId');
  }
  if (oldVersion < 2 && target >= 2) {
    // Version 2: compound indexes for the week view's range queries (one site's values over a week,
    // the last own value of a metric before a week) so a week never scans the whole history.
    tx.objectStore('outcomes').createIndex('by-site-at', ['siteId', 'at']);
    tx.objectStore('reflections').createIndex('by-site-at', ['siteId', 'at']);
    tx.objectStore('snapshots').createIndex('by-site-metric-at', ['siteId', 'metric', 'at']);
  }
  if (oldVersion < 3 && target >= 3) {
    // Version 3: site health — per day and site, and each site's current standing.
    db.createObjectStore('health', { keyPath: ['day', 'siteId'] });
    db.createObjectStore('siteHealth', { keyPath: 'siteId' });
  }
  if (oldVersion < 4 && target >= 4) {
    // Version 4: messages the background refused over budget, counted per day, site and message type.
    db.createObjectStore('refusals', { keyPath: ['day', 'siteId', 'type'] });
  }
}

export interface OpenOptions {
  name?: string;
  /** An older page keeps this version from opening (it has not closed its connection yet). */
  onBlocked?: () => void;
  /** A newer version wants to open: this connection has been closed so it can. */
  onBlocking?: () => void;
  /** The browser closed the connection abnormally (storage cleared, disk error). */
  onTerminated?: () => void;
}

/**
 * Run `work` against a read-write transaction, all or nothing. IndexedDB commits a transaction once nothing
 * more is asked of it — also when the code making its requests failed half-way (a request that throws at
 * once: a full disk, a value the store cannot take; a check that throws between two writes). So on any
 * error the transaction is aborted, which undoes the requests made before it, and the error goes on.
 */
export async function allOrNothing<T>(tx: { abort(): void; done: Promise<void> }, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already aborted by the failed request (nothing was committed), or finished.
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}

/** Map a DOMException from IndexedDB to a JournalError (quota, private windows, closing). */
export function toJournalError(error: unknown): JournalError {
  if (error instanceof JournalError) return error;
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return new JournalError('quota', ERROR_TEXTS.quota, { cause: error });
  if (name === 'VersionError') return new JournalError('outdated', ERROR_TEXTS.outdated, { cause: error });
  if (name === 'InvalidStateError' || name === 'UnknownError') return new JournalError('closed', ERROR_TEXTS.closed, { cause: error });
  return new JournalError('write-failed', ERROR_TEXTS['write-failed'], { cause: error });
}

/** Open (creating or upgrading) the journal database. */
export async function openJournalDB(options: OpenOptions = {}): Promise<JournalDB> {
  if (typeof indexedDB === 'undefined' || !indexedDB) throw new JournalError('unavailable', ERROR_TEXTS.unavailable);
  let db: JournalDB | undefined;
  try {
    db = await openDB<JournalSchema>(options.name ?? DB_NAME, DB_VERSION, {
      upgrade: (database, oldVersion, _newVersion, tx) => upgrade(database, oldVersion, tx),
      blocked: () => options.onBlocked?.(),
      blocking: () => {
        // Let the newer version upgrade; the next call on this side reopens (and so gets the new schema).
        db?.close();
        options.onBlocking?.();
      },
      terminated: () => options.onTerminated?.(),
    });
    return db;
  } catch (error) {
    const name = (error as { name?: string } | null)?.name;
    // Firefox private browsing and "never remember history" refuse to open with InvalidStateError.
    if (name === 'InvalidStateError' || name === 'SecurityError')
      throw new JournalError('unavailable', ERROR_TEXTS.unavailable, { cause: error });
    throw toJournalError(error);
  }
}
