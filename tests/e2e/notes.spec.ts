/**
 * Notes end to end in Chromium with the built extension: a note added on the page comes
 * back after a reload and after closing and reopening the browser on the same profile;
 * it follows an edited article (fuzzy) or is kept apart as orphaned; the page's own
 * scripts cannot find its text; a note holding HTML shows as text and runs nothing.
 *
 * The article is served by this file's own server so that one URL can serve two versions
 * (before and after an edit). The browser's UI (context menu, shortcut) cannot be driven
 * headless, so the tests send the very message the background sends for them.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import type { PageNotesState } from '../../lib/messages';
import { noteQuote, noteText } from '../../lib/notes/web-annotation';
import { extensionWorker, FIXTURES_DIR, launchWithExtension } from './fixtures';

const ARTICLE_PATH = '/news/2026/orchard-lane-library.html';
const VARIANTS = {
  original: readFileSync(join(FIXTURES_DIR, 'notes/article-a.html'), 'utf8'),
  edited: readFileSync(join(FIXTURES_DIR, 'notes/article-b.html'), 'utf8'),
  demo: readFileSync(join(FIXTURES_DIR, 'demo/index.html'), 'utf8'),
};

let variant: 'original' | 'edited' = 'original';
let server: Server;
let origin = '';
const requested: string[] = [];

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    requested.push(path);
    const body =
      path === ARTICLE_PATH
        ? VARIANTS[variant]
        : path === '/demo/index.html'
          ? VARIANTS.demo
          : null;
    if (body === null) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await new Promise((ok) => server.close(ok));
});

/** Sends a content request to `page`'s tab from the extension's service worker. */
async function toTab<T>(context: BrowserContext, page: Page, message: unknown): Promise<T> {
  const worker = await extensionWorker(context);
  // Without the "tabs" permission tab URLs are hidden: find the tab as the active one.
  await page.bringToFront();
  return worker.evaluate(async (message) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return chrome.tabs.sendMessage(tab.id, message);
  }, message) as Promise<T>;
}

/** The page's notes as the content script anchored them (retries while it starts up). */
async function notesState(context: BrowserContext, page: Page): Promise<PageNotesState> {
  let last: unknown;
  for (let i = 0; i < 40; i++) {
    try {
      const s = await toTab<PageNotesState | undefined>(context, page, { type: 'page:notes' });
      if (s && Array.isArray(s.anchored)) return s;
    } catch (e) {
      last = e;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`content script never answered page:notes: ${String(last)}`);
}

/** Selects the first occurrence of `text` in the article (as the reader would, by mouse). */
async function select(page: Page, text: string) {
  const ok = await page.evaluate((needle) => {
    const walker = document.createTreeWalker(
      document.querySelector('article') ?? document.body,
      NodeFilter.SHOW_TEXT,
    );
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n as Text).data.indexOf(needle);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + needle.length);
      const sel = getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      return true;
    }
    return false;
  }, text);
  expect(ok, `"${text}" is on the page`).toBe(true);
}

/** Selects `text`, opens the note editor on it (the context-menu / shortcut path) and saves `body`. */
async function addNoteOnSelection(context: BrowserContext, page: Page, text: string, body: string) {
  // The content script is up and has loaded its notes.
  const before = (await notesState(context, page)).count;
  await select(page, text);
  const r = await toTab<{ ok: boolean; error?: string }>(context, page, {
    type: 'page:note-selection',
  });
  expect(r).toEqual({ ok: true });
  // The editor takes focus in its closed shadow root: type as the reader does.
  await page.waitForTimeout(150);
  await page.keyboard.type(body);
  await page.keyboard.press('Control+Enter');
  await expect
    .poll(async () => (await notesState(context, page)).count, { timeout: 5000 })
    .toBe(before + 1);
}

/** The text of the page's note highlight (the subtle mark), read as any script could. */
async function markedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get(
      'quotelens-note',
    );
    return h ? [...h].map((r) => r.toString()) : [];
  });
}

const PASSAGE =
  'in the end the reading room on a Sunday morning was worth more to this borough than a fresh coat of paint';
const PASSAGE_EDITED = PASSAGE.replace('this borough', 'our borough');
const DOOMED = 'installed in 1987, is due for replacement next spring';

