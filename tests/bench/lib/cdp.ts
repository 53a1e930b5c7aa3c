/**
 * Main-thread and memory counters of one tab, from the Chrome DevTools Protocol: `Performance.getMetrics`
 * (cumulative since the renderer started; content scripts run on the same main thread, in their own
 * world, so their time is in these counters too) and `HeapProfiler.collectGarbage`.
 */
import type { Page } from '@playwright/test';

export interface Counters {
  /** Milliseconds of JavaScript on the main thread (ScriptDuration). */
  script: number;
  /** Milliseconds of main-thread tasks of any kind: script, style, layout… (TaskDuration). */
  task: number;
  /** Milliseconds of layout and of style recalculation. */
  layout: number;
  style: number;
  /** JS heap in use, bytes (JSHeapUsedSize). */
  heap: number;
  /** Event listeners registered in the page, every world included (JSEventListeners). */
  listeners: number;
  /** Live DOM nodes, detached ones not yet collected included (Nodes). */
  nodes: number;
}

export interface CounterSession {
  read(): Promise<Counters>;
  /** A full garbage collection, so heap and node counts show what is really kept. */
  collectGarbage(): Promise<void>;
}

export async function counters(page: Page): Promise<CounterSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return {
    async read() {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? Number.NaN;
      return {
        script: value('ScriptDuration') * 1000,
        task: value('TaskDuration') * 1000,
        layout: value('LayoutDuration') * 1000,
        style: value('RecalcStyleDuration') * 1000,
        heap: value('JSHeapUsedSize'),
        listeners: value('JSEventListeners'),
        nodes: value('Nodes'),
      };
    },
    async collectGarbage() {
      // Twice: the first pass can leave objects only the second finds unreachable (weak references, finalizers).
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
    },
  };
}

/** `after − before` for the time counters (ms). */
export function spent(before: Counters, after: Counters): Pick<Counters, 'script' | 'task' | 'layout' | 'style'> {
  return {
    script: after.script - before.script,
    task: after.task - before.task,
    layout: after.layout - before.layout,
    style: after.style - before.style,
  };
}
