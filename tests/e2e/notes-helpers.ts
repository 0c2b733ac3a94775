/**
 * Helpers for the notes e2e specs: talk to a tab's content script from the service worker,
 * select article text as a reader does, type into the note editor (an extension-origin frame
 * inside QuoteLens's closed shadow root), read closed shadow roots through the DevTools
 * protocol, and run code in the content script's isolated world (as a compromised renderer
 * or a forged content-script message would).
 */
import { type BrowserContext, expect, type Frame, type Page } from '@playwright/test';
import type { PageNotesState } from '../../lib/messages';
import { extensionWorker } from './fixtures';
import { selectText } from './select-text';

/** Sends a content request to `page`'s tab from the extension's service worker. */
export async function toTab<T>(context: BrowserContext, page: Page, message: unknown): Promise<T> {
  const worker = await extensionWorker(context);
  await page.bringToFront();
  return worker.evaluate(async (message) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return chrome.tabs.sendMessage(tab.id, message);
  }, message) as Promise<T>;
}

/** The page's notes as the content script anchored them (retries while it starts up). */
export async function notesState(context: BrowserContext, page: Page): Promise<PageNotesState> {
  let last: unknown;
  for (let i = 0; i < 40; i++) {
    try {
      const s = await toTab<PageNotesState | undefined>(context, page, { type: 'page:notes' });
      if (s && Array.isArray(s.anchored)) return s;
    } catch (e) {
      last = e;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`content script never answered page:notes: ${String(last)}`);
}

/** Selects the first occurrence of `text` in the page's body text. */
export async function select(page: Page, text: string) {
  const ok = await page.evaluate(selectText, text);
  expect(ok, `"${text}" is on the page`).toBe(true);
}

/** The note editor's frame, if one is open. */
export function editorFrame(page: Page): Frame | undefined {
  return page.frames().find((f) => /\/note-frame\.html/.test(f.url()));
}

/** Waits until the note editor has the keyboard (its textarea focused in its frame). */
export async function waitForEditor(page: Page, timeout = 10_000): Promise<Frame> {
  // Measuring a build from before the editor frame (to show a test fails there): type blind.
  if (process.env.QL_NO_EDITOR_FRAME) {
    await page.waitForTimeout(300);
    return page.mainFrame();
  }
  let frame: Frame | undefined;
  await expect
    .poll(
      async () => {
        frame = editorFrame(page);
        if (!frame) return false;
        return frame
          .evaluate(() => document.hasFocus() && document.activeElement?.tagName === 'TEXTAREA')
          .catch(() => false);
      },
      { message: 'the note editor frame has the keyboard', timeout },
    )
    .toBe(true);
  return frame as Frame;
}

/** Selects `text`, opens the note editor on it (the context-menu / shortcut path), saves `body`. */
export async function addNoteOnSelection(
  context: BrowserContext,
  page: Page,
  text: string,
  body: string,
) {
  const before = (await notesState(context, page)).count;
  await select(page, text);
  const r = await toTab<{ ok: boolean; error?: string }>(context, page, {
    type: 'page:note-selection',
  });
  expect(r).toEqual({ ok: true });
  await waitForEditor(page);
  await page.keyboard.type(body);
  await page.keyboard.press('Control+Enter');
  await expect
    .poll(async () => (await notesState(context, page)).count, { timeout: 5000 })
    .toBe(before + 1);
}

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  nodeType?: number;
  nodeValue?: string;
  localName?: string;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

/**
 * Every text node and attribute value inside the page's shadow roots (closed ones too);
 * `textOnly` leaves attributes out (window.find() searches text, not attributes).
 */
export async function shadowStrings(page: Page, textOnly = false): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const out: string[] = [];
    const walk = (n: CdpNode, inShadow: boolean) => {
      if (inShadow) {
        if (n.nodeType === 3 && n.nodeValue) out.push(n.nodeValue);
        if (!textOnly) {
          for (let i = 1; i < (n.attributes?.length ?? 0); i += 2)
            out.push(n.attributes?.[i] ?? '');
        }
      }
      for (const c of n.children ?? []) walk(c, inShadow);
      for (const r of n.shadowRoots ?? []) walk(r, true);
    };
    walk(root, false);
    return out;
  } finally {
    await cdp.detach();
  }
}

/**
 * Runs `expression` in QuoteLens's content-script world of `page`'s main frame, as code that
 * took over the content script (or a compromised renderer) would. Returns its value.
 */
export async function inContentScript<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; name: string; auxData?: { frameId?: string; type?: string } }[] =
      [];
    cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => {
      contexts.push(e.context);
    });
    await cdp.send('Runtime.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as {
      frameTree: { frame: { id: string } };
    };
    const world = contexts.find(
      (c) =>
        c.auxData?.type === 'isolated' &&
        c.auxData.frameId === frameTree.frame.id &&
        c.name === 'QuoteLens',
    );
    if (!world) throw new Error('no QuoteLens content-script world on this page');
    const r = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    })) as { result: { value: T }; exceptionDetails?: { text: string } };
    if (r.exceptionDetails) throw new Error(r.exceptionDetails.text);
    return r.result.value;
  } finally {
    await cdp.detach();
  }
}

/** Backend node ids of shadow-root elements whose attributes match. */
async function shadowElementIds(page: Page, match: (attrs: Record<string, string>) => boolean) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as {
      root: CdpNode;
    };
    const found: number[] = [];
    const walk = (n: CdpNode, inShadow: boolean) => {
      const attrs: Record<string, string> = {};
      for (let i = 0; i + 1 < (n.attributes?.length ?? 0); i += 2) {
        attrs[n.attributes?.[i] as string] = n.attributes?.[i + 1] as string;
      }
      if (inShadow && n.localName && match(attrs)) found.push(n.backendNodeId);
      for (const c of n.children ?? []) walk(c, inShadow);
      for (const r of n.shadowRoots ?? []) walk(r, true);
    };
    walk(root, false);
    return found;
  } finally {
    await cdp.detach();
  }
}

/** Clicks (or only hovers) the first shadow-root element matching `match`, at its centre. */
export async function clickInShadow(
  page: Page,
  what: string,
  match: (a: Record<string, string>) => boolean,
  action: 'click' | 'hover' = 'click',
) {
  let target: number | undefined;
  await expect
    .poll(
      async () => {
        target = (await shadowElementIds(page, match))[0];
        return target !== undefined;
      },
      { message: what, timeout: 10_000 },
    )
    .toBe(true);
  const cdp = await page.context().newCDPSession(page);
  try {
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: target })) as {
      model: { content: number[] };
    };
    const [x1, y1, , , x3, y3] = model.content as [number, number, number, number, number, number];
    if (action === 'click') await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
    else await page.mouse.move((x1 + x3) / 2, (y1 + y3) / 2, { steps: 3 });
  } finally {
    await cdp.detach();
  }
}
