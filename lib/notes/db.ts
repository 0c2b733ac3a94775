/**
 * The notes database: one IndexedDB database (through `idb`), its schema and its migrations.
 * Opened only in the extension's own origin (background, extension pages, tests) — never in
 * a content script, where it would land in the web page's storage for the page to read.
 *
 * Versions (each migration runs once, in order, inside the upgrade transaction):
 *   v1  store `notes` {id, articleKey, annotation} keyed by id; index `by-article`.
 *   v2  derived fields created / modified / tags / deletedAt on every record (filled from the
 *       annotation for v1 records, article keys re-normalised), indexes `by-recent`,
 *       `by-article-created`, `by-tag` (multiEntry) and `by-deleted` (soft-deleted notes
 *       only); store `meta` (key → value).
 *   v3  `addDraftsAndImportStaging` (issue 14): store `drafts` — one record per unsaved
 *       draft, keyed by its editor's key (a tab's draft write never replaces another's) — and
 *       store `import-staging`, where a streamed import waits, chunk by chunk, until it is
 *       committed in one transaction (or cancelled, changing nothing). Notes are untouched.
 *   v4  `addArchive` (issue 15): the reader's archive of who said what — stores
 *       `archive-articles` (keyed by canonical article key; indexes `by-site`, `by-read`,
 *       `by-person` multiEntry), `archive-statements` (indexes `by-article`,
 *       `by-person-date`, `by-word` multiEntry), `archive-people`, `archive-pins`. Notes, drafts
 *       and staging are untouched; the archive starts empty (nothing is kept before opt-in).
 *   v5  `packWordIndex` (issue 15): the statements' multiEntry `by-word` index becomes store
 *       `archive-postings` — per word and block of articles, one record of packed statement
 *       numbers (lib/archive/postings.ts), index `by-block` — filled from the statements, whose
 *       `words` field is dropped. Everything else is untouched.
 * Adding v6: bump DB_VERSION, add MIGRATIONS[6], add a test opening a v5 database under v6.
 */
import {
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  openDB,
  type StoreNames,
} from 'idb';
import { type PostingRecord, postingsOf } from '../archive/postings';
import type {
  ArchiveArticle,
  ArchivePerson,
  ArchivePin,
  ArchiveStatement,
} from '../archive/records';
import { searchWords } from '../archive/words';
import { normalizeUrl } from './url';
import { type Note, noteTags } from './web-annotation';

export const DB_NAME = 'quotelens-notes';
export const DB_VERSION = 5;

/** A stored note: the annotation plus the fields indexes need. */
export interface NoteRecord {
  id: string;
  /** lib/notes/url.ts articleKey of annotation.target.source. */
  articleKey: string;
  annotation: Note;
  /** = annotation.created / .modified (ISO strings sort by time). */
  created: string;
  modified: string;
  /** Lower-cased tags, for the multiEntry tag index. */
  tags: string[];
  /** Soft delete: set while a deleted note can still be restored (undo); null when live. */
  deletedAt: string | null;
  /**
   * When each field last changed (ISO), so a save from an older editor is refused only when it
   * would overwrite a field changed since that editor opened. Absent: `modified` stands in.
   */
  edited?: Partial<Record<EditableField, string>>;
}

export type EditableField = 'text' | 'tags' | 'speaker' | 'selectors';

/** An unsaved draft (v3): one record each, keyed by its editor ('new|…' or 'edit|<note id>'). */
export interface DraftRecord {
  key: string;
  body: string;
  tags: string[];
  /** Epoch ms of the last keystroke kept. */
  at: number;
}

/** A note of an import in progress (v3), waiting for the import's commit. */
export interface StagedNote {
  importId: string;
  seq: number;
  annotation: Note;
}

/** What v1 stored (kept for the migration and its test). */
export interface NoteRecordV1 {
  id: string;
  articleKey: string;
  annotation: Note;
}

export interface NotesSchema extends DBSchema {
  notes: {
    key: string;
    value: NoteRecord;
    indexes: {
      'by-article': string;
      'by-recent': [string, string];
      'by-article-created': [string, string, string];
      'by-tag': string;
      'by-deleted': string;
    };
  };
  meta: {
    key: string;
    value: unknown;
  };
  drafts: {
    key: string;
    value: DraftRecord;
    indexes: { 'by-at': number };
  };
  'import-staging': {
    key: [string, number];
    value: StagedNote;
  };
  'archive-articles': {
    key: string;
    value: ArchiveArticle;
    indexes: { 'by-site': string; 'by-read': string; 'by-person': string };
  };
  'archive-statements': {
    key: string;
    value: ArchiveStatement;
    indexes: { 'by-article': string; 'by-person-date': [string, string] };
  };
  'archive-postings': {
    key: [string, number];
    value: PostingRecord;
    indexes: { 'by-block': [number, string] };
  };
  'archive-people': {
    key: string;
    value: ArchivePerson;
  };
  'archive-pins': {
    key: string;
    value: ArchivePin;
    indexes: { 'by-person': string };
  };
}

export type NotesDb = IDBPDatabase<NotesSchema>;
type UpgradeTx = IDBPTransaction<NotesSchema, StoreNames<NotesSchema>[], 'versionchange'>;
type Migration = (db: NotesDb, tx: UpgradeTx) => Promise<void> | void;

