/**
 * Robustness sweep (`npm run sweep`): every page of ../shared/corpus/pages and
 * ../shared/corpus/dev, served as http://127.0.0.1 (from disk, through the browser's request
 * interception, with the page's own scripts blocked by a CSP header so its DOM holds still and
 * every remote request refused), in one headless Chromium with the built extension.
 * Per page it records: errors thrown by QuoteLens (must be 0: exceptions from the extension's
 * scripts, `[QuoteLens]` console errors, `quotelens:error` marks, an `error` status), whether
 * the page's body is exactly as it was once QuoteLens is switched off (must be all), time to
 * annotate, statements found; a page without any quotation mark must show no statement.
 * Ends with a summary line; exits non-zero on any error or changed page.
 * Usage: tsx scripts/sweep.ts [--no-build] [--limit N] [--filter TEXT]
 * Skips cleanly (exit 0) when ../shared/corpus is absent.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from '@playwright/test';
import { chromiumArgs, extensionWorker, setPerfMarks } from '../tests/e2e/fixtures';
import { buildExtension, type DrawnDetail, outDir } from './bench-page';
import { chromiumPath } from './browsers';

const CORPUS = resolve('..', 'shared', 'corpus');
const ORIGIN = 'http://127.0.0.1:8731';
const PAGE_TIMEOUT_MS = 15_000;
const SETTINGS_KEY = 'quotelens.settings.v1';
/** Double quotation marks of the languages QuoteLens reads (straight, curly, low, guillemets, CJK). */
const QUOTE_MARKS = /["“”„‟«»「」『』‹›]/;

interface SweepPage {
  name: string;
  file: string;
}

interface SweepResult {
  name: string;
  status: string;
  statements: number;
  /** Wall time from QuoteLens's start mark to its drawn mark, ms. */
  annotateMs: number;
  busy: number;
  errors: string[];
  unchanged: boolean;
  note?: string;
}

function listPages(): SweepPage[] {
  const out: SweepPage[] = [];
  const pages = join(CORPUS, 'pages');
  if (existsSync(pages)) {
    for (const f of readdirSync(pages).sort()) {
      if (/\.html?$/i.test(f)) out.push({ name: `pages/${f}`, file: join(pages, f) });
    }
  }
  const dev = join(CORPUS, 'dev');
  if (existsSync(dev)) {
    for (const d of readdirSync(dev).sort()) {
      const file = join(dev, d, 'page.html');
      if (existsSync(file)) out.push({ name: `dev/${d}`, file });
    }
  }
  return out;
}

/** Main-world snapshot of the body at DOMContentLoaded, before any content script runs. */
const SNAPSHOT_INIT = `(() => {
  document.addEventListener('DOMContentLoaded', () => {
    const body = document.body ? document.body.innerHTML : null;
    Object.defineProperty(window, '__quotelensBefore', { value: body });
  }, { once: true });
})();`;

async function setSwitch(worker: Worker, enabled: boolean): Promise<void> {
  await worker.evaluate(
    async ([key, on]) => {
      await chrome.storage.local.set({ [key as string]: { enabled: on, disabledSites: [] } });
    },
    [SETTINGS_KEY, enabled] as const,
  );
}

async function sweepPage(
  context: BrowserContext,
  worker: Worker,
  target: SweepPage,
  files: Map<string, string>,
): Promise<SweepResult> {
  const result: SweepResult = {
    name: target.name,
    status: 'none',
    statements: 0,
    annotateMs: Number.NaN,
    busy: Number.NaN,
    errors: [],
    unchanged: false,
  };
  const path = `/${target.name}`;
  files.set(path, target.file);
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  cdp.on(
    'Runtime.exceptionThrown',
    (e: {
      exceptionDetails?: {
        url?: string;
        text?: string;
        exception?: { description?: string };
        stackTrace?: { callFrames?: { url: string }[] };
      };
    }) => {
      const d = e.exceptionDetails ?? {};
      const urls = [d.url ?? '', ...(d.stackTrace?.callFrames ?? []).map((f) => f.url)];
      if (urls.some((u) => u.startsWith('chrome-extension://'))) {
        result.errors.push(
          `exception: ${(d.exception?.description ?? d.text ?? '').split('\n')[0]}`,
        );
      }
    },
  );
  cdp.on(
    'Runtime.consoleAPICalled',
    (e: { type: string; args: { value?: unknown; description?: string }[] }) => {
      const first = String(e.args[0]?.value ?? '');
      if (e.type === 'error' && first.startsWith('[QuoteLens]')) {
        const rest = e.args
          .slice(1)
          .map((a) => String(a.value ?? a.description ?? ''))
          .join(' ');
        result.errors.push(`console: ${first} ${rest}`.slice(0, 300));
      }
    },
  );
  await cdp.send('Runtime.enable');
  try {
    await page.goto(`${ORIGIN}${path}`, {
      waitUntil: 'domcontentloaded',
      timeout: PAGE_TIMEOUT_MS,
    });
    const drawn = await page
      .waitForFunction(() => performance.getEntriesByName('quotelens:drawn').length > 0, null, {
        timeout: PAGE_TIMEOUT_MS,
        polling: 50,
      })
      .then(() => true)
      .catch(() => false);
    const info = await page.evaluate(() => {
      const mark = performance.getEntriesByName('quotelens:drawn')[0] as
        | PerformanceMark
        | undefined;
      const start = performance.getEntriesByName('quotelens:start')[0];
      const errors = performance
        .getEntriesByName('quotelens:error')
        .map((e) => JSON.stringify((e as PerformanceMark).detail));
      return {
        detail: (mark?.detail ?? null) as DrawnDetail | null,
        ms: mark && start ? mark.startTime - start.startTime : Number.NaN,
        errors,
        text: document.body?.textContent ?? '',
      };
    });
    for (const e of info.errors) result.errors.push(`mark: ${e}`);
    if (!drawn || !info.detail) {
      result.note = 'QuoteLens did not finish within the timeout';
      result.errors.push('timeout: no quotelens:drawn mark');
    } else {
      result.status = info.detail.status;
      result.statements = info.detail.quotes;
      result.busy = info.detail.busy;
      result.annotateMs = info.ms;
      if (info.detail.status === 'error') result.errors.push('status: error');
      if (info.detail.quotes > 0 && !QUOTE_MARKS.test(info.text)) {
        result.errors.push(
          `found ${info.detail.quotes} statements on a page without quotation marks`,
        );
      }
    }

    // Off: the page must be exactly as it was before QuoteLens touched it.
    await setSwitch(worker, false);
    await page
      .waitForFunction(
        () =>
          !document.querySelector('quotelens-overlay') &&
          !document.querySelector('ql-mark') &&
          ((CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.size ?? 0) === 0,
        null,
        { timeout: 5_000, polling: 50 },
      )
      .catch(() => {
        result.note = 'marks still present after switching off';
      });
    result.unchanged = await page.evaluate(
      () =>
        (window as unknown as { __quotelensBefore?: string | null }).__quotelensBefore ===
        (document.body ? document.body.innerHTML : null),
    );
  } catch (err) {
    result.errors.push(`sweep: ${(err as Error).message.split('\n')[0]}`);
  } finally {
    await page.close().catch(() => undefined);
    files.delete(path);
    await setSwitch(worker, true);
  }
  return result;
}

function fmt(n: number): string {
  return Number.isFinite(n) ? n.toFixed(0) : '–';
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const limitAt = argv.indexOf('--limit');
  const filterAt = argv.indexOf('--filter');
  let pages = listPages();
  if (pages.length === 0) {
    console.log('sweep: ../shared/corpus is absent: skipped.');
    return;
  }
  if (filterAt >= 0) pages = pages.filter((p) => p.name.includes(argv[filterAt + 1] ?? ''));
  if (limitAt >= 0) pages = pages.slice(0, Number(argv[limitAt + 1]) || pages.length);
  if (!argv.includes('--no-build')) buildExtension();
  const ext = outDir();
  if (!existsSync(join(ext, 'manifest.json'))) throw new Error(`No built extension at ${ext}`);

  const profile = mkdtempSync(join(tmpdir(), 'quotelens-sweep-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs(ext),
    viewport: { width: 1280, height: 900 },
  });
  // The content script's `quotelens:*` marks are what this reads: a developer switch.
  await setPerfMarks(context, true);
  const files = new Map<string, string>();
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    // The extension's own files (the module its content script imports) go through.
    if (url.protocol === 'chrome-extension:') return route.continue();
    if (url.origin !== ORIGIN) return route.abort('blockedbyclient');
    const file = files.get(decodeURIComponent(url.pathname));
    if (!file) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({
      status: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        // The page's own scripts stay off, so its DOM changes only if QuoteLens changes it.
        'content-security-policy': "script-src 'none'",
      },
      body: readFileSync(file),
    });
  });
  await context.addInitScript(SNAPSHOT_INIT);
  const worker = await extensionWorker(context);

  const started = Date.now();
  const results: SweepResult[] = [];
  try {
    for (const target of pages) {
      const r = await sweepPage(context, worker, target, files);
      results.push(r);
      const flag = r.errors.length > 0 ? 'ERROR' : r.unchanged ? 'ok' : 'CHANGED';
      console.log(
        `${flag.padEnd(7)} ${r.name.padEnd(58)} ${r.status.padEnd(11)} statements ${String(r.statements).padStart(4)}  annotate ${fmt(r.annotateMs).padStart(5)} ms  busy ${fmt(r.busy).padStart(4)} ms${r.note ? `  (${r.note})` : ''}`,
      );
      for (const e of r.errors.slice(0, 3)) console.log(`        ${e}`);
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const errored = results.filter((r) => r.errors.length > 0).length;
  const changed = results.filter((r) => !r.unchanged).length;
  const statements = results.reduce((n, r) => n + r.statements, 0);
  const times = results
    .map((r) => r.annotateMs)
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const median = times[times.length >> 1] ?? Number.NaN;
  const byStatus = new Map<string, number>();
  for (const r of results) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
  console.log(
    `\nsweep: ${results.length} pages in ${((Date.now() - started) / 1000).toFixed(0)} s — ` +
      `${errored} with QuoteLens errors, ${results.length - changed}/${results.length} unchanged after off, ` +
      `${statements} statements, median annotate ${fmt(median)} ms, max ${fmt(times[times.length - 1] ?? Number.NaN)} ms ` +
      `(${[...byStatus].map(([k, v]) => `${k} ${v}`).join(', ')})`,
  );
  if (errored > 0 || changed > 0) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
