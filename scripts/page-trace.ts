/**
 * What a content script really costs a page's main thread, read from a Chromium trace of one
 * page load (bench:page): beyond QuoteLens's own busy time between its marks, the injection of
 * its script (parse, compile, first evaluation) and the frame its highlights cause (style,
 * layout, paint after the `drawn` mark). Also the one-pass floor: a TreeWalker over every text
 * node with a quote-mark regex, run in the same tab.
 */
import type { CDPSession, Page } from '@playwright/test';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'blink.user_timing',
].join(',');

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event, µs: unlike `dur`, not stretched by other processes. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; worldName?: string; data?: { url?: string; frame?: string } };
}

export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    for (const ev of e.value) events.push(ev as unknown as TraceEvent);
  });
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  return async () => {
    const done = new Promise<void>((ok) => cdp.once('Tracing.tracingComplete', () => ok()));
    await cdp.send('Tracing.end');
    await done;
    return events;
  };
}

/** Events of the frame work a page does after a change (styles, layout, paint, commit). */
const FRAME_EVENTS = new Set([
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'UpdateLayer',
  'UpdateLayerTree',
  'Commit',
  'ScheduleStyleRecalculation',
  'HitTest',
]);

export interface TraceCosts {
  /**
   * The content script's parse, compile and top-level run (EvaluateScript of its URL), plus,
   * for the module it imports (entrypoints/page-app), the main-thread tasks that compile and
   * evaluate it and start it, up to the `quotelens:start` mark, and writing its code cache, ms.
   */
  inject: number;
  /** The same injection in the main thread's CPU time, ms (robust on a loaded machine). */
  injectCpu: number;
  /** Style, layout and paint of the first frame after the drawn mark, ms. */
  frame: number;
  /** Of `injectCpu`, the imported module's part (compile, evaluate, start, cache), ms. */
  moduleCpu: number;
  /** Parsing and compiling the imported module on background threads (CPU), ms: not page time. */
  offThread: number;
  /**
   * CPU time per wall time of the main thread's tasks between the start and drawn marks: what
   * is left of a millisecond on a loaded machine. Busy times measured in wall time between the
   * marks (the run's phases) times this estimate their CPU time.
   */
  cpuShare: number;
  /** The frame after the drawn mark in main-thread CPU time, ms. */
  frameCpu: number;
}

/**
 * Reads the costs from the page renderer's main thread: the thread that recorded the
 * `quotelens:drawn` user-timing mark.
 */
