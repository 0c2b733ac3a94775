/**
 * Firefox with the built extension, driven by puppeteer-core over WebDriver BiDi (Playwright's
 * Firefox needs its own patched build, and Debian ships no geckodriver). One launch per spec
 * file. The add-on gets a fixed internal UUID, so its pages' moz-extension:// URLs are known in
 * advance; they are opened with a raw BiDi `browsingContext.navigate` (puppeteer's `goto` to
 * them never settles). The extension's API is reached from one of its own pages kept open in a
 * tab (`ext`), as the background would; the closed shadow root of the labels is reached by
 * passing its BiDi sharedId back into `script.callFunction`.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type CreatePageOptions, type Page } from 'puppeteer-core';
import { DEV_FLAGS_KEY } from '../../lib/dev-flags';
import type { PageState } from '../../lib/messages';
import { firefoxPath } from '../../scripts/browsers';

export const FIREFOX_EXTENSION_DIR = resolve(process.env.QL_OUT_DIR ?? '.output', 'firefox-mv2');
export const SETTINGS_KEY = 'quotelens.settings.v1';
/** The add-on's internal UUID in a kept profile (LaunchOptions.profileDir). */
const KEPT_PROFILE_UUID = '5b1f0a7e-9c3d-4e21-8f6a-2d4c7e9b1a30';

interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

export interface Firefox {
  browser: Browser;
  uuid: string;
  /** An extension page in its own tab: the extension's API is called from here. */
  ext: Page;
  extUrl(path: string): string;
  newPage(options?: CreatePageOptions): Promise<Page>;
  /** Opens a moz-extension:// URL in `page` (puppeteer's goto hangs on them). */
  navigate(page: Page, url: string): Promise<void>;
  /** Sends a content request to `page`'s tab, as the background or popup does. */
  toTab<T>(page: Page, message: object): Promise<T>;
  tabIdOf(page: Page): Promise<number>;
  state(page: Page): Promise<PageState>;
  setSwitches(enabled: boolean, disabledSites: string[]): Promise<void>;
  /** Turns the content script's `quotelens:*` performance marks on or off (lib/dev-flags.ts). */
  setPerfMarks(on: boolean): Promise<void>;
  /** Runs `fn(shadowRoot, ...args)` in the page on the overlay's closed shadow root. */
  inShadow<T>(page: Page, fn: string, ...args: unknown[]): Promise<T | null>;
  /**
   * Lets the add-on run in private windows, as the reader's switch in about:addons does (the
   * browser's own permission store, reached from its privileged scope), then restarts the add-on
   * and reopens `ext`.
   */
  allowInPrivate(): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * A profile kept across launches, for a browser restart: the add-on is installed into it as a
   * profile extension (a proxy file naming the build's folder; ESR lets unsigned add-ons in when
   * told to), so it stays installed with its storage as a reader's does. Without it, a fresh
   * profile and a temporary add-on.
   */
  profileDir?: string;
  /** The content script's `quotelens:*` marks (lib/dev-flags.ts); on unless false. */
  perfMarks?: boolean;
}

