/**
 * A page budget (issue 14): a 2,000-quote article that changes every 450 ms, and a page of
 * 1.1 million elements. QuoteLens's own busy time (its `drawn` marks) and the page's whole
 * main-thread time (DevTools TaskDuration) with QuoteLens on, beside the same page with
 * QuoteLens switched off. Prints the numbers; asserts the budget holds.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pageState, setSwitches } from './page-helpers';

function mutatingArticle(): string {
  const paras: string[] = [];
  for (let i = 0; i < 1000; i++) {
    paras.push(
      `<p id="p${i}">The council met on day ${i}. “We will review item ${i} carefully,” said Councillor Ana Lind. Residents disagreed. “Item ${i} is overdue,” said Piet Aalders, a resident.</p>`,
    );
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>Live: council session</title>
<meta property="og:type" content="article"></head><body><article><h1>Live: the council session</h1>
${paras.join('\n')}</article>
<script>
let n = 0;
setInterval(() => {
  const p = document.getElementById('p' + (n % 1000));
  n++;
  p.innerHTML = 'Update ' + n + ': the council met again. “We will look at update ' + n + ' now,” said Councillor Ana Lind. “Not soon enough,” said Piet Aalders, a resident.';
}, 450);
</script></body></html>`;
}

function hugePage(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>A very large page</title>
<meta property="og:type" content="article"></head><body><article><h1>A very large page</h1>
<p>“This page is huge,” said Mara Vell. “It has a million elements,” she added.</p></article>
<div id="grid"></div>
<script>
const grid = document.getElementById('grid');
const frag = document.createDocumentFragment();
for (let i = 0; i < 110000; i++) {
  const row = document.createElement('div');
  for (let j = 0; j < 9; j++) row.appendChild(document.createElement('span')).textContent = 'c' + j;
  frag.appendChild(row);
}
grid.appendChild(frag);
</script></body></html>`;
}

/** An article with a live clock in it ticking every 100 ms, and a statement added after 2.5 s. */
function tickingArticle(): string {
  const paras: string[] = [];
  for (let i = 0; i < 6; i++) {
    paras.push(
      `<p>The harbour board met for the ${i + 1}th time. “We will dredge the channel in spring,” said Harbourmaster Ines Valk. “The fishing fleet cannot wait,” said skipper Tom Brand.</p>`,
    );
  }
  return `<!doctype html><html><head><meta charset="utf-8"><title>Live: harbour board</title>
<meta property="og:type" content="article"></head><body><article><h1>Live: the harbour board</h1>
<p>Updated <span id="clock">0</span> s ago.</p>
${paras.join('\n')}</article>
<script>
const started = Date.now();
setInterval(() => {
  document.getElementById('clock').textContent = ((Date.now() - started) / 1000).toFixed(1);
}, 100);
setTimeout(() => {
  const p = document.createElement('p');
  p.textContent = '“The quay wall is sound after all,” said engineer Marit Okonkwo-Dahl.';
  document.querySelector('article').appendChild(p);
}, 2500);
</script></body></html>`;
}

/** The page's main-thread task time so far, s (DevTools; the session stays open to count). */
async function taskClock(page: Page): Promise<() => Promise<number>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  };
}

/** QuoteLens's own busy ms and runs so far (from its drawn marks). */
async function ownBusy(page: Page): Promise<{ busy: number; runs: number; error: string | null }> {
  return page.evaluate(() => {
    const marks = performance.getEntriesByName('quotelens:drawn') as PerformanceMark[];
    const d = marks.map((m) => m.detail as { busy: number; error?: string });
    return {
      busy: d.reduce((s, x) => s + (x.busy ?? 0), 0),
      runs: d.length,
      error: d.at(-1)?.error ?? null,
    };
  });
}

async function serve(context: BrowserContext, path: string, html: string) {
  await context.route(`http://budget.test${path}`, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
  );
  return `http://budget.test${path}`;
}

