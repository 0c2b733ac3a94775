/**
 * Privacy of notes against the page's own scripts, in Firefox (issue 14, items 1–4; the
 * Chromium twin is tests/e2e/privacy.spec.ts). One browser for the file. Each test plays a
 * hostile news site: it listens to keystrokes in the capture phase, searches with
 * window.find(), borrows another site's article through <link rel=canonical>, and asks the
 * background for another article's notes from a QuoteLens frame in its own tab.
 * `npm run test:firefox -- -g privacy`.
 *
 * Firefox's WebDriver BiDi exposes no content-script realm (script.getRealms lists the page's
 * window only), so the Chromium test's "content script taken over" sender cannot be played
 * here; the note frame, an extension page inside the hostile tab, is the sender instead, and
 * storage.local is read from an extension page (content scripts see the same area).
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Frame, Page } from 'puppeteer-core';
import type { PageNotesState } from '../../lib/messages';
import { selectText } from '../e2e/select-text';
import { type Firefox, launchFirefox, until } from './harness';

const FIXTURES = 'tests/fixtures';
const ARTICLE = readFileSync(join(FIXTURES, 'notes/article-a.html'), 'utf8');
const DEMO = readFileSync(join(FIXTURES, 'demo/index.html'), 'utf8');
const article = (name: string) => `${origin}/news/${name}.html`;
const PASSAGE = 'installed in 1987, is due for replacement next spring';
const OTHER_PASSAGE = 'A library that closes at the weekend';

let ff: Firefox;
let server: Server;
/** The reader's news site. */
let origin = '';
/** Another site (another host name on the same server). */
let elsewhere = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    // Each test its own article (one browser, one notes store for the file): /news/<name>.html,
    // and its copy /copy/<name>.html whose canonical link names the article.
    const copyOf = /^\/copy\/([\w-]+)\.html$/.exec(path)?.[1];
    const body = path.startsWith('/news/')
      ? ARTICLE
      : copyOf
        ? ARTICLE.replace(
            '<head>',
            `<head><link rel="canonical" href="${origin}/news/${copyOf}.html">`,
          )
        : path === '/demo/index.html'
          ? DEMO
          : null;
    if (body === null) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  elsewhere = `http://localhost:${port}`;
  ff = await launchFirefox();
});
test.afterAll(async () => {
  await ff?.close();
  await new Promise((ok) => server?.close(ok));
});

/** The page's notes as its content script anchored them (retries while it starts up). */
const notesOf = (page: Page) =>
  until(
    'the notes to load',
    () => ff.toTab<PageNotesState | undefined>(page, { type: 'page:notes' }),
    (s) => Array.isArray(s?.anchored),
  ) as Promise<PageNotesState>;

async function open(url: string): Promise<Page> {
  const page = await ff.newPage();
  await page.goto(url);
  await notesOf(page);
  return page;
}

async function select(page: Page, text: string): Promise<void> {
  const ok = await page.evaluate(selectText, text);
  expect(ok, `"${text}" is on the page`).toBe(true);
}

/**
 * The note editor's frame (extension origin), once its textarea has the keyboard. Puppeteer
 * keeps the frame's first address (about:blank): the frame is told by where it is now.
 */
async function editorFrame(page: Page): Promise<Frame> {
  // Measuring a build from before the editor frame (to show a test fails there): type blind.
  if (process.env.QL_NO_EDITOR_FRAME) {
    await new Promise((r) => setTimeout(r, 300));
    return page.mainFrame();
  }
  let frame: Frame | undefined;
  await until(
    'the note editor frame to have the keyboard',
    async () => {
      for (const f of page.frames()) {
        if (f === page.mainFrame()) continue;
        const focused = await f
          .evaluate(
            () =>
              location.href.includes('/note-frame.html') &&
              document.hasFocus() &&
              document.activeElement?.tagName === 'TEXTAREA',
          )
          .catch(() => false);
        if (focused) {
          frame = f;
          return true;
        }
      }
      return false;
    },
    (focused) => focused,
  );
  return frame as Frame;
}

/** Selects `passage`, opens the editor on it (the shortcut's path) and types `text`. */
async function typeNote(page: Page, passage: string, text: string): Promise<Frame> {
  await page.bringToFront();
  await select(page, passage);
  expect(await ff.toTab(page, { type: 'page:note-selection' })).toEqual({ ok: true });
  const frame = await editorFrame(page);
  await page.keyboard.type(text);
  return frame;
}

async function addNote(page: Page, passage: string, text: string): Promise<void> {
  const before = (await notesOf(page)).count;
  await typeNote(page, passage, text);
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
  await until(
    'the note to be saved',
    () => notesOf(page),
    (s) => s.count === before + 1,
  );
}

test.afterEach(async () => {
  for (const p of await ff.browser.pages()) if (p !== ff.ext) await p.close();
});

test('privacy 1 (Firefox): capture-phase key listeners on window never see a note being typed', async () => {
  const page = await ff.newPage();
  await page.evaluateOnNewDocument(() => {
    const w = window as { __seen?: string[] };
    const seen: string[] = [];
    w.__seen = seen;
    const types = ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'textInput'];
    for (const t of [...types, 'compositionstart', 'compositionupdate', 'compositionend']) {
      const log = (e: Event) => {
        const k = e as KeyboardEvent & InputEvent;
        seen.push(`${t}:${k.key ?? ''}${k.data ?? ''}`);
      };
      window.addEventListener(t, log, true);
      document.addEventListener(t, log, true);
    }
  });
  await page.goto(article('keys'));
  await notesOf(page);
  await addNote(page, PASSAGE, 'Qzv okapi ledger 4471');
  const typed = (await page.evaluate(() => (window as { __seen?: string[] }).__seen ?? [])).join(
    '|',
  );
  for (const ch of ['Q', 'z', 'v', 'k', 'p', '4', '7']) {
    expect(typed, `the page saw "${ch}" typed into the note`).not.toContain(`:${ch}`);
  }
});

