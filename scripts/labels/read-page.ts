/**
 * The in-page half of `check:labels`: a function (as source, run with the overlay's closed
 * shadow root as its argument, through CDP in Chromium and BiDi in Firefox) that returns the
 * placed labels' boxes and every line box of the page's own text, in page coordinates.
 */
import type { Page } from '@playwright/test';

export interface PageBoxes {
  labels: Array<{ x: number; y: number; w: number; h: number; id: string; kind: string }>;
  lines: Array<{ x: number; y: number; w: number; h: number }>;
}

export const READ_BOXES = `(root) => {
  const labels = [];
  if (root) {
    for (const el of root.querySelectorAll('.l.placed')) {
      const r = el.getBoundingClientRect();
      if (r.width <= 0 || r.height <= 0) continue;
      labels.push({ x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height,
        id: el.dataset.id || '', kind: el.dataset.k || 'label' });
    }
  }
  const lines = [];
  const skip = new Set(['script', 'style', 'noscript', 'template', 'title']);
  const walker = document.createTreeWalker(document.body || document.documentElement, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const p = n.parentElement;
    if (!p || skip.has(p.localName) || !/\\S/.test(n.data)) continue;
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.width > 0 && r.height > 0) lines.push({ x: r.left + scrollX, y: r.top + scrollY, w: r.width, h: r.height });
    }
  }
  return { labels, lines };
}`;

/** Scrolls through the whole page so every label is drawn, then back to the top. */
export const SCROLL_THROUGH = `async () => {
  const step = Math.max(200, innerHeight * 0.8);
  const wait = (ms) => new Promise((r) => setTimeout(r, ms));
  for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
    scrollTo(0, y);
    await wait(40);
  }
  scrollTo(0, document.documentElement.scrollHeight);
  await wait(150);
  scrollTo(0, 0);
  await wait(250);
}`;

/** READ_BOXES in Chromium: the closed shadow root reached through the DevTools protocol. */
export async function chromiumBoxes(page: Page): Promise<PageBoxes> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { result } = await cdp.send('Runtime.evaluate', {
      expression: `document.querySelector('quotelens-overlay')`,
    });
    let target: string | undefined;
    if (result.objectId) {
      const { node } = await cdp.send('DOM.describeNode', {
        objectId: result.objectId,
        depth: 1,
        pierce: true,
      });
      const shadow = node.shadowRoots?.[0];
      if (shadow)
        target = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })).object
          .objectId;
    }
    const { result: global } = await cdp.send('Runtime.evaluate', { expression: 'globalThis' });
    const out = await cdp.send('Runtime.callFunctionOn', {
      objectId: global.objectId,
      functionDeclaration: `function (root) { return JSON.stringify((${READ_BOXES})(root || null)); }`,
      arguments: target ? [{ objectId: target }] : [{ value: null }],
      returnByValue: true,
    });
    return JSON.parse(out.result.value as string) as PageBoxes;
  } finally {
    await cdp.detach();
  }
}
