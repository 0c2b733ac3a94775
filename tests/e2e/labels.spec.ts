/**
 * Labels never hide words: on this repo's article fixtures, at 1280, 800 and 400 px, after
 * scrolling through the page, no label covers a line of the page's text (≥ 3 px tall and ≥ 6 px
 * wide) and no two labels overlap; every statement has its label. The same count as
 * `npm run check:labels` (which also runs the shared corpus and Firefox). And the label words
 * are drawn by CSS, so the page's own find (window.find) never lands in a label.
 */
import { type Box, coveringLabels, overlappingPairs } from '../../scripts/labels/overlap';
import { chromiumBoxes, SCROLL_THROUGH } from '../../scripts/labels/read-page';
import { expect, test } from './fixtures';
import { cardText, pageState, readLabels, waitDrawn } from './page-helpers';

const PAGES = [
  'demo/index.html',
  'content/dark.html',
  'content/hostile.html',
  'notes/article-a.html',
];

for (const width of [1280, 800, 400]) {
  test(`at ${width} px no label covers text or another label`, async ({ server, context }) => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    for (const path of PAGES) {
      await page.goto(server.url(path));
      await waitDrawn(page);
      await page.evaluate(`(${SCROLL_THROUGH})()`);
      const boxes = await chromiumBoxes(page);
      const state = await pageState(context, page);
      expect(boxes.labels.length, `${path}: a label per statement`).toBe(state.quotes.length);
      expect(coveringLabels(boxes.labels, boxes.lines as Box[]), `${path}: covering`).toEqual([]);
      expect(overlappingPairs(boxes.labels), `${path}: overlapping`).toEqual([]);
    }
  });
}

test('a label’s words cannot be found by the page’s find', async ({ server, context }) => {
  const page = await context.newPage();
  await page.goto(server.url('demo/index.html'));
  await waitDrawn(page);
  // "Rosalind Okafor" is in the article and in her first label; "Okafor?"/"Okafor" labels aside,
  // the label-only phrase "quoted by" never appears in the article's text.
  const found = await page.evaluate(() => {
    const w = window as unknown as { find(s: string): boolean };
    getSelection()?.removeAllRanges();
    return w.find('quoted by');
  });
  expect(found).toBe(false);
});

test('where there is no room for a name, a compact marker shows the initial and opens the card', async ({
  server,
  context,
}) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto(server.url('demo/index.html'));
  await waitDrawn(page);
  const kinds = await page.evaluate(`(${SCROLL_THROUGH})()`).then(() => chromiumBoxes(page));
  const marker = kinds.labels.find((l) => l.kind === 'marker');
  expect(marker, 'the demo at 800 px has markers').toBeTruthy();
  const label = (await readLabels(page)).find((l) => String(l.id) === marker?.id);
  expect(label?.aria).toMatch(/^Statement by /);
  const name = label?.aria.replace(/^Statement by /, '').split(',')[0] ?? '';
  // Hover: the card names the speaker in full.
  await page.evaluate((y) => window.scrollTo(0, y - 200), marker?.y ?? 0);
  const fresh = (await readLabels(page)).find((l) => l.id === label?.id);
  await page.mouse.move((fresh?.box?.x ?? 0) + 4, (fresh?.box?.y ?? 0) + 4);
  await expect.poll(() => cardText(page)).toContain(name);
});

// The overlay's origin is computed, not measured, before its first labels go in (overlay.tsx):
// a page opened scrolled down, and one whose <html> is positioned (the origin then measured),
// must place each label exactly where the same page opened at the top places it.
for (const path of ['content/long.html', 'content/positioned-root.html']) {
  test(`${path}: labels drawn on a page opened scrolled sit where they sit when opened at the top`, async ({
    server,
    context,
  }) => {
    const page = await context.newPage();
    await page.goto(server.url(path));
    await waitDrawn(page);
    await page.evaluate(`(${SCROLL_THROUGH})()`);
    const atTop = new Map((await chromiumBoxes(page)).labels.map((l) => [l.id, l]));
    await page.close();

    const scrolled = await context.newPage();
    await scrolled.goto(`${server.url(path)}#later`);
    await waitDrawn(scrolled);
    expect(await scrolled.evaluate(() => scrollY)).toBeGreaterThan(300);
    const first = (await chromiumBoxes(scrolled)).labels;
    expect(first.length).toBeGreaterThan(0);
    for (const label of first) {
      const same = atTop.get(label.id);
      expect(same, `label ${label.id} drawn at the top too`).toBeDefined();
      expect(Math.abs(label.x - (same?.x ?? 0)), `label ${label.id} x`).toBeLessThanOrEqual(1);
      expect(Math.abs(label.y - (same?.y ?? 0)), `label ${label.id} y`).toBeLessThanOrEqual(1);
    }
  });
}
