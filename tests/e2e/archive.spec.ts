/**
 * The reader's archive of who said what (issue 15), in Chromium with the built extension:
 * opt-out records nothing; after "Yes, remember" three articles naming one person three ways
 * make one speaker with statements from all three; a reload and a browser restart keep it;
 * forgetting a site removes its articles and nothing else; an incognito window records nothing,
 * even with the archive on and the extension allowed in incognito.
 * Two sites: the fixture server answers as 127.0.0.1 and as localhost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import {
  expect,
  extensionWorker,
  FIXTURES_DIR,
  launchWithExtension,
  tabIdOf,
  test,
} from './fixtures';
import { waitDrawn } from './page-helpers';
import { type StaticServer, startStaticServer } from './static-server';

async function extensionId(context: BrowserContext): Promise<string> {
  return new URL((await extensionWorker(context)).url()).host;
}

/** Asks the background's archive from an extension page (the only senders it answers). */
async function ask<T = Record<string, unknown>>(lib: Page, message: object): Promise<T> {
  const reply = (await lib.evaluate((m) => chrome.runtime.sendMessage(m), message)) as T & {
    ok: boolean;
    error?: string;
  };
  if (!reply.ok) throw new Error(reply.error);
  return reply;
}

async function read(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  await waitDrawn(page);
  return page;
}

/**
 * Allows the extension in incognito as the reader's switch on chrome://extensions does (that
 * page's own API; developer mode first, or Chromium disables a command-line extension on the
 * reload the switch causes), then waits for it to be back and opens its library page.
 */
async function allowInIncognito(context: BrowserContext, id: string): Promise<Page> {
  const settings = await context.newPage();
  await settings.goto('chrome://extensions');
  await settings.evaluate(async (extensionId) => {
    const dp = (
      globalThis as unknown as {
        chrome: {
          developerPrivate: {
            updateProfileConfiguration(c: object): Promise<void>;
            updateExtensionConfiguration(c: object): Promise<void>;
          };
        };
      }
    ).chrome.developerPrivate;
    await dp.updateProfileConfiguration({ inDeveloperMode: true });
    await dp.updateExtensionConfiguration({ extensionId, incognitoAccess: true });
  }, id);
  await settings.close();
  const lib = await context.newPage();
  await expect(async () => {
    await lib.goto(`chrome-extension://${id}/notes.html#speakers`);
    expect(await lib.evaluate(() => chrome.extension.isAllowedIncognitoAccess())).toBe(true);
  }).toPass({ timeout: 15_000 });
  return lib;
}

const stats = async (lib: Page) =>
  (
    await ask<{ stats: { articles: number; statements: number; people: number } }>(lib, {
      type: 'archive:stats',
    })
  ).stats;

