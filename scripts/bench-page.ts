/**
 * Page benchmark (`npm run bench:page`): real Chromium + the built extension, pages served
 * from 127.0.0.1, external requests blocked. For each page it reads what the content script
 * records (performance marks `quotelens:start` / `quotelens:drawn`: main-thread busy time from
 * start to all marks drawn, longest slice, phases) plus long tasks (PerformanceObserver) seen
 * while QuoteLens ran, and prints a table per page and the totals against the budgets:
 *   ≤ 16 ms median on the dev articles, ≤ 100 ms on the largest corpus page, no task > 50 ms,
 *   content script ≤ 40 KB gzipped.
 * Each run is a fresh tab traced by Chromium (scripts/page-trace.ts), so the costs the marks
 * cannot see are counted too: the script's injection (parse, compile, first run) and the frame
 * its highlights cause. Per page it prints inject + busy + frame = whole, the article phase
 * (cold: its functions compile on that first call), and the one-pass floor measured in the
 * same tab (a TreeWalker over all text nodes + a quote-mark regex) with the ratio to it, and the
 * walk floor: every node visited as the finder's pass one visits it, from a fresh isolated
 * world, in thread CPU time (what any finder that reads the whole page pays at least).
 * Issue 12's budgets: finding the article ≤ 4 ms median on dev, ≤ 12 ms on the largest page;
 * the whole content script ≤ 10 ms median on dev.
 * Usage: tsx scripts/bench-page.ts [--runs N] [--only TEXT] [--no-build] [--strict] [extra.html …]
 * Skips cleanly when ../shared/corpus is absent (extra pages still run).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BrowserContext, chromium } from '@playwright/test';
import { chromiumArgs, setPerfMarks } from '../tests/e2e/fixtures';
import { startStaticServer } from '../tests/e2e/static-server';
import { chromiumPath } from './browsers';
import {
  costsFromTrace,
  measureFloor,
  measureWalkFloor,
  settleFrames,
  startTrace,
  type TraceCosts,
  type TraceEvent,
} from './page-trace';

const BUDGET = {
  devMedian: 16,
  largest: 100,
  task: 50,
  gzipKB: 40,
  /** Issue 12: finding the article, cold, and the whole content script (trace included). */
  devArticle: 4,
  largestArticle: 12,
  devWhole: 10,
  /** Issue 13: highlights and labels (paint, style, labels, layout) plus the frame after, per page. */
  drawing: 4,
};
/** The phases that draw: the highlights, the restyle they cause, the labels and their layout. */
const DRAWING_PHASES = ['paint', 'style', 'labels', 'layout'];
const CORPUS = resolve('..', 'shared', 'corpus');

interface Args {
  runs: number;
  /** Only the pages whose name holds this text (`--only reddit`). */
  only: string;
  build: boolean;
  strict: boolean;
  extra: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { runs: 3, only: '', build: true, strict: false, extra: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--runs') args.runs = Math.max(1, Number(argv[++i]) || 3);
    else if (a === '--only') args.only = argv[++i] ?? '';
    else if (a === '--no-build') args.build = false;
    else if (a === '--strict') args.strict = true;
    else if (a === '--help') {
      console.log(
        'tsx scripts/bench-page.ts [--runs N] [--only TEXT] [--no-build] [--strict] [page.html …]',
      );
      process.exit(0);
    } else args.extra.push(resolve(a));
  }
  return args;
}

export interface PageTarget {
  name: string;
  file: string;
  group: 'dev' | 'largest' | 'extra';
}

/** The dev articles and the largest page of corpus/pages (by bytes). */
export function corpusTargets(corpus = CORPUS): PageTarget[] {
  const out: PageTarget[] = [];
  const dev = join(corpus, 'dev');
  if (existsSync(dev)) {
    for (const d of readdirSync(dev).sort()) {
      const file = join(dev, d, 'page.html');
      if (existsSync(file)) out.push({ name: `dev/${d}`, file, group: 'dev' });
    }
  }
  const pages = join(corpus, 'pages');
  if (existsSync(pages)) {
    let best: { file: string; size: number } | null = null;
    for (const f of readdirSync(pages)) {
      if (!/\.html?$/i.test(f)) continue;
      const file = join(pages, f);
      const size = statSync(file).size;
      if (!best || size > best.size) best = { file, size };
    }
    if (best) out.push({ name: `pages/${basename(best.file)}`, file: best.file, group: 'largest' });
  }
  return out;
}

