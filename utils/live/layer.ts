/**
 * The live layer of a page: the observer (./observer.ts) with the prompts, started, stopped and restarted
 * as the page's site's settings say (its mode, its metrics' own modes and its snooze, asked of the
 * background), with the page view's activity (./activity.ts) and site health (utils/health/recorder.ts)
 * around it. Each count follows its metric's mode (`promptModeOf`): a chip in reframe, the chip's hidden
 * form in hide, nothing in off. Everything stops when the extension goes (./observer.ts `LiveDetectorContext`).
 */
import type { MountPrompt, PromptEnvironment } from './prompt-contract';
import type { sendToBackground } from '../messaging/client';
import type { SiteMode, SiteState } from '../settings/items';
import type { Detection } from '../sites/types';
import { repeat, startActivity, type ActivityOptions, type ActivityRecorder } from './activity';
import { startHealth, type HealthOptions, type HealthRecorder } from '../health/recorder';
import { detectIn, expectedRegions, liveHintsOf, siteIdOf, type SiteSet } from './sites';
import { startLiveDetector, type LiveDetector, type LiveDetectorContext, type LiveDetectorOptions } from './observer';

export interface LiveLayerDeps {
  /** The adapters this content script carries. */
  sites: SiteSet;
  mount: MountPrompt;
  send: typeof sendToBackground;
  now: () => Date;
  /**
   * The settings the live layer obeys: the page's site's mode, its metrics' own modes and its snooze (a
   * content script asks the background, `settings/site`). A site the background refuses to answer for is `off`.
   */
  settings(siteId: string): Promise<SiteState>;
  /** Call `onChange` whenever the site's modes or snooze may have changed; returns an unwatch function. */
  watchSettings(onChange: () => void): () => void;
  doc?: Document;
  location?: () => string;
  win?: Window;
  /**
   * Work the first scan needs that can run before it, each step in a task of its own while the settings are
   * read (the content script loads the page's language pack). A step that returns a promise is waited for
   * before the next. Nothing a page without counts does not need belongs here (issue 14).
   */
  prepare?: ReadonlyArray<(doc: Document) => unknown>;
  /** Options passed on to the detector (schedulers, detect) and the activity recorder (clock, observers). */
  detector?: Partial<Pick<LiveDetectorOptions, 'frame' | 'idle' | 'detect'>>;
  activity?: Pick<ActivityOptions, 'clock' | 'every' | 'IntersectionObserver'>;
  health?: Pick<HealthOptions, 'setTimer' | 'clock'>;
}

export interface LiveLayer {
  /** Settles once the settings were read and the layer is running (or not, by the settings). */
  readonly ready: Promise<void>;
  /** The running detector, if any (tests). */
  detector(): LiveDetector | undefined;
  stop(): void;
}

/** The live layer's state on a page, as `startLiveLayer` leaves it on the content script's global. */
export interface LiveProgress {
  /**
   * `reframe` or `hide`: the detector runs, the site in that mode (a site that is off, with a metric of its
   * own mode on: the first such metric's mode). `off`: every metric is off.
   * `stopped`: for good — the extension was updated, reloaded or turned off (its observer is disconnected).
   */
  state: 'starting' | 'off' | 'snoozed' | Exclude<SiteMode, 'off'> | 'stopped';
  /** Detection passes run (the first is the whole page's). */
  passes: number;
}

/** Longest setTimeout browsers honour (2^31 − 1 ms); a longer snooze is re-checked when it fires. */
const MAX_TIMEOUT = 2_147_483_647;

/**
 * What a count gets on the page by its metric's mode (its own, else the site's): the normal chip in
 * `reframe`; in `hide` the chip's hidden form (the number itself is hidden by the metric's stylesheet,
 * registered at document_start); in `off` no chip at all.
 */
export function promptModeOf(settings: Pick<SiteState, 'mode' | 'metrics'>, detection: Pick<Detection, 'metric'>): SiteMode {
  // As utils/settings/site-settings.ts `metricMode`, which a content script does not import (it holds storage writes).
  return settings.metrics[detection.metric] ?? settings.mode;
}

/** The modes a page's counts may be in besides `off`: the site's (first), then its metrics' own. */
const modesOn = ({ mode, metrics }: Pick<SiteState, 'mode' | 'metrics'>) =>
  [mode, ...Object.values(metrics)].filter((on): on is Exclude<SiteMode, 'off'> => on !== 'off');

/**
 * The whole live layer of a page, by the settings: nothing for a site whose every metric is `off` (the
 * site off, and no metric given another mode); while the site is snoozed, no prompts (activity is still
 * recorded: time on the site is part of "feeling big"); otherwise the detector, each count with its
 * metric's prompt (`promptModeOf`) — a metric that is off gets none, and is neither counted as seen nor
 * snapshotted. Follows settings changes as they happen, and the end of a snooze.
 */
