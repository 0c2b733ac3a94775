/**
 * Privacy of notes against the page's own scripts, in real Chromium with the built extension
 * (issue 14, items 1–4). Each test plays a hostile news site: it listens to keystrokes in the
 * capture phase, searches with window.find(), borrows another site's article through
 * <link rel=canonical>, and takes over the content script's world to ask the background for
 * notes of other articles and to read extension storage. `playwright test -g privacy`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FIXTURES_DIR, launchWithExtension } from './fixtures';
import {
  addNoteOnSelection,
  clickInShadow,
  inContentScript,
  notesState,
  select,
  shadowStrings,
  toTab,
  waitForEditor,
} from './notes-helpers';

const ARTICLE = readFileSync(join(FIXTURES_DIR, 'notes/article-a.html'), 'utf8');
const DEMO = readFileSync(join(FIXTURES_DIR, 'demo/index.html'), 'utf8');
const ARTICLE_PATH = '/news/2026/orchard-lane-library.html';
const PASSAGE = 'installed in 1987, is due for replacement next spring';
const OTHER_PASSAGE = 'A library that closes at the weekend';

let server: Server;
let port = 0;
/** The reader's news site. */
let origin = '';
/** Another site (another host name on the same server). */
let elsewhere = '';

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const withCanonical = (html: string) =>
      html.replace('<head>', `<head><link rel="canonical" href="${origin}${ARTICLE_PATH}">`);
    const body =
      path === ARTICLE_PATH
        ? ARTICLE
        : path === '/copy/article.html'
          ? withCanonical(ARTICLE)
          : path === '/demo/index.html'
            ? DEMO
            : null;
    if (body === null) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  elsewhere = `http://localhost:${port}`;
});
test.afterAll(async () => {
  await new Promise((ok) => server.close(ok));
});

