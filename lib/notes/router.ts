/**
 * Who may ask the notes store for what, and the one switch from a `notes:*` message to a
 * store call. Used by the background (entrypoints/background.ts is only wiring); no browser
 * APIs here — the sender and the extension's id/origin are passed in, so it is testable.
 * Never answers a sender that is not this extension.
 */
import {
  isNotesRequest,
  type NotesFailure,
  type NotesReply,
  type NotesRequest,
  type NotesRequestType,
} from '../messages';
import { NotesError, type NotesStore } from './store';

/** The parts of runtime.MessageSender we look at. */
export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export interface ExtensionIdentity {
  /** browser.runtime.id */
  id: string;
  /** browser.runtime.getURL('/'), e.g. "chrome-extension://abc…/" */
  origin: string;
}

export type SenderKind = 'extension-page' | 'content-script';

/**
 * 'extension-page' for our popup / notes page, 'content-script' for our content script in a
 * web page's tab, null for anything else (another extension, a page, a forged sender).
 */
export function senderKind(sender: SenderLike, self: ExtensionIdentity): SenderKind | null {
  if (!self.id || sender.id !== self.id) return null;
  const url = sender.url ?? '';
  if (url.startsWith(self.origin)) return 'extension-page';
  if (typeof sender.tab?.id === 'number' && sender.tab.id >= 0 && /^https?:\/\//.test(url)) {
    return 'content-script';
  }
  return null;
}

/** What a content script may do: the notes of its own page. The rest is for our pages only. */
const CONTENT_SCRIPT_ALLOWED = new Set<NotesRequestType>([
  'notes:list-for-page',
  'notes:count-for-page',
  'notes:get',
  'notes:add',
  'notes:update',
  'notes:delete',
  'notes:restore',
]);

export function failure(e: unknown): NotesFailure {
  if (e instanceof NotesError) return { ok: false, code: e.code, error: e.message };
  const message = e instanceof Error ? e.message : String(e);
  return {
    ok: false,
    code: 'internal',
    error: `The notes could not be read or saved (${message}).`,
  };
}

async function dispatch(store: NotesStore, r: NotesRequest): Promise<Record<string, unknown>> {
  switch (r.type) {
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
  try {
    const result = await dispatch(store, message);
    return { ok: true, ...result } as NotesReply<NotesRequest>;
  } catch (e) {
    return failure(e);
  }
}
