/**
 * The popup on the demo article, in Chromium with the built extension: the list
 * matches what the page found, choosing a speaker scrolls to and focuses their
 * first statement, next wraps, "only this speaker" dims the others, and the
 * exports hold the page's statements. Counts come from the page's own PageState
 * (the engine may still improve); speaker names are checked against gold.json
 * for every speaker the engine finds.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { exportFileName, toCsv } from '../../lib/export';
import type { PageState } from '../../lib/messages';
import { countLabel, groupBySpeaker } from '../../lib/popup-state';
import { expect, extensionWorker, tabIdOf, test } from './fixtures';

interface Gold {
  speakers: { name: string; aliases: string[] }[];
}
const gold = JSON.parse(readFileSync('tests/fixtures/demo/gold.json', 'utf8')) as Gold;

/** Asks the page's content script for its state, as the popup does, until it is ready. */
async function readyState(context: BrowserContext, page: Page): Promise<PageState> {
  const tabId = await tabIdOf(context, page);
  const worker = await extensionWorker(context);
  let state: PageState | null = null;
  await expect
    .poll(
      async () => {
        state = (await worker.evaluate(
          (id: number) => chrome.tabs.sendMessage(id, { type: 'page:get-state' }).catch(() => null),
          tabId,
        )) as PageState | null;
        return state?.status ?? 'no answer';
      },
      { timeout: 15_000 },
    )
    .toBe('ready');
  if (!state) throw new Error('no state');
  return state;
}

/** Where the statement's first words are on the page, relative to the viewport. */
async function statementBox(page: Page, text: string) {
  return page.evaluate((needle: string) => {
    const want = needle.replace(/\s+/g, ' ').slice(0, 40);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = (n.nodeValue ?? '').replace(/\s+/g, ' ').indexOf(want.slice(0, 20));
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, Math.min(at, n.nodeValue?.length ?? 0));
      range.setEnd(n, Math.min(at + 1, n.nodeValue?.length ?? 0));
      const r = range.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, viewport: window.innerHeight };
    }
    return null;
  }, text);
}

async function inView(page: Page, text: string): Promise<boolean> {
  const box = await statementBox(page, text);
  return !!box && box.top >= 0 && box.bottom <= box.viewport;
}

/**
 * The accessible name of the element focused in `page`, looking inside a closed shadow
 * root (where QuoteLens keeps its labels) through the DevTools protocol.
 */
async function focusedName(context: BrowserContext, page: Page): Promise<string | null> {
  const cdp = await context.newCDPSession(page);
  const nameOf = `function () {
    const el = this.activeElement ?? this;
    return el.getAttribute?.('aria-label') ?? el.nodeName;
  }`;
  try {
    const { result } = await cdp.send('Runtime.evaluate', { expression: 'document.activeElement' });
    if (!result.objectId) return null;
    const { node } = await cdp.send('DOM.describeNode', {
      objectId: result.objectId,
      depth: 1,
      pierce: true,
    });
    const shadow = node.shadowRoots?.[0];
    const target = shadow
      ? (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })).object.objectId
      : result.objectId;
    if (!target) return null;
    const named = await cdp.send('Runtime.callFunctionOn', {
      objectId: target,
      functionDeclaration: nameOf,
      returnByValue: true,
    });
    return (named.result.value as string | null) ?? null;
  } finally {
    await cdp.detach();
  }
}

/** How many of the page's highlights are dimmed (Highlight API registry or wrapper fallback). */
async function dimmedCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights;
    const dim = registry?.get('quotelens-dim-light') ?? registry?.get('quotelens-dim-dark');
    if (dim) return dim.size;
    return new Set(
      [...document.querySelectorAll('ql-mark[data-dim]')].map(
        (m) => m.getAttribute('data-ql-id') ?? m,
      ),
    ).size;
  });
}

async function openDemo(context: BrowserContext, server: { url(p: string): string }) {
  const page = await context.newPage();
  await page.goto(server.url('demo/index.html'));
  const state = await readyState(context, page);
  return { page, state };
}

