/**
 * The foundation holds: the built extension loads, its content script runs on an
 * article served from 127.0.0.1 and answers, and the popup opened for that tab
 * talks to it.
 */
import type { PageState } from '../../lib/messages';
import { expect, extensionWorker, FIXTURES_DIR, tabIdOf, test } from './fixtures';
import { startStaticServer } from './static-server';

test('the extension loads with its manifest and service worker', async ({
  context,
  extensionId,
}) => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  const worker = await extensionWorker(context);
  const manifest = await worker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.name).toBe('QuoteLens');
  expect(manifest.manifest_version).toBe(3);
});

test('the content script runs on the demo article and answers with its state', async ({
  context,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('demo/index.html'));
  const tabId = await tabIdOf(context, page);
  const worker = await extensionWorker(context);
  await expect
    .poll(
      async () => {
        const state = await worker.evaluate(
          (id: number) => chrome.tabs.sendMessage(id, { type: 'page:get-state' }).catch(() => null),
          tabId,
        );
        return (state as PageState | null)?.status ?? 'no answer';
      },
      { timeout: 15_000 },
    )
    .toBe('ready');
  const state = (await worker.evaluate(
    (id: number) => chrome.tabs.sendMessage(id, { type: 'page:get-state' }),
    tabId,
  )) as PageState;
  expect(state.url).toBe(page.url());
  expect(state.title).toContain('Millbrook bridge closure');
});

test('the popup opened for a tab shows that tab’s article', async ({
  context,
  server,
  openPopup,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('demo/index.html'));
  const popup = await openPopup(page);
  await expect(popup.getByText('Rosalind Okafor').first()).toBeVisible({ timeout: 15_000 });
});

test('a page whose CSP allows no script at all is still read (the content script imports page-app.js)', async ({
  context,
}) => {
  // The strictest page policy: the import of QuoteLens's own module must not fall under it.
  const strict = await startStaticServer(FIXTURES_DIR, {
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'",
  });
  try {
    const page = await context.newPage();
    await page.goto(strict.url('demo/index.html'));
    const tabId = await tabIdOf(context, page);
    const worker = await extensionWorker(context);
    const state = () =>
      worker.evaluate(
        (id: number) =>
          chrome.tabs
            .sendMessage(id, { type: 'page:get-state' })
            .catch(() => null) as Promise<PageState | null>,
        tabId,
      );
    await expect
      .poll(async () => (await state())?.status ?? 'no answer', { timeout: 15_000 })
      .toBe('ready');
    expect((await state())?.quotes.length).toBeGreaterThan(0);
  } finally {
    await strict.close();
  }
});
