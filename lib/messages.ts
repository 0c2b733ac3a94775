/**
 * The one message vocabulary shared by every context (content script, popup,
 * background, notes page). Types only plus tiny guards: no browser APIs here.
 * Add a message by adding a member to the right union and its reply type.
 */
import type { NoteSelectors } from './dom/selectors';
import type { Note, NoteDraft, NotePatch } from './notes/web-annotation';
import type { Extraction, Quote, Speaker, TextModel } from './quotes/types';

/** What the content script knows about its page, as the popup shows it. */
export type PageStatus =
  | 'working' // the engine has not finished yet
  | 'ready' // annotated (quotes may be empty: "no statements found")
  | 'not-article' // the page does not look like an article
  | 'disabled' // switched off for this site or for all sites
  | 'error'; // the engine failed on this page; `error` says why

export interface PageState {
  status: PageStatus;
  url: string;
  title: string;
  /** Host the per-site switch applies to. */
  site: string;
  quotes: Quote[];
  speakers: Speaker[];
  error?: string;
  /** The speaker left undimmed by `page:only-speaker`, if any (so a reopened popup shows it). */
  onlySpeakerId?: number | null;
}

/** Messages the popup (or background) sends to a tab's content script. */
export type ContentRequest =
  | { type: 'page:get-state' }
  | { type: 'page:jump'; quoteId: number }
  | { type: 'page:only-speaker'; speakerId: number | null }
  | { type: 'page:reannotate' }
  // Context menu / keyboard command: note the reader's current selection in that frame.
  | { type: 'page:note-selection'; selectionText?: string }
  // The notes page's "open article": scroll to this note and open it.
  | { type: 'page:show-note'; id: string }
  // The page's notes as anchored here (the popup's count and "not found on this page").
  | { type: 'page:notes' }
  // The library page's "open at the statement" (issue 15): re-anchor and show it.
  | { type: 'page:show-statement'; selectors: NoteSelectors }
  // From the background, for the note frame this tab's content script opened (`token`).
  | { type: 'page:panel'; token: string; event: PanelEvent; height?: number }
  // From the background: notes of this page's article changed elsewhere.
  | { type: 'page:notes-changed' };

/** What the note frame tells the page that holds it: close me, or my content's height. */
export type PanelEvent = 'close' | 'size';

/** A note found on the page (entrypoints/content/notes.ts). */
export interface AnchoredNoteInfo {
  id: string;
  /** Offsets into the page's TextModel.text and the text there now. */
  start: number;
  end: number;
  text: string;
  /** The statement it is on, or null for a note on a selected passage. */
  quoteId: number | null;
  method: 'exact' | 'fuzzy';
}

export interface PageNotesState {
  /** Every note of this article. */
  count: number;
  anchored: AnchoredNoteInfo[];
  /** Notes whose text is gone from the page: kept, listed under "not found on this page". */
  orphans: Note[];
}

export type ContentReply<R extends ContentRequest> = R extends { type: 'page:get-state' }
  ? PageState
  : R extends { type: 'page:notes' }
    ? PageNotesState
    : R extends { type: 'page:show-note' }
      ? { ok: true; found: boolean } | { ok: false; error: string }
      : R extends { type: 'page:show-statement' }
        ? { ok: true; shown: 'shown' | 'orphaned' | 'not-ready' } | { ok: false; error: string }
        : { ok: true } | { ok: false; error: string };

export function isContentRequest(value: unknown): value is ContentRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    (value as { type: string }).type.startsWith('page:')
  );
}

// ── Engine: content script → background, so the quote engine runs off the page's main thread ──

/** Runs `extractQuotes` on a page's text model in the background (lib/dom/remote-engine.ts). */
export interface EngineRequest {
  type: 'engine:extract';
  model: TextModel;
  /**
   * The page's canonical link and title, for the reader's archive (issue 15): the background
   * records the article when the reader opted in. The address is the sender tab's, never this.
   */
  page?: { canonical: string | null; title: string };
}

export type EngineReply = { ok: true; extraction: Extraction } | { ok: false; error: string };

export function isEngineRequest(value: unknown): value is EngineRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'engine:extract'
  );
}

// ── Notes: content scripts and extension pages → background (which owns the database) ──

