/**
 * Backups of any size: export in chunks (a page of notes at a time, each chunk a piece of the
 * file's text), and import in chunks — each chunk validated and staged in the database's
 * `import-staging` store, then committed in one transaction, or cancelled leaving nothing
 * changed. No step holds the whole file or every note at once, and no message carries more
 * than one chunk.
 *
 * An import never replaces a note of the reader's: a note whose id is already here, newer and
 * with other content (another computer's edit, or a forged date), is kept beside it as a copy
 * (with an id derived from its content, so importing the same file again adds nothing), and
 * the summary says how many. An older copy of a note edited here since is skipped.
 */
import { unwrap } from 'idb';
import type { ImportSummary } from '../messages';
import { type NoteRecord, type NotesDb, type StagedNote, toRecord } from './db';
import { createItemScanner, ImportScanError } from './import-stream';
import {
  EXPORT_CONTEXT,
  markdownUrl,
  type Note,
  newNoteId,
  noteQuote,
  noteSelectors,
  noteTags,
  noteText,
  validateNote,
} from './web-annotation';

export type BackupFormat = 'jsonld' | 'markdown';

export interface ExportChunk {
  text: string;
  /** Pass back for the next chunk; null after the last. */
  next: string | null;
  /** Notes written so far, and how many there were when the export began. */
  done: number;
  total: number;
}

interface ExportCursor {
  key: IDBValidKey | null;
  done: number;
  total: number;
  /** Markdown: the article of the last note written (a new one starts a section). */
  article: string | null;
  date: string;
}

export const EXPORT_CHUNK_NOTES = 2000;
export const MAX_EXPORT_CHUNK_NOTES = 5000;
/** Notes validated and staged per import request. */
export const IMPORT_CHUNK_NOTES = 2000;

// ── Export ──

/** Live notes after `after` in the by-article-created index, up to `limit`. */
function notesAfter(
  db: NotesDb,
  after: IDBValidKey | null,
  limit: number,
): Promise<{ notes: NoteRecord[]; lastKey: IDBValidKey | null }> {
  return new Promise((resolve, reject) => {
    const tx = unwrap(db.transaction('notes'));
    const index = tx.objectStore('notes').index('by-article-created');
    const range = after === null ? undefined : IDBKeyRange.lowerBound(after, true);
    const notes: NoteRecord[] = [];
    let lastKey: IDBValidKey | null = null;
    const request = index.openCursor(range);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor || notes.length >= limit) return resolve({ notes, lastKey });
      const r = cursor.value as NoteRecord;
      lastKey = cursor.key;
      if (r.deletedAt === null) notes.push(r);
      cursor.continue();
    };
  });
}

async function liveCount(db: NotesDb): Promise<number> {
  const tx = db.transaction('notes');
  const total = (await tx.store.count()) - (await tx.store.index('by-deleted').count());
  await tx.done;
  return total;
}

const mdEscape = (s: string) => s.replace(/([\\`*_[\]<>#|!()&])/g, '\\$1');

function markdownNote(n: Note): string {
  const quote = noteQuote(n)
    .split('\n')
    .map((l) => `> ${mdEscape(l)}`)
    .join('\n');
  const who = n.quotelens.speaker ? ` — ${mdEscape(n.quotelens.speaker)}` : '';
  const out = [`${quote}${who}`, '', mdEscape(noteText(n)), ''];
  const tags = noteTags(n);
  if (tags.length) out.push(`Tags: ${tags.map((t) => `#${mdEscape(t)}`).join(' ')}`, '');
  out.push(`*${n.modified.slice(0, 10)}*`, '', '---', '');
  return out.join('\n');
}

function markdownSection(n: Note): string {
  const title = n.quotelens.title || n.target.source;
  const site = n.quotelens.site ? ` · ${mdEscape(n.quotelens.site)}` : '';
  return [`## ${mdEscape(title)}`, '', `<${markdownUrl(n.target.source)}>${site}`, '', ''].join(
    '\n',
  );
}

function jsonLdHeader(total: number, date: string): string {
  const head = JSON.stringify(
    {
      '@context': EXPORT_CONTEXT,
      id: newNoteId(),
      type: 'AnnotationCollection',
      label: 'QuoteLens notes',
      total,
      generated: date,
      first: { type: 'AnnotationPage', startIndex: 0, items: [] },
    },
    null,
    2,
  );
  // Open the items array; the items and the closing brackets follow chunk by chunk.
  return head.replace(/\[\]\s*\n\s*\}\s*\n\}$/, '[\n');
}

