/**
 * The notes store: every read and write of the reader's notes. Runs in the background only
 * (the background's message router is its one caller; pages and content scripts send
 * lib/messages.ts `notes:*` messages). Never renders anything and never talks to a page.
 *
 * API (all async; failures throw NotesError with a `code`, QuotaError when the disk is full —
 * the caller keeps its draft and may retry):
 *   add(draft)                → Note            new note (urn:uuid id, created = modified = now)
 *   get(id)                   → Note            live note or NotesError('not-found')
 *   update(id, patch)         → Note            patch applied in one transaction, modified bumped
 *   delete(id)                → Note            soft delete; restore(id) undoes it
 *   restore(id)               → Note
 *   listForPage(url, canon)   → {articleKey, notes}  every live note of that article, in text order
 *   countForPage(url, canon)  → {articleKey, count}
 *   listAll({cursor, limit, order})   → NotesPage   paged ('recent' | 'article' order)
 *   search(query, {cursor, limit})    → NotesPage   over note text, quote, speaker, tags, title
 *                               (words AND-ed, "a phrase", #tag or tag:name for exact tags)
 *   exportAll('jsonld' | 'markdown') → ExportFile
 *   importJsonLd(text)        → {added, updated, skipped}; all-or-nothing, idempotent
 *   purgeDeleted(olderThanMs) → number of soft-deleted notes removed for good
 *   requestPersistence(navigator.storage) → 'persisted' | 'refused' | 'unavailable' (asks once)
 * Every change calls `onChange({articleKeys, ids})`; the background broadcasts it.
 *
 * For callers outside the background (content script, popup, notes page):
 *   - send lib/messages.ts NotesRequest (`notes:add` {draft}, `notes:update` {id, patch}, …);
 *     the reply is `{ok: true, …}` (NotesReply) or `{ok: false, code, error}` — on
 *     code 'quota' keep the draft open. Content scripts may only use the page-level requests.
 *   - listen for changes: `browser.storage.onChanged` → changes[NOTES_CHANGED_KEY].newValue
 *     is a NotesChanged {articleKeys, ids}; refresh when it names your page's articleKey
 *     (returned by `notes:list-for-page`).
 *   - read notes through the accessors of lib/notes/web-annotation.ts (noteText, noteTags,
 *     noteQuote, noteSpeaker, noteSelectors); selectors for a selection / quote come from
 *     lib/dom/anchor.ts `selectorsFromRange(pageText, range)` / `describeSpan(text, s, e)`,
 *     and `reanchorAll(model.text, notes.map(n => ({id: n.id, selectors: noteSelectors(n)})))`
 *     places them again (status 'orphaned' → list under "not found on this page").
 *   - extension pages may call navigator.storage.persist() themselves (service workers can't).
 *
 * Concurrency: each write reads and writes the record inside one readwrite transaction, so
 * two tabs editing at once never overwrite each other's fields blindly; `modified` is
 * strictly increasing per note and the later write wins. Imports keep the copy with the
 * newer `modified`.
 */

import { unwrap } from 'idb';
import type {
  ExportFile,
  ImportSummary,
  NotesErrorCode,
  NotesOrder,
  NotesPage,
  NotesPageQuery,
} from '../messages';
import {
  type BackupFormat,
  cancelImport,
  clearStaging,
  commitImport,
  EXPORT_CHUNK_NOTES,
  type ExportChunk,
  exportChunk,
  ImportError,
  importText,
  stageItems,
} from './backup';
import {
  type DraftRecord,
  type EditableField,
  type NoteRecord,
  type NotesDb,
  openNotesDb,
  toRecord,
} from './db';
import { articleKey, articleKeys, articleSource, cleanUrl } from './url';
import {
  applyPatch,
  buildNote,
  cleanTags,
  MAX_CONTEXT_TEXT,
  MAX_NOTE_TEXT,
  MAX_QUOTE_TEXT,
  MAX_SPEAKER,
  MAX_TAG,
  MAX_TAGS,
  MAX_TITLE,
  MAX_URL,
  type Note,
  type NoteDraft,
  type NotePatch,
  noteQuote,
  noteSelectors,
  noteTags,
  noteText,
} from './web-annotation';