export function startLiveLayer(ctx: LiveDetectorContext, deps: LiveLayerDeps): LiveLayer {
  const doc = deps.doc ?? document;
  const location = deps.location ?? (() => doc.URL);
  const siteId = siteIdOf(deps.sites, new URL(location()), doc);
  const genericId = deps.sites.generic?.id;
  // The names site pickers show (components/labels.ts): an adapter's own; an added site by its host (its id).
  const siteName = (id: string) => deps.sites.adapters.find((adapter) => adapter.id === id)?.name ?? id;
  let detector: LiveDetector | undefined;
  /** The modes the running detector was started with: the site's, then its metrics' own, as text. */
  let detectorModes: string | undefined;
  let recorder: ActivityRecorder | undefined;
  let health: HealthRecorder | undefined;
  let snoozeTimer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let generation = 0;
  /**
   * What the layer has done on this page, on the content script's own global — the isolated world, which
   * the page cannot read: the state its settings put it in and its detection passes. Nothing in the
   * extension reads it; the end-to-end tests wait on it before they check that a page got no prompt
   * (tests/e2e/extension.ts `liveLayerSettled`), instead of waiting a fixed time.
   */
  const progress: LiveProgress = { state: 'starting', passes: 0 };
  (globalThis as { runningForLive?: LiveProgress }).runningForLive = progress;

  const stopDetector = () => {
    detector?.stop();
    detector = undefined;
    detectorModes = undefined;
    health?.stop();
    health = undefined;
  };

  const startDetector = (modes: Pick<SiteState, 'mode' | 'metrics'>) => {
    const env = (mode: Exclude<SiteMode, 'off'>): PromptEnvironment => ({ mode, send: deps.send, now: deps.now, siteName });
    // A prompt let go of may serve the next count that comes (a hovercard's): only where every count is in the same mode.
    const recyclable = new Set(modesOn(modes)).size < 2;
    const activity = recorder;
    detectorModes = modes.mode + JSON.stringify(modes.metrics);
    const pageHealth = startHealth({
      ...deps.health,
      siteId,
      send: deps.send,
      doc,
      regions: () => expectedRegions(deps.sites, new URL(location()), doc),
    });
    health = pageHealth;
    detector = startLiveDetector(ctx, {
      immediate: true,
      ...liveHintsOf(deps.sites, new URL(location()), doc),
      ...deps.detector,
      detect: deps.detector?.detect ?? detectIn(deps.sites),
      prompts: (detection) => promptModeOf(modes, detection) !== 'off',
      doc,
      location,
      win: deps.win,
      mount: (host, detection, look) => {
        // The prompt reports under the page's site id: for a page only the generic detector reads, its host
        // (the id the background accepts from that origin), while the host element keeps `data-site="generic"`.
        const forJournal = (d: Detection): Detection => (d.site === genericId ? { ...d, site: siteId } : d);
        // A count whose metric is off gets no host (`prompts`), so its mode here is reframe or hide.
        const controller = deps.mount(host, forJournal(detection), env(promptModeOf(modes, detection) as Exclude<SiteMode, 'off'>), look);
        return {
          update: (d) => controller.update(forJournal(d)),
          destroy: () => controller.destroy(),
          restyle: (next) => controller.restyle?.(next),
          recycle: () => recyclable && (controller.recycle?.() ?? false),
        };
      },
      onAdded: (host) => activity?.watchPrompt(host),
      onRemoved: (host) => activity?.unwatchPrompt(host),
      onDetected: (detections) => activity?.countsDetected(detections),
      onPass: (detections) => {
        progress.passes++;
        pageHealth.passed(detections);
      },
      onNavigate: () => {
        activity?.newPageView();
        pageHealth.newPageView();
      },
    });
  };

  const step = (run: (doc: Document) => unknown) =>
    new Promise<void>((resolve) =>
      setTimeout(() => {
        const failed = (error: unknown) => {
          // Only a head start: the scan builds what it needs anyway.
          console.warn('Running For: preparing failed', error);
          resolve();
        };
        try {
          // A step may wait for something (a language pack); the next one starts after it.
          void Promise.resolve(stopped ? undefined : run(doc)).then(() => resolve(), failed);
        } catch (error) {
          failed(error);
        }
      }, 0),
    );
  let prepared: Promise<void> | undefined = deps.prepare?.length
    ? deps.prepare.reduce<Promise<void>>((previous, run) => previous.then(() => step(run)), Promise.resolve())
    : undefined;

  const apply = async () => {
    const mine = ++generation;
    // An orphan reads no settings (its messages throw there): the snooze timer's tick asks first.
    if (ctx.isInvalid) return;
    let settings: SiteState;
    try {
      settings = await deps.settings(siteId);
      if (prepared) await prepared;
      prepared = undefined;
    } catch (error) {
      console.warn('Running For: settings could not be read', error);
      return;
    }
    // A newer change was read meanwhile, or the extension stopped: this answer is stale.
    if (stopped || mine !== generation) return;
    clearTimeout(snoozeTimer);
    const { snoozedUntil } = settings;
    const on = modesOn(settings);
    if (on.length === 0) {
      stopDetector();
      recorder?.stop();
      recorder = undefined;
      progress.state = 'off';
      return;
    }
    // The activity recorder's tick asks too: an orphan on a page that never changes stops within FLUSH_EVERY_MS.
    const every = deps.activity?.every ?? repeat;
    recorder ??= startActivity({
      ...deps.activity,
      every: (ms, tick) => every(ms, () => void (ctx.isInvalid || tick())),
      siteId,
      send: deps.send,
      doc,
      win: deps.win,
    });
    const wait = snoozedUntil === null ? 0 : Date.parse(snoozedUntil) - deps.now().getTime();
    if (wait > 0) {
      stopDetector();
      snoozeTimer = setTimeout(() => void apply(), Math.min(wait + 50, MAX_TIMEOUT));
      progress.state = 'snoozed';
      return;
    }
    progress.state = on[0]!;
    if (detector && detectorModes === settings.mode + JSON.stringify(settings.metrics)) return;
    // A mode changed (the site's or a metric's): prompts are mounted again, each with its metric's mode.
    stopDetector();
    startDetector(settings);
  };

  const unwatch = deps.watchSettings(() => void apply());
  const stop = () => {
    if (stopped) return;
    stopped = true;
    unwatch();
    clearTimeout(snoozeTimer);
    stopDetector();
    recorder?.stop();
    recorder = undefined;
    progress.state = 'stopped';
  };
  ctx.onInvalidated(stop);
  return { ready: apply(), detector: () => detector, stop };
}