/** The next piece of an export file. */
export async function exportChunk(
  db: NotesDb,
  format: BackupFormat,
  cursorText: string | null,
  limit: number,
  now: Date,
): Promise<ExportChunk> {
  let cursor: ExportCursor;
  const parts: string[] = [];
  if (cursorText) {
    try {
      cursor = JSON.parse(cursorText) as ExportCursor;
    } catch {
      throw new Error('That export position is no longer valid; start the export again.');
    }
  } else {
    const total = await liveCount(db);
    cursor = { key: null, done: 0, total, article: null, date: now.toISOString() };
    parts.push(
      format === 'jsonld'
        ? jsonLdHeader(total, cursor.date)
        : `# QuoteLens notes\n\nExported ${cursor.date} · ${total} note${total === 1 ? '' : 's'}\n\n`,
    );
  }
  const size = Math.max(1, Math.min(MAX_EXPORT_CHUNK_NOTES, Math.floor(limit)));
  const { notes, lastKey } = await notesAfter(db, cursor.key, size);
  for (const r of notes) {
    const n = r.annotation;
    if (format === 'jsonld') {
      const { '@context': _drop, ...rest } = n;
      const json = JSON.stringify(rest, null, 2).replace(/\n/g, '\n      ');
      parts.push(`${cursor.done > 0 ? ',\n' : ''}      ${json}`);
    } else {
      if (r.articleKey !== cursor.article) parts.push(markdownSection(n));
      cursor.article = r.articleKey;
      parts.push(markdownNote(n));
    }
    cursor.done++;
  }
  const end = lastKey === null || notes.length < size;
  if (end && format === 'jsonld') parts.push(`${cursor.done > 0 ? '\n' : ''}    ]\n  }\n}\n`);
  const next = end ? null : JSON.stringify({ ...cursor, key: lastKey });
  return { text: parts.join(''), next, done: cursor.done, total: cursor.total };
}

// ── Import ──

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

/** Validates raw annotation texts (record numbers from `firstIndex`) and stages them. */
export async function stageItems(
  db: NotesDb,
  importId: string,
  items: readonly (string | unknown)[],
  firstIndex: number,
): Promise<number> {
  const staged: StagedNote[] = [];
  for (const [i, item] of items.entries()) {
    const n = firstIndex + i + 1;
    let raw: unknown = item;
    if (typeof item === 'string') {
      try {
        raw = JSON.parse(item);
      } catch (e) {
        throw new ImportError(`record ${n} is not valid JSON (${(e as Error).message})`);
      }
    }
    const r = validateNote(raw);
    if (!r.ok) {
      const id =
        typeof (raw as { id?: unknown })?.id === 'string'
          ? ` (${String((raw as { id: string }).id).slice(0, 80)})`
          : '';
      throw new ImportError(`record ${n}${id} ${r.error}`);
    }
    staged.push({ importId, seq: firstIndex + i, annotation: r.value });
  }
  const tx = db.transaction('import-staging', 'readwrite');
  const puts = staged.map((s) => tx.store.put(s));
  for (const p of puts) p.catch(() => undefined);
  await Promise.all([...puts, tx.done]);
  return staged.length;
}

export async function cancelImport(db: NotesDb, importId: string): Promise<void> {
  const range = IDBKeyRange.bound([importId, 0], [importId, Number.MAX_SAFE_INTEGER]);
  await db.delete('import-staging', range);
}

/** Drops every staged import (one interrupted by a restart never half-lands). */
export async function clearStaging(db: NotesDb): Promise<void> {
  await db.clear('import-staging');
}

/** Same words on the same text of the same article: nothing to import. */
function sameContent(a: Note, b: Note): boolean {
  return (
    a.target.source === b.target.source &&
    noteText(a) === noteText(b) &&
    JSON.stringify(noteTags(a)) === JSON.stringify(noteTags(b)) &&
    JSON.stringify(noteSelectors(a).quote) === JSON.stringify(noteSelectors(b).quote)
  );
}

