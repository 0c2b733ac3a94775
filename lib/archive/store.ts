/**
 * The archive store: who said what in the articles the reader read (issue 15), in the notes
 * database's archive stores (lib/notes/db.ts v4). Used by the background only — the only
 * writer — so the in-memory roster of people (lib/archive/roster) stays the truth's mirror.
 *
 * record(article)           an article's statements; a re-read replaces them (keyed on the
 *                           canonical URL), never duplicates; people resolved by identity
 * forgetArticle/Site/All    deletes at once, completely: statements, articles, people left
 *                           with nothing, and their pins
 * people/search/speaker     the library page's reads; lookup: the popup's "also in N articles"
 * merge/split               the reader's corrections, kept as pins that later articles obey
 */
import { type NotesDb, openNotesDb } from '../notes/db';
import { articleKey, articleSource } from '../notes/url';
import type { Note, NoteSelectors } from '../notes/web-annotation';
import { fold, type NameKind, parseName, pinKey } from './identity';
import {
  findStatements,
  PostingChanges,
  type PostingRecord,
  parseStatementId,
  type StatementPlace,
  statementId,
} from './postings';
import type { ArchiveArticle, ArchivePerson, ArchivePin, ArchiveStatement } from './records';
import { type Person, Roster } from './roster';
import { queryWords, searchWords } from './words';

/** One statement as the recorder hands it over (from the engine's Extraction). */
export interface StatementInput {
  text: string;
  speaker: string | null;
  speakerKind: NameKind | null;
  /** Other ways the article named this speaker (engine aliases). */
  aliases: string[];
  fragment: boolean;
  confidence: number;
  selectors: NoteSelectors;
}

export interface ArticleInput {
  url: string;
  canonical?: string | null;
  title: string;
  site: string;
  statements: StatementInput[];
}

export interface PersonSummary {
  id: string;
  name: string;
  kind: 'person' | 'organisation';
  statementCount: number;
  articleCount: number;
  lastSeen: string;
  /** Every way the archive saw them named (folded keys), for splitting. */
  names: string[];
}

export interface StatementView extends ArchiveStatement {
  articleTitle: string;
  articleUrl: string;
  site: string;
  personName: string | null;
}

export interface SpeakerPage {
  person: PersonSummary;
  /** Newest first. */
  statements: StatementView[];
  /** The reader's notes on these statements, by statement id. */
  notes: Record<string, Note[]>;
  /** Statements per month ('2026-03' → n), oldest first. */
  months: Array<{ month: string; count: number }>;
}

export interface ArchiveStats {
  articles: number;
  statements: number;
  people: number;
  /** Bytes the archive's records take, as serialised (an estimate of what IndexedDB keeps). */
  bytes: number;
}

export interface LookupHit {
  personId: string;
  name: string;
  /** Articles they are quoted in, this one left out. */
  otherArticles: number;
}

export interface ArchiveStoreOptions {
  openDb?: () => Promise<NotesDb>;
  now?: () => Date;
  newId?: () => string;
}

const ARCHIVE_STORES = [
  'archive-articles',
  'archive-statements',
  'archive-people',
  'archive-pins',
  'archive-postings',
] as const;

/** A random person id: 12 base-36 characters (~62 bits); every index entry repeats it. */
function shortId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n.toString(36).padStart(13, '0').slice(-12);
}

/** The meta key of the last article number given out. */
const SEQ_KEY = 'archive-seq';
/** Records read to estimate the archive's size. */
const STATS_SAMPLE = 400;
const encoder = new TextEncoder();

/** Bytes a word index record's key takes, twice (its key and its `by-block` entry). */
const postingKeyBytes = (word: string) => 2 * (encoder.encode(word).length + 8);

/** Bytes a record takes: its UTF-8 JSON, plus the keys its indexes repeat. */
export function recordBytes(record: unknown): number {
  const posting = record as Partial<PostingRecord>;
  if (posting.ids instanceof Uint32Array && typeof posting.word === 'string')
    return posting.ids.byteLength + postingKeyBytes(posting.word);
  const r = record as Partial<ArchiveStatement & ArchiveArticle>;
  let bytes = encoder.encode(JSON.stringify(record)).length;
  if (typeof r.articleKey === 'string') bytes += 2 * (r.articleKey.length + (r.id?.length ?? 0));
  if (Array.isArray(r.personIds)) bytes += r.personIds.length * 80;
  return bytes;
}

