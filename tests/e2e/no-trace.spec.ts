/**
 * No trace on a page where QuoteLens is off (issue 14): a page's own scripts cannot tell
 * QuoteLens is installed from its highlight colours (`getComputedStyle(el,
 * '::highlight(quotelens-…)')`) or from its performance marks, and the colours go when the
 * reader switches QuoteLens off. `playwright test -g "no trace"`.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { dimName, FLASH_NAME, highlightName } from '../../lib/dom/highlight-style';
import { expect, setPerfMarks, test } from './fixtures';
import { pageState, send, setSwitches } from './page-helpers';

/** Every kind of name the static sheet styles: speakers, unknown speaker, dark, dim, flash. */
const NAMES = [
  highlightName(0, 'statement', false, 'light'),
  highlightName(5, 'statement', true, 'light'),
  highlightName(null, 'fragment', false, 'light'),
  highlightName(3, 'statement', false, 'dark'),
  dimName('light'),
  FLASH_NAME,
];

/** The names whose computed `::highlight()` style differs from a name no sheet mentions. */
function styledNames(page: Page): Promise<string[]> {
  return page.evaluate((names) => {
    const props = ['backgroundColor', 'color', 'textDecorationLine'] as const;
    const read = (el: Element, name: string) => {
      const s = getComputedStyle(el, `::highlight(${name})`);
      return props.map((p) => s[p]).join('|');
    };
    const out: string[] = [];
    for (const el of [document.documentElement, document.querySelector('article p')]) {
      if (!el) continue;
      const none = read(el, 'no-such-highlight');
      for (const n of names) if (read(el, n) !== none) out.push(`${el.localName}: ${n}`);
    }
    return out;
  }, NAMES);
}

/** Sheets and style elements the page can see that mention QuoteLens. */
function visibleSheets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const text = (s: CSSStyleSheet) => {
      try {
        return [...s.cssRules].map((r) => r.cssText).join('\n');
      } catch {
        return '';
      }
    };
    return [...document.adoptedStyleSheets, ...document.styleSheets]
      .map(text)
      .filter((t) => t.includes('quotelens'));
  });
}

async function statusOf(context: BrowserContext, page: Page): Promise<string> {
  try {
    return (await pageState(context, page)).status;
  } catch {
    return 'no answer';
  }
}

test.describe('no trace', () => {
  test('no trace: with QuoteLens off everywhere, a page reads no QuoteLens highlight colour', async ({
    context,
    server,
  }) => {
    await setSwitches(context, false, []);
    const page = await context.newPage();
    await page.goto(server.url('demo/index.html'));
    await expect.poll(() => statusOf(context, page), { timeout: 15_000 }).toBe('disabled');
    expect(await styledNames(page)).toEqual([]);
    expect(await visibleSheets(page)).toEqual([]);
  });

  test('no trace: the highlight colours come with the marks and go when QuoteLens is switched off', async ({
    context,
    server,
  }) => {
    const page = await context.newPage();
    await page.goto(server.url('demo/index.html'));
    await expect.poll(() => statusOf(context, page), { timeout: 15_000 }).toBe('ready');
    expect(await styledNames(page)).toContain(`p: ${NAMES[0]}`);

    await setSwitches(context, true, ['127.0.0.1']);
    await expect.poll(() => statusOf(context, page)).toBe('disabled');
    expect(await styledNames(page)).toEqual([]);
    expect(await visibleSheets(page)).toEqual([]);

    await setSwitches(context, true, []);
    await expect.poll(() => statusOf(context, page), { timeout: 15_000 }).toBe('ready');
    await expect.poll(() => styledNames(page)).toContain(`p: ${NAMES[0]}`);
  });

  test('no trace: a page gets no QuoteLens performance marks, whatever it sets itself', async ({
    context,
    server,
  }) => {
    // The suites switch the developer marks on at launch: this is a reader's browser.
    await setPerfMarks(context, false);
    const page = await context.newPage();
    // What a page could try, to have QuoteLens write its run report where the page reads it.
    await page.addInitScript(() => {
      for (const key of ['quotelens.dev.v1', 'quotelens.dev', 'quotelens:perf']) {
        localStorage.setItem(key, JSON.stringify({ perfMarks: true }));
        sessionStorage.setItem(key, JSON.stringify({ perfMarks: true }));
      }
      (window as { __quotelensDev?: unknown }).__quotelensDev = { perfMarks: true };
      // Every message posted to the page's window (WXT's content-script wrapper posted one
      // naming the extension's id on every page; the content script no longer uses it).
      const posted: string[] = [];
      Object.defineProperty(window, '__posted', { value: posted });
      window.addEventListener('message', (e) => posted.push(JSON.stringify(e.data)), true);
    });
    await page.goto(server.url('demo/index.html'));
    await expect.poll(() => statusOf(context, page), { timeout: 15_000 }).toBe('ready');
    // A second run (the popup's "look again"): still nothing.
    expect(await send(context, page, { type: 'page:reannotate' })).toEqual({ ok: true });
    const ours = () =>
      page.evaluate(() =>
        performance
          .getEntries()
          .map((e) => `${e.entryType}:${e.name}`)
          // Nor the address of the code the content script imports (page-app.js).
          .filter((n) => /quotelens|-extension:/i.test(n)),
      );
    expect(await ours()).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { __posted: string[] }).__posted),
    ).toEqual([]);

    // The same build with the developer switch on writes them (what bench:page reads).
    await setPerfMarks(context, true);
    const dev = await context.newPage();
    await dev.goto(server.url('demo/index.html'));
    await expect
      .poll(() => dev.evaluate(() => performance.getEntriesByName('quotelens:drawn').length), {
        timeout: 15_000,
      })
      .toBeGreaterThan(0);
  });
});