/** 32-bit FNV-1a with a seed: four of them name a copy by its content, deterministically. */
function fnv(s: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The id of the copy kept of an imported note whose id is taken by another note here. */
export function copyId(note: Note): string {
  const key = `${note.id}\n${note.modified}\n${noteText(note)}\n${noteTags(note).join('\n')}`;
  const hex = [1, 2, 3, 4].map((s) => fnv(key, s).toString(16).padStart(8, '0')).join('');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Commits a staged import in one transaction (all of it lands, or none of it), a batch of
 * staged notes at a time with their reads pipelined. Returns the summary and the records
 * written (the first 1,000, for the change notice).
 */
export async function commitImport(
  db: NotesDb,
  importId: string,
): Promise<{ summary: ImportSummary; written: Pick<NoteRecord, 'id' | 'articleKey'>[] }> {
  const tx = db.transaction(['import-staging', 'notes'], 'readwrite');
  const staging = tx.objectStore('import-staging');
  const notes = tx.objectStore('notes');
  const summary: ImportSummary = { added: 0, updated: 0, skipped: 0, copies: 0 };
  const written: Pick<NoteRecord, 'id' | 'articleKey'>[] = [];
  /** Ids this import wrote, with the `modified` written (a file may hold a note twice). */
  const mine = new Map<string, string>();
  const puts: Promise<unknown>[] = [];
  const put = (note: Note) => {
    const record = toRecord(note);
    const p = notes.put(record);
    // If a later write fails, the abort rejects this one too: not an unhandled error.
    p.catch(() => undefined);
    puts.push(p);
    mine.set(note.id, note.modified);
    if (written.length < 1000) written.push({ id: record.id, articleKey: record.articleKey });
  };
  try {
    let from = 0;
    for (;;) {
      const range = IDBKeyRange.bound([importId, from], [importId, Number.MAX_SAFE_INTEGER]);
      const batch = await staging.getAll(range, IMPORT_CHUNK_NOTES);
      if (!batch.length) break;
      from = (batch[batch.length - 1] as StagedNote).seq + 1;
      const locals = await Promise.all(batch.map((s) => notes.get(s.annotation.id)));
      const copies: Note[] = [];
      for (const [i, staged] of batch.entries()) {
        const incoming = staged.annotation;
        const earlier = mine.get(incoming.id);
        if (earlier !== undefined) {
          // The same note twice in one file: the later-modified copy is the one kept.
          summary.skipped++;
          if (Date.parse(incoming.modified) > Date.parse(earlier)) put(incoming);
          continue;
        }
        const local = locals[i];
        if (!local) {
          summary.added++;
          put(incoming);
        } else if (local.deletedAt !== null) {
          // Deleted here after this copy was made: it stays deleted; a newer copy comes back.
          if (Date.parse(incoming.modified) > Date.parse(local.deletedAt)) {
            summary.updated++;
            put(incoming);
          } else summary.skipped++;
        } else if (
          // Same content, or an older copy of a note edited here since: yours stays.
          sameContent(local.annotation, incoming) ||
          Date.parse(incoming.modified) <= Date.parse(local.annotation.modified)
        ) {
          summary.skipped++;
        } else {
          // Another note of the reader's has this id: never replaced; kept beside it as a copy.
          copies.push({ ...incoming, id: copyId(incoming) });
        }
      }
      const there = await Promise.all(copies.map((c) => notes.get(c.id)));
      for (const [i, copy] of copies.entries()) {
        if (there[i] || mine.has(copy.id)) summary.skipped++;
        else {
          summary.copies = (summary.copies ?? 0) + 1;
          put(copy);
        }
      }
    }
    await Promise.all(puts);
    await staging.delete(IDBKeyRange.bound([importId, 0], [importId, Number.MAX_SAFE_INTEGER]));
    await tx.done;
    return { summary, written };
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

/** Reads a whole text through the chunked path (small files, tests): all or nothing. */
export async function importText(
  db: NotesDb,
  text: string,
  importId: string,
): Promise<{ summary: ImportSummary; written: Pick<NoteRecord, 'id' | 'articleKey'>[] }> {
  const scanner = createItemScanner();
  try {
    let index = 0;
    const CHUNK = 4_000_000;
    let batch: string[] = [];
    for (let at = 0; at < text.length || at === 0; at += CHUNK) {
      for (const item of scanner.push(text.slice(at, at + CHUNK))) batch.push(item);
      if (batch.length >= IMPORT_CHUNK_NOTES) {
        index += await stageItems(db, importId, batch, index);
        batch = [];
      }
      if (text.length === 0) break;
    }
    scanner.end();
    if (batch.length) await stageItems(db, importId, batch, index);
    return await commitImport(db, importId);
  } catch (e) {
    await cancelImport(db, importId).catch(() => undefined);
    if (e instanceof ImportScanError) throw new ImportError(e.message);
    throw e;
  }
}