/** The record for an annotation (derived fields recomputed). */
export function toRecord(annotation: Note, deletedAt: string | null = null): NoteRecord {
  return {
    id: annotation.id,
    articleKey: normalizeUrl(annotation.target.source) ?? annotation.target.source,
    annotation,
    created: annotation.created,
    modified: annotation.modified,
    tags: noteTags(annotation).map((t) => t.toLowerCase()),
    deletedAt,
  };
}

export const MIGRATIONS: Record<number, Migration> = {
  1(db) {
    // The v1 schema, exactly as v1 shipped it (the store's typing is v2's; v1 had one index).
    const notes = db.createObjectStore('notes', { keyPath: 'id' });
    notes.createIndex('by-article', 'articleKey');
  },
  async 2(db, tx) {
    const notes = tx.objectStore('notes');
    notes.createIndex('by-recent', ['modified', 'id']);
    notes.createIndex('by-article-created', ['articleKey', 'created', 'id']);
    notes.createIndex('by-tag', 'tags', { multiEntry: true });
    // Live notes have deletedAt null, which is no valid key: this index holds tombstones only.
    notes.createIndex('by-deleted', 'deletedAt');
    db.createObjectStore('meta');
    // Fill the derived fields of every v1 record; nothing is dropped, even a record whose
    // annotation is damaged (it keeps its fields and gets safe defaults).
    let cursor = await notes.openCursor();
    while (cursor) {
      const old = cursor.value as unknown as NoteRecordV1 & Partial<NoteRecord>;
      const a = old.annotation;
      const fresh: NoteRecord = {
        ...old,
        articleKey: normalizeUrl(a?.target?.source ?? '') ?? old.articleKey,
        created: typeof a?.created === 'string' ? a.created : '',
        modified: typeof a?.modified === 'string' ? a.modified : (a?.created ?? ''),
        tags: Array.isArray(a?.body) ? noteTags(a).map((t) => t.toLowerCase()) : [],
        deletedAt: old.deletedAt ?? null,
      };
      await cursor.update(fresh);
      cursor = await cursor.continue();
    }
  },
  3: function addDraftsAndImportStaging(db) {
    const drafts = db.createObjectStore('drafts', { keyPath: 'key' });
    drafts.createIndex('by-at', 'at');
    db.createObjectStore('import-staging', { keyPath: ['importId', 'seq'] });
  },
  4: function addArchive(db) {
    const articles = db.createObjectStore('archive-articles', { keyPath: 'key' });
    articles.createIndex('by-site', 'site');
    articles.createIndex('by-read', 'lastRead');
    articles.createIndex('by-person', 'personIds', { multiEntry: true });
    const statements = db.createObjectStore('archive-statements', { keyPath: 'id' });
    statements.createIndex('by-article', 'articleKey');
    // Statements with no person (personId null) are left out of this index by IndexedDB.
    statements.createIndex('by-person-date', ['personId', 'readAt']);
    // v4's word index (replaced by store `archive-postings` in v5), named outside the schema.
    (statements as unknown as IDBObjectStore).createIndex('by-word', 'words', {
      multiEntry: true,
    });
    db.createObjectStore('archive-people', { keyPath: 'id' });
    const pins = db.createObjectStore('archive-pins', { keyPath: 'key' });
    pins.createIndex('by-person', 'personId');
  },
  async 5(db, tx) {
    const postings = db.createObjectStore('archive-postings', { keyPath: ['word', 'block'] });
    postings.createIndex('by-block', ['block', 'word']);
    const statements = tx.objectStore('archive-statements');
    (statements as unknown as IDBObjectStore).deleteIndex('by-word');
    const read: Array<{ id: string; words: string[] }> = [];
    let cursor = await statements.openCursor();
    while (cursor) {
      const { words, ...rest } = cursor.value as typeof cursor.value & { words?: unknown };
      read.push({
        id: rest.id,
        words: Array.isArray(words) ? (words as string[]) : searchWords(rest.text ?? ''),
      });
      if (words !== undefined) await cursor.update(rest);
      cursor = await cursor.continue();
    }
    for (const record of postingsOf(read)) await postings.put(record);
  },
};

export interface OpenOptions {
  name?: string;
  /** Only tests open an older version (to build a v1 database and migrate it). */
  version?: number;
}

/**
 * Opens (creating or migrating) the database. The connection closes itself when a newer
 * version of the extension asks to upgrade, so an update never waits on an old worker.
 */
export async function openNotesDb(options: OpenOptions = {}): Promise<NotesDb> {
  // In a content script IndexedDB belongs to the web page: the page could read every note.
  const here = (globalThis as { location?: { protocol?: string } }).location?.protocol;
  if (here === 'http:' || here === 'https:') {
    throw new Error('The notes database opens only in the extension, never in a web page.');
  }
  const version = options.version ?? DB_VERSION;
  const db = await openDB<NotesSchema>(options.name ?? DB_NAME, version, {
    async upgrade(database, oldVersion, newVersion, tx) {
      for (let v = oldVersion + 1; v <= (newVersion ?? version); v++) {
        const migrate = MIGRATIONS[v];
        if (!migrate) throw new Error(`No migration to notes database version ${v}`);
        await migrate(database, tx);
      }
    },
    blocking() {
      db.close();
    },
  });
  return db;
}