test.describe('privacy', () => {
  let dir: string;
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'quotelens-privacy-'));
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('privacy 1: capture-phase key listeners on window never see a note being typed', async () => {
    const context = await launchWithExtension(dir);
    try {
      const page = await context.newPage();
      await page.addInitScript(() => {
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
      await page.goto(`${origin}${ARTICLE_PATH}`);
      const secret = 'Qzv okapi ledger 4471';
      await addNoteOnSelection(context, page, PASSAGE, secret);
      const seen = await page.evaluate(() => (window as { __seen?: string[] }).__seen ?? []);
      const typed = seen.join('|');
      for (const ch of ['Q', 'z', 'v', 'k', 'p', '4', '7']) {
        expect(typed, `the page saw "${ch}" typed into the note`).not.toContain(`:${ch}`);
      }
    } finally {
      await context.close();
    }
  });

  test('privacy 2: window.find() finds neither a note’s text nor QuoteLens’s own words', async () => {
    const context = await launchWithExtension(dir);
    try {
      const page = await context.newPage();
      await page.goto(`${origin}/demo/index.html`);
      await notesState(context, page);
      const isLabel = (a: Record<string, string>) =>
        a.class?.split(' ').includes('l') === true &&
        (a['aria-label'] ?? '').startsWith('Statement');
      await clickInShadow(page, 'a speaker label', isLabel, 'hover');
      await clickInShadow(page, 'the card’s Add note button', (a) => a['data-act'] === 'note');
      await waitForEditor(page);
      const secret = 'Wombat tariff 9127 quorum';
      await page.keyboard.type(secret);
      await page.keyboard.press('Control+Enter');
      await expect.poll(async () => (await notesState(context, page)).count).toBe(1);
      // The panel now lists the saved note, its text on screen. A card is open too.
      await clickInShadow(page, 'a speaker label', isLabel, 'hover');
      await page.waitForTimeout(300);
      const found = await page.evaluate(
        (needles) => {
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
      // The note's text is no text node or attribute in any shadow root (closed ones included);
      // QuoteLens's own words are no text node there (generated content only).
      expect((await shadowStrings(page)).join('\n')).not.toContain('Wombat');
      expect((await shadowStrings(page, true)).join('\n')).not.toMatch(/Add note|statements? here/);
    } finally {
      await context.close();
    }
  });

  test('privacy 3: a page on another site cannot borrow an article’s notes through its canonical link', async () => {
    const context = await launchWithExtension(dir);
    try {
      const page = await context.newPage();
      await page.goto(`${origin}${ARTICLE_PATH}`);
      await addNoteOnSelection(context, page, PASSAGE, 'Ask the council about the boiler');

      // Another site, the same text, its canonical link pointing at the reader's article.
      const thief = await context.newPage();
      await thief.goto(`${elsewhere}/copy/article.html`);
      await thief.waitForTimeout(1500);
      const stolen = await notesState(context, thief);
      expect(stolen.count).toBe(0);
      expect(stolen.anchored).toEqual([]);
      expect((await shadowStrings(thief)).join('\n')).not.toContain('boiler');
      // A note written there stays with that page, not with the reader's article.
      await addNoteOnSelection(context, thief, OTHER_PASSAGE, 'Written on the copy');
      await page.reload();
      const mine = await notesState(context, page);
      expect(mine.count).toBe(1);

      // The same site's own copy (an AMP page, a print view) does follow its canonical.
      const own = await context.newPage();
      await own.goto(`${origin}/copy/article.html`);
      await expect.poll(async () => (await notesState(context, own)).count).toBe(1);
    } finally {
      await context.close();
    }
  });

  test('privacy 4: the background answers a content script only about its own tab’s article, and keeps drafts out of its reach', async () => {
    const context = await launchWithExtension(dir);
    try {
      const page = await context.newPage();
      await page.goto(`${origin}${ARTICLE_PATH}`);
      await addNoteOnSelection(context, page, PASSAGE, 'Secret source: Vantablack Otter');
      const id = (await notesState(context, page)).anchored[0]?.id;
      expect(id).toBeTruthy();
      // An unsaved draft in the editor.
      await select(page, OTHER_PASSAGE);
      await toTab(context, page, { type: 'page:note-selection' });
      await waitForEditor(page);
      await page.keyboard.type('Draft: Ultramarine Heron');
      await page.waitForTimeout(800);

      // Another site's tab, its content script taken over.
      const other = await context.newPage();
      await other.goto(`${elsewhere}/demo/index.html`);
      await notesState(context, other);
      const url = `${origin}${ARTICLE_PATH}`;
      const replies = await inContentScript<Record<string, unknown>>(
        other,
        `(async () => {
          const ask = (m) => chrome.runtime.sendMessage(m).catch((e) => ({ thrown: String(e) }));
          const out = {};
          out.list = await ask({ type: 'notes:list-for-page', url: ${JSON.stringify(url)} });
          out.count = await ask({ type: 'notes:count-for-page', url: ${JSON.stringify(url)} });
          out.get = await ask({ type: 'notes:get', id: ${JSON.stringify(id)} });
          out.update = await ask({ type: 'notes:update', id: ${JSON.stringify(id)}, patch: { text: 'overwritten' } });
          out.del = await ask({ type: 'notes:delete', id: ${JSON.stringify(id)} });
          out.local = await chrome.storage.local.get(null);
          try { out.session = await chrome.storage.session.get(null); } catch (e) { out.session = 'refused'; }
          return JSON.parse(JSON.stringify(out));
        })()`,
      );
      const text = JSON.stringify(replies);
      expect(text).not.toContain('Vantablack');
      expect(text).not.toContain('Ultramarine');
      expect(text).not.toContain('orchard-lane-library');
      for (const k of ['get', 'update', 'del'] as const) {
        expect((replies[k] as { ok?: boolean }).ok, k).not.toBe(true);
      }
      expect(JSON.stringify(replies.local)).not.toMatch(/notes:drafts|notes:changed/);
      // The note is as it was.
      await page.reload();
      const state = await notesState(context, page);
      expect(state.count).toBe(1);
      expect(state.anchored[0]?.id).toBe(id);
      const own = await inContentScript<string>(
        page,
        `chrome.runtime.sendMessage({ type: 'notes:get', id: ${JSON.stringify(id)} }).then((r) => JSON.stringify(r))`,
      );
      // Even its own page's content script never needs the text back from the store.
      expect(own).not.toContain('overwritten');
    } finally {
      await context.close();
    }
  });
});
