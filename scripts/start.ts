/**
 * `npm start`: builds the extension, serves the demo article from 127.0.0.1 and opens
 * Chromium (found by scripts/browsers: CHROME_PATH, then PATH, then the usual install places)
 * with QuoteLens loaded on it. With no display (or `--headless`) it runs
 * headless instead, saves a screenshot of the annotated demo to demo.png and prints
 * the article's speakers and statements as a table.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import type { PageState } from '../lib/messages';
import { chromiumArgs, EXTENSION_DIR, FIXTURES_DIR, tabIdOf } from '../tests/e2e/fixtures';
import { startStaticServer } from '../tests/e2e/static-server';
import { BrowserNotFound, type Found, requireBrowser } from './browsers';
import { describeFound } from './browsers/find';

const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(`Usage: npm start [-- --headless] [-- --no-build]
Builds QuoteLens and opens a Chromium-family browser on the demo article. The browser is
CHROME_PATH if set, else chromium, chromium-browser, google-chrome, microsoft-edge… on PATH,
else the usual install places (/Applications on macOS, Program Files on Windows).
Headless (no DISPLAY, or --headless): writes demo.png and prints the speakers and statements.`);
  process.exit(0);
}
const headless = args.includes('--headless') || !process.env.DISPLAY;

let browser: Found;
try {
  browser = requireBrowser('chromium');
} catch (error) {
  if (!(error instanceof BrowserNotFound)) throw error;
  console.error(error.message);
  process.exit(1);
}
console.log(`Browser: ${describeFound(browser)}`);

if (!args.includes('--no-build')) {
  console.log('Building the extension…');
  execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
}

const server = await startStaticServer(FIXTURES_DIR);
const profile = mkdtempSync(join(tmpdir(), 'quotelens-start-'));
let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>>;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: browser.path,
    headless,
    args: chromiumArgs(EXTENSION_DIR),
    viewport: { width: 1280, height: 1000 },
  });
} catch (error) {
  console.error(
    `Could not start ${browser.path}: ${(error as Error).message.split('\n')[0]}\n` +
      'Set CHROME_PATH to another Chromium, Chrome or Edge.',
  );
  await server.close();
  process.exit(1);
}

const demoUrl = server.url('demo/index.html');
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demoUrl);
console.log(`QuoteLens is running on ${demoUrl}`);

if (!headless) {
  console.log('Close the browser window to stop.');
  await new Promise<void>((done) => context.on('close', () => done()));
} else {
  const worker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const state = await waitForState(worker, await tabIdOf(context, page), demoUrl);
  await page.screenshot({ path: 'demo.png', fullPage: false });
  printTable(state);
  console.log('\nScreenshot of the annotated demo saved to demo.png');
  await context.close();
}
await server.close();
rmSync(profile, { recursive: true, force: true });

async function waitForState(
  worker: import('@playwright/test').Worker,
  tabId: number,
  url: string,
): Promise<PageState> {
  const deadline = Date.now() + 20_000;
  let last: PageState | null = null;
  while (Date.now() < deadline) {
    last = await worker.evaluate(
      (id: number) => chrome.tabs.sendMessage(id, { type: 'page:get-state' }).catch(() => null),
      tabId,
    );
    if (last && last.status !== 'working') return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `QuoteLens did not finish annotating ${url} (last state: ${last?.status ?? 'no answer'})`,
  );
}

function printTable(state: PageState): void {
  console.log(
    `\n${state.title}\nstatus: ${state.status}${state.error ? ` (${state.error})` : ''}\n`,
  );
  const rows = state.speakers.map((s) => [
    s.name,
    s.role ?? '',
    String(s.count - s.fragmentCount),
    String(s.fragmentCount),
  ]);
  printRows(['Speaker', 'Role', 'Statements', 'Fragments'], rows);
  console.log('');
  const quoteRows = state.quotes.map((q) => [
    q.speaker ?? 'unknown speaker',
    q.fragment ? 'fragment' : 'statement',
    q.text.length > 70 ? `${q.text.slice(0, 69)}…` : q.text,
  ]);
  printRows(
    ['Speaker', 'Kind', 'Statement'],
    quoteRows.map((r) => r.map((c) => c.replace(/\n/g, ' / '))),
  );
}

function printRows(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' │ ');
  console.log(line(header));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const row of rows) console.log(line(row));
}
