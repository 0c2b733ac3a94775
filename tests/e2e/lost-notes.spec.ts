/**
 * No note silently lost (issue 14 items 5–6), in real Chromium: two tabs of one article
 * editing the same note — the older editor's save is refused and the reader chooses (keep
 * mine / keep theirs / see both); two tabs' unsaved drafts both survive a reload.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, expect, type Frame, type Page, test } from '@playwright/test';
import { FIXTURES_DIR, launchWithExtension } from './fixtures';
import {
  addNoteOnSelection,
  editorFrame,
  notesState,
  select,
  toTab,
  waitForEditor,
} from './notes-helpers';

const ARTICLE = readFileSync(join(FIXTURES_DIR, 'notes/article-a.html'), 'utf8');
const PATH = '/news/2026/orchard-lane-library.html';
const PASSAGE = 'installed in 1987, is due for replacement next spring';
const OTHER = 'A library that closes at the weekend';

let server: Server;
let origin = '';
test.beforeAll(async () => {
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== PATH) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await new Promise((ok) => server.close(ok));
});

/** Opens the panel of note `id` in `page` and returns its frame, ready. */
async function openNote(context: BrowserContext, page: Page, id: string): Promise<Frame> {
  expect(await toTab(context, page, { type: 'page:show-note', id })).toEqual({
    ok: true,
    found: true,
  });
  let frame: Frame | undefined;
  await expect
    .poll(async () => {
      frame = editorFrame(page);
      return (
        (await frame
          ?.locator('.ql-panel-note')
          .count()
          .catch(() => 0)) ?? 0
      );
    })
    .toBe(1);
  return frame as Frame;
}

test.describe('notes are never lost', () => {
  let dir: string;
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'quotelens-lost-'));
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('lost 5: a stale editor in another tab cannot save over a rewrite; the reader chooses', async () => {
    const context = await launchWithExtension(dir);
    try {
      const a = await context.newPage();
      await a.goto(`${origin}${PATH}`);
      await addNoteOnSelection(context, a, PASSAGE, 'First thoughts');
      const id = (await notesState(context, a)).anchored[0]?.id as string;
      const b = await context.newPage();
      await b.goto(`${origin}${PATH}?utm_source=x`);
      await notesState(context, b);

      // Both tabs open the note's editor.
      const fa = await openNote(context, a, id);
      await fa.getByRole('button', { name: 'Edit', exact: true }).click();
      const fb = await openNote(context, b, id);
      await fb.getByRole('button', { name: 'Edit', exact: true }).click();

      // Tab A saves a rewrite.
      await fa.locator('textarea.ql-note-body').fill('Rewritten in tab A');
      await fa.getByRole('button', { name: 'Save' }).click();
      await expect(fa.locator('.ql-panel-note .ql-note-text')).toHaveText('Rewritten in tab A');

      // Tab B's older editor saves: refused and shown, nothing overwritten.
      await fb.locator('textarea.ql-note-body').fill('Older edit from tab B');
      await fb.getByRole('button', { name: 'Save' }).click();
      await expect(fb.locator('.ql-note-conflict')).toContainText('Changed elsewhere');
      await fb.getByRole('button', { name: 'See both' }).click();
      await expect(fb.locator('.ql-note-theirs')).toContainText('Rewritten in tab A');
      await a.reload();
      const again = await openNote(context, a, id);
      await expect(again.locator('.ql-panel-note .ql-note-text')).toHaveText('Rewritten in tab A');

      // "Keep mine": tab B's text is saved over the version it was shown.
      await fb.getByRole('button', { name: 'Keep mine' }).click();
      await expect(fb.locator('.ql-panel-note .ql-note-text')).toHaveText('Older edit from tab B');
      await expect(again.locator('.ql-panel-note .ql-note-text')).toHaveText(
        'Older edit from tab B',
      );
    } finally {
      await context.close();
    }
  });

  test('lost 6: two tabs’ unsaved drafts are kept apart and both survive a reload', async () => {
    const context = await launchWithExtension(dir);
    try {
      const a = await context.newPage();
      await a.goto(`${origin}${PATH}`);
      const b = await context.newPage();
      await b.goto(`${origin}${PATH}`);
      for (const [page, words, draft] of [
        [a, PASSAGE, 'Draft in tab A'],
        [b, OTHER, 'Draft in tab B'],
      ] as const) {
        await notesState(context, page);
        await select(page, words);
        await toTab(context, page, { type: 'page:note-selection' });
        await waitForEditor(page);
        await page.keyboard.type(draft);
        await page.waitForTimeout(600);
      }
      for (const [page, words, draft] of [
        [a, PASSAGE, 'Draft in tab A'],
        [b, OTHER, 'Draft in tab B'],
      ] as const) {
        await page.reload();
        await notesState(context, page);
        await select(page, words);
        await toTab(context, page, { type: 'page:note-selection' });
        const frame = await waitForEditor(page);
        await expect(frame.locator('textarea.ql-note-body')).toHaveValue(draft);
      }
    } finally {
      await context.close();
    }
  });
});
