/**
 * The reader's archive (issue 15) in Firefox, as the Chromium suite checks it
 * (tests/e2e/archive.spec.ts): opt-out records nothing; three own articles naming one person
 * three ways make one speaker with statements from all three, on the library page too;
 * forgetting a site removes its articles and nothing else. One Firefox for
 * the file (harness.ts); its profile is fresh per launch, so a reload of the library page and
 * a browser restart are checked in Chromium only. Two sites: the fixture server answers as 127.0.0.1 and as localhost.
 */
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { type StaticServer, startStaticServer } from '../e2e/static-server';
import { drawnCount, type Firefox, launchFirefox, until } from './harness';

test.describe.configure({ mode: 'serial' });

let ff: Firefox;
let server: StaticServer;

test.beforeAll(async () => {
  server = await startStaticServer('tests/fixtures');
  ff = await launchFirefox();
});
test.afterAll(async () => {
  await ff?.close();
  await server?.close();
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
  await until(
    'the first draw',
    () => drawnCount(page),
    (n) => n >= 1,
    20_000,
  );
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

test('one person named three ways is one speaker; forgetting a site removes only its articles', async () => {
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

  // The library page shows her page with all three statements.
  const lib = await ff.newPage();
  await ff.navigate(lib, ff.extUrl(`notes.html#speaker=${people[0]?.id}`));
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
  for (const words of ['dredging money', 'Every subsidy', 'Removing the tolls']) {
    expect(texts.filter((t) => t.includes(words))).toHaveLength(1);
  }

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
  await lib.close();
});
