/**
 * A page that tries to break QuoteLens before it starts (issue 14): it defines QuoteLens's own
 * host element name as a custom element of its own, whose constructor takes the shadow root.
 * QuoteLens still labels every statement, in a closed shadow root of its own.
 */
import { expect, test } from './fixtures';
import { defineHostileOverlay } from './hostile-overlay';
import { shadowStrings } from './notes-helpers';
import { pageState, waitDrawn } from './page-helpers';

test('a page that defines quotelens-overlay as its own custom element first cannot break QuoteLens or see an error', async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  await page.addInitScript(defineHostileOverlay, 'takes-shadow');
  await page.goto(server.url('demo/index.html'));
  await waitDrawn(page);
  const state = await pageState(context, page);
  expect(state.status).toBe('ready');
  expect(state.error).toBeUndefined();
  // The labels are drawn, in QuoteLens's own closed shadow root (on a plain host).
  await expect.poll(async () => (await shadowStrings(page)).join('|')).toContain('Rosalind Okafor');
  // Whatever the page's element saw, it holds none of QuoteLens's labels.
  const open = await page.evaluate(() =>
    [...document.querySelectorAll('quotelens-overlay')].map((e) => e.shadowRoot?.innerHTML ?? ''),
  );
  expect(open.join('')).toBe('');
  expect(await page.evaluate(() => (window as { __errors?: string[] }).__errors)).toEqual([]);
  // No error of QuoteLens's happened at all (the suite's developer marks would record one, and a
  // reader's browser writes no marks: tests/e2e/no-trace.spec.ts).
  expect(
    await page.evaluate(() => performance.getEntriesByName('quotelens:error').map((e) => e.name)),
  ).toEqual([]);
});

test('a page whose quotelens-overlay constructor throws still gets its labels, and no error of QuoteLens', async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  await page.addInitScript(defineHostileOverlay, 'throws');
  await page.goto(server.url('demo/index.html'));
  await waitDrawn(page);
  const state = await pageState(context, page);
  expect(state.status).toBe('ready');
  expect(state.error).toBeUndefined();
  await expect.poll(async () => (await shadowStrings(page)).join('|')).toContain('Rosalind Okafor');
  // Creating an element of that name runs the page's constructor (from any world): the page sees
  // the error it threw itself, reported by the browser, and nothing of QuoteLens's.
  const errors = await page.evaluate(() => (window as { __errors?: string[] }).__errors ?? []);
  expect(errors.filter((e) => !e.includes('hostile constructor'))).toEqual([]);
  expect(
    await page.evaluate(() => performance.getEntriesByName('quotelens:error').map((e) => e.name)),
  ).toEqual([]);
});
