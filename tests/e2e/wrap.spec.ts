/**
 * The wrapping fallback (for browsers without the CSS Custom Highlight API) in real Chromium: a
 * build of the extension that wraps statements in <ql-mark> even though the API is there
 * (WXT_QL_FORCE_WRAP=1, test builds only). Wrapping splits the page's text nodes, so this is
 * where "switching off restores the page exactly" is hardest: it is checked on the live DOM.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { expect, launchWithExtension, test } from './fixtures';
import {
  drawnCount,
  highlightNames,
  pageState,
  readLabels,
  SNAPSHOT_INIT,
  setSwitches,
  waitDrawn,
} from './page-helpers';

const OUT_DIR = join(tmpdir(), 'quotelens-e2e-wrap-build');

test.describe('the wrapping fallback', () => {
  let wrapContext: BrowserContext;
  let profile: string;

  test.beforeAll(() => {
    test.setTimeout(180_000);
    execFileSync('npx', ['wxt', 'build'], {
      env: { ...process.env, QL_OUT_DIR: OUT_DIR, WXT_QL_FORCE_WRAP: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  });

  test.beforeEach(async () => {
    profile = mkdtempSync(join(tmpdir(), 'quotelens-e2e-wrap-'));
    wrapContext = await launchWithExtension(profile, join(OUT_DIR, 'chrome-mv3'));
  });

  test.afterEach(async () => {
    await wrapContext.close();
    rmSync(profile, { recursive: true, force: true });
  });

  test('statements are wrapped and labelled, and switching off restores the page exactly', async ({
    server,
  }) => {
    const context = wrapContext;
    await context.addInitScript(SNAPSHOT_INIT);
    const page = await context.newPage();
    await page.goto(server.url('demo/index.html'));
    await waitDrawn(page);
    const state = await pageState(context, page);
    expect(`${state.status} ${state.error ?? ''}`.trim()).toBe('ready');
    expect(
      await page.evaluate(
        () =>
          (
            (performance.getEntriesByName('quotelens:drawn')[0] as PerformanceMark).detail as {
              mode: string;
            }
          ).mode,
      ),
    ).toBe('wrap');

    // Every statement is in wrappers whose text is the statement, in a visible colour; the
    // Highlight API is not used.
    expect(await highlightNames(page)).toEqual([]);
    const wrapped = await page.evaluate(() => {
      const byId = new Map<string, string>();
      for (const m of document.querySelectorAll('ql-mark')) {
        const id = m.getAttribute('data-ql-id') ?? '';
        byId.set(id, (byId.get(id) ?? '') + (m.textContent ?? ''));
      }
      const first = document.querySelector('ql-mark');
      return {
        texts: Object.fromEntries(byId),
        background: first ? getComputedStyle(first).backgroundColor : '',
      };
    });
    const norm = (t: string) => t.replace(/\s+/g, ' ').trim();
    for (const q of state.quotes) {
      // A nested statement's text is wrapped once, as the nested one's.
      const own = state.quotes
        .filter((c) => c.parent === q.id)
        .reduce((text, c) => text.replace(c.text, ''), q.text);
      expect(norm(wrapped.texts[String(q.id)] ?? '')).toBe(norm(own));
    }
    expect(wrapped.background).not.toMatch(/^rgba\(0, 0, 0, 0\)$|^transparent$/);
    const labels = await readLabels(page);
    expect(labels.length).toBe(state.quotes.length);
    expect(labels.map((l) => l.aria)).toContain('Statement by Tomasz Lindqvist');

    // Off: the wrappers go and the text nodes are the page's own again, markup identical.
    await setSwitches(context, true, ['127.0.0.1']);
    await expect.poll(() => page.locator('ql-mark').count()).toBe(0);
    const restored = await page.evaluate(() => ({
      same: (window as unknown as { __before: string }).__before === document.body.innerHTML,
      // Adjacent text nodes would mean a split was not undone (innerHTML cannot show it).
      adjacentText: [...document.body.querySelectorAll('*')].some((el) =>
        [...el.childNodes].some((n, i, all) => n.nodeType === 3 && all[i + 1]?.nodeType === 3),
      ),
    }));
    expect(restored).toEqual({ same: true, adjacentText: false });

    // On again: the marks come back.
    await setSwitches(context, true, []);
    await waitDrawn(page, 2);
    expect(await page.locator('ql-mark').count()).toBeGreaterThan(0);
  });

  test('content that arrives later is wrapped too, without the page re-annotating forever', async ({
    server,
  }) => {
    const page = await wrapContext.newPage();
    await page.goto(server.url('content/late.html'));
    await waitDrawn(page);
    await page.click('#read-more');
    await expect
      .poll(async () => (await readLabels(page)).map((l) => l.aria), { timeout: 10_000 })
      .toContain('Statement by Colm Devlin');
    expect(
      await page.evaluate(() =>
        [...document.querySelectorAll('#more ql-mark')].map((m) => m.textContent).join(''),
      ),
    ).toContain('freight schedule');
    const runs = await drawnCount(page);
    await page.waitForTimeout(1500);
    expect(await drawnCount(page)).toBe(runs);
  });
});
