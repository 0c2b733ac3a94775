/**
 * Playwright fixtures: the built Chrome extension loaded into a persistent
 * headless Chromium, fixture pages served from 127.0.0.1, the extension id
 * taken from its service worker, and a helper to open the popup for a tab.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type BrowserContext,
  test as base,
  chromium,
  type Page,
  type Worker,
} from '@playwright/test';
import { DEV_FLAGS_KEY } from '../../lib/dev-flags';
import { chromiumPath } from '../../scripts/browsers';
import { type StaticServer, startStaticServer } from './static-server';

export const EXTENSION_DIR = resolve(process.env.QL_OUT_DIR ?? '.output', 'chrome-mv3');
export const FIXTURES_DIR = resolve('tests/fixtures');

export function chromiumArgs(extensionDir = EXTENSION_DIR): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--no-first-run',
  ];
}

/**
 * Launches Chromium with the extension (built in `extensionDir`) in a persistent profile, its
 * `quotelens:*` performance marks switched on (the specs wait for them) unless `perfMarks` is
 * false.
 */
export async function launchWithExtension(
  userDataDir: string,
  extensionDir = EXTENSION_DIR,
  { perfMarks = true }: { perfMarks?: boolean } = {},
): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs(extensionDir),
    viewport: { width: 1280, height: 900 },
  });
  if (perfMarks) await setPerfMarks(context, true);
  return context;
}

/**
 * Turns the content script's performance marks on or off (lib/dev-flags.ts), from the service
 * worker as a developer would: pages opened afterwards follow it.
 */
export async function setPerfMarks(context: BrowserContext, on: boolean): Promise<void> {
  const worker = await extensionWorker(context);
  await worker.evaluate(([key, value]) => chrome.storage.local.set({ [key as string]: value }), [
    DEV_FLAGS_KEY,
    { perfMarks: on },
  ] as const);
}

export async function extensionWorker(context: BrowserContext): Promise<Worker> {
  const existing = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  return existing ?? context.waitForEvent('serviceworker', { timeout: 15_000 });
}

/**
 * The tab id of `page`. Without the `tabs` permission the extension cannot read tab
 * URLs, so the page is brought to the front and the active tab of its window is asked for.
 */
export async function tabIdOf(context: BrowserContext, page: Page): Promise<number> {
  await page.bringToFront();
  const worker = await extensionWorker(context);
  const id = await worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab?.id ?? -1;
  });
  if (id < 0) throw new Error(`no tab found for ${page.url()}`);
  return id;
}

interface Fixtures {
  context: BrowserContext;
  extensionId: string;
  server: StaticServer;
  /** Opens the popup as a tab that targets `page`'s tab. */
  openPopup: (page: Page) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their deps by destructuring.
  context: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'quotelens-e2e-'));
    const context = await launchWithExtension(dir);
    await use(context);
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  },
  extensionId: async ({ context }, use) => {
    const worker = await extensionWorker(context);
    await use(new URL(worker.url()).host);
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their deps by destructuring.
  server: async ({}, use) => {
    const server = await startStaticServer(FIXTURES_DIR);
    await use(server);
    await server.close();
  },
  openPopup: async ({ context, extensionId }, use) => {
    await use(async (page: Page) => {
      const tabId = await tabIdOf(context, page);
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
      return popup;
    });
  },
});

export const expect = test.expect;
