/**
 * The Firefox suite: the Firefox build in Firefox (Debian's firefox-esr 153 here), one browser
 * for the whole file, checking what the Chromium suite checks on the demo article: highlights
 * registered and painted in each speaker's colour, labels with the right names, the page text
 * unchanged, switching off restoring the page, the popup listing the speakers and jumping, and
 * a note surviving a reload. See harness.ts for how puppeteer drives Firefox over BiDi.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { FLASH_NAME, highlightName, markDeclarations } from '../../lib/dom/highlight-style';
import { groupBySpeaker } from '../../lib/popup-state';
import { SURE_CONFIDENCE } from '../../lib/quotes/types';
import { type Box, coveringLabels, overlappingPairs } from '../../scripts/labels/overlap';
import { type PageBoxes, READ_BOXES, SCROLL_THROUGH } from '../../scripts/labels/read-page';
import { defineHostileOverlay } from '../e2e/hostile-overlay';
import { selectText } from '../e2e/select-text';
import { type StaticServer, startStaticServer } from '../e2e/static-server';
import { drawnCount, type Firefox, firstDraw, launchFirefox, readLabels, until } from './harness';

interface Gold {
  speakers: { name: string; aliases: string[] }[];
  quotes: { text: string; speaker: string | null; optional?: boolean }[];
}
const gold = JSON.parse(readFileSync('tests/fixtures/demo/gold.json', 'utf8')) as Gold;

/** Main-world snapshot of the body at DOMContentLoaded, before any content script runs. */
const SNAPSHOT_INIT = () => {
  document.addEventListener(
    'DOMContentLoaded',
    () => {
      (window as unknown as { __before: string }).__before = document.body.innerHTML;
    },
    { once: true },
  );
};

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

async function openDemo(snapshot = false): Promise<Page> {
  const page = await ff.newPage();
  if (snapshot) await page.evaluateOnNewDocument(SNAPSHOT_INIT);
  await page.goto(server.url('demo/index.html'));
  await firstDraw(page);
  return page;
}

const highlightNames = (page: Page) =>
  page.evaluate(() => [
    ...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys(),
  ]);

test('highlights are registered and painted in each speaker’s colour', async () => {
  const page = await openDemo();
  const state = await ff.state(page);
  expect(state.status).toBe('ready');
  const names = await highlightNames(page);
  const speakerIds = [...new Set(state.quotes.map((q) => q.speakerId))].filter(
    (id): id is number => id !== null,
  );
  expect(speakerIds.length).toBeGreaterThanOrEqual(5);
  const painted = new Set<string>();
  for (const id of speakerIds) {
    // A speaker's statements and fragments each have their highlight: check every one registered.
    for (const name of names.filter((n) => n.endsWith(`-${id}`))) {
      const [, kind] = name.match(/^quotelens-l(sn|s|fn|f)-/) ?? [];
      const style = kind?.startsWith('f') ? 'fragment' : 'statement';
      const want = markDeclarations(id, style, kind?.endsWith('n') ?? false, 'light').match(
        /background-color:([^;]+);/,
      )?.[1];
      const got = await page.evaluate(
        (n: string, colour: string) => {
          const probe = document.createElement('i');
          probe.style.backgroundColor = colour;
          document.body.append(probe);
          const expected = getComputedStyle(probe).backgroundColor;
          probe.remove();
          // Computed on text inside an inline element too: the colour must reach it.
          const p = document.querySelector('article p');
          const em = document.querySelector('article p em, article p a, article p strong');
          return {
            expected,
            p: p && getComputedStyle(p, `::highlight(${n})`).backgroundColor,
            inline: em && getComputedStyle(em, `::highlight(${n})`).backgroundColor,
          };
        },
        name,
        want ?? '',
      );
      expect(got.p, name).toBe(got.expected);
      expect(got.p).not.toBe('rgba(0, 0, 0, 0)');
      if (got.inline !== null) expect(got.inline, `${name} inside inline text`).toBe(got.expected);
      if (style === 'statement') painted.add(got.p ?? '');
    }
  }
  // One colour per speaker.
  expect(painted.size).toBe(
    new Set(state.quotes.filter((q) => !q.fragment).map((q) => q.speakerId)).size -
      (state.quotes.some((q) => !q.fragment && q.speakerId === null) ? 1 : 0),
  );
  // Through the Highlight API: no page node touched.
  expect(await page.evaluate(() => document.querySelectorAll('ql-mark').length)).toBe(0);
  await page.close();
});