export type NotesErrorCode =
  | 'quota' // the browser refused to store more: the caller keeps its draft
  | 'conflict' // changed elsewhere since the editor opened it: `current` is the stored note
  | 'not-found' // no note with that id (or it was deleted)
  | 'invalid' // bad request or bad import file; `error` says what and where
  | 'forbidden' // the sender is not this extension
  | 'internal';

export interface NotesFailure {
  ok: false;
  code: NotesErrorCode;
  /** A sentence for the reader. */
  error: string;
  /** With code 'conflict': the note as stored now. */
  current?: Note;
}

/** Where a page is: its address and its <link rel=canonical> (article identity: lib/notes/url.ts). */
export interface PageRef {
  url: string;
  canonical?: string | null;
}

export type NotesOrder = 'recent' | 'article';

export interface NotesPageQuery {
  /** Opaque cursor from the previous page's `next`; omit for the first page. */
  cursor?: string | null;
  /** Page size, 1..1000 (default 200). */
  limit?: number;
  /** 'recent' = last modified first; 'article' = grouped by article, oldest note first. */
  order?: NotesOrder;
}

/**
 * A passage or statement whose notes the reader opened, as the content script found it on the
 * page. The note frame (an extension page) shows it; the background keeps it under a token.
 */
export interface PanelSpot {
  /** The annotated words (for the panel's quote and the draft's key). */
  quote: string;
  speaker: string | null;
  selectors: NoteSelectors;
  /** Notes the content script anchored on this spot (the background checks each is the page's). */
  noteIds: string[];
  /** Which editor opens first: 'new', a note id, or none (list only). */
  start: 'new' | string | null;
}

/** A draft the note editor keeps while the reader types (one record each, in the background). */
export interface DraftBody {
  body: string;
  tags: string[];
}

/**
 * Requests of the note frame (note-frame.html), each naming the spot it was opened for by the
 * token its page's content script got from `notes:panel-open`. The background files notes
 * under that page's article only.
 */
export type PanelRequest =
  | { type: 'notes:panel-load'; token: string }
  | { type: 'notes:panel-add'; token: string; text: string; tags: string[] }
  | { type: 'notes:panel-update'; token: string; id: string; patch: NotePatch }
  | { type: 'notes:panel-delete'; token: string; id: string }
  | { type: 'notes:panel-restore'; token: string; id: string }
  | { type: 'notes:panel-draft'; token: string; editor: string; draft: DraftBody | null }
  | { type: 'notes:panel-ui'; token: string; event: PanelEvent; height?: number };

export type NotesRequest =
  | PanelRequest
  // Content script: open the note frame on a spot of its own page.
  | {
      type: 'notes:panel-open';
      /** The page's address now (the background accepts it on the sender's origin only). */
      url?: string;
      canonical?: string | null;
      title: string;
      spot: PanelSpot;
    }
  | ({ type: 'notes:list-for-page' } & PageRef)
  | ({ type: 'notes:count-for-page' } & PageRef)
  | { type: 'notes:get'; id: string }
  | { type: 'notes:add'; draft: NoteDraft }
  | { type: 'notes:update'; id: string; patch: NotePatch }
  | { type: 'notes:delete'; id: string }
  | { type: 'notes:restore'; id: string }
  | ({ type: 'notes:list-all' } & NotesPageQuery)
  | ({ type: 'notes:search'; query: string } & NotesPageQuery)
  | { type: 'notes:export'; format: 'jsonld' | 'markdown' }
  | { type: 'notes:import'; text: string }
  // A backup of any size, a chunk per message (lib/notes/backup.ts).
  | { type: 'notes:export-chunk'; format: 'jsonld' | 'markdown'; cursor: string | null }
  | { type: 'notes:import-begin' }
  | { type: 'notes:import-chunk'; importId: string; first: number; items: string[] }
  | { type: 'notes:import-commit'; importId: string }
  | { type: 'notes:import-cancel'; importId: string };

export interface NotesPage {
  notes: Note[];
  /** Cursor for the next page, null at the end. */
  next: string | null;
  /** Live notes in the whole list (or matching the search). */
  total: number;
}

export interface ImportSummary {
  added: number;
  /** Notes deleted here that the file holds a newer copy of: back again. */
  updated: number;
  /** Already here with the same content (or twice in the file). */
  skipped: number;
  /**
   * Notes whose id a different note of the reader's already has: kept beside it as copies
   * (the reader's note is never replaced by an import).
   */
  copies?: number;
}