test.describe('archive', () => {
  let dir: string;
  let server: StaticServer;
  test.beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'quotelens-archive-'));
    server = await startStaticServer(FIXTURES_DIR);
  });
  test.afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('opt-out (the default) records nothing', async () => {
    const context = await launchWithExtension(dir);
    try {
      const id = await extensionId(context);
      const lib = await context.newPage();
      await lib.goto(`chrome-extension://${id}/notes.html#speakers`);
      expect(
        (await ask<{ settings: { enabled: boolean } }>(lib, { type: 'archive:settings' })).settings
          .enabled,
      ).toBe(false);
      const page = await read(context, server.url('archive/budget.html'));
      // The popup offers once; saying no keeps it off.
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${id}/popup.html?tab=${await tabIdOf(context, page)}`);
      await popup.getByRole('button', { name: 'No, thanks' }).click();
      await expect(popup.locator('.ql-archive-offer')).toHaveCount(0);
      await read(context, server.url('archive/ferry.html'));
      await page.waitForTimeout(1000);
      expect(await stats(lib)).toMatchObject({ articles: 0, statements: 0, people: 0 });
      await lib.reload();
      await expect(lib.getByText('Your archive is off')).toBeVisible();
    } finally {
      await context.close();
    }
  });

  test('one person named three ways is one speaker; reload and restart keep it; forgetting a site removes only its articles', async () => {
    let context = await launchWithExtension(dir);
    const id = await extensionId(context);
    try {
      const first = await read(context, server.url('archive/budget.html'));
      const popup = await context.newPage();
      await popup.goto(`chrome-extension://${id}/popup.html?tab=${await tabIdOf(context, first)}`);
      await expect(
        popup.getByText('Remember who said what in the articles you read?'),
      ).toBeVisible();
      await popup.getByRole('button', { name: 'Yes, remember' }).click();
      await expect(popup.locator('#ql-switch-archive')).toHaveAttribute('aria-checked', 'true');
      await popup.close();
      // Read (again) after saying yes: nothing was kept before.
      await first.reload();
      await waitDrawn(first);
      await read(context, server.url('archive/ferry.html'));
      const other = server.url('archive/bridge.html').replace('127.0.0.1', 'localhost');
      const third = await read(context, other);

      const lib = await context.newPage();
      await lib.goto(`chrome-extension://${id}/notes.html#speakers`);
      await expect.poll(async () => (await stats(lib)).articles, { timeout: 10_000 }).toBe(3);
      const { people } = await ask<{
        people: Array<{ id: string; name: string; statementCount: number; articleCount: number }>;
      }>(lib, { type: 'archive:people', query: 'kowalczyk' });
      expect(people).toHaveLength(1);
      expect(people[0]).toMatchObject({
        name: 'Marta Kowalczyk',
        statementCount: 3,
        articleCount: 3,
      });

      // The library page shows them, and their page lists all three statements.
      await lib.reload();
      await lib.getByRole('link', { name: /Marta Kowalczyk/ }).click();
      await expect(lib.locator('[data-testid="speaker-summary"]')).toHaveText(
        '3 statements in 3 articles you read',
      );
      await expect(lib.locator('.ql-archive-statement')).toHaveCount(3);
      for (const words of ['dredging money', 'Every subsidy', 'Removing the tolls']) {
        await expect(lib.locator('.ql-archive-statement', { hasText: words })).toHaveCount(1);
      }
      await expect(lib.locator('.ql-chart svg')).toBeVisible();
      // Its article opens at the statement, re-anchored there (not reported as gone).
      const [opened] = await Promise.all([
        context.waitForEvent('page'),
        lib
          .locator('.ql-archive-statement', { hasText: 'Every subsidy' })
          .getByRole('link')
          .click(),
      ]);
      await waitDrawn(opened);
      expect(opened.url()).toContain('archive/ferry.html');
      await expect(
        lib.locator('.ql-archive-statement', { hasText: 'Every subsidy' }),
      ).toHaveAttribute('data-opened', 'shown', { timeout: 20_000 });
      await opened.close();

      // The popup on the third article says where the reader met her before.
      const popup2 = await context.newPage();
      await popup2.goto(`chrome-extension://${id}/popup.html?tab=${await tabIdOf(context, third)}`);
      await expect(popup2.locator('.ql-seen').first()).toHaveText('also in 2 articles you read');
      await popup2.close();
    } finally {
      await context.close();
    }

    // Browser restart: the same profile opened again.
    context = await launchWithExtension(dir);
    try {
      const lib = await context.newPage();
      await lib.goto(`chrome-extension://${await extensionId(context)}/notes.html#speakers`);
      await expect(lib.getByRole('link', { name: /Marta Kowalczyk/ })).toBeVisible();
      expect(await stats(lib)).toMatchObject({ articles: 3, statements: 6 });

      // Forget one site: its article goes, the other site's stay.
      await lib.getByText('Export, forget, excluded sites').click();
      await lib.locator('[data-forget-site="localhost"]').click();
      await expect.poll(async () => (await stats(lib)).articles).toBe(2);
      expect(await stats(lib)).toMatchObject({ statements: 4 });
      const { people } = await ask<{ people: Array<{ name: string; statementCount: number }> }>(
        lib,
        {
          type: 'archive:people',
          query: '',
        },
      );
      expect(people.map((p) => p.name).sort()).toEqual([
        'Ines Forde',
        'Marta Kowalczyk',
        'Tomas Reyna',
      ]);
      expect(people.find((p) => p.name === 'Marta Kowalczyk')?.statementCount).toBe(2);
      const { statements } = await ask<{ statements: unknown[] }>(lib, {
        type: 'archive:search',
        query: 'tolls',
      });
      expect(statements).toHaveLength(0);
    } finally {
      await context.close();
    }
  });

  test('an incognito window records nothing, even with the archive on and the extension allowed there', async () => {
    const context = await launchWithExtension(dir);
    try {
      const id = await extensionId(context);
      const lib = await allowInIncognito(context, id);
      await ask(lib, { type: 'archive:set', patch: { enabled: true } });
      const url = server.url('archive/bridge.html');
      const tabId = await lib.evaluate(async (u) => {
        const w = await chrome.windows.create({ incognito: true, url: u });
        return w?.tabs?.[0]?.id ?? -1;
      }, url);
      // QuoteLens ran there: the tab is incognito and its statements are found.
      await expect
        .poll(
          () =>
            lib.evaluate(async (tab) => {
              const t = await chrome.tabs.get(tab);
              const s = (await chrome.tabs
                .sendMessage(tab, { type: 'page:get-state' })
                .catch(() => null)) as { quotes?: unknown[] } | null;
              return { incognito: t.incognito, read: (s?.quotes?.length ?? 0) > 0 };
            }, tabId),
          { timeout: 20_000 },
        )
        .toEqual({ incognito: true, read: true });
      await lib.waitForTimeout(1500);
      expect(await stats(lib)).toMatchObject({ articles: 0, statements: 0, people: 0 });

      // The same article in an ordinary window is kept: only incognito was left out.
      await read(context, url);
      await expect.poll(async () => (await stats(lib)).articles, { timeout: 10_000 }).toBe(1);
    } finally {
      await context.close();
    }
  });
});