test('privacy 2 (Firefox): window.find() finds neither a note’s text nor QuoteLens’s own words', async () => {
  const page = await open(`${origin}/demo/index.html`);
  const secret = 'Wombat tariff 9127 quorum';
  await addNote(page, 'twelve thousand people a day', secret);
  // A card open too: hover a speaker label (in the closed shadow root) until its card shows.
  const at = await ff.inShadow<{ x: number; y: number }>(
    page,
    `(root) => {
      const el = root.querySelector('.l[aria-label^="Statement"]');
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }`,
  );
  expect(at).toBeTruthy();
  await page.mouse.move((at?.x ?? 0) - 40, (at?.y ?? 0) - 40);
  await page.mouse.move(at?.x ?? 0, at?.y ?? 0, { steps: 3 });
  await until(
    'the card with its Add note button',
    () => ff.inShadow<boolean>(page, `(root) => !!root.querySelector('[data-act="note"]')`),
    (shown) => shown === true,
  );
  const found = await page.evaluate(
    (needles: string[]) => {
      const out: Record<string, boolean> = {};
      for (const n of needles) {
        getSelection()?.removeAllRanges();
        out[n] = (window as unknown as { find: (s: string) => boolean }).find(n);
      }
      return out;
    },
    [secret, 'Wombat', 'tariff 9127', 'Add note', 'statement here', 'statements here'],
  );
  expect(found).toEqual({
    [secret]: false,
    Wombat: false,
    'tariff 9127': false,
    'Add note': false,
    'statement here': false,
    'statements here': false,
  });
  // Nothing of the note in the page's document or QuoteLens's shadow root, as text or attribute.
  const inShadow = await ff.inShadow<string>(
    page,
    `(root) => {
      const out = [];
      const walk = (n) => {
        if (n.nodeType === 3) out.push(n.data);
        if (n.attributes) for (const a of n.attributes) out.push(a.value);
        for (const c of n.childNodes) walk(c);
      };
      walk(root);
      return out.join('\\n');
    }`,
  );
  expect(inShadow).not.toContain('Wombat');
  expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toContain('Wombat');
});

test('privacy 3 (Firefox): a page on another site cannot borrow an article’s notes through its canonical link', async () => {
  const page = await open(article('canonical'));
  await addNote(page, PASSAGE, 'Ask the council about the boiler');

  // Another site, the same text, its canonical link pointing at the reader's article.
  const thief = await open(`${elsewhere}/copy/canonical.html`);
  await new Promise((r) => setTimeout(r, 1500));
  const stolen = await notesOf(thief);
  expect(stolen.count).toBe(0);
  expect(stolen.anchored).toEqual([]);
  // A note written there stays with that page, not with the reader's article.
  await addNote(thief, OTHER_PASSAGE, 'Written on the copy');
  await page.reload();
  expect((await notesOf(page)).count).toBe(1);

  // The same site's own copy (an AMP page, a print view) does follow its canonical.
  const own = await open(`${origin}/copy/canonical.html`);
  await until(
    'the same site’s copy to show the note',
    () => notesOf(own),
    (s) => s.count === 1,
  );
});

test('privacy 4 (Firefox): the background answers a QuoteLens frame only about its own tab’s article, and keeps drafts out of storage.local', async () => {
  const page = await open(article('requests'));
  await addNote(page, PASSAGE, 'Secret source: Vantablack Otter');
  const id = (await notesOf(page)).anchored[0]?.id;
  expect(id).toBeTruthy();
  // An unsaved draft in the editor.
  await typeNote(page, OTHER_PASSAGE, 'Draft: Ultramarine Heron');
  await new Promise((r) => setTimeout(r, 800));
  // storage.local, which every content script can read, holds nothing of notes or drafts.
  const local = await ff.ext.evaluate(async () =>
    JSON.stringify(
      await (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.get(null),
    ),
  );
  expect(local).not.toMatch(/notes:drafts|notes:changed|Vantablack|Ultramarine/);

  // Another site's tab: its own note frame (an extension page inside the hostile tab) asks for
  // the reader's article, by address and by note id.
  const other = await open(`${elsewhere}/demo/index.html`);
  const frame = await typeNote(other, 'twelve thousand people a day', 'x');
  const url = article('requests');
  const replies = (await frame.evaluate(
    async (articleUrl: string, noteId: string) => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const ask = (m: object) =>
        api.runtime.sendMessage(m).catch((e: unknown) => ({ thrown: String(e) }));
      const out: Record<string, unknown> = {};
      out.list = await ask({ type: 'notes:list-for-page', url: articleUrl });
      out.count = await ask({ type: 'notes:count-for-page', url: articleUrl });
      out.get = await ask({ type: 'notes:get', id: noteId });
      out.update = await ask({ type: 'notes:update', id: noteId, patch: { text: 'overwritten' } });
      out.del = await ask({ type: 'notes:delete', id: noteId });
      out.panel = await ask({ type: 'notes:panel-load', token: 'forged' });
      return JSON.parse(JSON.stringify(out));
    },
    url,
    id as string,
  )) as Record<string, unknown>;
  const text = JSON.stringify(replies);
  expect(text).not.toContain('Vantablack');
  expect(text).not.toContain('/news/requests');
  for (const k of ['get', 'update', 'del', 'panel'] as const) {
    expect((replies[k] as { ok?: boolean }).ok, k).not.toBe(true);
  }
  // The note is as it was.
  await page.reload();
  const state = await notesOf(page);
  expect(state.count).toBe(1);
  expect(state.anchored[0]?.id).toBe(id);
});