test.describe('notes', () => {
  let dir: string;
  test.beforeEach(() => {
    variant = 'original';
    dir = mkdtempSync(join(tmpdir(), 'quotelens-notes-e2e-'));
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('a note on selected text survives a reload and a browser restart, and follows an edit', async () => {
    let context = await launchWithExtension(dir);
    try {
      let page = await context.newPage();
      await page.goto(`${origin}${ARTICLE_PATH}?utm_source=newsletter`);
      await addNoteOnSelection(context, page, PASSAGE, 'Check the budget line.\nSecond line.');
      await addNoteOnSelection(context, page, DOOMED, 'Ask about the boiler');
      let state = await notesState(context, page);
      expect(state.count).toBe(2);
      expect(state.anchored.map((a) => a.text).sort()).toEqual([DOOMED, PASSAGE].sort());
      expect((await markedTexts(page)).sort()).toEqual([DOOMED, PASSAGE].sort());

      await page.reload();
      state = await notesState(context, page);
      expect(state.anchored.map((a) => a.text).sort()).toEqual([DOOMED, PASSAGE].sort());
      expect(state.anchored.every((a) => a.method === 'exact')).toBe(true);
      expect(state.orphans).toEqual([]);

      // Close the browser, open it again on the same profile: still there.
      await context.close();
      context = await launchWithExtension(dir);
      page = await context.newPage();
      // Another URL of the same article (fragment, tracking parameter): the same notes.
      await page.goto(`${origin}${ARTICLE_PATH}?fbclid=abc#comments`);
      state = await notesState(context, page);
      expect(state.anchored.map((a) => a.text).sort()).toEqual([DOOMED, PASSAGE].sort());

      // The newsroom edits the article: one word changes, one sentence goes.
      variant = 'edited';
      await page.reload();
      state = await notesState(context, page);
      expect(state.count).toBe(2);
      expect(state.anchored).toHaveLength(1);
      expect(state.anchored[0]?.method).toBe('fuzzy');
      expect(state.anchored[0]?.text).toBe(PASSAGE_EDITED);
      expect(state.orphans).toHaveLength(1);
      const orphan = state.orphans[0];
      expect(orphan && noteQuote(orphan)).toBe(DOOMED);
      expect(orphan && noteText(orphan)).toBe('Ask about the boiler');
      expect(await markedTexts(page)).toEqual([PASSAGE_EDITED]);
    } finally {
      await context.close();
    }
  });

  test('the page cannot read notes, and a note holding HTML shows as text and runs nothing', async () => {
    const context = await launchWithExtension(dir);
    try {
      const page = await context.newPage();
      await page.goto(`${origin}${ARTICLE_PATH}`);
      const secret = 'zebra-marmalade-7731';
      const evil = `<img src=x onerror="window.__pwned=1"> ${secret}`;
      requested.length = 0;
      await addNoteOnSelection(context, page, 'A library that closes at the weekend', evil);
      // Open the note again (as the notes page does), so its text is on screen.
      const state = await notesState(context, page);
      const id = state.anchored[0]?.id;
      expect(await toTab(context, page, { type: 'page:show-note', id })).toEqual({
        ok: true,
        found: true,
      });
      await page.waitForTimeout(300);

      const found = await page.evaluate(async (needle) => {
        const hits: string[] = [];
        const seen = (where: string, text: string | null | undefined) => {
          if (text?.includes(needle)) hits.push(where);
        };
        seen('outerHTML', document.documentElement.outerHTML);
        // biome-ignore lint/performance/useDomNodeTextContent: what the page renders is the point.
        seen('innerText', document.body.innerText);
        seen('textContent', document.documentElement.textContent);
        seen('title', document.title);
        seen('url', location.href);
        seen('cookie', document.cookie);
        seen('window.name', window.name);
        for (const el of document.querySelectorAll('*')) {
          for (const a of el.attributes) seen(`attribute ${a.name}`, a.value);
          if (el.shadowRoot) seen('open shadow root', el.shadowRoot.innerHTML);
        }
        for (let i = 0; i < localStorage.length; i++) {
          const k = localStorage.key(i) ?? '';
          seen('localStorage', k + localStorage.getItem(k));
        }
        for (let i = 0; i < sessionStorage.length; i++) {
          const k = sessionStorage.key(i) ?? '';
          seen('sessionStorage', k + sessionStorage.getItem(k));
        }
        const dbs = await indexedDB.databases();
        return {
          hits,
          dbs: dbs.map((d) => d.name),
          pwned: (window as { __pwned?: number }).__pwned,
        };
      }, secret);
      expect(found.hits).toEqual([]);
      expect(found.dbs).toEqual([]);
      expect(found.pwned).toBeUndefined();
      // An <img src=x> rendered anywhere would have fetched /x from this server.
      expect(requested.filter((p) => p.endsWith('/x'))).toEqual([]);
      await page.screenshot({ path: 'test-results/notes-editor.png' });
    } finally {
      await context.close();
    }
  });
});
