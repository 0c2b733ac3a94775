import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import background from '../../../entrypoints/background';
import { NOTES_CHANGED_KEY, type NotesChanged } from '../../../lib/messages';
import type { NoteDraft } from '../../../lib/notes/web-annotation';

type Listener = (...args: unknown[]) => unknown;

const ID = fakeBrowser.runtime.id;
const PAGE_SENDER = { id: ID, url: `chrome-extension://${ID}/notes.html` };
const POPUP_SENDER = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const CONTENT_SENDER = {
  id: ID,
  url: 'https://example.org/news/ferry',
  tab: { id: 7 },
  frameId: 0,
};

const draft: NoteDraft = {
  url: 'https://example.org/news/ferry?utm_source=x',
  canonical: null,
  title: 'Night ferry',
  text: 'check this',
  selectors: {
    quote: { type: 'TextQuoteSelector', exact: 'one winter', prefix: 'for ', suffix: ', not' },
  },
};

let menuClick: Listener | undefined;
let commandListeners: Listener[] = [];
let createMenu: ReturnType<typeof vi.fn>;

beforeEach(() => {
  menuClick = undefined;
  createMenu = vi.fn();
  // fakeBrowser has no contextMenus: stand in for the parts the background uses.
  vi.spyOn(fakeBrowser.contextMenus, 'removeAll').mockResolvedValue(undefined as never);
  vi.spyOn(fakeBrowser.contextMenus, 'create').mockImplementation(createMenu as never);
  // Nor commands (the toggle-site / note-selection keyboard shortcuts are wired here too).
  commandListeners = [];
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(((l: Listener) => {
    commandListeners.push(l);
  }) as never);
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(((l: Listener) => {
    menuClick = l;
  }) as never);
  background.main();
});

async function send(message: unknown, sender: object): Promise<unknown> {
  const replies = await fakeBrowser.runtime.onMessage.trigger(message, sender as never);
  return replies[0];
}

