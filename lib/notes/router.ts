/**
 * Who may ask the notes store for what, and the one switch from a `notes:*` message to a
 * store call. Used by the background (entrypoints/background.ts is only wiring); no browser
 * APIs here — the sender and the extension's id/origin are passed in, so it is testable.
 * Never answers a sender that is not this extension.
 */
import {
  type ContentRequest,
  isNotesRequest,
  type NotesFailure,
  type NotesReply,
  type NotesRequest,
  type NotesRequestType,
  type PanelRequest,
  type PanelView,
} from '../messages';
import { createGrants, type Grants, type PanelGrant } from './grants';
import { ConflictError, NotesError, type NotesStore } from './store';
import { articleKeys } from './url';

/** The parts of runtime.MessageSender we look at. */
export interface SenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

/** What the router needs besides the store: the grants, and a way to tell a tab's frame. */
export interface RouterContext {
  grants: Grants;
  tell(tabId: number, frameId: number, message: ContentRequest): void;
}

/** The note frame's page (entrypoints/note-frame): it may only use its grant. */
export const NOTE_FRAME_PAGE = 'note-frame.html';
const MAX_TITLE = 2000;

export interface ExtensionIdentity {
  /** browser.runtime.id */
  id: string;
  /** browser.runtime.getURL('/'), e.g. "chrome-extension://abc…/" */
  origin: string;
}

export type SenderKind = 'extension-page' | 'note-frame' | 'content-script';

/**
 * 'extension-page' for our popup / notes page, 'note-frame' for the note editor's frame,
 * 'content-script' for our content script in a web page's tab, null for anything else
 * (another extension, a page, a forged sender).
 */