export interface ExportFile {
  text: string;
  filename: string;
  mime: string;
}

/** What the note frame shows: the spot and its notes, with any drafts kept for them. */
export interface PanelView {
  quote: string;
  speaker: string | null;
  start: 'new' | string | null;
  notes: Note[];
  /** Drafts by editor: 'new' or a note id. */
  drafts: Record<string, DraftBody>;
}

interface NotesReplyMap {
  'notes:panel-open': { token: string };
  'notes:panel-load': PanelView;
  'notes:panel-add': { note: Note };
  'notes:panel-update': { note: Note };
  'notes:panel-delete': { note: Note };
  'notes:panel-restore': { note: Note };
  'notes:panel-draft': Record<string, never>;
  'notes:panel-ui': Record<string, never>;
  'notes:list-for-page': { articleKey: string; notes: Note[] };
  'notes:count-for-page': { articleKey: string; count: number };
  'notes:get': { note: Note };
  'notes:add': { note: Note };
  /** `note` is the stored result after the edit. */
  'notes:update': { note: Note };
  /** The deleted note: `notes:restore` with its id undoes the delete. */
  'notes:delete': { note: Note };
  'notes:restore': { note: Note };
  'notes:list-all': NotesPage;
  'notes:search': NotesPage;
  'notes:export': ExportFile;
  'notes:import': ImportSummary;
  'notes:export-chunk': { text: string; next: string | null; done: number; total: number };
  'notes:import-begin': { importId: string };
  'notes:import-chunk': { staged: number };
  'notes:import-commit': ImportSummary;
  'notes:import-cancel': Record<string, never>;
}

export type NotesRequestType = NotesRequest['type'];

/** The reply to a notes request: its typed result with ok:true, or a NotesFailure. */
export type NotesReply<R extends NotesRequest> =
  | ({ ok: true } & NotesReplyMap[R['type']])
  | NotesFailure;

/**
 * Broadcast after every change to the notes database, so every page showing notes refreshes.
 * Written to `browser.storage.session` under NOTES_CHANGED_KEY, where only the extension's own
 * pages read it (trusted contexts: never a content script, so no page learns which articles
 * carry notes). A tab whose article changed gets a `page:notes-changed` message instead.
 */
export interface NotesChanged {
  type: 'notes:changed';
  /** Increases with every change (so two equal changes still fire onChanged). */
  rev: number;
  /** Article keys (lib/notes/url.ts) whose notes changed; compare with articleKey of the page. */
  articleKeys: string[];
  /** Ids of the changed notes (at most 500: a large import lists only its first). */
  ids: string[];
}

export const NOTES_CHANGED_KEY = 'notes:changed';

export function isNotesChanged(value: unknown): value is NotesChanged {
  const v = value as Partial<NotesChanged> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    v.type === 'notes:changed' &&
    Array.isArray(v.articleKeys) &&
    Array.isArray(v.ids)
  );
}

const isStr = (v: unknown): v is string => typeof v === 'string';
const isOptStr = (v: unknown) => v === undefined || v === null || typeof v === 'string';
const isStrArray = (v: unknown) => Array.isArray(v) && v.every(isStr);

function isSelectorsShape(v: unknown): boolean {
  const s = v as {
    quote?: { exact?: unknown; prefix?: unknown; suffix?: unknown };
    position?: unknown;
  };
  if (typeof s !== 'object' || s === null || typeof s.quote !== 'object' || s.quote === null) {
    return false;
  }
  const q = s.quote;
  if (!isStr(q.exact) || !isStr(q.prefix) || !isStr(q.suffix)) return false;
  if (s.position === undefined) return true;
  const p = s.position as { start?: unknown; end?: unknown };
  return (
    typeof p === 'object' &&
    p !== null &&
    Number.isInteger(p.start) &&
    Number.isInteger(p.end) &&
    (p.start as number) >= 0 &&
    (p.end as number) >= (p.start as number)
  );
}