function newImportId(): string {
  return `import-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export class NotesError extends Error {
  constructor(
    readonly code: NotesErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'NotesError';
  }
}

/**
 * A save from an editor opened before someone else changed the same field (another tab, the
 * notes page). Nothing was written; `current` is the note as stored, for the reader to choose.
 */
export class ConflictError extends NotesError {
  constructor(readonly current: Note) {
    super('conflict', 'This note was changed elsewhere since you opened it.');
    this.name = 'ConflictError';
  }
}

/** The browser refused to store more. Nothing was written; the caller must keep its draft. */
export class QuotaError extends NotesError {
  constructor() {
    super('quota', 'Your browser is out of storage space for notes; the note was not saved.');
    this.name = 'QuotaError';
  }
}

export interface NotesChange {
  articleKeys: string[];
  ids: string[];
}

export interface NotesStoreOptions {
  /** Opens the database (tests pass their own name / version). */
  openDb?: () => Promise<NotesDb>;
  now?: () => Date;
  onChange?: (change: NotesChange) => void;
}

export type PersistResult = 'persisted' | 'refused' | 'unavailable';

/** The part of navigator.storage we use (absent in service workers of some browsers). */
export interface StorageManagerLike {
  persist?: () => Promise<boolean>;
  persisted?: () => Promise<boolean>;
}

export const DEFAULT_PAGE_SIZE = 200;
export const MAX_BROADCAST_IDS = 500;
export const MAX_PAGE_SIZE = 1000;

function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  const inner = (e as { inner?: { name?: unknown } } | null)?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/** Runs a write, turning the browser's quota failure into QuotaError. */
async function guardQuota<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isQuotaError(e)) throw new QuotaError();
    throw e;
  }
}

/** Aborts `tx` if `work` fails before committing, so a half-done write never lands. */
async function atomically<T>(
  tx: { abort(): void; done: Promise<void> },
  work: () => Promise<T>,
): Promise<T> {
  try {
    const result = await work();
    await tx.done;
    return result;
  } catch (e) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await tx.done.catch(() => undefined);
    throw e;
  }
}

/** Strictly later than `previous`, even when the clock stands still or went back. */
function laterThan(previous: string, now: Date): string {
  const prev = Date.parse(previous);
  const t = Number.isNaN(prev) || now.getTime() > prev ? now.getTime() : prev + 1;
  return new Date(t).toISOString();
}

/** Text folded for search: lower case, accents dropped, white space collapsed. */
export function foldForSearch(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

interface ParsedQuery {
  terms: string[];
  tags: string[];
}

export function parseSearchQuery(query: string): ParsedQuery {
  const terms: string[] = [];
  const tags: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (const m of query.matchAll(re)) {
    const phrase = m[1];
    const word = m[2] ?? '';
    if (phrase !== undefined) {
      if (phrase.trim()) terms.push(foldForSearch(phrase.trim()));
    } else if (/^#./.test(word)) tags.push(foldForSearch(word.slice(1)));
    else if (/^tag:./i.test(word)) tags.push(foldForSearch(word.slice(4)));
    else terms.push(foldForSearch(word));
  }
  return { terms, tags };
}

function haystack(note: Note): string {
  return foldForSearch(
    [
      noteText(note),
      noteQuote(note),
      note.quotelens.speaker ?? '',
      noteTags(note).join(' '),
      note.quotelens.title,
      note.quotelens.site,
    ].join('\n'),
  );
}

export function matchesQuery(note: Note, q: ParsedQuery): boolean {
  if (q.tags.length) {
    const tags = noteTags(note).map(foldForSearch);
    if (!q.tags.every((t) => tags.includes(t))) return false;
  }
  if (!q.terms.length) return true;
  const hay = haystack(note);
  return q.terms.every((t) => hay.includes(t));
}

function pageSize(limit: number | undefined): number {
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit ?? DEFAULT_PAGE_SIZE)));
}

function encodeCursor(key: unknown): string {
  return JSON.stringify(key);
}

function decodeCursor(cursor: string | null | undefined, order: NotesOrder): IDBValidKey[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(cursor) as unknown;
    const len = order === 'recent' ? 2 : 3;
    if (Array.isArray(key) && key.length === len && key.every((k) => typeof k === 'string')) {
      return key as string[];
    }
  } catch {
    // fall through
  }
  throw new NotesError('invalid', 'That list position is no longer valid; start from the top.');
}

/**
 * One page of live (not soft-deleted) records from an index, walking a raw cursor: a promise
 * per record (idb's cursor) costs ten times more over thousands of notes.
 */
function livePage(
  index: IDBIndex,
  range: IDBKeyRange | undefined,
  direction: IDBCursorDirection,
  limit: number,
): Promise<{ records: NoteRecord[]; lastKey: IDBValidKey | null; more: boolean }> {
  return new Promise((resolve, reject) => {
    const records: NoteRecord[] = [];
    let lastKey: IDBValidKey | null = null;
    const request = index.openCursor(range, direction);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return resolve({ records, lastKey, more: false });
      const record = cursor.value as NoteRecord;
      if (record.deletedAt === null) {
        if (records.length === limit) return resolve({ records, lastKey, more: true });
        records.push(record);
        lastKey = cursor.key;
      }
      cursor.continue();
    };
  });
}

function validateDraft(draft: NoteDraft): string | null {
  const source = articleSource(draft.url, draft.canonical);
  if (!source) return 'The page address is not a web address (http or https).';
  if (draft.text.length > MAX_NOTE_TEXT) return 'The note is longer than 100,000 characters.';
  if (!draft.text.trim() && cleanTags(draft.tags).length === 0) return 'The note is empty.';
  const q = draft.selectors.quote;
  if (!q.exact.trim()) return 'The note is not attached to any text.';
  if (q.exact.length > MAX_QUOTE_TEXT) return 'The selected text is longer than 20,000 characters.';
  if (q.prefix.length > MAX_CONTEXT_TEXT || q.suffix.length > MAX_CONTEXT_TEXT) {
    return 'The text around the selection is too long.';
  }
  if (draft.title.length > MAX_TITLE) return 'The article title is longer than 2,000 characters.';
  if (draft.url.length > MAX_URL) return 'The page address is longer than 8,000 characters.';
  if ((draft.speaker ?? '').length > MAX_SPEAKER) return 'The speaker name is too long.';
  return tagsProblem(draft.tags);
}

function tagsProblem(tags: readonly string[] | undefined): string | null {
  if ((tags?.length ?? 0) > MAX_TAGS) return `A note takes at most ${MAX_TAGS} tags.`;
  if (tags?.some((t) => t.length > MAX_TAG)) return `A tag is longer than ${MAX_TAG} characters.`;
  return null;
}

function byTextPosition(a: Note, b: Note): number {
  const pa = noteSelectors(a).position?.start ?? Number.MAX_SAFE_INTEGER;
  const pb = noteSelectors(b).position?.start ?? Number.MAX_SAFE_INTEGER;
  return pa - pb || a.created.localeCompare(b.created);
}

const FIELDS: readonly EditableField[] = ['text', 'tags', 'speaker', 'selectors'];

function fieldValue(note: Note, field: EditableField): string {
  switch (field) {
    case 'text':
      return noteText(note);
    case 'tags':
      return JSON.stringify(noteTags(note));
    case 'speaker':
      return note.quotelens.speaker ?? '';
    case 'selectors':
      return JSON.stringify(noteSelectors(note));
  }
}

function patchValue(patch: NotePatch, field: EditableField): string | undefined {
  switch (field) {
    case 'text':
      return patch.text;
    case 'tags':
      return patch.tags && JSON.stringify(cleanTags(patch.tags));
    case 'speaker':
      return patch.speaker === undefined ? undefined : (patch.speaker ?? '');
    case 'selectors':
      return patch.selectors && JSON.stringify(patch.selectors);
  }
}

/** Drafts older than this are dropped (a reader does not come back to a month-old draft). */
export const DRAFT_KEEP_MS = 30 * 24 * 60 * 60 * 1000;
export const MAX_DRAFTS_PER_READ = 1000;

export interface NotesStore {
  add(draft: NoteDraft): Promise<Note>;
  /** The article key a note (live or deleted) is filed under, or null when there is none. */
  keyOf(id: string): Promise<string | null>;
  /** Drafts by key (missing keys left out). */
  drafts(keys: readonly string[]): Promise<Map<string, DraftRecord>>;
  /** Keeps one draft (its own record), or drops it (null). */
  putDraft(key: string, draft: { body: string; tags: string[] } | null): Promise<void>;
  get(id: string): Promise<Note>;
  update(id: string, patch: NotePatch): Promise<Note>;
  delete(id: string): Promise<Note>;
  restore(id: string): Promise<Note>;
  listForPage(
    url: string,
    canonical?: string | null,
  ): Promise<{ articleKey: string; notes: Note[] }>;
  countForPage(
    url: string,
    canonical?: string | null,
  ): Promise<{ articleKey: string; count: number }>;
  listAll(query?: NotesPageQuery): Promise<NotesPage>;
  search(query: string, page?: NotesPageQuery): Promise<NotesPage>;
  exportAll(format: 'jsonld' | 'markdown'): Promise<ExportFile>;
  /** The next piece of an export (null cursor: the first); see lib/notes/backup.ts. */
  exportChunk(format: BackupFormat, cursor: string | null, limit?: number): Promise<ExportChunk>;
  /** A whole file at once (small files): all or nothing; never replaces a note of yours. */
  importJsonLd(text: string): Promise<ImportSummary>;
  /** A file of any size, chunk by chunk: begin, chunks, then commit (or cancel: no change). */
  importBegin(): Promise<string>;
  importChunk(importId: string, items: readonly string[], first: number): Promise<number>;
  importCommit(importId: string): Promise<ImportSummary>;
  importCancel(importId: string): Promise<void>;
  /** Drops imports left half-way (by a restart). */
  clearStagedImports(): Promise<void>;
  purgeDeleted(olderThanMs: number): Promise<number>;
  requestPersistence(storage: StorageManagerLike | undefined): Promise<PersistResult>;
  close(): Promise<void>;
}

export function createNotesStore(options: NotesStoreOptions = {}): NotesStore {
  const open = options.openDb ?? (() => openNotesDb());
  const now = options.now ?? (() => new Date());
  let dbPromise: Promise<NotesDb> | null = null;

  /** One connection, reopened if the browser or an upgrade closed it. */
  function db(): Promise<NotesDb> {
    if (!dbPromise) {
      const p = open()
        .catch((e: unknown) => {
          if ((e as { name?: unknown } | null)?.name === 'VersionError') {
            throw new NotesError(
              'internal',
              'Your notes were saved by a newer version of QuoteLens; update the extension to open them.',
            );
          }
          throw e;
        })
        .then((d) => {
          d.addEventListener('close', () => {
            if (dbPromise === p) dbPromise = null;
          });
          d.addEventListener('versionchange', () => {
            if (dbPromise === p) dbPromise = null;
          });
          return d;
        });
      p.catch(() => {
        if (dbPromise === p) dbPromise = null;
      });
      dbPromise = p;
    }
    return dbPromise;
  }

  function changed(records: readonly Pick<NoteRecord, 'articleKey' | 'id'>[]): void {
    if (!records.length) return;
    options.onChange?.({
      articleKeys: [...new Set(records.map((r) => r.articleKey))],
      // A big import names only its first ids (the broadcast reaches every tab); the article
      // keys are always complete, and they are what listeners compare.
      ids: records.slice(0, MAX_BROADCAST_IDS).map((r) => r.id),
    });
  }

  /** Reads a record, applies `change` and writes it back, all in one transaction. */
  async function modify(
    id: string,
    change: (record: NoteRecord) => NoteRecord,
    allowDeleted = false,
  ): Promise<NoteRecord> {
    const d = await db();
    const record = await guardQuota(() => {
      const tx = d.transaction('notes', 'readwrite');
      return atomically(tx, async () => {
        const current = await tx.store.get(id);
        if (!current || (current.deletedAt !== null && !allowDeleted)) {
          throw new NotesError('not-found', 'That note no longer exists.');
        }
        const next = change(current);
        await tx.store.put(next);
        return next;
      });
    });
    changed([record]);
    return record;
  }

  return {
    async add(draft) {
      const problem = validateDraft(draft);
      if (problem) throw new NotesError('invalid', problem);
      const source = articleSource(draft.url, draft.canonical) as string;
      // The address the reader had open, minus tracking parameters and fragment.
      const url = cleanUrl(draft.url) ?? draft.url;
      const note = buildNote({ draft: { ...draft, url }, source, now: now() });
      const record = toRecord(note);
      record.articleKey = articleKey(draft.url, draft.canonical) ?? record.articleKey;
      const d = await db();
      await guardQuota(() => {
        const tx = d.transaction('notes', 'readwrite');
        return atomically(tx, () => tx.store.add(record));
      });
      changed([record]);
      return note;
    },

    async keyOf(id) {
      return (await (await db()).get('notes', id))?.articleKey ?? null;
    },

    async drafts(keys) {
      const d = await db();
      const tx = d.transaction('drafts');
      const oldest = now().getTime() - DRAFT_KEEP_MS;
      const found = await Promise.all(
        keys.slice(0, MAX_DRAFTS_PER_READ).map((k) => tx.store.get(k)),
      );
      await tx.done;
      const out = new Map<string, DraftRecord>();
      for (const r of found) if (r && r.at >= oldest) out.set(r.key, r);
      return out;
    },

    async putDraft(key, draft) {
      const d = await db();
      if (!draft) return void (await d.delete('drafts', key));
      if (draft.body.length > MAX_NOTE_TEXT) {
        throw new NotesError('invalid', 'The note is longer than 100,000 characters.');
      }
      const record: DraftRecord = {
        key,
        body: draft.body,
        tags: cleanTags(draft.tags),
        at: now().getTime(),
      };
      await guardQuota(() => d.put('drafts', record));
    },

    async get(id) {
      const record = await (await db()).get('notes', id);
      if (!record || record.deletedAt !== null) {
        throw new NotesError('not-found', 'That note no longer exists.');
      }
      return record.annotation;
    },

    async update(id, patch) {
      if (patch.text !== undefined && patch.text.length > MAX_NOTE_TEXT) {
        throw new NotesError('invalid', 'The note is longer than 100,000 characters.');
      }
      const tagIssue = tagsProblem(patch.tags);
      if (tagIssue) throw new NotesError('invalid', tagIssue);
      const record = await modify(id, (current) => {
        const modified = laterThan(current.annotation.modified, now());
        // Tracking starts at the first edit: every field then last changed at `modified`.
        const edited: Partial<Record<EditableField, string>> = current.edited
          ? { ...current.edited }
          : Object.fromEntries(FIELDS.map((f) => [f, current.annotation.modified]));
        for (const field of FIELDS) {
          const mine = patchValue(patch, field);
          if (mine === undefined || mine === fieldValue(current.annotation, field)) continue;
          // An editor that opened before this field last changed would overwrite that change.
          const changedAt = current.edited?.[field] ?? current.annotation.modified;
          if (patch.base !== undefined && changedAt > patch.base) {
            throw new ConflictError(current.annotation);
          }
          edited[field] = modified;
        }
        const { base: _base, ...fields } = patch;
        const annotation = applyPatch(current.annotation, fields, modified);
        if (!noteText(annotation).trim() && noteTags(annotation).length === 0) {
          throw new NotesError('invalid', 'The note is empty; delete it instead.');
        }
        if (patch.selectors && !noteSelectors(annotation).quote.exact.trim()) {
          throw new NotesError('invalid', 'The note is not attached to any text.');
        }
        return { ...toRecord(annotation), articleKey: current.articleKey, edited };
      });
      return record.annotation;
    },

    async delete(id) {
      const record = await modify(id, (current) => ({
        ...current,
        deletedAt: laterThan(current.annotation.modified, now()),
      }));
      return record.annotation;
    },

    async restore(id) {
      const record = await modify(
        id,
        (current) => {
          if (current.deletedAt === null) return current;
          const annotation = {
            ...current.annotation,
            modified: laterThan(current.deletedAt, now()),
          };
          return { ...toRecord(annotation), articleKey: current.articleKey };
        },
        true,
      );
      return record.annotation;
    },

    async listForPage(url, canonical) {
      const keys = articleKeys(url, canonical);
      const primary = keys[0];
      if (!primary) throw new NotesError('invalid', 'The page address is not a web address.');
      const tx = (await db()).transaction('notes');
      const index = tx.store.index('by-article');
      const seen = new Set<string>();
      const notes: Note[] = [];
      for (const key of keys) {
        for (const r of await index.getAll(key)) {
          if (r.deletedAt === null && !seen.has(r.id)) {
            seen.add(r.id);
            notes.push(r.annotation);
          }
        }
      }
      await tx.done;
      return { articleKey: primary, notes: notes.sort(byTextPosition) };
    },

    async countForPage(url, canonical) {
      const { articleKey: key, notes } = await this.listForPage(url, canonical);
      return { articleKey: key, count: notes.length };
    },

    async listAll(query = {}) {
      const order = query.order ?? 'recent';
      const limit = pageSize(query.limit);
      const after = decodeCursor(query.cursor, order);
      const tx = (await db()).transaction('notes');
      const indexName = order === 'recent' ? 'by-recent' : 'by-article-created';
      const index = tx.store.index(indexName);
      const range = after
        ? order === 'recent'
          ? IDBKeyRange.upperBound(after, true)
          : IDBKeyRange.lowerBound(after, true)
        : undefined;
      const { records, lastKey, more } = await livePage(
        unwrap(index),
        range,
        order === 'recent' ? 'prev' : 'next',
        limit,
      );
      const notes = records.map((r) => r.annotation);
      const total = (await tx.store.count()) - (await tx.store.index('by-deleted').count());
      await tx.done;
      return { notes, next: more && lastKey ? encodeCursor(lastKey) : null, total };
    },

    async search(query, page = {}) {
      const parsed = parseSearchQuery(query);
      const limit = pageSize(page.limit);
      let offset = 0;
      if (page.cursor) {
        const m = /^o:(\d+)$/.exec(page.cursor);
        if (!m) throw new NotesError('invalid', 'That list position is no longer valid.');
        offset = Number(m[1]);
      }
      const all = await (await db()).getAll('notes');
      const hits = all
        .filter((r) => r.deletedAt === null && matchesQuery(r.annotation, parsed))
        .map((r) => r.annotation);
      if ((page.order ?? 'recent') === 'recent') {
        hits.sort((a, b) => b.modified.localeCompare(a.modified) || b.id.localeCompare(a.id));
      } else {
        hits.sort(
          (a, b) =>
            a.target.source.localeCompare(b.target.source) || a.created.localeCompare(b.created),
        );
      }
      const notes = hits.slice(offset, offset + limit);
      const end = offset + notes.length;
      return { notes, next: end < hits.length ? `o:${end}` : null, total: hits.length };
    },

    async exportAll(format) {
      const d = await db();
      const date = now();
      const parts: string[] = [];
      let cursor: string | null = null;
      do {
        const chunk: ExportChunk = await exportChunk(d, format, cursor, EXPORT_CHUNK_NOTES, date);
        parts.push(chunk.text);
        cursor = chunk.next;
      } while (cursor);
      const stamp = date.toISOString().slice(0, 10);
      return format === 'jsonld'
        ? {
            text: parts.join(''),
            filename: `quotelens-notes-${stamp}.jsonld`,
            mime: 'application/ld+json',
          }
        : { text: parts.join(''), filename: `quotelens-notes-${stamp}.md`, mime: 'text/markdown' };
    },

    async exportChunk(format, cursor, limit = EXPORT_CHUNK_NOTES) {
      try {
        return await exportChunk(await db(), format, cursor, limit, now());
      } catch (e) {
        if (e instanceof Error && /export position/.test(e.message)) {
          throw new NotesError('invalid', e.message);
        }
        throw e;
      }
    },

    async importJsonLd(text) {
      const d = await db();
      try {
        const { summary, written } = await guardQuota(() => importText(d, text, newImportId()));
        changed(written);
        return summary;
      } catch (e) {
        if (e instanceof ImportError)
          throw new NotesError('invalid', `Cannot import: ${e.message}.`);
        throw e;
      }
    },

    async importBegin() {
      return newImportId();
    },

    async importChunk(importId, items, first) {
      const d = await db();
      try {
        return await guardQuota(() => stageItems(d, importId, items, first));
      } catch (e) {
        await cancelImport(d, importId).catch(() => undefined);
        if (e instanceof ImportError)
          throw new NotesError('invalid', `Cannot import: ${e.message}.`);
        throw e;
      }
    },

    async importCommit(importId) {
      const d = await db();
      try {
        const { summary, written } = await guardQuota(() => commitImport(d, importId));
        changed(written);
        return summary;
      } catch (e) {
        await cancelImport(d, importId).catch(() => undefined);
        throw e;
      }
    },

    async importCancel(importId) {
      await cancelImport(await db(), importId);
    },

    async clearStagedImports() {
      await clearStaging(await db());
    },

    async purgeDeleted(olderThanMs) {
      const cutoff = new Date(now().getTime() - olderThanMs).toISOString();
      const tx = (await db()).transaction('notes', 'readwrite');
      const removed: NoteRecord[] = [];
      let cursor = await tx.store.index('by-deleted').openCursor(IDBKeyRange.upperBound(cutoff));
      while (cursor) {
        removed.push(cursor.value);
        await cursor.delete();
        cursor = await cursor.continue();
      }
      await tx.done;
      changed(removed);
      return removed.length;
    },

    async requestPersistence(storage) {
      const d = await db();
      const asked = await d.get('meta', 'persist');
      if (asked === 'persisted') return 'persisted';
      if (!storage?.persist) return 'unavailable';
      if (asked === 'refused') return 'refused';
      const already = (await storage.persisted?.()) ?? false;
      const granted = already || (await storage.persist());
      const result: PersistResult = granted ? 'persisted' : 'refused';
      await d.put('meta', result, 'persist');
      return result;
    },

    async close() {
      const p = dbPromise;
      dbPromise = null;
      if (p) (await p).close();
    },
  };
}