test('the list shows the speakers the page found, in order of first appearance, with counts', async ({
  server,
  context,
  openPopup,
}) => {
  const { page, state } = await openDemo(context, server);
  expect(state.quotes.length).toBeGreaterThan(0);
  const popup = await openPopup(page);
  const groups = groupBySpeaker(state.quotes, state.speakers);
  await expect(popup.locator('.ql-speaker-name')).toHaveText(groups.map((g) => g.name));
  const labels = await popup
    .locator('.ql-speaker-main')
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
  expect(labels).toEqual(
    groups.map(
      (g) =>
        `${g.name}${g.role ? `, ${g.role}` : ''}: ${countLabel(g.fullCount, g.fragmentCount)}. Go to the first statement.`,
    ),
  );
  await expect(popup.locator('.ql-summary')).toHaveText(
    `${groups.length} speakers · ${state.quotes.length} statements`,
  );

  // Every gold speaker the engine finds is shown under its fullest name.
  const shown = groups.map((g) => g.name);
  let found = 0;
  for (const g of gold.speakers) {
    const forms = [g.name, ...g.aliases].map((f) => f.toLowerCase());
    const match = state.speakers.find(
      (s) =>
        forms.includes(s.name.toLowerCase()) ||
        s.aliases.some((a) => forms.includes(a.toLowerCase())),
    );
    if (!match) continue;
    found++;
    expect(match.name).toBe(g.name);
    expect(shown).toContain(g.name);
  }
  expect(found).toBeGreaterThan(0);
  expect(shown).toContain('Rosalind Okafor');

  // Ordering by count puts the busiest speaker first.
  await popup.getByRole('radio', { name: 'Most statements' }).check();
  const byCount = groupBySpeaker(state.quotes, state.speakers, 'count');
  await expect(popup.locator('.ql-speaker-name')).toHaveText(byCount.map((g) => g.name));
});

test('choosing a speaker scrolls to their first statement and focuses it; next wraps', async ({
  server,
  context,
  openPopup,
}) => {
  const { page, state } = await openDemo(context, server);
  const okafor = groupBySpeaker(state.quotes, state.speakers).find(
    (g) => g.name === 'Rosalind Okafor',
  );
  expect(okafor, 'the engine finds Rosalind Okafor').toBeTruthy();
  if (!okafor) return;
  const texts = okafor.statements.map((s) => s.text);
  const firstText = texts[0] ?? '';
  const lastText = texts.at(-1) ?? '';

  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  expect(await inView(page, firstText)).toBe(false);

  const popup = await openPopup(page);
  await popup.getByRole('button', { name: /^Rosalind Okafor/ }).click();
  await expect.poll(() => inView(page, firstText), { timeout: 5000, intervals: [100] }).toBe(true);
  await expect(popup.locator('.ql-position')).toHaveText(`1 of ${texts.length}`);
  await expect
    .poll(() => focusedName(context, page), { timeout: 5000, intervals: [100] })
    .toMatch(/^Statement by Rosalind Okafor/);

  // Previous from the first wraps to the last statement, next from there wraps to the first.
  await popup.getByRole('button', { name: 'Previous statement' }).click();
  await expect(popup.locator('.ql-position')).toHaveText(`${texts.length} of ${texts.length}`);
  await expect.poll(() => inView(page, lastText), { timeout: 5000, intervals: [100] }).toBe(true);
  expect(await inView(page, firstText)).toBe(false);
  await popup.getByRole('button', { name: 'Next statement' }).click();
  await expect(popup.locator('.ql-position')).toHaveText(`1 of ${texts.length}`);
  await expect.poll(() => inView(page, firstText), { timeout: 5000, intervals: [100] }).toBe(true);

  // Keys step too.
  await popup.keyboard.press('n');
  await expect(popup.locator('.ql-position')).toHaveText(`2 of ${texts.length}`);
  await expect
    .poll(() => inView(page, texts[1] ?? ''), { timeout: 5000, intervals: [100] })
    .toBe(true);

  // Keyboard only: Escape lets go of the speaker, "/" searches, ↓ ↓ Enter picks the second one.
  const second = groupBySpeaker(state.quotes, state.speakers)[1];
  await popup.keyboard.press('Escape');
  await expect(popup.locator('.ql-stepper')).toHaveCount(0);
  await popup.keyboard.press('/');
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('ArrowDown');
  await expect(popup.locator('.ql-speaker-main:focus .ql-speaker-name')).toHaveText(
    second?.name ?? '',
  );
  await popup.keyboard.press('Enter');
  await expect(popup.locator('.ql-position')).toHaveText(`1 of ${second?.statements.length}`);
  await expect
    .poll(() => inView(page, second?.statements[0]?.text ?? ''), {
      timeout: 5000,
      intervals: [100],
    })
    .toBe(true);
});

test('"only this speaker" dims every other statement until cleared', async ({
  server,
  context,
  openPopup,
}) => {
  const { page, state } = await openDemo(context, server);
  const okafor = state.speakers.find((s) => s.name === 'Rosalind Okafor');
  expect(okafor).toBeTruthy();
  const others = state.quotes.filter((q) => q.speakerId !== okafor?.id).length;
  expect(await dimmedCount(page)).toBe(0);

  const popup = await openPopup(page);
  await popup.getByRole('button', { name: /^Rosalind Okafor/ }).click();
  await popup.getByRole('button', { name: 'Only this speaker' }).click();
  await expect.poll(() => dimmedCount(page)).toBe(others);
  await expect(popup.locator('.ql-only-banner')).toContainText('Only Rosalind Okafor');

  // A popup opened again shows the page's choice; Escape clears it.
  const again = await openPopup(page);
  await expect(again.locator('.ql-only-banner')).toContainText('Only Rosalind Okafor');
  await again.keyboard.press('Escape');
  await expect.poll(() => dimmedCount(page)).toBe(0);
  await expect(again.locator('.ql-only-banner')).toHaveCount(0);
});