export function senderKind(sender: SenderLike, self: ExtensionIdentity): SenderKind | null {
  if (!self.id || sender.id !== self.id) return null;
  const url = sender.url ?? '';
  if (url.startsWith(self.origin)) {
    const path = url.slice(self.origin.length).replace(/[?#].*$/, '');
    return path === NOTE_FRAME_PAGE ? 'note-frame' : 'extension-page';
  }
  if (typeof sender.tab?.id === 'number' && sender.tab.id >= 0 && /^https?:\/\//.test(url)) {
    return 'content-script';
  }
  return null;
}

/**
 * What a content script may do: read the notes of the page it runs in (the address is the
 * sender's, never the request's) and open the note frame there. Writing is the frame's.
 */
const CONTENT_SCRIPT_ALLOWED = new Set<NotesRequestType>([
  'notes:list-for-page',
  'notes:count-for-page',
  'notes:panel-open',
]);

const isPanelRequest = (r: NotesRequest): r is PanelRequest =>
  r.type.startsWith('notes:panel-') && r.type !== 'notes:panel-open';

export function failure(e: unknown): NotesFailure {
  if (e instanceof ConflictError) {
    return { ok: false, code: e.code, error: e.message, current: e.current };
  }
  if (e instanceof NotesError) return { ok: false, code: e.code, error: e.message };
  const message = e instanceof Error ? e.message : String(e);
  return {
    ok: false,
    code: 'internal',
    error: `The notes could not be read or saved (${message}).`,
  };
}

const forbidden = (message: string) => new NotesError('forbidden', message);

/** The key a draft of `editor` ('new' or a note id of the spot) is kept under. */
export function draftKey(grant: PanelGrant, editor: string): string {
  if (editor === 'new') {
    const q = grant.spot.selectors.quote;
    return `new|${grant.articleKeys[0] ?? grant.url}|${q.prefix.slice(-16)}|${q.exact.slice(0, 300)}`;
  }
  return `edit|${editor}`;
}

/** Requests of the note frame: only through its grant, only on its tab's article. */
async function dispatchPanel(
  store: NotesStore,
  r: PanelRequest,
  sender: SenderLike,
  ctx: RouterContext,
): Promise<Record<string, unknown>> {
  const grant = await ctx.grants.get(r.token);
  if (!grant || sender.tab?.id !== grant.tabId) {
    throw forbidden('This note panel has expired; close it and open the notes again.');
  }
  const ownNote = async (id: string) => {
    const key = await store.keyOf(id);
    if (!key || !grant.articleKeys.includes(key)) throw forbidden('That note is not on this page.');
  };
  switch (r.type) {
    case 'notes:panel-load': {
      const { notes } = await store.listForPage(grant.url, grant.canonical);
      const wanted = new Set(grant.spot.noteIds);
      const mine = notes.filter((n) => wanted.has(n.id));
      const editors = ['new', ...mine.map((n) => n.id)];
      const kept = await store.drafts(editors.map((e) => draftKey(grant, e)));
      const drafts: PanelView['drafts'] = {};
      for (const e of editors) {
        const d = kept.get(draftKey(grant, e));
        if (d) drafts[e] = { body: d.body, tags: d.tags };
      }
      const view: PanelView = {
        quote: grant.spot.quote,
        speaker: grant.spot.speaker,
        start: grant.spot.start,
        notes: mine,
        drafts,
      };
      return { ...view };
    }
    case 'notes:panel-add': {
      const note = await store.add({
        url: grant.url,
        canonical: grant.canonical,
        title: grant.title,
        text: r.text,
        tags: r.tags,
        selectors: grant.spot.selectors,
        speaker: grant.spot.speaker,
      });
      await ctx.grants.update(r.token, {
        ...grant,
        spot: { ...grant.spot, noteIds: [...grant.spot.noteIds, note.id], start: null },
      });
      return { note };
    }
    case 'notes:panel-update':
      await ownNote(r.id);
      return { note: await store.update(r.id, r.patch) };
    case 'notes:panel-delete':
      await ownNote(r.id);
      return { note: await store.delete(r.id) };
    case 'notes:panel-restore':
      await ownNote(r.id);
      return { note: await store.restore(r.id) };
    case 'notes:panel-draft':
      if (r.editor !== 'new') await ownNote(r.editor);
      await store.putDraft(draftKey(grant, r.editor), r.draft);
      return {};
    case 'notes:panel-ui':
      ctx.tell(grant.tabId, grant.frameId, {
        type: 'page:panel',
        token: r.token,
        event: r.event,
        ...(r.height !== undefined ? { height: r.height } : {}),
      });
      if (r.event === 'close') await ctx.grants.revoke(r.token);
      return {};
  }
}

/**
 * The address a content script's request is about: the one it names when that is on the
 * sender's own origin (a single-page app moves by pushState, which the sender's URL may not
 * show yet, and pushState cannot leave the origin), else the sender's own address.
 */
export function pageUrl(senderUrl: string, requested: string | undefined): string {
  if (!requested) return senderUrl;
  try {
    const a = new URL(senderUrl);
    const b = new URL(requested);
    return a.origin === b.origin && a.origin !== 'null' ? b.href : senderUrl;
  } catch {
    return senderUrl;
  }
}

/** Requests of a content script: its own page only, whatever address the request names. */
async function dispatchContent(
  store: NotesStore,
  r: NotesRequest,
  sender: SenderLike,
  ctx: RouterContext,
): Promise<Record<string, unknown>> {
  const senderUrl = sender.url ?? '';
  const tabId = sender.tab?.id ?? -1;
  const frameId = sender.frameId ?? 0;
  switch (r.type) {
    case 'notes:list-for-page':
    case 'notes:count-for-page': {
      const url = pageUrl(senderUrl, r.url);
      const result = await store.listForPage(url, r.canonical);
      await ctx.grants.watch({ tabId, frameId, articleKeys: articleKeys(url, r.canonical) });
      return r.type === 'notes:list-for-page'
        ? result
        : { articleKey: result.articleKey, count: result.notes.length };
    }
    case 'notes:panel-open': {
      const url = pageUrl(senderUrl, r.url);
      const keys = articleKeys(url, r.canonical);
      if (!keys.length) throw new NotesError('invalid', 'The page address is not a web address.');
      const token = await ctx.grants.issue({
        tabId,
        frameId,
        url,
        canonical: r.canonical ?? null,
        title: r.title.slice(0, MAX_TITLE),
        articleKeys: keys,
        spot: r.spot,
      });
      return { token };
    }
    default:
      throw forbidden(`${r.type} is not available to web pages.`);
  }
}

async function dispatch(store: NotesStore, r: NotesRequest): Promise<Record<string, unknown>> {
  switch (r.type) {
    case 'notes:panel-open':
    case 'notes:panel-load':
    case 'notes:panel-add':
    case 'notes:panel-update':
    case 'notes:panel-delete':
    case 'notes:panel-restore':
    case 'notes:panel-draft':
    case 'notes:panel-ui':
      throw forbidden(`${r.type} belongs to the note panel.`);
    case 'notes:list-for-page':
      return store.listForPage(r.url, r.canonical);
    case 'notes:count-for-page':
      return store.countForPage(r.url, r.canonical);
    case 'notes:get':
      return { note: await store.get(r.id) };
    case 'notes:add':
      return { note: await store.add(r.draft) };
    case 'notes:update':
      return { note: await store.update(r.id, r.patch) };
    case 'notes:delete':
      return { note: await store.delete(r.id) };
    case 'notes:restore':
      return { note: await store.restore(r.id) };
    case 'notes:list-all':
      return { ...(await store.listAll(r)) };
    case 'notes:search':
      return { ...(await store.search(r.query, r)) };
    case 'notes:export':
      return { ...(await store.exportAll(r.format)) };
    case 'notes:import':
      return { ...(await store.importJsonLd(r.text)) };
    case 'notes:export-chunk':
      return { ...(await store.exportChunk(r.format, r.cursor)) };
    case 'notes:import-begin':
      return { importId: await store.importBegin() };
    case 'notes:import-chunk':
      return { staged: await store.importChunk(r.importId, r.items, r.first) };
    case 'notes:import-commit':
      return { ...(await store.importCommit(r.importId)) };
    case 'notes:import-cancel':
      await store.importCancel(r.importId);
      return {};
  }
}

/**
 * Answers one message claiming to be a notes request: checks the sender, the shape and the
 * permission, runs it, and replies `{ok: true, …result}` or a NotesFailure. Never throws.
 */
export async function routeNotesMessage(
  store: NotesStore,
  message: unknown,
  sender: SenderLike,
  self: ExtensionIdentity,
  ctx: RouterContext = { grants: createGrants(null), tell: () => undefined },
): Promise<NotesReply<NotesRequest>> {
  const kind = senderKind(sender, self);
  if (!kind) {
    return { ok: false, code: 'forbidden', error: 'Notes are only available to QuoteLens itself.' };
  }
  if (!isNotesRequest(message)) {
    const type = (message as { type?: unknown } | null)?.type;
    return { ok: false, code: 'invalid', error: `Malformed notes request (${String(type)}).` };
  }
  if (kind === 'content-script' && !CONTENT_SCRIPT_ALLOWED.has(message.type)) {
    return {
      ok: false,
      code: 'forbidden',
      error: `${message.type} is not available to web pages.`,
    };
  }
  if ((kind === 'note-frame') !== isPanelRequest(message)) {
    return {
      ok: false,
      code: 'forbidden',
      error: `${message.type} is not available here.`,
    };
  }
  try {
    const result =
      kind === 'note-frame' && isPanelRequest(message)
        ? await dispatchPanel(store, message, sender, ctx)
        : kind === 'content-script'
          ? await dispatchContent(store, message, sender, ctx)
          : await dispatch(store, message);
    return { ok: true, ...result } as NotesReply<NotesRequest>;
  } catch (e) {
    return failure(e);
  }
}