export class ArchiveError extends Error {
  constructor(
    readonly code: 'not-found' | 'invalid',
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveError';
  }
}

function summary(p: ArchivePerson): PersonSummary {
  return {
    id: p.id,
    name: p.display,
    kind: p.kind,
    statementCount: p.statementCount,
    articleCount: p.articleCount,
    lastSeen: p.lastSeen,
    names: [...p.keys],
  };
}

function toPerson(p: ArchivePerson): Person {
  const { statementCount: _s, articleCount: _a, lastSeen: _l, ...rest } = p;
  return rest;
}

export function createArchiveStore(options: ArchiveStoreOptions = {}) {
  const open = options.openDb ?? (() => openNotesDb());
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? shortId;
  let dbPromise: Promise<NotesDb> | null = null;
  let rosterPromise: Promise<{ roster: Roster; stored: Map<string, ArchivePerson> }> | null = null;
  /** Writes queue up: the roster in memory must see each write's result before the next. */
  let queue: Promise<unknown> = Promise.resolve();

  const db = () => {
    dbPromise ??= open().catch((e) => {
      dbPromise = null;
      throw e;
    });
    return dbPromise;
  };

  async function loadRoster() {
    const d = await db();
    const [people, pins] = await Promise.all([
      d.getAll('archive-people'),
      d.getAll('archive-pins'),
    ]);
    const roster = new Roster(newId);
    const stored = new Map<string, ArchivePerson>();
    for (const p of people) {
      roster.put(toPerson(p));
      stored.set(p.id, p);
    }
    for (const pin of pins) roster.pins.set(pin.key, pin.personId);
    return { roster, stored };
  }
  const roster = () => {
    rosterPromise ??= loadRoster().catch((e) => {
      rosterPromise = null;
      throw e;
    });
    return rosterPromise;
  };

  function serial<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    // A failed write may have left the roster ahead of the database: read it again.
    return run.catch((e) => {
      rosterPromise = null;
      throw e;
    });
  }

  /** Recounts people from the indexes (exact after any change) and drops the ones left empty. */
  async function recount(
    tx: ReturnType<typeof writeTx>,
    ids: Iterable<string>,
    state: Awaited<ReturnType<typeof roster>>,
  ): Promise<void> {
    const statements = tx.objectStore('archive-statements').index('by-person-date');
    const articles = tx.objectStore('archive-articles').index('by-person');
    const people = tx.objectStore('archive-people');
    const pins = tx.objectStore('archive-pins');
    for (const id of new Set(ids)) {
      const range = IDBKeyRange.bound([id, ''], [id, '\uffff']);
      const statementCount = await statements.count(range);
      if (statementCount === 0) {
        await people.delete(id);
        for (const key of await pins.index('by-person').getAllKeys(id)) await pins.delete(key);
        state.roster.remove(id);
        for (const [k, v] of state.roster.pins) if (v === id) state.roster.pins.delete(k);
        state.stored.delete(id);
        continue;
      }
      const person = state.roster.people.get(id);
      if (!person) continue;
      const last = await statements.openCursor(range, 'prev');
      const record: ArchivePerson = {
        ...person,
        statementCount,
        articleCount: await articles.count(id),
        lastSeen: last?.value.readAt ?? '',
      };
      await people.put(record);
      state.stored.set(id, record);
    }
  }

  function writeTx(d: NotesDb) {
    // `meta` holds the article counter.
    return d.transaction([...ARCHIVE_STORES, 'meta' as const], 'readwrite');
  }

  async function deleteArticles(keys: string[]): Promise<void> {
    const d = await db();
    const state = await roster();
    const tx = writeTx(d);
    const touched = new Set<string>();
    const statements = tx.objectStore('archive-statements');
    const index = new PostingChanges();
    for (const key of keys) {
      for (const s of await statements.index('by-article').getAll(key)) {
        if (s.personId) touched.add(s.personId);
        unindex(index, s);
        await statements.delete(s.id);
      }
      await tx.objectStore('archive-articles').delete(key);
    }
    await index.apply(tx.objectStore('archive-postings'));
    await recount(tx, touched, state);
    await tx.done;
  }

  const store = {
    /** Records (or re-records) one article. Returns its key and the people quoted. */
    record(input: ArticleInput): Promise<{ key: string; personIds: string[] }> {
      return serial(async () => {
        const key = articleKey(input.url, input.canonical);
        const url = articleSource(input.url, input.canonical);
        if (!key || !url) throw new ArchiveError('invalid', 'Only web articles are archived.');
        const d = await db();
        const state = await roster();
        const when = now().toISOString();
        const rows: Array<Omit<ArchiveStatement, 'id'>> = [];
        const personIds = new Set<string>();
        input.statements.forEach((s) => {
          const kind = s.speakerKind ?? 'person';
          const r = s.speaker ? state.roster.resolve(s.speaker, s.aliases, kind) : null;
          if (r) personIds.add(r.person.id);
          rows.push({
            articleKey: key,
            personId: r?.person.id ?? null,
            speaker: s.speaker,
            nameKey: r ? pinKey(r.name) : null,
            text: s.text,
            fragment: s.fragment,
            confidence: Math.round(s.confidence * 1000) / 1000,
            // The quote's words are `text`: stored once.
            selectors: { ...s.selectors, quote: { ...s.selectors.quote, exact: '' } },
            readAt: when,
          });
        });
        const tx = writeTx(d);
        const articles = tx.objectStore('archive-articles');
        const statements = tx.objectStore('archive-statements');
        const old = await articles.get(key);
        // Every reading takes the next number, so search's newest-first is reading order.
        const meta = tx.objectStore('meta');
        const seq = Number((await meta.get(SEQ_KEY)) ?? 0) + 1;
        await meta.put(seq, SEQ_KEY);
        const touched = new Set(personIds);
        const index = new PostingChanges();
        for (const s of await statements.index('by-article').getAll(key)) {
          if (s.personId) touched.add(s.personId);
          unindex(index, s);
          await statements.delete(s.id);
        }
        const article: ArchiveArticle = {
          key,
          seq,
          url,
          title: input.title.trim() || url,
          site: input.site,
          firstRead: old?.firstRead ?? when,
          lastRead: when,
          statementCount: rows.length,
          personIds: [...personIds],
        };
        await articles.put(article);
        for (const [n, row] of rows.entries()) {
          await statements.put({ ...row, id: statementId({ seq, n }) });
          index.add({ seq, n }, searchWords(row.text));
        }
        await index.apply(tx.objectStore('archive-postings'));
        await recount(tx, touched, state);
        await tx.done;
        return { key, personIds: [...personIds] };
      });
    },

    forgetArticle(key: string): Promise<void> {
      return serial(() => deleteArticles([key]));
    },

    forgetSite(site: string): Promise<number> {
      return serial(async () => {
        const keys = await (await db()).getAllKeysFromIndex('archive-articles', 'by-site', site);
        await deleteArticles(keys);
        return keys.length;
      });
    },

    forgetAll(): Promise<void> {
      return serial(async () => {
        const tx = writeTx(await db());
        await Promise.all(ARCHIVE_STORES.map((name) => tx.objectStore(name).clear()));
        await tx.done;
        rosterPromise = null;
      });
    },

    /** People, most quoted first; `query` matches words of their names (prefix of the last). */
    async people(query = '', limit = 200): Promise<PersonSummary[]> {
      const { stored } = await roster();
      const words = fold(query)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean);
      const hits = [...stored.values()].filter((p) => {
        if (words.length === 0) return true;
        const names = p.keys.concat(fold(p.display)).join(' ').split(' ');
        return words.every((w, i) =>
          names.some((n) => (i === words.length - 1 ? n.startsWith(w) : n === w)),
        );
      });
      hits.sort(
        (a, b) => b.statementCount - a.statementCount || a.display.localeCompare(b.display),
      );
      return hits.slice(0, limit).map(summary);
    },

    /**
     * Statements holding every word of `query` (the last may be a prefix), latest read first,
     * `limit` at a time; `after` (a page's last statement id) gives the next page.
     */
    async search(query: string, limit = 50, after?: string): Promise<StatementView[]> {
      const words = queryWords(query);
      if (words.length === 0) return [];
      let below: StatementPlace | undefined;
      if (after !== undefined) {
        below = parseStatementId(after) ?? undefined;
        if (!below) throw new ArchiveError('invalid', 'That page of results is unknown.');
      }
      const d = await db();
      // The roster first: loading it inside would let this transaction close (views read it).
      await roster();
      const tx = d.transaction([
        'archive-postings',
        'archive-statements',
        'archive-articles',
        'meta',
      ]);
      const top = Number((await tx.objectStore('meta').get(SEQ_KEY)) ?? 0);
      const terms = words.map((word, i) => ({ word, prefix: i === words.length - 1 }));
      const places = await findStatements(
        tx.objectStore('archive-postings'),
        terms,
        limit,
        top,
        below,
      );
      const statements = tx.objectStore('archive-statements');
      const rows = await Promise.all(places.map((p) => statements.get(statementId(p))));
      // The index is exact; the check guards against a record changed under it all the same.
      const found = rows.filter((row): row is ArchiveStatement => {
        if (!row) return false;
        const have = searchWords(row.text);
        return terms.every((t) =>
          t.prefix ? have.some((w) => w.startsWith(t.word)) : have.includes(t.word),
        );
      });
      return views(tx, found);
    },

    /** One person's page: statements by date with their articles, notes on them, per month. */
    async speaker(id: string): Promise<SpeakerPage> {
      const d = await db();
      const person = (await roster()).stored.get(id);
      if (!person)
        throw new ArchiveError('not-found', 'This speaker is no longer in your archive.');
      const tx = d.transaction([
        'archive-statements',
        'archive-articles',
        'archive-people',
        'notes',
      ]);
      const rows = await tx
        .objectStore('archive-statements')
        .index('by-person-date')
        .getAll(IDBKeyRange.bound([id, ''], [id, '\uffff']));
      rows.reverse();
      const statements = await views(tx, rows);
      const notes: Record<string, Note[]> = {};
      const byArticle = new Map<string, ArchiveStatement[]>();
      for (const s of rows)
        byArticle.set(s.articleKey, [...(byArticle.get(s.articleKey) ?? []), s]);
      const noteIndex = tx.objectStore('notes').index('by-article');
      for (const [key, list] of byArticle) {
        for (const rec of await noteIndex.getAll(key)) {
          if (rec.deletedAt) continue;
          const on = list.find((s) => noteIsOn(rec.annotation, s));
          if (on) notes[on.id] = [...(notes[on.id] ?? []), rec.annotation];
        }
      }
      const perMonth = new Map<string, number>();
      for (const s of rows)
        perMonth.set(s.readAt.slice(0, 7), (perMonth.get(s.readAt.slice(0, 7)) ?? 0) + 1);
      const months = [...perMonth]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, count]) => ({ month, count }));
      return { person: summary(person), statements, notes, months };
    },

    /** The popup's question: who of this page's speakers has the reader met elsewhere. */
    async lookup(
      speakers: Array<{ name: string; kind: NameKind; aliases?: string[] }>,
      url: string,
      canonical?: string | null,
    ): Promise<Array<LookupHit | null>> {
      const state = await roster();
      const here = articleKey(url, canonical);
      const d = await db();
      const out: Array<LookupHit | null> = [];
      for (const s of speakers) {
        const p = state.roster.peek(s.name, s.kind, s.aliases ?? []);
        if (!p) {
          out.push(null);
          continue;
        }
        const keys = await d.getAllKeysFromIndex('archive-articles', 'by-person', p.id);
        const otherArticles = keys.filter((k) => k !== here).length;
        out.push({ personId: p.id, name: p.display, otherArticles });
      }
      return out;
    },

    /** Puts everything of `fromId` under `intoId`, for good: its names are pinned to it. */
    merge(fromId: string, intoId: string): Promise<PersonSummary> {
      return serial(async () => {
        if (fromId === intoId)
          throw new ArchiveError('invalid', 'Pick two different speakers to merge.');
        const state = await roster();
        const from = state.roster.people.get(fromId);
        const into = state.roster.people.get(intoId);
        if (!from || !into)
          throw new ArchiveError('not-found', 'That speaker is no longer in your archive.');
        const kindTag = from.kind === 'organisation' ? 'org' : 'person';
        const merged: Person = {
          ...into,
          keys: [...new Set([...into.keys, ...from.keys])],
          roles: [...new Set([...into.roles, ...from.roles])],
        };
        const tx = writeTx(await db());
        const statements = tx.objectStore('archive-statements');
        const rows = await statements
          .index('by-person-date')
          .getAll(IDBKeyRange.bound([fromId, ''], [fromId, '\uffff']));
        for (const s of rows) await statements.put({ ...s, personId: intoId });
        const articles = tx.objectStore('archive-articles');
        for (const a of await articles.index('by-person').getAll(fromId)) {
          await articles.put({
            ...a,
            personIds: [...new Set(a.personIds.map((p) => (p === fromId ? intoId : p)))],
          });
        }
        const pins = tx.objectStore('archive-pins');
        for (const k of from.keys) {
          const pin: ArchivePin = { key: `${kindTag}:${k}`, personId: intoId };
          await pins.put(pin);
          state.roster.pins.set(pin.key, intoId);
        }
        for (const [k, v] of state.roster.pins) {
          if (v === fromId) {
            state.roster.pins.set(k, intoId);
            await pins.put({ key: k, personId: intoId });
          }
        }
        state.roster.put(merged);
        await recount(tx, [fromId, intoId], state);
        await tx.done;
        const result = state.stored.get(intoId);
        if (!result) throw new ArchiveError('not-found', 'The merged speaker could not be read.');
        return summary(result);
      });
    },

    /**
     * Takes the statements `personId` was given under the name `nameKey` (a key of
     * PersonSummary.names) into a new entry; later articles naming them so follow the split.
     */
    split(personId: string, nameKey: string): Promise<PersonSummary> {
      return serial(async () => {
        const state = await roster();
        const person = state.roster.people.get(personId);
        if (!person)
          throw new ArchiveError('not-found', 'That speaker is no longer in your archive.');
        if (!person.keys.includes(nameKey) || person.keys.length < 2) {
          throw new ArchiveError('invalid', 'Choose one of the other names this speaker goes by.');
        }
        const name = parseName(nameKey, person.kind);
        const pin = `${person.kind === 'organisation' ? 'org' : 'person'}:${nameKey}`;
        const fresh: Person = {
          id: newId(),
          kind: person.kind,
          display: name?.display ?? nameKey,
          given: name?.given ?? null,
          initial: name?.initial ?? null,
          middles: name?.middles ?? [],
          surname: name?.surname ?? nameKey,
          keys: [nameKey],
          roles: [],
        };
        // Names of the split-off entry are written as read ("v putin"): show the fullest
        // spelling its statements used.
        const tx = writeTx(await db());
        const statements = tx.objectStore('archive-statements');
        const rows = (
          await statements
            .index('by-person-date')
            .getAll(IDBKeyRange.bound([personId, ''], [personId, '\uffff']))
        ).filter((s) => s.nameKey === pin);
        if (rows[0]?.speaker)
          fresh.display = parseName(rows[0].speaker, person.kind)?.display ?? fresh.display;
        for (const s of rows) await statements.put({ ...s, personId: fresh.id });
        const articles = tx.objectStore('archive-articles');
        for (const key of new Set(rows.map((s) => s.articleKey))) {
          const a = await articles.get(key);
          if (!a) continue;
          const still = await statements.index('by-article').getAll(key);
          const ids = new Set(still.map((s) => s.personId).filter((p): p is string => p !== null));
          await articles.put({ ...a, personIds: [...ids] });
        }
        await tx.objectStore('archive-pins').put({ key: pin, personId: fresh.id });
        state.roster.pins.set(pin, fresh.id);
        state.roster.put(fresh);
        state.roster.put({ ...person, keys: person.keys.filter((k) => k !== nameKey) });
        await recount(tx, [personId, fresh.id], state);
        await tx.done;
        const result = state.stored.get(fresh.id);
        if (!result)
          throw new ArchiveError('invalid', 'No statement was recorded under that name.');
        return summary(result);
      });
    },

    /** Everything of one person (or everyone, `id` null), for export. */
    async exportData(
      id: string | null,
    ): Promise<{ people: PersonSummary[]; statements: StatementView[] }> {
      const d = await db();
      const { stored } = await roster();
      const tx = d.transaction(['archive-statements', 'archive-articles', 'archive-people']);
      const rows = id
        ? await tx
            .objectStore('archive-statements')
            .index('by-person-date')
            .getAll(IDBKeyRange.bound([id, ''], [id, '\uffff']))
        : await tx.objectStore('archive-statements').getAll();
      const people = id
        ? [stored.get(id)].filter((p): p is ArchivePerson => !!p)
        : [...stored.values()];
      return { people: people.map(summary), statements: await views(tx, rows) };
    },

    /**
     * Counts, and the size the records take (UTF-8 JSON of a sample of each store, scaled to
     * its count, plus index keys): an estimate that needs no full scan.
     */
    async stats(): Promise<ArchiveStats> {
      const d = await db();
      const tx = d.transaction([...ARCHIVE_STORES]);
      let bytes = 0;
      const counts: number[] = [];
      let wordsPerStatement = 0;
      for (const name of ARCHIVE_STORES) {
        const store = tx.objectStore(name);
        const n = await store.count();
        counts.push(n);
        if (name === 'archive-postings') {
          // Word records differ in size by thousands (a word's frequency): their keys are
          // sampled, their statement numbers (4 bytes each) counted from the statements.
          const keys = await store.getAllKeys(null, STATS_SAMPLE);
          const keyBytes = keys.reduce((t, k) => t + postingKeyBytes(String(k[0])), 0);
          if (keys.length > 0) bytes += Math.round((keyBytes / keys.length) * n);
          bytes += Math.round(wordsPerStatement * 4 * (counts[1] ?? 0));
          continue;
        }
        const sample = await store.getAll(null, STATS_SAMPLE);
        if (sample.length === 0) continue;
        const sampled = sample.reduce((t, r) => t + recordBytes(r), 0);
        bytes += Math.round((sampled / sample.length) * n);
        if (name === 'archive-statements') {
          const words = sample.reduce(
            (t, r) => t + searchWords((r as ArchiveStatement).text).length,
            0,
          );
          wordsPerStatement = words / sample.length;
        }
      }
      // One count per store, in ARCHIVE_STORES order.
      const [articles, statements, people] = counts as [number, number, number];
      return { articles, statements, people, bytes };
    },

    /** Articles read, latest first (of one site when given). */
    async articles(site?: string, limit = 500): Promise<ArchiveArticle[]> {
      const d = await db();
      const list = site
        ? await d.getAllFromIndex('archive-articles', 'by-site', site)
        : await d.getAllFromIndex('archive-articles', 'by-read');
      list.sort((a, b) => b.lastRead.localeCompare(a.lastRead));
      return list.slice(0, limit);
    },

    /** The people records (tests, bench). */
    async allPeople(): Promise<ArchivePerson[]> {
      return [...(await roster()).stored.values()];
    },
  };
  return store;

  async function views(
    tx: {
      objectStore(name: 'archive-articles'): {
        get(key: string): Promise<ArchiveArticle | undefined>;
      };
    },
    rows: ArchiveStatement[],
  ): Promise<StatementView[]> {
    const { stored } = await roster();
    const articles = new Map<string, ArchiveArticle | undefined>();
    const out: StatementView[] = [];
    for (const s of rows) {
      if (!articles.has(s.articleKey))
        articles.set(s.articleKey, await tx.objectStore('archive-articles').get(s.articleKey));
      const a = articles.get(s.articleKey);
      out.push({
        ...s,
        selectors: { ...s.selectors, quote: { ...s.selectors.quote, exact: s.text } },
        articleTitle: a?.title ?? s.articleKey,
        articleUrl: a?.url ?? `https://${s.articleKey}`,
        site: a?.site ?? '',
        personName: s.personId ? (stored.get(s.personId)?.display ?? null) : null,
      });
    }
    return out;
  }
}

/** Takes a statement out of the word index (the words it was indexed under, from its text). */
function unindex(index: PostingChanges, s: ArchiveStatement): void {
  const place = parseStatementId(s.id);
  const v4 = (s as ArchiveStatement & { words?: string[] }).words;
  if (place) index.drop(place, new Set([...searchWords(s.text), ...(v4 ?? [])]));
}

/** Whether a note is on this statement: overlapping positions, else the same words. */
function noteIsOn(note: Note, s: ArchiveStatement): boolean {
  const sel = note.target?.selector ?? [];
  const pos = sel.find((x) => x.type === 'TextPositionSelector') as
    | { start: number; end: number }
    | undefined;
  const quote = sel.find((x) => x.type === 'TextQuoteSelector') as { exact: string } | undefined;
  const sp = s.selectors.position;
  if (pos && sp && pos.start < sp.end && sp.start < pos.end) {
    return !quote || s.text.includes(quote.exact.trim()) || quote.exact.includes(s.text.trim());
  }
  const exact = quote?.exact.trim() ?? '';
  return exact.length > 0 && (s.text.includes(exact) || exact.includes(s.text.trim()));
}

export type ArchiveStore = ReturnType<typeof createArchiveStore>;