function isDraftShape(v: unknown): boolean {
  const d = v as Partial<Record<keyof NoteDraft, unknown>> | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    isStr(d.url) &&
    isOptStr(d.canonical) &&
    isStr(d.title) &&
    isStr(d.text) &&
    (d.tags === undefined || isStrArray(d.tags)) &&
    isOptStr(d.speaker) &&
    isSelectorsShape(d.selectors)
  );
}

function isPatchShape(v: unknown): boolean {
  const p = v as Partial<Record<keyof NotePatch, unknown>> | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    (p.text === undefined || isStr(p.text)) &&
    (p.tags === undefined || isStrArray(p.tags)) &&
    isOptStr(p.speaker) &&
    (p.base === undefined || isStr(p.base)) &&
    (p.selectors === undefined || isSelectorsShape(p.selectors))
  );
}

const isToken = (v: unknown) => isStr(v) && v.length >= 16 && v.length <= 64;

function isDraftBody(v: unknown): boolean {
  const d = v as Partial<DraftBody> | null;
  return typeof d === 'object' && d !== null && isStr(d.body) && isStrArray(d.tags);
}

function isSpotShape(v: unknown): boolean {
  const s = v as Partial<Record<keyof PanelSpot, unknown>> | null;
  return (
    typeof s === 'object' &&
    s !== null &&
    isStr(s.quote) &&
    isOptStr(s.speaker) &&
    isSelectorsShape(s.selectors) &&
    isStrArray(s.noteIds) &&
    (s.noteIds as string[]).length <= 1000 &&
    isOptStr(s.start)
  );
}

function isPageQueryShape(v: Record<string, unknown>): boolean {
  return (
    isOptStr(v.cursor) &&
    (v.limit === undefined || (Number.isInteger(v.limit) && (v.limit as number) > 0)) &&
    (v.order === undefined || v.order === 'recent' || v.order === 'article')
  );
}

/** Runtime guard: a well-formed notes request (shape checked field by field). */
export function isNotesRequest(value: unknown): value is NotesRequest {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  switch (v.type) {
    case 'notes:panel-open':
      return isOptStr(v.url) && isOptStr(v.canonical) && isStr(v.title) && isSpotShape(v.spot);
    case 'notes:panel-load':
      return isToken(v.token);
    case 'notes:panel-add':
      return isToken(v.token) && isStr(v.text) && isStrArray(v.tags);
    case 'notes:panel-update':
      return isToken(v.token) && isStr(v.id) && isPatchShape(v.patch);
    case 'notes:panel-delete':
    case 'notes:panel-restore':
      return isToken(v.token) && isStr(v.id);
    case 'notes:panel-draft':
      return isToken(v.token) && isStr(v.editor) && (v.draft === null || isDraftBody(v.draft));
    case 'notes:panel-ui':
      return (
        isToken(v.token) &&
        (v.event === 'close' || v.event === 'size') &&
        (v.height === undefined || (typeof v.height === 'number' && Number.isFinite(v.height)))
      );
    case 'notes:list-for-page':
    case 'notes:count-for-page':
      return isStr(v.url) && isOptStr(v.canonical);
    case 'notes:get':
    case 'notes:delete':
    case 'notes:restore':
      return isStr(v.id);
    case 'notes:add':
      return isDraftShape(v.draft);
    case 'notes:update':
      return isStr(v.id) && isPatchShape(v.patch);
    case 'notes:list-all':
      return isPageQueryShape(v);
    case 'notes:search':
      return isStr(v.query) && isPageQueryShape(v);
    case 'notes:export':
      return v.format === 'jsonld' || v.format === 'markdown';
    case 'notes:import':
      return isStr(v.text);
    case 'notes:export-chunk':
      return (v.format === 'jsonld' || v.format === 'markdown') && isOptStr(v.cursor);
    case 'notes:import-begin':
      return true;
    case 'notes:import-chunk':
      return (
        isStr(v.importId) &&
        Number.isInteger(v.first) &&
        (v.first as number) >= 0 &&
        isStrArray(v.items) &&
        (v.items as string[]).length <= 5000
      );
    case 'notes:import-commit':
    case 'notes:import-cancel':
      return isStr(v.importId);
    default:
      return false;
  }
}

/** Anything that claims to be a notes message (well-formed or not): the background answers it. */
export function looksLikeNotesMessage(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    (value as { type: string }).type.startsWith('notes:') &&
    (value as { type: string }).type !== 'notes:changed'
  );
}