export interface DrawnDetail {
  run: number;
  reason: string;
  status: string;
  quotes: number;
  busy: number;
  longest: number;
  slices: number;
  mode: string;
  phases: Record<string, number>;
}

export interface Measured {
  detail: DrawnDetail | null;
  /** From the page's trace (when traced): injection and the frame after the marks. */
  costs?: TraceCosts | null;
  /** The one-pass floor in the same tab, ms (when traced). */
  floor?: number;
  /** The walk floor from an isolated world in the same tab, thread ms (when traced). */
  walkFloor?: number;
  /** Long tasks (> 50 ms) that overlapped QuoteLens's run. */
  longTasks: number[];
  error?: string;
}

/** Records long tasks from the start of the document, in the page's own world. */
export const LONGTASK_INIT = `(() => {
  const seen = [];
  Object.defineProperty(window, '__quotelensLongTasks', { value: seen });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) seen.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
})();`;

/**
 * Blocks every request that does not go to 127.0.0.1 (pages must not reach the network); the
 * extension's own files (the module its content script imports) go through.
 */
export async function blockExternal(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (/^https?:\/\/127\.0\.0\.1[:/]|^data:|^chrome-extension:/.test(url)) {
      return route.continue();
    }
    return route.abort('blockedbyclient');
  });
}

/** Opens `url`, waits for QuoteLens's first `drawn` mark, returns what it recorded. */
export async function measurePage(
  context: BrowserContext,
  url: string,
  timeoutMs = 20_000,
  traced = false,
): Promise<Measured> {
  const page = await context.newPage();
  let stopTrace: (() => Promise<TraceEvent[]>) | null = null;
  try {
    if (traced) stopTrace = await startTrace(await context.newCDPSession(page));
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
    await page.waitForFunction(
      () => performance.getEntriesByName('quotelens:drawn').length > 0,
      null,
      { timeout: timeoutMs, polling: 100 },
    );
    const measured: Measured = await page.evaluate(() => {
      const drawn = performance.getEntriesByName('quotelens:drawn')[0] as PerformanceMark;
      const start = performance.getEntriesByName('quotelens:start')[0]?.startTime ?? 0;
      const seen =
        (window as unknown as { __quotelensLongTasks?: [number, number][] }).__quotelensLongTasks ??
        [];
      const longTasks = seen
        .filter(([s, d]) => s + d >= start && s <= drawn.startTime)
        .map(([, d]) => Math.round(d));
      return { detail: drawn.detail as DrawnDetail, longTasks };
    });
    if (stopTrace) {
      await settleFrames(page);
      const events = await stopTrace();
      stopTrace = null;
      measured.costs = costsFromTrace(events, 'chrome-extension://');
      measured.floor = await measureFloor(page);
      measured.walkFloor = await measureWalkFloor(page);
    }
    return measured;
  } catch (err) {
    return { detail: null, longTasks: [], error: (err as Error).message.split('\n')[0] };
  } finally {
    if (stopTrace) await stopTrace().catch(() => undefined);
    await page.close();
  }
}

/** Median busy time outside `article` and `model` (finding the article, building its text). */
function ownOf(phases: Record<string, number[]>): number {
  let total = 0;
  for (const [k, v] of Object.entries(phases))
    if (k !== 'article' && k !== 'model') total += median(v);
  return total;
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const at = (k: number) => s[k] ?? Number.NaN;
  return s.length % 2 ? at(mid) : (at(mid - 1) + at(mid)) / 2;
}

