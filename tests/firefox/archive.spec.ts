/**
 * The reader's archive (issue 15) in Firefox, as the Chromium suite checks it
 * (tests/e2e/archive.spec.ts): opt-out records nothing; three own articles naming one person
 * three ways make one speaker with statements from all three, on the library page too; a reload
 * and a browser restart (Firefox quit and started again on the same profile, the add-on
 * installed in it as a reader's is) keep them; forgetting a site removes its articles and
 * nothing else; a private window records nothing, even with the add-on allowed to run there.
 * Two sites: the fixture server answers as 127.0.0.1 and as localhost.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { type StaticServer, startStaticServer } from '../e2e/static-server';
import { drawnCount, type Firefox, firstDraw, launchFirefox, until } from './harness';

test.describe.configure({ mode: 'serial' });

let ff: Firefox;
let server: StaticServer;
let profileDir: string;

test.beforeAll(async () => {
  server = await startStaticServer('tests/fixtures');
  profileDir = mkdtempSync(join(tmpdir(), 'quotelens-ff-archive-'));
  ff = await launchFirefox({ profileDir });
});
test.afterAll(async () => {
  await ff?.close();
  await server?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

type ExtGlobal = typeof globalThis & { browser: typeof chrome };

/** Asks the background's archive from the harness's extension page. */
async function ask<T>(message: object): Promise<T> {
  const reply = (await ff.ext.evaluate(
    (m: object) => (globalThis as ExtGlobal).browser.runtime.sendMessage(m),
    message,
  )) as T & { ok: boolean; error?: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply;
}

const stats = async () =>
  (await ask<{ stats: { articles: number; statements: number } }>({ type: 'archive:stats' })).stats;

async function read(url: string): Promise<Page> {
  const page = await ff.newPage();
  await page.goto(url);
  await firstDraw(page);
  return page;
}

test('opt-out (the default) records nothing', async () => {
  const settings = await ask<{ settings: { enabled: boolean } }>({ type: 'archive:settings' });
  expect(settings.settings.enabled).toBe(false);
  const page = await read(server.url('archive/budget.html'));
  await new Promise((r) => setTimeout(r, 1000));
  expect(await stats()).toMatchObject({ articles: 0, statements: 0 });
  await page.close();
});

/** Her statements as the library page lists them (opened at her page). */
async function herStatements(id: string): Promise<string[]> {
  const lib = await ff.newPage();
  await ff.navigate(lib, ff.extUrl(`notes.html#speaker=${id}`));
  const texts = await until(
    'her statements',
    () =>
      lib.evaluate(() =>
        [...document.querySelectorAll('.ql-archive-statement blockquote')].map(
          (e) => e.textContent ?? '',
        ),
      ),
    (list) => list.length === 3,
  );
  // A reload of the library page lists them again.
  await ff.navigate(lib, ff.extUrl(`notes.html#speaker=${id}`));
  await until(
    'her statements after a reload',
    () => lib.evaluate(() => document.querySelectorAll('.ql-archive-statement').length),
    (n) => n === 3,
  );
  await lib.close();
  return texts;
}

test('one person named three ways is one speaker; reload and restart keep it; forgetting a site removes only its articles', async () => {
  const first = await read(server.url('archive/budget.html'));
  const popup = await ff.newPage({ type: 'window' });
  await ff.navigate(popup, ff.extUrl(`popup.html?tab=${await ff.tabIdOf(first)}`));
  await until(
    'the archive offer',
    () => popup.evaluate(() => document.querySelector('.ql-archive-offer')?.textContent ?? ''),
    (t) => t.includes('Remember who said what in the articles you read?'),
  );
  await popup.evaluate(() =>
    [...document.querySelectorAll<HTMLButtonElement>('.ql-archive-offer button')]
      .find((b) => b.textContent?.includes('Yes, remember'))
      ?.click(),
  );
  await until(
    'the switch on',
    () =>
      popup.evaluate(() =>
        document.querySelector('#ql-switch-archive')?.getAttribute('aria-checked'),
      ),
    (v) => v === 'true',
  );
  await popup.close();
  await first.reload();
  await until(
    'the draw after reload',
    () => drawnCount(first),
    (n) => n >= 1,
    20_000,
  );
  await read(server.url('archive/ferry.html'));
  await read(server.url('archive/bridge.html').replace('127.0.0.1', 'localhost'));
  await until(
    'three articles kept',
    async () => (await stats()).articles,
    (n) => n === 3,
  );

  const { people } = await ask<{
    people: Array<{ id: string; name: string; statementCount: number; articleCount: number }>;
  }>({ type: 'archive:people', query: 'kowalczyk' });
  expect(people).toHaveLength(1);
  expect(people[0]).toMatchObject({ name: 'Marta Kowalczyk', statementCount: 3, articleCount: 3 });

  // The library page shows her page with all three statements, after a reload too.
  const herId = people[0]?.id ?? '';
  for (const words of ['dredging money', 'Every subsidy', 'Removing the tolls']) {
    expect((await herStatements(herId)).filter((t) => t.includes(words))).toHaveLength(1);
  }

  // Browser restart: Firefox quits and starts again on the same profile.
  await ff.close();
  ff = await launchFirefox({ profileDir });
  expect(await stats()).toMatchObject({ articles: 3, statements: 6 });
  expect(await herStatements(herId)).toHaveLength(3);

  await ask({ type: 'archive:forget', scope: 'site', key: 'localhost' });
  expect(await stats()).toMatchObject({ articles: 2, statements: 4 });
  const after = await ask<{ people: Array<{ name: string; statementCount: number }> }>({
    type: 'archive:people',
    query: '',
  });
  expect(after.people.map((p) => p.name).sort()).toEqual([
    'Ines Forde',
    'Marta Kowalczyk',
    'Tomas Reyna',
  ]);
  expect(after.people.find((p) => p.name === 'Marta Kowalczyk')?.statementCount).toBe(2);
});

test('a private window records nothing, even with the archive on and the add-on allowed there', async () => {
  await ff.allowInPrivate();
  const on = await ask<{ settings: { enabled: boolean } }>({ type: 'archive:settings' });
  expect(on.settings.enabled).toBe(true);
  const before = await stats();
  // Not recorded yet on this site (its localhost copy was forgotten above).
  const url = server.url('archive/bridge.html');
  const [windowId, tabId] = await ff.ext.evaluate(async (u: string) => {
    const w = await (globalThis as ExtGlobal).browser.windows.create({ incognito: true, url: u });
    return [w?.id ?? -1, w?.tabs?.[0]?.id ?? -1] as [number, number];
  }, url);
  // QuoteLens ran there: the tab is private and its statements are drawn.
  const state = await until(
    'the private tab read',
    () =>
      ff.ext.evaluate(async (id: number) => {
        const api = (globalThis as ExtGlobal).browser;
        const tab = await api.tabs.get(id);
        const s = (await api.tabs
          .sendMessage(id, { type: 'page:get-state' })
          .catch(() => null)) as { status?: string; quotes?: unknown[] } | null;
        return { incognito: tab.incognito, status: s?.status, quotes: s?.quotes?.length ?? 0 };
      }, tabId),
    (s) => s.quotes > 0,
    20_000,
  );
  expect(state.incognito).toBe(true);
  await new Promise((r) => setTimeout(r, 1500));
  expect(await stats()).toEqual(before);

  // The same article in an ordinary window is kept: only the private window was left out.
  // (The private window is closed first: a new tab would open in it, the last focused.)
  await ff.ext.evaluate(
    (id: number) => (globalThis as ExtGlobal).browser.windows.remove(id),
    windowId,
  );
  const ordinary = await read(url);
  expect(
    await ff.ext.evaluate(
      async (id: number) => (await (globalThis as ExtGlobal).browser.tabs.get(id)).incognito,
      await ff.tabIdOf(ordinary),
    ),
  ).toBe(false);
  await until(
    'the ordinary window recorded',
    async () => (await stats()).articles,
    (n) => n === before.articles + 1,
  );
});
