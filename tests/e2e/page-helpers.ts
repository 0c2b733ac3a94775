/**
 * Helpers for the e2e specs that look at the annotated page: labels read from the overlay's closed
 * shadow root through the DevTools protocol, the content script's state asked through the
 * extension's service worker, the on/off switches written to its storage.
 */
import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import type { PageState } from '../../lib/messages';
import { expect, extensionWorker, tabIdOf } from './fixtures';

export const SETTINGS_KEY = 'quotelens.settings.v1';

export interface LabelInfo {
  id: number;
  text: string;
  aria: string;
  fragment: boolean;
  /** Shown as a guess (the engine is not sure of the speaker). */
  guess: boolean;
  box: { x: number; y: number; w: number; h: number } | null;
}

export interface CdpNode {
  nodeId: number;
  nodeName: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

export function findNode(node: CdpNode, name: string): CdpNode | null {
  if (node.nodeName === name) return node;
  for (const c of node.children ?? []) {
    const hit = findNode(c, name);
    if (hit) return hit;
  }
  return null;
}

export function stripTags(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

/** Reads nodes inside the overlay's closed shadow root. */
export async function shadowQuery(cdp: CDPSession, selector: string): Promise<number[]> {
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: CdpNode;
  };
  const host = findNode(root, 'QUOTELENS-OVERLAY');
  const shadow = host?.shadowRoots?.[0];
  if (!shadow) return [];
  const { nodeIds } = (await cdp.send('DOM.querySelectorAll', {
    nodeId: shadow.nodeId,
    selector,
  })) as { nodeIds: number[] };
  return nodeIds;
}

export async function boxOf(cdp: CDPSession, nodeId: number): Promise<LabelInfo['box']> {
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { nodeId })) as {
      model: { border: number[]; width: number; height: number };
    };
    return { x: model.border[0]!, y: model.border[1]!, w: model.width, h: model.height };
  } catch {
    return null; // not rendered
  }
}

export async function readLabels(page: Page, placedOnly = true, tries = 3): Promise<LabelInfo[]> {
  try {
    return await readLabelsOnce(page, placedOnly);
  } catch (err) {
    // A label replaced between the query and the read (a re-annotation): read again.
    if (tries <= 1 || !/Could not find node|No node/.test(String(err))) throw err;
    await page.waitForTimeout(100);
    return readLabels(page, placedOnly, tries - 1);
  }
}

export async function readLabelsOnce(page: Page, placedOnly: boolean): Promise<LabelInfo[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const ids = await shadowQuery(cdp, placedOnly ? 'button.l.placed' : 'button.l');
    const out: LabelInfo[] = [];
    for (const nodeId of ids) {
      const { attributes } = (await cdp.send('DOM.getAttributes', { nodeId })) as {
        attributes: string[];
      };
      const attr = (name: string) => attributes[attributes.indexOf(name) + 1] ?? '';
      const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId })) as {
        outerHTML: string;
      };
      out.push({
        id: Number(attr('data-id')),
        // The words are drawn by CSS from data-t (label-batch.ts); the note badge is its own text.
        text: (attr('data-t') || stripTags(outerHTML)).trim(),
        aria: attr('aria-label'),
        fragment: attr('class').split(' ').includes('frag'),
        guess: attr('class').split(' ').includes('guess'),
        box: await boxOf(cdp, nodeId),
      });
    }
    return out;
  } finally {
    await cdp.detach();
  }
}

export async function cardText(page: Page): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const [id] = await shadowQuery(cdp, '.card');
    if (id === undefined) return null;
    const { outerHTML } = (await cdp.send('DOM.getOuterHTML', { nodeId: id })) as {
      outerHTML: string;
    };
    // QuoteLens's own words are generated content (data-say): read them as the reader sees them.
    const shown = outerHTML.replace(/<[^>]*\sdata-say="([^"]*)"[^>]*>/g, (tag, say) => tag + say);
    return stripTags(shown.replace(/<\/p>/g, '\n'));
  } finally {
    await cdp.detach();
  }
}

/** The accessible name of the focused element, from the browser's accessibility tree. */
export async function focusedName(page: Page): Promise<string | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
      nodes: {
        role?: { value?: string };
        name?: { value?: string };
        properties?: { name: string; value: { value: unknown } }[];
      }[];
    };
    const focused = nodes.find(
      (n) =>
        n.role?.value !== 'RootWebArea' &&
        n.properties?.some((p) => p.name === 'focused' && p.value.value === true),
    );
    return focused?.name?.value ?? null;
  } finally {
    await cdp.detach();
  }
}

export async function drawnCount(page: Page): Promise<number> {
  return page.evaluate(() => performance.getEntriesByName('quotelens:drawn').length);
}

export async function waitDrawn(page: Page, atLeast = 1): Promise<void> {
  await expect.poll(() => drawnCount(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(atLeast);
}

export async function pageState(context: BrowserContext, page: Page): Promise<PageState> {
  const worker = await extensionWorker(context);
  const tabId = await tabIdOf(context, page);
  return (await worker.evaluate(
    (id: number) => chrome.tabs.sendMessage(id, { type: 'page:get-state' }),
    tabId,
  )) as PageState;
}

export async function send(context: BrowserContext, page: Page, message: object): Promise<unknown> {
  const worker = await extensionWorker(context);
  const tabId = await tabIdOf(context, page);
  return worker.evaluate(([id, msg]) => chrome.tabs.sendMessage(id as number, msg), [
    tabId,
    message,
  ] as const);
}

export async function setSwitches(
  context: BrowserContext,
  enabled: boolean,
  disabledSites: string[],
) {
  const worker = await extensionWorker(context);
  await worker.evaluate(([key, value]) => chrome.storage.local.set({ [key as string]: value }), [
    SETTINGS_KEY,
    { enabled, disabledSites },
  ] as const);
}

/** Main-world snapshot of the body at DOMContentLoaded, before any content script runs. */
export const SNAPSHOT_INIT = `document.addEventListener('DOMContentLoaded', () => {
  window.__before = document.body.innerHTML;
}, { once: true });`;

/** The background a highlight paints on `selector`'s text (its computed ::highlight style). */
export const highlightColour = (page: Page, name: string, selector = 'article p') =>
  page.evaluate(
    ([n, sel]) => {
      const el = document.querySelector(sel as string);
      return el ? getComputedStyle(el, `::highlight(${n})`).backgroundColor : null;
    },
    [name, selector],
  );

export const highlightNames = (page: Page) =>
  page.evaluate(() => [
    ...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys(),
  ]);