function fmt(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '–';
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

export function outDir(): string {
  return resolve(process.env.QL_OUT_DIR ?? '.output', 'chrome-mv3');
}

export function buildExtension(): void {
  execFileSync('npx', ['wxt', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: process.env,
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const targets = [
    ...corpusTargets(),
    ...args.extra.map((file) => ({ name: basename(file), file, group: 'extra' as const })),
  ].filter((t) => t.name.includes(args.only));
  if (targets.length === 0) {
    console.log(`bench:page: no pages (${relative('.', CORPUS)} is absent); skipped.`);
    return;
  }
  if (args.build) buildExtension();
  const ext = outDir();
  // What a page loads: the content script, and the module it imports where QuoteLens runs.
  const contentJs = [join(ext, 'page-loader.js'), join(ext, 'content-scripts', 'content.js')].find(
    (f) => existsSync(f),
  ) as string;
  if (!contentJs) throw new Error(`No built extension at ${ext}: run wxt build.`);
  const gz = (file: string) =>
    existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length / 1024 : 0;
  const gzKB = gz(contentJs) + gz(join(ext, 'page-app.js'));

  // Serve from the deepest folder holding every target.
  const firstFile = targets[0]?.file ?? '';
  let root = dirname(firstFile);
  while (!targets.every((t) => t.file.startsWith(`${root}/`))) root = dirname(root);
  const server = await startStaticServer(root);
  const profile = mkdtempSync(join(tmpdir(), 'quotelens-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs(ext),
    viewport: { width: 1280, height: 900 },
  });
  // The content script's `quotelens:*` marks are what this reads: a developer switch.
  await setPerfMarks(context, true);
  await blockExternal(context);
  await context.addInitScript(LONGTASK_INIT);

  interface Row {
    target: PageTarget;
    kb: number;
    busy: number[];
    longest: number;
    longTasks: number;
    quotes: number;
    phases: Record<string, number[]>;
    /** Per run, from the trace: injection, the frame after, the whole, the floor. */
    inject: number[];
    injectCpu: number[];
    offThread: number[];
    moduleCpu: number[];
    /** Per run, main-thread CPU time: injection + busy + frame after (busy as its CPU share). */
    wholeCpu: number[];
    /** Per run, finding the article in estimated CPU time (wall × the window's CPU share). */
    articleCpu: number[];
    frame: number[];
    /** Drawing phases + the frame after, per run (issue 13). */
    drawing: number[];
    whole: number[];
    floor: number[];
    walkFloor: number[];
    error?: string;
  }
  const rows: Row[] = [];
  console.log(
    `${pad('page', 44)} ${pad('KB', 6, true)} ${pad('quotes', 6, true)} ${pad('busy', 8, true)} ${pad('own', 6, true)} ${pad('slice', 8, true)} ${pad('long', 6, true)}   (busy = median of ${args.runs} runs, ms; own = busy less finding the article and its text model)`,
  );
  try {
    // One page first so the browser's own start-up is not billed to the first article.
    await measurePage(context, server.url(relative(root, firstFile)));
    for (const target of targets) {
      const row: Row = {
        target,
        kb: statSync(target.file).size / 1024,
        busy: [],
        longest: 0,
        longTasks: 0,
        quotes: 0,
        phases: {},
        inject: [],
        injectCpu: [],
        offThread: [],
        moduleCpu: [],
        wholeCpu: [],
        articleCpu: [],
        frame: [],
        drawing: [],
        whole: [],
        floor: [],
        walkFloor: [],
      };
      for (let r = 0; r < args.runs; r++) {
        const m = await measurePage(context, server.url(relative(root, target.file)), 20_000, true);
        if (!m.detail) {
          row.error = m.error ?? 'no drawn mark';
          break;
        }
        row.busy.push(m.detail.busy);
        row.longest = Math.max(row.longest, m.detail.longest);
        row.longTasks = Math.max(row.longTasks, ...m.longTasks, 0);
        row.quotes = m.detail.quotes;
        if (m.costs) {
          row.inject.push(m.costs.inject);
          row.injectCpu.push(m.costs.injectCpu);
          row.offThread.push(m.costs.offThread);
          row.moduleCpu.push(m.costs.moduleCpu);
          const share = m.costs.cpuShare;
          row.wholeCpu.push(m.costs.injectCpu + m.detail.busy * share + m.costs.frameCpu);
          row.articleCpu.push((m.detail.phases.article ?? 0) * share);
          row.frame.push(m.costs.frame);
          row.whole.push(m.costs.inject + m.detail.busy + m.costs.frame);
          const phases = m.detail.phases;
          row.drawing.push(DRAWING_PHASES.reduce((t, k) => t + (phases[k] ?? 0), m.costs.frame));
        }
        if (m.floor !== undefined) row.floor.push(m.floor);
        if (m.walkFloor !== undefined) row.walkFloor.push(m.walkFloor);
        for (const [k, v] of Object.entries(m.detail.phases)) {
          const list = row.phases[k] ?? [];
          list.push(v);
          row.phases[k] = list;
        }
      }
      rows.push(row);
      const p = (k: string) => fmt(median(row.phases[k] ?? []));
      // Phases: look (is it an article?), article (finding it), model (text model), post (sending
      // it to the engine), ranges, paint (highlights), style (the restyle they cause), labels,
      // layout (measuring and placing the visible labels). The engine runs off this thread.
      console.log(
        [
          pad(target.name, 44),
          pad(fmt(row.kb, 0), 6, true),
          pad(String(row.quotes), 6, true),
          pad(fmt(median(row.busy)), 8, true),
          pad(fmt(ownOf(row.phases)), 6, true),
          pad(fmt(row.longest), 8, true),
          pad(row.longTasks ? String(row.longTasks) : '-', 6, true),
          `  ${Object.keys(row.phases)
            .map((k) => `${k} ${p(k)}`)
            .join(' ')}`,
          row.error ? `  ERROR ${row.error}` : '',
        ].join(' '),
      );
      console.log(
        `${pad('', 44)}   drawing: paint ${p('paint')} + style ${p('style')} + labels ${p('labels')} + layout ${p('layout')} + frame after ${fmt(median(row.frame))} = ${fmt(median(row.drawing))} ms (median of runs; ≤ ${BUDGET.drawing})`,
      );
      const wholeMs = median(row.whole);
      const floorMs = median(row.floor);
      console.log(
        `${pad('', 44)}   cold, fresh tab: inject ${fmt(median(row.inject))} (cpu ${fmt(median(row.injectCpu))}, of which module ${fmt(median(row.moduleCpu))}; compile off the main thread ${fmt(median(row.offThread))}) + busy ${fmt(median(row.busy))} (article ${p('article')}, cpu ≈ ${fmt(median(row.articleCpu))}) + frame after ${fmt(median(row.frame))} = whole ${fmt(wholeMs)} ms (main-thread cpu ≈ ${fmt(median(row.wholeCpu))}); floor ${fmt(floorMs, 2)} ms, ratio ${fmt(wholeMs / floorMs)}× (article ${fmt(median(row.phases.article ?? []) / floorMs)}×); walk floor from an isolated world ${fmt(median(row.walkFloor))} ms cpu`,
      );
    }
  } finally {
    await context.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }

  const dev = rows.filter((r) => r.target.group === 'dev' && r.busy.length > 0);
  const devMedian = median(dev.map((r) => median(r.busy)));
  const devOwn = median(dev.map((r) => ownOf(r.phases)));
  const largest = rows.find((r) => r.target.group === 'largest');
  const largestBusy = largest ? median(largest.busy) : Number.NaN;
  const worstSlice = Math.max(0, ...rows.map((r) => r.longest));
  const worstLong = Math.max(0, ...rows.map((r) => r.longTasks));
  const errors = rows.filter((r) => r.error).length;
  const verdict = (ok: boolean) => (ok ? 'ok' : 'OVER');
  const devArticle = median(dev.map((r) => median(r.phases.article ?? [])));
  const largestArticle = largest ? median(largest.phases.article ?? []) : Number.NaN;
  const devWhole = median(dev.map((r) => median(r.whole)));
  const devInject = median(dev.map((r) => median(r.inject)));
  const devInjectCpu = median(dev.map((r) => median(r.injectCpu)));
  const devOffThread = median(dev.map((r) => median(r.offThread)));
  const devWholeCpu = median(dev.map((r) => median(r.wholeCpu)));
  const devArticleCpu = median(dev.map((r) => median(r.articleCpu)));
  const largestArticleCpu = largest ? median(largest.articleCpu) : Number.NaN;
  const devWalkFloor = median(dev.map((r) => median(r.walkFloor)));
  const largestWalkFloor = largest ? median(largest.walkFloor) : Number.NaN;
  const devFrame = median(dev.map((r) => median(r.frame)));
  const ratios = rows.map((r) => median(r.whole) / median(r.floor)).filter(Number.isFinite);
  const drawings = dev.map((r) => median(r.drawing)).filter(Number.isFinite);
  const worstDrawing = Math.max(...drawings);
  const checks = [
    [
      `dev median finding the article, cold ${fmt(devArticle)} ms, cpu ≈ ${fmt(devArticleCpu)} (≤ ${BUDGET.devArticle}); with the script's injection ${fmt(devArticle + devInject)} ms; the look before it (an article at all? the size gate) ${fmt(median(dev.map((r) => median(r.phases.look ?? []))))} ms`,
      devArticle <= BUDGET.devArticle,
    ],
    [
      `largest page finding the article, cold ${fmt(largestArticle)} ms, cpu ≈ ${fmt(largestArticleCpu)} (≤ ${BUDGET.largestArticle}), the look before it ${fmt(largest ? median(largest.phases.look ?? []) : Number.NaN)} ms; visiting its every node from an isolated world alone costs ${fmt(largestWalkFloor)} ms cpu (dev median ${fmt(devWalkFloor)})`,
      !largest || largestArticle <= BUDGET.largestArticle,
    ],
    [
      `dev median whole content script ${fmt(devWhole)} ms (≤ ${BUDGET.devWhole}), in main-thread cpu ≈ ${fmt(devWholeCpu)} ms: injection ${fmt(devInject)} (main-thread cpu ${fmt(devInjectCpu)}; background compile, not counted, ${fmt(devOffThread)}) + busy ${fmt(devMedian)} + frame after ${fmt(devFrame)} (medians of each)`,
      devWhole <= BUDGET.devWhole,
    ],
    [
      `whole / one-pass floor (TreeWalker + quote regex, same tab): ${fmt(Math.min(...ratios))}–${fmt(Math.max(...ratios))}×, median ${fmt(median(ratios))}×`,
      true,
    ],
    [
      `drawing (highlights, labels, frame after) per dev page: median ${fmt(median(drawings))} ms, worst ${fmt(worstDrawing)} ms; pages over ${BUDGET.drawing} ms: ${drawings.filter((d) => d > BUDGET.drawing).length} of ${drawings.length}`,
      worstDrawing <= BUDGET.drawing,
    ],
    [
      `dev median busy ${fmt(devMedian)} ms (≤ ${BUDGET.devMedian}); of which drawing etc. ${fmt(devOwn)} ms`,
      devMedian <= BUDGET.devMedian,
    ],
    [
      `largest page busy ${fmt(largestBusy)} ms (≤ ${BUDGET.largest})`,
      !largest || largestBusy <= BUDGET.largest,
    ],
    [`longest slice ${fmt(worstSlice)} ms (≤ ${BUDGET.task})`, worstSlice <= BUDGET.task],
    [`long tasks during runs: worst ${worstLong || '-'} ms`, worstLong <= BUDGET.task],
    [
      `content script and the page app it imports ${fmt(gzKB)} KB gzipped (≤ ${BUDGET.gzipKB})`,
      gzKB <= BUDGET.gzipKB,
    ],
    [`pages with errors: ${errors}`, errors === 0],
  ] as const;
  console.log('totals:');
  for (const [text, ok] of checks) console.log(`  ${verdict(ok)}  ${text}`);
  if (args.strict && checks.some(([, ok]) => !ok)) process.exitCode = 1;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('bench-page.ts')) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
