import { afterEach, describe, expect, it, vi } from 'vitest';
import { openNotesDb } from '../../../lib/notes/db';
import {
  ConflictError,
  createNotesStore,
  type NotesChange,
  NotesError,
  type NotesStore,
  parseSearchQuery,
  QuotaError,
} from '../../../lib/notes/store';
import { type Note, type NoteDraft, noteTags, noteText } from '../../../lib/notes/web-annotation';

let counter = 0;
const stores: NotesStore[] = [];

/** A store on its own fresh database, with a controllable clock. */
function makeStore(opts: { name?: string; clock?: { t: number } } = {}) {
  const name = opts.name ?? `store-test-${++counter}-${Math.random()}`;
  const clock = opts.clock ?? { t: Date.UTC(2026, 4, 1, 12) };
  const changes: NotesChange[] = [];
  const store = createNotesStore({
    openDb: () => openNotesDb({ name }),
    now: () => new Date(clock.t),
    onChange: (c) => changes.push(c),
  });
  stores.push(store);
  return { store, changes, clock, name };
}

afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  vi.restoreAllMocks();
});

const PAGE = 'https://www.example.org/news/ferry?utm_source=newsletter';
const CANONICAL = 'https://example.org/news/ferry';

function draft(over: Partial<NoteDraft> & { exact?: string; start?: number } = {}): NoteDraft {
  const exact = over.exact ?? 'The money is there for one winter';
  const start = over.start ?? 100;
  return {
    url: over.url ?? PAGE,
    canonical: over.canonical === undefined ? CANONICAL : over.canonical,
    title: over.title ?? 'Harbour council approves night ferry',
    text: over.text ?? 'Ask the treasurer for the figures.',
    tags: over.tags ?? ['budget'],
    speaker: over.speaker === undefined ? 'Olu Benning' : over.speaker,
    selectors: over.selectors ?? {
      quote: { type: 'TextQuoteSelector', exact, prefix: 'less sure. "', suffix: ', not for ten' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
  };
}

async function expectCode(p: Promise<unknown>, code: string) {
  await expect(p).rejects.toBeInstanceOf(NotesError);
  await p.catch((e: NotesError) => expect(e.code).toBe(code));
}

describe('CRUD', () => {
  it('adds a note and finds it again from every address of the article', async () => {
    const { store, changes } = makeStore();
    const note = await store.add(draft());
    expect(note.target.source).toBe(CANONICAL);
    // What the reader had open, without the tracking parameters.
    expect(note.quotelens.pageUrl).toBe('https://www.example.org/news/ferry');
    expect(await store.get(note.id)).toEqual(note);
    expect(changes).toEqual([{ articleKeys: ['example.org/news/ferry'], ids: [note.id] }]);

    for (const [url, canonical] of [
      [PAGE, CANONICAL],
      ['https://example.org/news/ferry#c', null],
      ['https://m.example.org/news/ferry/amp?fbclid=1', undefined],
      ['https://example.org/news/ferry?id=7', CANONICAL],
    ] as const) {
      const r = await store.listForPage(url, canonical);
      expect(
        r.notes.map((n) => n.id),
        url,
      ).toEqual([note.id]);
    }
    expect((await store.listForPage('https://example.org/news/other')).notes).toEqual([]);
    expect(await store.countForPage(PAGE, CANONICAL)).toEqual({
      articleKey: 'example.org/news/ferry',
      count: 1,
    });
  });

  it('finds notes stored under the page address once the page gains a canonical link', async () => {
    const { store } = makeStore();
    const note = await store.add(draft({ url: 'https://example.org/story?id=5', canonical: null }));
    const r = await store.listForPage(
      'https://example.org/story?id=5',
      'https://example.org/2026/slug',
    );
    expect(r.articleKey).toBe('example.org/2026/slug');
    expect(r.notes.map((n) => n.id)).toEqual([note.id]);
  });

  it("lists a page's notes in text order", async () => {
    const { store, clock } = makeStore();
    const late = await store.add(draft({ exact: 'later words', start: 900 }));
    clock.t += 1000;
    const early = await store.add(draft({ exact: 'early words', start: 10 }));
    const { notes } = await store.listForPage(PAGE, CANONICAL);
    expect(notes.map((n) => n.id)).toEqual([early.id, late.id]);
  });

  it('refuses empty, unattached or off-web notes with a clear message and stores nothing', async () => {
    const { store } = makeStore();
    await expectCode(store.add(draft({ text: '   ', tags: [] })), 'invalid');
    await expectCode(store.add(draft({ exact: '  ' })), 'invalid');
    await expectCode(store.add(draft({ url: 'file:///etc/passwd', canonical: null })), 'invalid');
    await expectCode(store.add(draft({ text: 'x'.repeat(100_001) })), 'invalid');
    expect((await store.listAll()).total).toBe(0);
  });

  it("keeps note text as typed, markup included (rendering is the view's job)", async () => {
    const { store } = makeStore();
    const note = await store.add(draft({ text: '<img src=x onerror=alert(1)>\nline two' }));
    expect(noteText(await store.get(note.id))).toBe('<img src=x onerror=alert(1)>\nline two');
  });

  it('updates text and tags, keeps the rest, and moves modified strictly forward', async () => {
    const { store, clock } = makeStore();
    const note = await store.add(draft());
    // The clock stands still (or goes back): modified must still increase.
    clock.t -= 5000;
    const edited = await store.update(note.id, { text: 'New text', tags: ['ferry', '#Budget'] });
    expect(noteText(edited)).toBe('New text');
    expect(noteTags(edited)).toEqual(['ferry', 'Budget']);
    expect(edited.created).toBe(note.created);
    expect(edited.modified > note.modified).toBe(true);
    expect(edited.target).toEqual(note.target);
    expect(edited.quotelens).toEqual(note.quotelens);
    const tagsOnly = await store.update(note.id, { tags: [] });
    expect(noteText(tagsOnly)).toBe('New text');
    expect(noteTags(tagsOnly)).toEqual([]);
    expect(tagsOnly.modified > edited.modified).toBe(true);
    expect((await store.listForPage(PAGE, CANONICAL)).notes).toEqual([tagsOnly]);
  });

  it('refuses an edit that would leave the note empty, keeping the stored text', async () => {
    const { store } = makeStore();
    const note = await store.add(draft({ tags: [] }));
    await expectCode(store.update(note.id, { text: '  \n ' }), 'invalid');
    expect(noteText(await store.get(note.id))).toBe('Ask the treasurer for the figures.');
  });

  it('stores re-anchored selectors sent by the content script', async () => {
    const { store } = makeStore();
    const note = await store.add(draft());
    const selectors = {
      quote: {
        type: 'TextQuoteSelector' as const,
        exact: 'The money is there for a winter',
        prefix: 'p',
        suffix: 's',
      },
      position: { type: 'TextPositionSelector' as const, start: 140, end: 171 },
    };
    const moved = await store.update(note.id, { selectors });
    expect(moved.target.selector).toEqual([selectors.quote, selectors.position]);
  });

  it('deletes with undo: the deleted note comes back unchanged on restore', async () => {
    const { store, changes } = makeStore();
    const note = await store.add(draft());
    const deleted = await store.delete(note.id);
    expect(deleted).toEqual(note);
    expect((await store.listForPage(PAGE, CANONICAL)).notes).toEqual([]);
    await expectCode(store.get(note.id), 'not-found');
    await expectCode(store.update(note.id, { text: 'x' }), 'not-found');
    await expectCode(store.delete(note.id), 'not-found');
    expect((await store.listAll()).total).toBe(0);
    const back = await store.restore(note.id);
    expect(noteText(back)).toBe(noteText(note));
    expect(back.created).toBe(note.created);
    expect((await store.listForPage(PAGE, CANONICAL)).notes.map((n) => n.id)).toEqual([note.id]);
    expect(changes).toHaveLength(3);
    await expectCode(store.restore('urn:uuid:nope'), 'not-found');
  });

  it('purges soft-deleted notes only after the undo period', async () => {
    const { store, clock } = makeStore();
    const a = await store.add(draft());
    const b = await store.add(draft({ exact: 'other words' }));
    await store.delete(a.id);
    clock.t += 60_000;
    await store.delete(b.id);
    expect(await store.purgeDeleted(30_000)).toBe(1);
    await expectCode(store.restore(a.id), 'not-found');
    expect((await store.restore(b.id)).id).toBe(b.id);
  });
});

describe('two tabs at once', () => {
  it('concurrent edits of different fields both survive (each write is read-modify-write in one transaction)', async () => {
    const { store, name } = makeStore();
    const note = await store.add(draft());
    // A second store on the same database stands for a second context writing at once.
    const other = makeStore({ name }).store;
    await Promise.all([
      store.update(note.id, { text: 'edited in tab A' }),
      other.update(note.id, { tags: ['from-tab-b'] }),
    ]);
    const final = await store.get(note.id);
    expect(noteText(final)).toBe('edited in tab A');
    expect(noteTags(final)).toEqual(['from-tab-b']);
  });

  it('the later of two edits of the same field wins and neither note is lost', async () => {
    const { store } = makeStore();
    const note = await store.add(draft());
    const [first, second] = await Promise.all([
      store.update(note.id, { text: 'one' }),
      store.update(note.id, { text: 'two' }),
    ]);
    expect(second.modified > first.modified).toBe(true);
    expect(noteText(await store.get(note.id))).toBe('two');
    expect((await store.listAll()).total).toBe(1);
  });
});

describe('stale editors (issue 14 item 5)', () => {
  it('refuses a save from an editor opened before another tab rewrote the same field', async () => {
    const { store, clock } = makeStore();
    const note = await store.add(draft({ text: 'first version' }));
    // Tabs A and B both open the note (base = its modified then). A saves a rewrite.
    clock.t += 1000;
    const a = await store.update(note.id, { text: 'rewrite from tab A', base: note.modified });
    clock.t += 1000;
    // B's older editor saves: refused, with the stored version to choose from.
    const stale = store.update(note.id, { text: 'older edit from tab B', base: note.modified });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await stale.catch((e: ConflictError) => {
      expect(e.code).toBe('conflict');
      expect(noteText(e.current)).toBe('rewrite from tab A');
    });
    expect(noteText(await store.get(note.id))).toBe('rewrite from tab A');
    // "Keep mine": B saves again from the version it was shown.
    const kept = await store.update(note.id, { text: 'older edit from tab B', base: a.modified });
    expect(noteText(kept)).toBe('older edit from tab B');
  });

  it('a tags-only edit elsewhere neither reverts nor blocks a text edit (only changed fields are sent)', async () => {
    const { store, clock } = makeStore();
    const note = await store.add(draft({ text: 'text v1', tags: ['budget'] }));
    clock.t += 1000;
    // The notes page changes the tags only.
    await store.update(note.id, { tags: ['budget', 'ferry'], base: note.modified });
    clock.t += 1000;
    // The tab's editor, opened before that, saves its new text only.
    const saved = await store.update(note.id, { text: 'text v2', base: note.modified });
    expect(noteText(saved)).toBe('text v2');
    expect(noteTags(saved)).toEqual(['budget', 'ferry']);
    // Sending a field unchanged from what is stored is no conflict either.
    await store.update(note.id, {
      tags: ['budget', 'ferry'],
      text: 'text v3',
      base: saved.modified,
    });
    expect(noteText(await store.get(note.id))).toBe('text v3');
  });

  it('drafts are one record each: two tabs’ drafts never replace each other', async () => {
    const { store } = makeStore();
    await store.putDraft('new|example.org/a|x|words one', { body: 'tab A', tags: [] });
    await store.putDraft('new|example.org/a|y|words two', { body: 'tab B', tags: ['t'] });
    const got = await store.drafts([
      'new|example.org/a|x|words one',
      'new|example.org/a|y|words two',
    ]);
    expect([...got.values()].map((d) => d.body)).toEqual(['tab A', 'tab B']);
    await store.putDraft('new|example.org/a|x|words one', null);
    expect([...(await store.drafts(['new|example.org/a|x|words one'])).keys()]).toEqual([]);
  });
});

describe('paging through many notes', () => {
  async function fill(store: NotesStore, clock: { t: number }, count: number) {
    const notes: Note[] = [];
    for (let i = 0; i < count; i++) {
      clock.t += 1000;
      notes.push(
        await store.add(
          draft({
            url: `https://example.org/article-${i % 7}`,
            canonical: null,
            exact: `quote number ${i}`,
            start: i,
          }),
        ),
      );
    }
    return notes;
  }

  it('lists every live note exactly once, newest first, page by page', async () => {
    const { store, clock } = makeStore();
    const notes = await fill(store, clock, 450);
    await store.delete(notes[10]?.id ?? '');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await store.listAll({ cursor, limit: 200 });
      expect(page.total).toBe(449);
      seen.push(...page.notes.map((n) => n.id));
      cursor = page.next;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(449);
    expect(new Set(seen).size).toBe(449);
    expect(seen[0]).toBe(notes[449]?.id);
    expect(seen).not.toContain(notes[10]?.id);
  });

  it('orders by article, oldest note first within each, for the grouped view', async () => {
    const { store, clock } = makeStore();
    await fill(store, clock, 30);
    const page = await store.listAll({ order: 'article', limit: 1000 });
    const keys = page.notes.map((n) => n.target.source);
    // Each article's notes are contiguous.
    expect(new Set(keys).size).toBe(7);
    const runs = keys.filter((k, i) => i === 0 || keys[i - 1] !== k);
    expect(runs).toHaveLength(7);
    const first = page.notes.filter((n) => n.target.source === keys[0]);
    expect(first.map((n) => n.created)).toEqual([...first.map((n) => n.created)].sort());
    // Paging the grouped view yields the same sequence.
    const p1 = await store.listAll({ order: 'article', limit: 12 });
    const p2 = await store.listAll({ order: 'article', limit: 12, cursor: p1.next });
    expect([...p1.notes, ...p2.notes].map((n) => n.id)).toEqual(
      page.notes.slice(0, 24).map((n) => n.id),
    );
  });

  it('rejects a forged cursor with a clear error', async () => {
    const { store } = makeStore();
    await expectCode(store.listAll({ cursor: '{"x":1}' }), 'invalid');
  });
});

describe('search', () => {
  it('searches note text, quoted text, speaker and tags, accent- and case-insensitively', async () => {
    const { store, clock } = makeStore();
    const a = await store.add(
      draft({
        text: 'Café owners worry',
        tags: ['economy'],
        speaker: 'Mara Quint',
        exact: 'We have waited eleven years',
      }),
    );
    clock.t += 1;
    const b = await store.add(
      draft({
        text: 'Follow up in March',
        tags: ['Ferry', 'timetable'],
        speaker: null,
        exact: 'We will publish a timetable',
      }),
    );
    const ids = async (q: string) => (await store.search(q)).notes.map((n) => n.id).sort();
    expect(await ids('cafe')).toEqual([a.id]);
    expect(await ids('ELEVEN years')).toEqual([a.id]);
    expect(await ids('quint')).toEqual([a.id]);
    expect(await ids('#ferry')).toEqual([b.id]);
    expect(await ids('tag:economy')).toEqual([a.id]);
    expect(await ids('timetable')).toEqual([b.id]);
    expect(await ids('"publish a timetable"')).toEqual([b.id]);
    expect(await ids('"timetable publish"')).toEqual([]);
    expect(await ids('we')).toEqual([a.id, b.id].sort());
    expect(await ids('we march')).toEqual([b.id]);
    expect(await ids('#time')).toEqual([]);
    expect(await ids('')).toEqual([a.id, b.id].sort());
  });

  it('pages search results and leaves deleted notes out', async () => {
    const { store, clock } = makeStore();
    const made: Note[] = [];
    for (let i = 0; i < 25; i++) {
      clock.t += 1;
      made.push(await store.add(draft({ text: `harbour note ${i}` })));
    }
    await store.delete(made[0]?.id ?? '');
    const p1 = await store.search('harbour', { limit: 10 });
    expect(p1.total).toBe(24);
    const p2 = await store.search('harbour', { limit: 10, cursor: p1.next });
    const p3 = await store.search('harbour', { limit: 10, cursor: p2.next });
    expect(p3.next).toBeNull();
    const all = [...p1.notes, ...p2.notes, ...p3.notes].map((n) => n.id);
    expect(new Set(all).size).toBe(24);
    expect(all[0]).toBe(made[24]?.id);
  });

  it('parses queries into words, phrases and tags', () => {
    expect(parseSearchQuery('Ferry "late shift" #Budget tag:eu')).toEqual({
      terms: ['ferry', 'late shift'],
      tags: ['budget', 'eu'],
    });
  });
});

describe('export and import', () => {
  it('round-trips all notes through JSON-LD into an empty database', async () => {
    const { store, clock } = makeStore();
    const a = await store.add(draft({ text: 'first' }));
    clock.t += 10;
    const b = await store.add(
      draft({
        text: 'second\nwith two lines',
        url: 'https://example.net/x',
        canonical: null,
        speaker: null,
        tags: [],
      }),
    );
    const gone = await store.add(draft({ text: 'deleted one' }));
    await store.delete(gone.id);
    const file = await store.exportAll('jsonld');
    expect(file.filename).toMatch(/^quotelens-notes-2026-05-01\.jsonld$/);
    expect(file.mime).toBe('application/ld+json');

    const fresh = makeStore().store;
    expect(await fresh.importJsonLd(file.text)).toEqual({
      added: 2,
      updated: 0,
      skipped: 0,
      copies: 0,
    });
    expect(await fresh.get(a.id)).toEqual(a);
    expect(await fresh.get(b.id)).toEqual(b);
    await expectCode(fresh.get(gone.id), 'not-found');
    // Imported notes come back on their pages.
    expect((await fresh.listForPage(PAGE, CANONICAL)).notes.map((n) => n.id)).toEqual([a.id]);
  });

  it('is idempotent: the same file twice adds nothing', async () => {
    const { store } = makeStore();
    await store.add(draft());
    await store.add(draft({ exact: 'x y z' }));
    const { text } = await store.exportAll('jsonld');
    const other = makeStore();
    expect(await other.store.importJsonLd(text)).toEqual({
      added: 2,
      updated: 0,
      skipped: 0,
      copies: 0,
    });
    expect(await other.store.importJsonLd(text)).toEqual({
      added: 0,
      updated: 0,
      skipped: 2,
      copies: 0,
    });
    expect((await other.store.listAll()).total).toBe(2);
    // Importing into the database it came from also changes nothing.
    expect(await store.importJsonLd(text)).toEqual({ added: 0, updated: 0, skipped: 2, copies: 0 });
  });

  it('counts a note repeated inside one file as skipped', async () => {
    const { store } = makeStore();
    const note = await store.add(draft());
    const doc = JSON.parse((await store.exportAll('jsonld')).text);
    doc.first.items.push(doc.first.items[0]);
    const other = makeStore().store;
    expect(await other.importJsonLd(JSON.stringify(doc))).toEqual({
      added: 1,
      updated: 0,
      skipped: 1,
      copies: 0,
    });
    expect((await other.get(note.id)).id).toBe(note.id);
  });

  it('never replaces a note of yours: an older copy is skipped, a newer one kept beside it (issue 14 item 8)', async () => {
    const { store, clock } = makeStore();
    const note = await store.add(draft({ text: 'original' }));
    const { text: oldFile } = await store.exportAll('jsonld');
    clock.t += 60_000;
    await store.update(note.id, { text: 'edited after export' });
    // An older copy does not overwrite the newer one…
    expect(await store.importJsonLd(oldFile)).toEqual({
      added: 0,
      updated: 0,
      skipped: 1,
      copies: 0,
    });
    expect(noteText(await store.get(note.id))).toBe('edited after export');
    // …and a newer one (another computer's edit, or a date in 2999) is kept as a copy.
    const doc = JSON.parse(oldFile);
    doc.first.items[0].modified = '2999-01-01T00:00:00.000Z';
    doc.first.items[0].body[0].value = 'edited on another computer';
    expect(await store.importJsonLd(JSON.stringify(doc))).toEqual({
      added: 0,
      updated: 0,
      skipped: 0,
      copies: 1,
    });
    expect(noteText(await store.get(note.id))).toBe('edited after export');
    const texts = (await store.listAll()).notes.map(noteText).sort();
    expect(texts).toEqual(['edited after export', 'edited on another computer']);
    // The same file again adds no second copy.
    expect((await store.importJsonLd(JSON.stringify(doc))).copies).toBe(0);
    expect((await store.listAll()).total).toBe(2);
  });

  it('does not resurrect a note deleted after the export, but a newer copy does', async () => {
    const { store, clock } = makeStore();
    const note = await store.add(draft());
    const { text } = await store.exportAll('jsonld');
    clock.t += 1000;
    await store.delete(note.id);
    expect(await store.importJsonLd(text)).toEqual({ added: 0, updated: 0, skipped: 1, copies: 0 });
    await expectCode(store.get(note.id), 'not-found');
    const doc = JSON.parse(text);
    doc.first.items[0].modified = new Date(clock.t + 5000).toISOString();
    expect(await store.importJsonLd(JSON.stringify(doc))).toEqual({
      added: 0,
      updated: 1,
      skipped: 0,
      copies: 0,
    });
    expect((await store.get(note.id)).id).toBe(note.id);
  });

  it('rejects a malformed file and changes nothing', async () => {
    const { store, changes } = makeStore();
    const kept = await store.add(draft());
    const { text } = await store.exportAll('jsonld');
    const doc = JSON.parse(text);
    const good = { ...doc.first.items[0], id: 'urn:uuid:00000000-0000-4000-8000-000000000001' };
    const bad = {
      ...doc.first.items[0],
      id: 'urn:uuid:00000000-0000-4000-8000-000000000002',
      target: { source: 'https://example.org/a', selector: [] },
    };
    doc.first.items = [good, bad];
    const before = changes.length;
    const attempt = store.importJsonLd(JSON.stringify(doc));
    await expectCode(attempt, 'invalid');
    await attempt.catch((e: Error) =>
      expect(e.message).toMatch(
        /record 2 \(urn:uuid:0+-0000-4000-8000-0+2\) has no TextQuoteSelector/,
      ),
    );
    await expectCode(store.importJsonLd('not json at all'), 'invalid');
    expect((await store.listAll()).notes.map((n) => n.id)).toEqual([kept.id]);
    expect(changes.length).toBe(before);
  });

  it('exports Markdown grouped by article', async () => {
    const { store } = makeStore();
    await store.add(draft({ text: 'A thought' }));
    const md = await store.exportAll('markdown');
    expect(md.mime).toBe('text/markdown');
    expect(md.filename).toMatch(/\.md$/);
    expect(md.text).toContain('## Harbour council approves night ferry');
    expect(md.text).toContain('A thought');
  });
});

describe('storage failures', () => {
  function quotaOnPut() {
    const err = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    const proto = IDBObjectStore.prototype as unknown as {
      put: (...a: unknown[]) => unknown;
      add: (...a: unknown[]) => unknown;
    };
    const fail = () => {
      throw err;
    };
    vi.spyOn(proto, 'put').mockImplementation(fail);
    vi.spyOn(proto, 'add').mockImplementation(fail);
  }

  it('a full disk surfaces as QuotaError and stores nothing', async () => {
    const { store, changes } = makeStore();
    const kept = await store.add(draft());
    quotaOnPut();
    const attempt = store.add(draft({ text: 'my long draft' }));
    await expect(attempt).rejects.toBeInstanceOf(QuotaError);
    await attempt.catch((e: QuotaError) => expect(e.code).toBe('quota'));
    await expect(store.update(kept.id, { text: 'x' })).rejects.toBeInstanceOf(QuotaError);
    vi.restoreAllMocks();
    expect(noteText(await store.get(kept.id))).toBe('Ask the treasurer for the figures.');
    expect((await store.listAll()).total).toBe(1);
    expect(changes).toHaveLength(1);
  });

  it('an import that fails half way is rolled back entirely', async () => {
    const source = makeStore();
    for (let i = 0; i < 5; i++) await source.store.add(draft({ exact: `quote ${i}` }));
    const { text } = await source.store.exportAll('jsonld');
    const { store } = makeStore();
    const proto = IDBObjectStore.prototype as unknown as { put: (...a: unknown[]) => unknown };
    const realPut = proto.put;
    let calls = 0;
    vi.spyOn(proto, 'put').mockImplementation(function (this: unknown, ...args: unknown[]) {
      if (++calls === 4) throw new DOMException('full', 'QuotaExceededError');
      return realPut.apply(this, args);
    });
    await expect(store.importJsonLd(text)).rejects.toBeInstanceOf(QuotaError);
    vi.restoreAllMocks();
    expect((await store.listAll()).total).toBe(0);
  });
});

describe('opening the database', () => {
  it('explains a database from a newer version instead of failing obscurely', async () => {
    const name = `newer-${Math.random()}`;
    const { openDB } = await import('idb');
    (await openDB(name, 99)).close();
    const store = createNotesStore({ openDb: () => openNotesDb({ name }) });
    stores.push(store);
    const attempt = store.listAll();
    await expect(attempt).rejects.toBeInstanceOf(NotesError);
    await attempt.catch((e: Error) => expect(e.message).toMatch(/newer version of QuoteLens/));
  });

  it('reconnects after the connection was closed under it', async () => {
    const name = `reopen-${Math.random()}`;
    let opened = 0;
    const store = createNotesStore({
      openDb: async () => {
        opened++;
        return openNotesDb({ name });
      },
    });
    stores.push(store);
    await store.add(draft());
    await store.close();
    expect((await store.listAll()).total).toBe(1);
    expect(opened).toBe(2);
  });
});

describe('persistent storage', () => {
  it('asks the browser once and remembers the answer', async () => {
    const { store } = makeStore();
    const persist = vi.fn(async () => true);
    const persisted = vi.fn(async () => false);
    expect(await store.requestPersistence({ persist, persisted })).toBe('persisted');
    expect(await store.requestPersistence({ persist, persisted })).toBe('persisted');
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('does not nag after a refusal, and copes with a context that cannot ask', async () => {
    const { store } = makeStore();
    expect(await store.requestPersistence(undefined)).toBe('unavailable');
    expect(await store.requestPersistence({})).toBe('unavailable');
    const persist = vi.fn(async () => false);
    expect(await store.requestPersistence({ persist })).toBe('refused');
    expect(await store.requestPersistence({ persist })).toBe('refused');
    expect(persist).toHaveBeenCalledTimes(1);
  });
});