function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/** Launches Firefox with the extension, its performance marks on unless `perfMarks` is false. */
export async function launchFirefox(options: LaunchOptions = {}): Promise<Firefox> {
  const manifestPath = resolve(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No Firefox build at ${FIREFOX_EXTENSION_DIR}: run \`wxt build -b firefox\`.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings: { gecko: { id: string } };
  };
  const addonId = manifest.browser_specific_settings.gecko.id;
  const { profileDir } = options;
  // The same internal UUID in a kept profile: its moz-extension:// origin (and storage) too.
  const uuid = profileDir ? KEPT_PROFILE_UUID : randomUUID();
  if (profileDir) {
    mkdirSync(join(profileDir, 'extensions'), { recursive: true });
    writeFileSync(join(profileDir, 'extensions', addonId), FIREFOX_EXTENSION_DIR);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    args: ['--remote-allow-system-access'],
    ...(profileDir ? { userDataDir: profileDir } : {}),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [addonId]: uuid }),
      ...(profileDir
        ? {
            'xpinstall.signatures.required': false,
            'extensions.autoDisableScopes': 0,
            'extensions.enabledScopes': 15,
          }
        : {}),
    },
    defaultViewport: { width: 1280, height: 900 },
  });
  if (!profileDir) await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  const extUrl = (path: string) => `moz-extension://${uuid}/${path}`;

  const navigate = async (page: Page, url: string) => {
    await connection.send('browsingContext.navigate', {
      context: contextOf(page),
      url,
      wait: 'complete',
    });
  };

  const openExt = async () => {
    const page = await browser.newPage();
    // A popup for no tab at all ("tab closed"): a quiet extension page with the full API.
    // A profile's add-on may still be starting: the page is there once its API is.
    await until(
      'the add-on’s page',
      async () => {
        await navigate(page, extUrl('popup.html?tab=0'));
        return page.evaluate(() => typeof (globalThis as ExtGlobal).browser?.runtime?.id);
      },
      (t) => t === 'string',
    );
    return page;
  };
  let ext = await openExt();

  type ExtGlobal = typeof globalThis & { browser: typeof chrome };
  const setPerfMarks = async (on: boolean) => {
    await ext.evaluate(
      (key: string, value: object) =>
        (globalThis as ExtGlobal).browser.storage.local.set({ [key]: value }),
      DEV_FLAGS_KEY,
      { perfMarks: on },
    );
  };
  if (options.perfMarks !== false) await setPerfMarks(true);
  const tabIdOf = async (page: Page): Promise<number> => {
    const url = page.url();
    for (let i = 0; i < 60; i++) {
      // Without the "tabs" permission the extension cannot read tab URLs: each tab's content
      // script is asked for its page's URL instead.
      const id = await ext.evaluate(async (want: string) => {
        const api = (globalThis as ExtGlobal).browser;
        const me = await api.tabs.getCurrent();
        for (const tab of await api.tabs.query({})) {
          if (tab.id === undefined || tab.id === me?.id) continue;
          const s = (await api.tabs
            .sendMessage(tab.id, { type: 'page:get-state' })
            .catch(() => null)) as { url?: string } | null;
          if (s?.url === want) return tab.id;
        }
        return -1;
      }, url);
      if (id >= 0) return id;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`no tab with QuoteLens running found for ${url}`);
  };

  const toTab = async <T>(page: Page, message: object): Promise<T> => {
    const tabId = await tabIdOf(page);
    return (await ext.evaluate(
      (id: number, msg: object) => (globalThis as ExtGlobal).browser.tabs.sendMessage(id, msg),
      tabId,
      message,
    )) as T;
  };

  const inShadow = async <T>(page: Page, fn: string, ...args: unknown[]): Promise<T | null> => {
    const context = contextOf(page);
    const host = (await connection.send('script.evaluate', {
      // The plain <div> host where the page defined `quotelens-overlay` itself (overlay.tsx).
      expression: `document.querySelector('quotelens-overlay') ?? document.querySelector(':root > div:last-of-type')`,
      target: { context },
      awaitPromise: false,
      resultOwnership: 'root',
      serializationOptions: { maxDomDepth: 0 },
    })) as { result: { result: { value?: { shadowRoot?: { sharedId?: string } } } } };
    const sharedId = host.result.result.value?.shadowRoot?.sharedId;
    if (!sharedId) return null;
    const out = (await connection.send('script.callFunction', {
      functionDeclaration: `(root, argsJson) => JSON.stringify((${fn})(root, ...JSON.parse(argsJson)))`,
      this: { type: 'undefined' },
      arguments: [{ sharedId }, { type: 'string', value: JSON.stringify(args) }],
      target: { context },
      awaitPromise: true,
      resultOwnership: 'none',
    })) as {
      result: { type: string; result?: { value?: string }; exceptionDetails?: { text: string } };
    };
    if (out.result.type === 'exception') {
      throw new Error(`in the shadow root: ${out.result.exceptionDetails?.text}`);
    }
    return JSON.parse(out.result.result?.value ?? 'null') as T;
  };

  const allowInPrivate = async () => {
    const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
      result: { contexts: Array<{ context: string }> };
    };
    const chrome = tree.result.contexts[0]?.context;
    if (!chrome) throw new Error('no privileged browser window to grant private access from');
    const out = (await connection.send('script.evaluate', {
      expression: `(async () => {
        const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
        const { AddonManager } = ChromeUtils.importESModule('resource://gre/modules/AddonManager.sys.mjs');
        const id = ${JSON.stringify(addonId)};
        await ExtensionPermissions.add(id, { permissions: ['internal:privateBrowsingAllowed'], origins: [] });
        await (await AddonManager.getAddonByID(id)).reload();
        return 'ok';
      })()`,
      target: { context: chrome },
      awaitPromise: true,
    })) as { result: { type: string; exceptionDetails?: { text: string } } };
    if (out.result.type !== 'success') {
      throw new Error(`granting private access failed: ${out.result.exceptionDetails?.text}`);
    }
    ext = await openExt();
  };

  return {
    browser,
    uuid,
    get ext() {
      return ext;
    },
    extUrl,
    newPage: (options) => browser.newPage(options),
    navigate,
    toTab,
    tabIdOf,
    state: (page) => toTab<PageState>(page, { type: 'page:get-state' }),
    async setSwitches(enabled, disabledSites) {
      await ext.evaluate(
        (key: string, value: object) =>
          (globalThis as ExtGlobal).browser.storage.local.set({ [key]: value }),
        SETTINGS_KEY,
        { enabled, disabledSites },
      );
    },
    setPerfMarks,
    inShadow,
    allowInPrivate,
    close: () => browser.close(),
  };
}

export interface FirefoxLabel {
  id: number;
  text: string;
  aria: string;
  fragment: boolean;
  guess: boolean;
  placed: boolean;
  box: { x: number; y: number; w: number; h: number };
}

/** The labels in the overlay's closed shadow root, with page-coordinate boxes. */
export function readLabels(ff: Firefox, page: Page): Promise<FirefoxLabel[] | null> {
  return ff.inShadow<FirefoxLabel[]>(
    page,
    `(root) => [...root.querySelectorAll('.l')].map((el) => {
      const r = el.getBoundingClientRect();
      return {
        id: Number(el.dataset.id),
        // Drawn by CSS from data-t (components/page/label-batch.ts).
        text: (el.dataset.t || el.textContent || '').trim(),
        aria: el.getAttribute('aria-label') || '',
        fragment: el.classList.contains('frag'),
        guess: el.classList.contains('guess'),
        placed: el.classList.contains('placed'),
        box: { x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height },
      };
    })`,
  );
}

/** Waits until `check` holds (polling), or throws with `what`. */
export async function until<T>(
  what: string,
  get: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let error: unknown;
  while (Date.now() < deadline) {
    try {
      last = await get();
      if (check(last)) return last;
    } catch (e) {
      error = e;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(
    `timed out waiting for ${what} (last: ${JSON.stringify(last)}${error ? `, ${error}` : ''})`,
  );
}

export const drawnCount = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('quotelens:drawn').length);

/** Wait until QuoteLens has drawn the page at least once. */
export const firstDraw = (page: Page) =>
  until(
    'the first draw',
    () => drawnCount(page),
    (n) => n >= 1,
    20_000,
  );
