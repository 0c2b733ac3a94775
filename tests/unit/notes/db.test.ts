import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { createArchiveStore } from '../../../lib/archive/store';
import { DB_VERSION, type NoteRecordV1, openNotesDb } from '../../../lib/notes/db';
import { buildNote, type Note } from '../../../lib/notes/web-annotation';

let n = 0;
const freshName = () => `db-test-${++n}-${Math.random()}`;

function note(i: number, source: string, tags: string[]): Note {
  return buildNote({
    draft: {
      url: source,
      title: `Article ${i}`,
      text: `note ${i}`,
      tags,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: `words ${i}`, prefix: '', suffix: '' },
      },
    },
    source,
    now: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
  });
}

/** Builds a database exactly as version 1 of the extension left it. */
async function makeV1(name: string, records: NoteRecordV1[]): Promise<void> {
  const v1 = await openNotesDb({ name, version: 1 });
  expect(v1.version).toBe(1);
  expect([...v1.objectStoreNames]).toEqual(['notes']);
  const tx = v1.transaction('notes', 'readwrite');
  // v1 records lack v2's derived fields: write them as they were.
  for (const r of records) await tx.store.put(r as never);
  await tx.done;
  v1.close();
}

describe('notes database schema and migrations', () => {
  it('creates the latest version from scratch with every store and index', async () => {
    const db = await openNotesDb({ name: freshName() });
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual([
      'archive-articles',
      'archive-people',
      'archive-pins',
      'archive-postings',
      'archive-statements',
      'drafts',
      'import-staging',
      'meta',
      'notes',
    ]);
    const indexes = [...db.transaction('notes').store.indexNames].sort();
    expect(indexes).toEqual([
      'by-article',
      'by-article-created',
      'by-deleted',
      'by-recent',
      'by-tag',
    ]);
    db.close();
  });

  it('opens a v1 database under v2 with nothing lost and the new indexes filled', async () => {
    const name = freshName();
    const a = note(1, 'https://www.example.org/a/', ['Budget', 'ferry']);
    const b = note(2, 'https://example.org/b?utm_source=x', []);
    // A v1 record whose annotation is damaged must survive the migration too.
    const damaged = { id: 'urn:uuid:damaged', articleKey: 'legacy-key', annotation: {} as Note };
    await makeV1(name, [
      // v1 stored keys as the raw source; v2 normalises them.
      { id: a.id, articleKey: a.target.source, annotation: a },
      { id: b.id, articleKey: b.target.source, annotation: b },
      damaged,
    ]);

    const db = await openNotesDb({ name, version: 2 });
    expect(db.version).toBe(2);
    const all = await db.getAll('notes');
    expect(all).toHaveLength(3);
    const ra = await db.get('notes', a.id);
    expect(ra?.annotation).toEqual(a);
    expect(ra).toMatchObject({
      articleKey: 'example.org/a',
      created: a.created,
      modified: a.modified,
      tags: ['budget', 'ferry'],
      deletedAt: null,
    });
    expect((await db.get('notes', b.id))?.articleKey).toBe('example.org/b');
    expect(await db.get('notes', 'urn:uuid:damaged')).toMatchObject({
      articleKey: 'legacy-key',
      tags: [],
      deletedAt: null,
    });
    // The v2 indexes see the migrated records.
    expect((await db.getAllFromIndex('notes', 'by-tag', 'budget')).map((r) => r.id)).toEqual([
      a.id,
    ]);
    expect(await db.countFromIndex('notes', 'by-recent')).toBe(3);
    expect(await db.countFromIndex('notes', 'by-deleted')).toBe(0);
    expect(
      (await db.getAllFromIndex('notes', 'by-article', 'example.org/a')).map((r) => r.id),
    ).toEqual([a.id]);
    db.close();
  });

  it('opens a database made by the v2 extension under v3: notes untouched, drafts one record each', async () => {
    const name = freshName();
    const a = note(4, 'https://example.org/d', ['kept']);
    const v2 = await openNotesDb({ name, version: 2 });
    expect([...v2.objectStoreNames].sort()).toEqual(['meta', 'notes']);
    const record = {
      id: a.id,
      articleKey: 'example.org/d',
      annotation: a,
      created: a.created,
      modified: a.modified,
      tags: ['kept'],
      deletedAt: null,
    };
    await v2.put('notes', record);
    await v2.put('meta', 'persisted', 'persist');
    v2.close();

    const db = await openNotesDb({ name, version: 3 });
    expect(db.version).toBe(3);
    expect(await db.get('notes', a.id)).toEqual(record);
    expect(await db.get('meta', 'persist')).toBe('persisted');
    // Two tabs' drafts are two records: writing one never replaces the other.
    await db.put('drafts', { key: 'new|tab-a', body: 'A', tags: [], at: 1 });
    await db.put('drafts', { key: 'new|tab-b', body: 'B', tags: [], at: 2 });
    expect((await db.getAll('drafts')).map((d) => d.body)).toEqual(['A', 'B']);
    await db.put('import-staging', { importId: 'i1', seq: 0, annotation: a });
    expect(await db.count('import-staging')).toBe(1);
    db.close();
  });

  it('opens a database made by the v3 extension under v4: notes, drafts, staging untouched, archive empty', async () => {
    const name = freshName();
    const a = note(5, 'https://example.org/e', ['kept']);
    const v3 = await openNotesDb({ name, version: 3 });
    expect([...v3.objectStoreNames].sort()).toEqual(['drafts', 'import-staging', 'meta', 'notes']);
    const record = {
      id: a.id,
      articleKey: 'example.org/e',
      annotation: a,
      created: a.created,
      modified: a.modified,
      tags: ['kept'],
      deletedAt: null,
    };
    await v3.put('notes', record);
    await v3.put('drafts', { key: 'new|tab-a', body: 'A', tags: [], at: 1 });
    await v3.put('import-staging', { importId: 'i1', seq: 0, annotation: a });
    v3.close();

    const db = await openNotesDb({ name, version: 4 });
    expect(db.version).toBe(4);
    expect(await db.get('notes', a.id)).toEqual(record);
    expect((await db.getAll('drafts')).map((d) => d.body)).toEqual(['A']);
    expect(await db.count('import-staging')).toBe(1);
    for (const store of [
      'archive-articles',
      'archive-statements',
      'archive-people',
      'archive-pins',
    ] as const) {
      expect(await db.count(store)).toBe(0);
    }
    expect([...db.transaction('archive-statements').store.indexNames].sort()).toEqual([
      'by-article',
      'by-person-date',
      'by-word',
    ]);
    expect([...db.transaction('archive-articles').store.indexNames].sort()).toEqual([
      'by-person',
      'by-read',
      'by-site',
    ]);
    db.close();
  });

  it('opens a v4 archive under v5: the word index packed per word and block, search finds the same', async () => {
    const name = freshName();
    const v4 = await openNotesDb({ name, version: 4 });
    const statement = (id: string, text: string, words: string[]) => ({
      id,
      articleKey: 'example.org/f',
      personId: 'p1',
      speaker: 'Ana Ferreira',
      nameKey: 'person:ana ferreira',
      text,
      fragment: false,
      confidence: 0.9,
      selectors: {
        quote: { type: 'TextQuoteSelector' as const, exact: '', prefix: '', suffix: '' },
      },
      readAt: '2026-03-01T00:00:00.000Z',
      words,
    });
    // v4 kept each statement's words for its multiEntry index.
    await v4.put(
      'archive-statements',
      statement('000001.0', 'Ferry fares rise', ['ferry', 'fares', 'rise']),
    );
    await v4.put(
      'archive-statements',
      statement('000001.1', 'Ferry timetable', ['ferry', 'timetable']),
    );
    await v4.put('archive-statements', statement('0003k1.0', 'Ferry strike', ['ferry', 'strike']));
    await v4.put('archive-articles', {
      key: 'example.org/f',
      seq: 1,
      url: 'https://example.org/f',
      title: 'F',
      site: 'example.org',
      firstRead: '2026-03-01T00:00:00.000Z',
      lastRead: '2026-03-01T00:00:00.000Z',
      statementCount: 2,
      personIds: ['p1'],
    });
    await v4.put('meta', 4609, 'archive-seq');
    v4.close();

    const db = await openNotesDb({ name });
    expect(db.version).toBe(5);
    expect([...db.transaction('archive-statements').store.indexNames].sort()).toEqual([
      'by-article',
      'by-person-date',
    ]);
    const statements = await db.getAll('archive-statements');
    expect(statements.map((s) => s.text)).toEqual([
      'Ferry fares rise',
      'Ferry timetable',
      'Ferry strike',
    ]);
    expect(statements.every((s) => !('words' in s))).toBe(true);
    // 0003k1 is article 4609: block 36 (128 articles a block), first of it; article 1: block 0.
    const ferry = await db.getAll(
      'archive-postings',
      IDBKeyRange.bound(['ferry', 0], ['ferry', 99]),
    );
    expect(ferry.map((r) => [r.block, [...r.ids]])).toEqual([
      [0, [65536, 65537]],
      [36, [65536]],
    ]);
    expect(await db.getAllKeys('archive-postings')).toEqual([
      ['fares', 0],
      ['ferry', 0],
      ['ferry', 36],
      ['rise', 0],
      ['strike', 36],
      ['timetable', 0],
    ]);
    const store = createArchiveStore({ openDb: () => openNotesDb({ name }) });
    expect((await store.search('ferry')).map((s) => s.text)).toEqual([
      'Ferry strike',
      'Ferry fares rise',
      'Ferry timetable',
    ]);
    expect((await store.search('ferry ti')).map((s) => s.text)).toEqual(['Ferry timetable']);
    db.close();
  });

  it('reopening an up-to-date database changes nothing', async () => {
    const name = freshName();
    const first = await openNotesDb({ name });
    const a = note(3, 'https://example.org/c', ['x']);
    await first.put('notes', {
      id: a.id,
      articleKey: 'example.org/c',
      annotation: a,
      created: a.created,
      modified: a.modified,
      tags: ['x'],
      deletedAt: null,
    });
    first.close();
    const again = await openNotesDb({ name });
    expect(await again.count('notes')).toBe(1);
    again.close();
  });

  it("refuses to open inside a web page (a content script would store notes in the page's origin)", async () => {
    const g = globalThis as { location?: unknown };
    const saved = Object.getOwnPropertyDescriptor(g, 'location');
    Object.defineProperty(g, 'location', { value: { protocol: 'https:' }, configurable: true });
    try {
      await expect(openNotesDb({ name: freshName() })).rejects.toThrow(/never in a web page/);
    } finally {
      if (saved) Object.defineProperty(g, 'location', saved);
      else delete g.location;
    }
    // Extension origins are fine.
    Object.defineProperty(g, 'location', {
      value: { protocol: 'chrome-extension:' },
      configurable: true,
    });
    try {
      (await openNotesDb({ name: freshName() })).close();
    } finally {
      if (saved) Object.defineProperty(g, 'location', saved);
      else delete g.location;
    }
  });

  it('a connection closes itself when a newer version wants to upgrade', async () => {
    const name = freshName();
    await openNotesDb({ name });
    // A hypothetical future version: it would wait forever (blocked) if the open connection
    // did not close itself on `versionchange`.
    const future = await openDB(name, DB_VERSION + 1, {
      upgrade(db) {
        db.createObjectStore('future');
      },
    });
    expect(future.version).toBe(DB_VERSION + 1);
    future.close();
  });
});