test('labels name the speakers: full name first, short name after', async () => {
  const page = await openDemo();
  const state = await ff.state(page);
  // Labels are made as their paragraphs come near the viewport: scroll through the page.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const labels = await until(
    'a label for every statement',
    async () => (await readLabels(ff, page)) ?? [],
    (list) => list.length === state.quotes.length,
  );
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(labels.filter((l) => l.placed).length).toBeGreaterThan(5);
  for (const g of gold.quotes.filter((q) => !q.optional && q.speaker)) {
    const quote = state.quotes
      .filter((q) => q.text.replace(/\s+/g, ' ').includes(g.text))
      .sort((a, b) => a.text.length - b.text.length)[0];
    expect(quote, `statement "${g.text.slice(0, 40)}…" is found`).toBeTruthy();
    const label = labels.find((l) => l.id === quote?.id);
    expect(label?.aria, g.text.slice(0, 40)).toMatch(new RegExp(`^Statement by ${g.speaker}\\b`));
  }
  // Guesses (engine below SURE_CONFIDENCE) are marked apart from sure labels.
  for (const q of state.quotes) {
    const l = labels.find((x) => x.id === q.id);
    expect(l?.guess, q.text.slice(0, 30)).toBe(
      q.speaker !== null && q.confidence < SURE_CONFIDENCE,
    );
  }
  const okafor = labels.filter((l) => l.aria.startsWith('Statement by Rosalind Okafor'));
  expect(okafor[0]?.text).toMatch(/^Rosalind Okafor\??$/);
  expect(okafor.slice(1).every((l) => /^Okafor\??$/.test(l.text))).toBe(true);
  await page.close();
});

test('the page text is unchanged, switching off restores the page, on brings marks back', async () => {
  const page = await openDemo(true);
  const before = () => page.evaluate(() => (window as unknown as { __before: string }).__before);
  const body = () => page.evaluate(() => document.body.innerHTML);
  expect(await before()).toBeTruthy();
  expect(await body()).toBe(await before());
  const overlays = () => page.evaluate(() => document.querySelectorAll('quotelens-overlay').length);
  expect(await overlays()).toBe(1);

  await ff.setSwitches(true, ['127.0.0.1']);
  await until('the overlay to go', overlays, (n) => n === 0);
  expect(await highlightNames(page)).toEqual([]);
  expect(await body()).toBe(await before());
  expect((await ff.state(page)).status).toBe('disabled');

  await ff.setSwitches(true, []);
  await until(
    'a second draw',
    () => drawnCount(page),
    (n) => n >= 2,
    20_000,
  );
  expect((await highlightNames(page)).length).toBeGreaterThan(3);
  expect(((await readLabels(ff, page)) ?? []).length).toBeGreaterThan(10);
  expect(await body()).toBe(await before());
  await page.close();
});

/** The QuoteLens highlight names whose computed style differs from a name no sheet mentions. */
const styledNames = (page: Page) =>
  page.evaluate(
    (names: string[]) => {
      const read = (el: Element, name: string) => {
        const s = getComputedStyle(el, `::highlight(${name})`);
        return [s.backgroundColor, s.color, s.textDecorationLine].join('|');
      };
      const out: string[] = [];
      for (const el of [document.documentElement, document.querySelector('article p')]) {
        if (!el) continue;
        const none = read(el, 'no-such-highlight');
        for (const n of names) if (read(el, n) !== none) out.push(`${el.localName}: ${n}`);
      }
      return out;
    },
    [
      highlightName(0, 'statement', false, 'light'),
      highlightName(null, 'fragment', false, 'light'),
      highlightName(3, 'statement', false, 'dark'),
      FLASH_NAME,
    ],
  );