test.describe('page budget', () => {
  test('budget: a page that changes every 100 ms still has its new statements read', async ({
    context,
  }) => {
    const url = await serve(context, '/ticking.html', tickingArticle());
    const page = await context.newPage();
    await page.goto(url);
    await expect
      .poll(
        async () => {
          const state = await pageState(context, page).catch(() => null);
          return state?.quotes.some((q) => q.text.includes('quay wall is sound')) ?? false;
        },
        { timeout: 15_000 },
      )
      .toBe(true);
    const own = await ownBusy(page);
    console.log(
      `[budget] page changing every 100 ms: new statement read; QuoteLens busy ${own.busy.toFixed(0)} ms in ${own.runs} runs`,
    );
  });

  test('budget: a 2,000-quote article changing every 450 ms costs QuoteLens little', async ({
    context,
  }) => {
    test.setTimeout(120_000);
    const url = await serve(context, '/live.html', mutatingArticle());
    const measure = async () => {
      const page = await context.newPage();
      const taskSeconds = await taskClock(page);
      await page.goto(url);
      await page.waitForTimeout(3000);
      const t0 = await taskSeconds();
      const b0 = await ownBusy(page);
      await page.waitForTimeout(15_000);
      const t1 = await taskSeconds();
      const b1 = await ownBusy(page);
      await page.close();
      return {
        main: (t1 - t0) * 1000,
        own: b1.busy - b0.busy,
        runs: b1.runs - b0.runs,
        before: b0,
      };
    };
    const on = await measure();
    await setSwitches(context, false, []);
    const off = await measure();
    console.log(
      `[budget] mutating 2,000-quote article, 15 s: QuoteLens busy ${on.own.toFixed(0)} ms in ${on.runs} runs (first 3 s: ${on.before.busy.toFixed(0)} ms, ${on.before.runs} runs); page main thread ${on.main.toFixed(0)} ms with QuoteLens, ${off.main.toFixed(0)} ms without`,
    );
    // QuoteLens's share of the page's main thread while it changes: well under 2.5 s in 15 s
    // (its budget: 5 % of each 10 s window, 2 s in all, for runs that finish or are overtaken).
    expect(on.main - off.main).toBeLessThan(2500);
  });

  test('budget: a page of 1.1 million elements is not frozen by QuoteLens', async ({ context }) => {
    test.setTimeout(360_000);
    const url = await serve(context, '/huge.html', hugePage());
    const measure = async (expectMarks: boolean) => {
      const page = await context.newPage();
      await page.addInitScript(() => {
        const w = window as { __longest?: number };
        w.__longest = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longest = Math.max(w.__longest ?? 0, e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      const taskSeconds = await taskClock(page);
      const start = Date.now();
      await page.goto(url, { timeout: 120_000 });
      if (expectMarks) {
        await expect
          .poll(async () => (await ownBusy(page)).runs, { timeout: 120_000 })
          .toBeGreaterThan(0);
      }
      await page.waitForTimeout(3000);
      const main = await taskSeconds();
      const own = await ownBusy(page);
      const longest = await page.evaluate(() => (window as { __longest?: number }).__longest ?? 0);
      // What QuoteLens left in the document: its label host, marked nodes, registered ranges.
      const leftovers = await page.evaluate(
        () =>
          document.querySelectorAll('quotelens-overlay, [data-quotelens]').length +
          CSS.highlights.size,
      );
      await page.close();
      return { main: main * 1000, own, longest, leftovers, wall: Date.now() - start };
    };
    // The best of three runs each way, taken in turn (on, off, on, off, …) so that the load of a
    // shared 2-core machine drifting over the minute weighs on both sides alike: a 7 s page
    // swings by a second or more from run to run.
    const ons: Awaited<ReturnType<typeof measure>>[] = [];
    const offs: Awaited<ReturnType<typeof measure>>[] = [];
    for (let i = 0; i < 3; i++) {
      await setSwitches(context, true, []);
      ons.push(await measure(true));
      await setSwitches(context, false, []);
      offs.push(await measure(false));
    }
    const best = <T extends { main: number }>(runs: T[]) =>
      runs.reduce((a, b) => (b.main < a.main ? b : a));
    const on = best(ons);
    const off = best(offs);
    const ms = (runs: { main: number }[]) => runs.map((r) => r.main.toFixed(0)).join(', ');
    console.log(
      `[budget] 1.1M-element page: QuoteLens busy ${on.own.busy.toFixed(0)} ms (${on.own.error ?? 'drawn'}); page main thread ${on.main.toFixed(0)} ms with QuoteLens, ${off.main.toFixed(0)} ms without (runs: ${ms(ons)} with; ${ms(offs)} without); longest task ${on.longest.toFixed(0)} ms with, ${off.longest.toFixed(0)} ms without`,
    );
    // Too large to read: known from its size before anything of it is walked, and left as it is.
    for (const run of ons) {
      expect(run.own.error).toContain('too large');
      expect(run.own.busy).toBeLessThan(500);
      expect(run.leftovers).toBe(0);
    }
    expect(on.main - off.main).toBeLessThan(3000);
  });
});