describe('background: who may talk to the notes store', () => {
  it("answers the extension's own pages", async () => {
    const added = (await send({ type: 'notes:add', draft }, PAGE_SENDER)) as {
      ok: boolean;
      note: { id: string };
    };
    expect(added.ok).toBe(true);
    const listed = await send(
      { type: 'notes:list-for-page', url: 'https://example.org/news/ferry' },
      POPUP_SENDER,
    );
    expect(listed).toMatchObject({ ok: true, articleKey: 'example.org/news/ferry' });
    expect((listed as { notes: { id: string }[] }).notes.map((n) => n.id)).toContain(added.note.id);
    await send({ type: 'notes:delete', id: added.note.id }, PAGE_SENDER);
  });

  it('lets its content script read its own page’s notes and open the note frame, nothing more', async () => {
    const added = (await send({ type: 'notes:add', draft }, PAGE_SENDER)) as {
      ok: boolean;
      note: { id: string };
    };
    expect(added.ok).toBe(true);
    expect(
      await send({ type: 'notes:count-for-page', url: draft.url }, CONTENT_SENDER),
    ).toMatchObject({ ok: true, count: 1 });
    // Another site's content script asking for this article gets its own page's notes: none.
    const elsewhere = { ...CONTENT_SENDER, url: 'https://evil.example.net/x', tab: { id: 8 } };
    expect(await send({ type: 'notes:list-for-page', url: draft.url }, elsewhere)).toMatchObject({
      ok: true,
      notes: [],
    });
    for (const message of [
      { type: 'notes:export', format: 'jsonld' },
      { type: 'notes:import', text: '[]' },
      { type: 'notes:list-all' },
      { type: 'notes:search', query: 'x' },
      { type: 'notes:get', id: added.note.id },
      { type: 'notes:add', draft },
      { type: 'notes:update', id: added.note.id, patch: { text: 'x' } },
      { type: 'notes:delete', id: added.note.id },
    ]) {
      expect(await send(message, CONTENT_SENDER)).toMatchObject({ ok: false, code: 'forbidden' });
    }
    // The note frame writes through the grant its page's content script got, on that page only.
    const spot = {
      quote: 'one winter',
      speaker: null,
      selectors: draft.selectors,
      noteIds: [added.note.id],
      start: null,
    };
    const opened = (await send(
      { type: 'notes:panel-open', title: 'Night ferry', spot },
      CONTENT_SENDER,
    )) as { ok: boolean; token: string };
    expect(opened.ok).toBe(true);
    const frame = { id: ID, url: `chrome-extension://${ID}/note-frame.html`, tab: { id: 7 } };
    const view = (await send({ type: 'notes:panel-load', token: opened.token }, frame)) as {
      notes: { id: string }[];
    };
    expect(view.notes.map((n) => n.id)).toEqual([added.note.id]);
    // Another tab's frame, or a made-up token: refused.
    expect(
      await send({ type: 'notes:panel-load', token: opened.token }, { ...frame, tab: { id: 8 } }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    expect(await send({ type: 'notes:panel-load', token: 'f'.repeat(36) }, frame)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    // The frame cannot use the notes page's requests.
    expect(await send({ type: 'notes:list-all' }, frame)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    await send({ type: 'notes:delete', id: added.note.id }, PAGE_SENDER);
  });

  it('answers a malformed notes request with an error, and leaves other messages alone', async () => {
    expect(
      await send({ type: 'notes:add', draft: { text: 'no selectors' } }, PAGE_SENDER),
    ).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(await send({ type: 'notes:nonsense' }, PAGE_SENDER)).toMatchObject({
      ok: false,
      code: 'invalid',
    });
    expect(await send({ type: 'page:get-state' }, PAGE_SENDER)).toBeUndefined();
    expect(await send('hello', PAGE_SENDER)).toBeUndefined();
  });

  it('replies typed failures from the store (not-found, invalid import)', async () => {
    expect(await send({ type: 'notes:get', id: 'urn:uuid:missing' }, PAGE_SENDER)).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    const bad = (await send(
      { type: 'notes:import', text: '{"type":"AnnotationPage"}' },
      PAGE_SENDER,
    )) as {
      ok: boolean;
      error: string;
    };
    expect(bad.ok).toBe(false);
    expect(bad.error).toMatch(/no "items" array/);
  });

  it('tells a change to the extension’s pages (storage.session) and to tabs of that article only', async () => {
    const seen: NotesChanged[] = [];
    fakeBrowser.storage.session.onChanged.addListener(
      (changes: Record<string, { newValue?: unknown }>) => {
        const v = changes[NOTES_CHANGED_KEY]?.newValue;
        if (v) seen.push(v as NotesChanged);
      },
    );
    const told = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined as never);
    // Tab 7 shows the article, tab 9 another one.
    await send({ type: 'notes:count-for-page', url: '' }, CONTENT_SENDER);
    await send(
      { type: 'notes:count-for-page', url: '' },
      { ...CONTENT_SENDER, url: 'https://example.org/other', tab: { id: 9 } },
    );
    const added = (await send(
      { type: 'notes:add', draft: { ...draft, text: 'secret words' } },
      PAGE_SENDER,
    )) as {
      note: { id: string };
    };
    await send(
      { type: 'notes:update', id: added.note.id, patch: { text: 'more secret' } },
      PAGE_SENDER,
    );
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[0]).toMatchObject({
      type: 'notes:changed',
      articleKeys: ['example.org/news/ferry'],
      ids: [added.note.id],
    });
    expect((seen[1]?.rev ?? 0) > (seen[0]?.rev ?? 0)).toBe(true);
    expect(JSON.stringify(seen)).not.toContain('secret');
    await vi.waitFor(() => expect(told).toHaveBeenCalled());
    expect(told.mock.calls.map((c) => c[0])).toContain(7);
    expect(told.mock.calls.map((c) => c[0])).not.toContain(9);
    expect(told.mock.calls[0]?.[1]).toEqual({ type: 'page:notes-changed' });
    // Nothing of it in storage.local, where content scripts read.
    expect(await fakeBrowser.storage.local.get(NOTES_CHANGED_KEY)).toEqual({});
    await send({ type: 'notes:delete', id: added.note.id }, PAGE_SENDER);
    told.mockRestore();
  });
});

describe('background: context menu', () => {
  it('creates "Add QuoteLens note to selection" on install, for selections', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(() => expect(createMenu).toHaveBeenCalledTimes(1));
    expect(createMenu.mock.calls[0]?.[0]).toMatchObject({
      title: 'Add QuoteLens note to selection',
      contexts: ['selection'],
    });
  });

  it('forwards a click to the content script of that tab and frame', async () => {
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(() => expect(createMenu).toHaveBeenCalled());
    const id = (createMenu.mock.calls[0]?.[0] as { id: string } | undefined)?.id;
    const sendMessage = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockResolvedValue(undefined as never);
    menuClick?.({ menuItemId: id, frameId: 3, selectionText: 'one winter' }, { id: 12 });
    expect(sendMessage).toHaveBeenCalledWith(
      12,
      { type: 'page:note-selection', selectionText: 'one winter' },
      { frameId: 3 },
    );
    menuClick?.({ menuItemId: 'something-else' }, { id: 12 });
    menuClick?.({ menuItemId: id }, undefined);
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });

  it('the note-selection keyboard command asks the active tab the same way', async () => {
    const sendMessage = vi
      .spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockResolvedValue(undefined as never);
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 21 }] as never);
    for (const l of commandListeners) await l('note-selection', undefined);
    expect(sendMessage).toHaveBeenCalledWith(21, { type: 'page:note-selection' }, undefined);
    sendMessage.mockClear();
    for (const l of commandListeners) await l('note-selection', { id: 5 });
    expect(sendMessage).toHaveBeenCalledWith(5, { type: 'page:note-selection' }, undefined);
    expect(sendMessage).toHaveBeenCalledTimes(1);
  });
});
