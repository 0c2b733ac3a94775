/**
 * Where drawing costs go, page by page (a developer's tool beside `bench:page`): each page is
 * opened in a fresh traced tab with a built extension, and per run it prints the drawing phases
 * QuoteLens reports (paint, style, labels, layout: wall ms), the frame after its `drawn` mark
 * (wall, as bench:page counts it) and the same in **thread CPU time** (`tdur`), which a busy
 * machine does not inflate: the frame after, and the main thread's tasks from the start mark to
 * the end of that frame. With VERBOSE=1 it lists the main thread's work after the paint phase
 * (script, style, layout, paint, commit), so a change can be traced to the step it moved.
 *
 * Usage: tsx scripts/trace-drawing.ts page.html [more.html …]   (run `wxt build` first)
 *   RUNS=3                 runs per page (medians printed)
 *   OUT_DIRS=a,b           compare builds (QL_OUT_DIR folders): one browser each, interleaved
 *   VERBOSE=1 MIN_MS=0.1   list the events of each run (those at least MIN_MS long)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { chromiumArgs, setPerfMarks } from '../tests/e2e/fixtures';
import { startStaticServer } from '../tests/e2e/static-server';
import { blockExternal, median, outDir } from './bench-page';
import { chromiumPath } from './browsers';
import { costsFromTrace, settleFrames, startTrace, type TraceEvent } from './page-trace';

const LISTED = new Set([
  'RunTask',
  'FunctionCall',
  'TimerFire',
  'EvaluateScript',
  'FireAnimationFrame',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'Commit',
  'HitTest',
]);
const PHASES = ['paint', 'style', 'labels', 'layout'] as const;

type Timed = TraceEvent & { tdur?: number };

const ms = (us: number | undefined) => (us ?? 0) / 1000;
const cpuOf = (e: Timed) => ms(e.tdur ?? e.dur);

interface Run {
  phases: number[];
  frame: number;
  frameCpu: number;
  windowCpu: number;
}

function analyse(events: Timed[], phases: Record<string, number>, verbose: boolean): Run | null {
  const drawn = events.find((e) => e.name === 'quotelens:drawn');
  const start = events.find((e) => e.name === 'quotelens:start');
  if (!drawn || !start) return null;
  const tid = events.find(
    (e) => e.pid === drawn.pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  )?.tid;
  const main = events
    .filter((e) => e.pid === drawn.pid && e.tid === tid && e.ph === 'X')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const tasks = main.filter((e) => e.name === 'RunTask');
  // The task that paints the first frame after the mark.
  const frameTask = tasks.find(
    (t) =>
      t.ts > drawn.ts &&
      main.some((e) => e.name === 'Paint' && e.ts >= t.ts && e.ts <= t.ts + (t.dur ?? 0)),
  );
  const end = frameTask ? frameTask.ts + (frameTask.dur ?? 0) : drawn.ts;
  const windowCpu = tasks
    .filter((t) => t.ts + (t.dur ?? 0) > start.ts && t.ts < end)
    .reduce((sum, t) => sum + cpuOf(t), 0);
  if (verbose) {
    const minMs = Number(process.env.MIN_MS ?? '0.1');
    const stack: number[] = [];
    for (const e of main) {
      while (stack.length && (stack.at(-1) ?? 0) <= e.ts) stack.pop();
      const depth = stack.length;
      stack.push(e.ts + (e.dur ?? 0));
      if (e.ts < start.ts || e.ts > end || !LISTED.has(e.name) || ms(e.dur) < minMs) continue;
      const at = ms(e.ts - start.ts)
        .toFixed(1)
        .padStart(7);
      const url = e.args?.data?.url?.startsWith('chrome-extension://') ? ' (QuoteLens)' : '';
      // How much each style and layout pass touched (objects laid out, elements restyled).
      const a = e.args as
        | { beginData?: { dirtyObjects?: number; totalObjects?: number }; elementCount?: number }
        | undefined;
      const size =
        e.name === 'Layout' && a?.beginData?.dirtyObjects !== undefined
          ? ` [${a.beginData.dirtyObjects}/${a.beginData.totalObjects} objects]`
          : e.name === 'UpdateLayoutTree' && a?.elementCount !== undefined
            ? ` [${a.elementCount} elements]`
            : '';
      console.log(
        `${e.ts > drawn.ts ? 'after' : '     '} ${at} ${'  '.repeat(depth)}${e.name} ${ms(e.dur).toFixed(2)} cpu ${cpuOf(e).toFixed(2)}${url}${size}`,
      );
    }
    console.log(
      `      ${ms(drawn.ts - start.ts)
        .toFixed(1)
        .padStart(7)} quotelens:drawn`,
    );
  }
  return {
    phases: PHASES.map((p) => phases[p] ?? 0),
    frame: costsFromTrace(events, 'chrome-extension://')?.frame ?? Number.NaN,
    frameCpu: frameTask ? cpuOf(frameTask) : Number.NaN,
    windowCpu,
  };
}

async function open(context: BrowserContext, url: string, verbose: boolean): Promise<Run | null> {
  const page = await context.newPage();
  try {
    const stop = await startTrace(await context.newCDPSession(page));
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => performance.getEntriesByName('quotelens:drawn').length > 0);
    const detail = await page.evaluate(
      () => (performance.getEntriesByName('quotelens:drawn')[0] as PerformanceMark).detail,
    );
    await settleFrames(page);
    if (verbose) {
      // Any other marks (a developer's temporary `performance.mark(name, { detail })`).
      const marks = await page.evaluate(() =>
        performance
          .getEntriesByType('mark')
          .filter((m) => !m.name.startsWith('quotelens:'))
          .map(
            (m) =>
              `${m.startTime.toFixed(1)} ${m.name} ${JSON.stringify((m as PerformanceMark).detail ?? '')}`,
          ),
      );
      for (const m of marks) console.log(`mark ${m}`);
    }
    return analyse(await stop(), detail.phases, verbose);
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const files = process.argv.slice(2).map((f) => resolve(f));
  if (files.length === 0) throw new Error('Usage: tsx scripts/trace-drawing.ts page.html …');
  const runs = Math.max(1, Number(process.env.RUNS ?? '1'));
  const verbose = process.env.VERBOSE === '1';
  let root = dirname(files[0] ?? '.');
  while (!files.every((f) => f.startsWith(`${root}/`))) root = dirname(root);
  const server = await startStaticServer(root);
  const dirs = (process.env.OUT_DIRS ?? '').split(',').filter(Boolean);
  const builds = dirs.length ? dirs.map((d) => resolve(d, 'chrome-mv3')) : [outDir()];
  const profile = mkdtempSync(join(tmpdir(), 'quotelens-trace-'));
  const contexts: BrowserContext[] = [];
  const results = new Map<string, Run[]>();
  try {
    for (const [i, dir] of builds.entries()) {
      const context = await chromium.launchPersistentContext(join(profile, String(i)), {
        executablePath: chromiumPath(),
        headless: true,
        args: chromiumArgs(dir),
        viewport: { width: 1280, height: 900 },
      });
      await setPerfMarks(context, true);
      await blockExternal(context);
      contexts.push(context);
      // One page first, so the browser's start-up is not billed to the first page.
      await open(context, server.url(files[0]?.slice(root.length + 1) ?? ''), false);
    }
    for (let r = 0; r < runs; r++) {
      for (const file of files) {
        for (const [b, context] of contexts.entries()) {
          const name = `${basename(dirname(file))}${contexts.length > 1 ? ` #${b}` : ''}`;
          if (verbose) console.log(`\n== ${name}, run ${r + 1}`);
          const run = await open(context, server.url(file.slice(root.length + 1)), verbose);
          if (run) results.set(name, [...(results.get(name) ?? []), run]);
        }
      }
    }
  } finally {
    for (const c of contexts) await c.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(
    `\n${'page'.padEnd(24)}${PHASES.map((p) => p.padStart(7)).join('')}  frame  drawing | cpu: frame after, start…end of that frame   (medians of ${runs}; ms)`,
  );
  for (const [name, list] of results) {
    const cols = PHASES.map((_, i) => median(list.map((r) => r.phases[i] ?? 0)));
    const drawing = median(list.map((r) => r.phases.reduce((a, b) => a + b, 0) + r.frame));
    console.log(
      `${name.padEnd(24)}${cols.map((c) => c.toFixed(1).padStart(7)).join('')}${median(
        list.map((r) => r.frame),
      )
        .toFixed(1)
        .padStart(7)}${drawing.toFixed(1).padStart(9)} | ${median(list.map((r) => r.frameCpu))
        .toFixed(2)
        .padStart(5)} ${median(list.map((r) => r.windowCpu))
        .toFixed(1)
        .padStart(6)}`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