test('no trace: with QuoteLens off, a page reads no QuoteLens highlight colour or mark; on, the colours come back', async () => {
  await ff.setSwitches(false, []);
  // A reader's browser: the developer marks the suite switched on at launch are off.
  await ff.setPerfMarks(false);
  try {
    const page = await ff.newPage();
    await page.goto(server.url('demo/index.html'));
    await until(
      'QuoteLens to say it is off',
      async () => (await ff.state(page)).status,
      (s) => s === 'disabled',
    );
    expect(await styledNames(page)).toEqual([]);
    await ff.setSwitches(true, []);
    await until(
      'the colours',
      () => styledNames(page),
      (names) => names.length > 0,
    );
    expect(await styledNames(page)).toContain(
      `p: ${highlightName(0, 'statement', false, 'light')}`,
    );
    await until(
      'the page to be read',
      async () => (await ff.state(page)).status,
      (s) => s === 'ready',
    );
    // No mark, and no resource timing of the code the content script imports (page-app.js):
    // its moz-extension:// address would tell the page the add-on's UUID.
    expect(
      await page.evaluate(
        () => performance.getEntries().filter((e) => /quotelens|-extension:/i.test(e.name)).length,
      ),
    ).toBe(0);
    await ff.setSwitches(true, ['127.0.0.1']);
    await until(
      'the colours to go',
      () => styledNames(page),
      (names) => names.length === 0,
    );
    await page.close();
  } finally {
    await ff.setSwitches(true, []);
    await ff.setPerfMarks(true);
  }
});

test('a page that defines quotelens-overlay as its own custom element first cannot break QuoteLens or see an error', async () => {
  const page = await ff.newPage();
  await page.evaluateOnNewDocument(defineHostileOverlay, 'takes-shadow');
  await page.goto(server.url('demo/index.html'));
  await firstDraw(page);
  const state = await ff.state(page);
  expect(state.status).toBe('ready');
  expect(state.error).toBeUndefined();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const labels = await until(
    'the labels, in QuoteLens’s own shadow root',
    async () => (await readLabels(ff, page)) ?? [],
    (list) => list.some((l) => l.aria.startsWith('Statement by Rosalind Okafor')),
  );
  expect(labels.length).toBeGreaterThan(5);
  expect(
    await page.evaluate(() =>
      [...document.querySelectorAll('quotelens-overlay')].map((e) => e.shadowRoot?.innerHTML ?? ''),
    ),
  ).toEqual([]);
  expect(await page.evaluate(() => (window as { __errors?: string[] }).__errors)).toEqual([]);
  expect(await page.evaluate(() => performance.getEntriesByName('quotelens:error').length)).toBe(0);
  await page.close();
});