test('the exports hold exactly the page’s statements', async ({ server, context, openPopup }) => {
  const { page, state } = await openDemo(context, server);
  const popup = await openPopup(page);
  await expect(popup.locator('.ql-speaker').first()).toBeVisible();
  const pageText = (await page.evaluate(() => document.body.textContent ?? '')).replace(
    /\s+/g,
    ' ',
  );
  const inReadingOrder = [...state.quotes].sort((a, b) => a.start - b.start || a.id - b.id);

  const [json] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: /as JSON$/ }).click(),
  ]);
  const data = JSON.parse(readFileSync((await json.path()) ?? '', 'utf8')) as {
    article: { url: string };
    statements: { text: string; speaker: string | null; link: string }[];
  };
  expect(json.suggestedFilename()).toBe(exportFileName(state.title, 'json'));
  expect(data.article.url).toBe(page.url());
  expect(data.statements.map((s) => s.text)).toEqual(inReadingOrder.map((q) => q.text));
  expect(data.statements.map((s) => s.speaker)).toEqual(
    inReadingOrder.map((q) => state.speakers.find((s) => s.id === q.speakerId)?.name ?? null),
  );
  for (const s of data.statements) {
    // Each statement's words are on the page (paragraph breaks aside).
    expect(pageText).toContain(s.text.split('\n')[0]?.replace(/\s+/g, ' ').trim());
    expect(s.link.startsWith(`${page.url()}#:~:text=`)).toBe(true);
  }

  const [csv] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('button', { name: /as CSV$/ }).click(),
  ]);
  const csvText = readFileSync((await csv.path()) ?? '', 'utf8');
  expect(csvText.startsWith('\uFEFFn,speaker,role,statement,fragment,inside,link\r\n')).toBe(true);
  expect(csvText).toBe(`\uFEFF${toCsv(state)}`);

  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await popup.bringToFront();
  await popup.getByRole('button', { name: /as Markdown$/ }).click();
  await expect(popup.locator('.ql-popup > [role="status"]')).toHaveText(
    `Copied ${state.quotes.length} statements as Markdown.`,
  );
  const md = await popup.evaluate(() => navigator.clipboard.readText());
  expect(md.startsWith('# Statements in [Millbrook bridge closure')).toBe(true);
  expect(md.match(/\[in the article\]/g)).toHaveLength(state.quotes.length);
  expect(md).toContain('— **Rosalind Okafor**');
});

test('the site switch in the popup turns the page’s highlights off and on', async ({
  server,
  context,
  openPopup,
}) => {
  const { page, state } = await openDemo(context, server);
  const marked = () =>
    page.evaluate(() => {
      const registry = (CSS as unknown as { highlights?: Map<string, Set<unknown>> }).highlights;
      let n = 0;
      for (const [name, h] of registry ?? []) if (/^quotelens-[ld]s/.test(name)) n += h.size;
      return n + document.querySelectorAll('ql-mark').length;
    });
  await expect.poll(marked).toBeGreaterThan(0);
  const popup = await openPopup(page);
  const siteSwitch = popup.getByRole('switch', { name: /On this site/ });
  await expect(siteSwitch).toHaveAttribute('aria-checked', 'true');
  await siteSwitch.click();
  await expect(popup.locator('.ql-status-title')).toHaveText(`QuoteLens is off for ${state.site}`);
  await expect.poll(marked).toBe(0);
  await popup.getByRole('button', { name: 'Turn on for this site' }).click();
  await expect(popup.locator('.ql-speaker')).toHaveCount(
    groupBySpeaker(state.quotes, state.speakers).length,
  );
  await expect.poll(marked).toBeGreaterThan(0);
});

test('the popup says so when its tab is closed', async ({ server, context, openPopup }) => {
  const { page } = await openDemo(context, server);
  const popup = await openPopup(page);
  await expect(popup.locator('.ql-speaker').first()).toBeVisible();
  await page.close();
  await expect(popup.locator('.ql-status-title')).toHaveText('The tab is closed');
});

test('the popup explains a page the browser keeps extensions out of', async ({
  context,
  openPopup,
}) => {
  const page = await context.newPage();
  await page.goto('chrome://version/');
  const popup = await openPopup(page);
  await expect(popup.locator('.ql-status-title')).toHaveText('QuoteLens cannot read this page');
  await expect(popup.getByRole('switch', { name: /On all sites/ })).toBeVisible();
  await expect(popup.getByRole('switch', { name: /On this site/ })).toHaveCount(0);
});