export function costsFromTrace(events: TraceEvent[], extensionUrl: string): TraceCosts | null {
  const drawn = events.find((e) => e.name === 'quotelens:drawn');
  if (!drawn) return null;
  const { pid } = drawn;
  const mainTid = events.find(
    (e) => e.pid === pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  )?.tid;
  const main = events.filter((e) => e.pid === pid && e.tid === mainTid && e.ph === 'X');
  let inject = 0;
  let injectCpu = 0;
  const ours = (e: TraceEvent) => !!e.args?.data?.url?.startsWith(extensionUrl);
  for (const e of main) {
    if (e.name === 'EvaluateScript' && ours(e)) {
      inject += (e.dur ?? 0) / 1000;
      injectCpu += (e.tdur ?? e.dur ?? 0) / 1000;
    }
  }
  // The imported module: the whole task that compiles it, the whole task that evaluates it
  // (an isolated world's module: the page's own are in the main world) up to the start mark,
  // where the first run's own count begins, and every code-cache write after it.
  const start = events.find((e) => e.name === 'quotelens:start' && e.pid === pid);
  const compiled = main.filter((e) => e.name === 'v8.compileModule' && ours(e));
  const firstCompile = compiled[0]?.ts ?? Number.POSITIVE_INFINITY;
  const moduleEvents = [
    ...compiled,
    ...main.filter(
      (e) => e.name === 'v8.evaluateModule' && e.ts >= firstCompile && e.args?.worldName,
    ),
  ];
  const scriptsCpu = injectCpu;
  const counted = new Set<TraceEvent>();
  for (const e of moduleEvents) {
    const task = main.find(
      (t) => t.name === 'RunTask' && t.ts <= e.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0),
    );
    const what = task ?? e;
    if (counted.has(what)) continue;
    counted.add(what);
    const dur = what.dur ?? 0;
    const share =
      start && start.ts > what.ts && start.ts < what.ts + dur ? (start.ts - what.ts) / dur : 1;
    inject += (dur * share) / 1000;
    injectCpu += ((what.tdur ?? dur) * share) / 1000;
  }
  for (const e of main) {
    if (e.name === 'v8.produceModuleCache' && e.ts >= firstCompile) {
      inject += (e.dur ?? 0) / 1000;
      injectCpu += (e.tdur ?? e.dur ?? 0) / 1000;
    }
  }
  let offThread = 0;
  for (const e of events) {
    if (e.ph === 'X' && e.name === 'v8.parseOnBackground' && e.pid === pid && ours(e)) {
      offThread += (e.tdur ?? e.dur ?? 0) / 1000;
    }
  }
  let wall = 0;
  let cpu = 0;
  if (start) {
    for (const t of main) {
      if (t.name !== 'RunTask' || !t.dur) continue;
      const end = t.ts + t.dur;
      if (end <= start.ts || t.ts >= drawn.ts) continue;
      const overlap = Math.min(end, drawn.ts) - Math.max(t.ts, start.ts);
      wall += overlap;
      cpu += ((t.tdur ?? t.dur) * overlap) / t.dur;
    }
  }
  const cpuShare = wall > 0 ? Math.min(1, cpu / wall) : 1;
  // The first frame after the mark: frame events until the first Commit (or the first Paint
  // when the trace has no commit), nested events counted once.
  const after = main.filter((e) => e.ts >= drawn.ts && FRAME_EVENTS.has(e.name));
  after.sort((x, y) => x.ts - y.ts);
  let frame = 0;
  let frameCpu = 0;
  let coveredTo = 0;
  for (const e of after) {
    const end = e.ts + (e.dur ?? 0);
    const cpuRate = e.dur ? (e.tdur ?? e.dur) / e.dur : 1;
    if (e.ts >= coveredTo) {
      frame += (e.dur ?? 0) / 1000;
      frameCpu += (e.tdur ?? e.dur ?? 0) / 1000;
      coveredTo = end;
    } else if (end > coveredTo) {
      frame += (end - coveredTo) / 1000;
      frameCpu += ((end - coveredTo) * cpuRate) / 1000;
      coveredTo = end;
    }
    if (e.name === 'Commit' || (e.name === 'Paint' && !after.some((x) => x.name === 'Commit'))) {
      break;
    }
  }
  return {
    inject,
    injectCpu,
    moduleCpu: injectCpu - scriptsCpu,
    frame,
    offThread,
    cpuShare,
    frameCpu,
  };
}

/** Lets the page draw two frames, so the frame after the marks is in the trace. */
export async function settleFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))),
  );
}

/**
 * The one-pass floor on the page as it stands: a TreeWalker over every text node of the body
 * testing a quote-mark regex. Its first run in the tab (its code compiled then too), ms.
 */
export async function measureFloor(page: Page): Promise<number> {
  return page.evaluate(() => {
    const t0 = performance.now();
    const marks = /["“”„‟«»「」『』‹›]/;
    const walker = document.createTreeWalker(document.body ?? document, NodeFilter.SHOW_TEXT);
    let hits = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (marks.test(n.nodeValue ?? '')) hits++;
    }
    const ms = performance.now() - t0;
    return hits >= 0 ? ms : ms;
  });
}

/**
 * The walk floor: every node of the document visited the way the finder's pass one visits it
 * (firstChild / nextSibling, nodeType, a text node's nodeValue), deciding nothing, from a fresh
 * isolated world as a content script's, in the same tab. Each node reached from a world gets
 * its first wrapper there, so this is what any finder that reads the whole page pays at least.
 * Thread CPU time of the evaluation (the main thread's ThreadTime metric around it), ms.
 */
export async function measureWalkFloor(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'walk-floor',
    });
    await cdp.send('Performance.enable');
    const threadTime = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime')
        ?.value ?? Number.NaN;
    // A world's first touch of the document sets up its bindings (about 1 ms, paid by
    // QuoteLens's world before its finder runs): done first, untimed.
    await cdp.send('Runtime.evaluate', {
      contextId: executionContextId,
      expression: 'document.documentElement.firstChild, 0',
    });
    // The bare evaluation's own cost, taken off below.
    const t0 = await threadTime();
    await cdp.send('Runtime.evaluate', { contextId: executionContextId, expression: '0' });
    const t1 = await threadTime();
    await cdp.send('Runtime.evaluate', {
      contextId: executionContextId,
      expression: `(() => {
        let len = 0;
        const stack = [document.documentElement];
        while (stack.length) {
          const el = stack.pop();
          for (let n = el.firstChild; n; n = n.nextSibling) {
            const t = n.nodeType;
            if (t === 1) stack.push(n);
            else if (t === 3) len += n.nodeValue.length;
          }
        }
        return len;
      })()`,
    });
    const t2 = await threadTime();
    return (t2 - t1 - (t1 - t0)) * 1000;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