test('the popup lists the speakers and jumps to a speaker’s first statement', async () => {
  const page = await openDemo();
  const state = await ff.state(page);
  const tabId = await ff.tabIdOf(page);
  const groups = groupBySpeaker(state.quotes, state.speakers);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const scrolledTo = await page.evaluate(() => scrollY);
  expect(scrolledTo).toBeGreaterThan(300);

  // In a window of its own, as a popup floats over its page: the page's tab stays visible
  // (a hidden tab runs no smooth scrolling).
  const popup = await ff.newPage({ type: 'window' });
  await ff.navigate(popup, ff.extUrl(`popup.html?tab=${tabId}`));
  const shown = await until(
    'the speaker list',
    () =>
      popup.evaluate(() =>
        [...document.querySelectorAll('.ql-speaker-name')].map((e) => e.textContent ?? ''),
      ),
    (list) => list.length > 0,
  );
  expect(shown).toEqual(groups.map((g) => g.name));
  expect(shown).toContain('Rosalind Okafor');

  const first = groups.find((g) => g.name === 'Rosalind Okafor')?.statements[0]?.text ?? '';
  await popup.evaluate(() => {
    const button = [...document.querySelectorAll<HTMLElement>('.ql-speaker-main')].find((b) =>
      b.textContent?.includes('Rosalind Okafor'),
    );
    button?.click();
  });
  await until(
    'the first statement in view',
    () =>
      page.evaluate((needle: string) => {
        const want = needle.replace(/\s+/g, ' ').slice(0, 20);
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = (n.nodeValue ?? '').replace(/\s+/g, ' ').indexOf(want);
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(n, at);
          range.setEnd(n, at + 1);
          const r = range.getBoundingClientRect();
          return r.top >= 0 && r.bottom <= innerHeight;
        }
        return false;
      }, first),
    (inView) => inView,
  );
  expect(await popup.evaluate(() => document.querySelector('.ql-position')?.textContent)).toMatch(
    /^1 of \d+$/,
  );
  await popup.close();
  await page.close();
});

test('no label covers text or another label, at 1280, 800 and 400 px', async () => {
  const page = await ff.newPage();
  for (const width of [1280, 800, 400]) {
    await page.setViewport({ width, height: 900 });
    for (const path of ['demo/index.html', 'content/dark.html', 'notes/article-a.html']) {
      await page.goto(server.url(path));
      await firstDraw(page);
      await page.evaluate(`(${SCROLL_THROUGH})()`);
      const boxes = (await ff.inShadow<PageBoxes>(page, READ_BOXES)) ?? { labels: [], lines: [] };
      const state = await ff.state(page);
      const where = `${path} at ${width} px`;
      expect(boxes.labels.length, `${where}: a label per statement`).toBe(state.quotes.length);
      expect(coveringLabels(boxes.labels, boxes.lines as Box[]), `${where}: covering`).toEqual([]);
      expect(overlappingPairs(boxes.labels), `${where}: overlapping`).toEqual([]);
    }
  }
  await page.close();
});

test('a note written on the page survives a reload', async () => {
  const page = await openDemo();
  const passage = 'twelve thousand people a day';
  const notes = () =>
    ff.toTab<{ count: number; anchored: { text: string }[] }>(page, { type: 'page:notes' });
  const before = (await until('the notes to load', notes, (s) => Array.isArray(s?.anchored))).count;
  await page.bringToFront();
  const selected = await page.evaluate(selectText, passage);
  expect(selected).toBe(true);
  expect(await ff.toTab(page, { type: 'page:note-selection' })).toEqual({ ok: true });
  await new Promise((r) => setTimeout(r, 200));
  await page.keyboard.type('Ask the council for the survey.');
  await page.keyboard.down('Control');
  await page.keyboard.press('Enter');
  await page.keyboard.up('Control');
  await until('the note to be saved', notes, (s) => s.count === before + 1);

  await page.reload();
  const after = await until('the note to come back', notes, (s) =>
    s.anchored.some((a) => a.text === passage),
  );
  expect(after.count).toBe(before + 1);
  await page.close();
});

test('a page whose CSP allows no script at all still gets its marks (the content script imports page-app.js)', async () => {
  // The strictest page policy: the import of QuoteLens's own module must not fall under it.
  const strict = await startStaticServer('tests/fixtures', {
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; script-src 'none'",
  });
  try {
    const page = await ff.newPage();
    await page.goto(strict.url('demo/index.html'));
    await firstDraw(page);
    const state = await ff.state(page);
    expect(state.status).toBe('ready');
    expect(state.quotes.length).toBeGreaterThan(0);
    await page.close();
  } finally {
    await strict.close();
  }
});
