/**
 * Search over the packed word index (lib/archive/postings) against a brute-force scan of the
 * statements themselves: same statements, same order (latest read first, reading order inside an
 * article), over several blocks, re-reads, forgetting, paging, and both ways a prefix is read.
 */
import { describe, expect, it } from 'vitest';
import { findStatements, parseStatementId, statementId } from '../../../lib/archive/postings';
import { routeArchiveMessage, SEARCH_PAGE } from '../../../lib/archive/router';
import { createArchiveStore, type StatementInput } from '../../../lib/archive/store';
import { queryWords, searchWords } from '../../../lib/archive/words';
import { describeSpan } from '../../../lib/dom/anchor';
import { openNotesDb } from '../../../lib/notes/db';
import { seededRandom } from '../../../scripts/seeded-random';

// Made-up words; the first few common, a handful sharing prefixes.
const VOCAB = [
  'harbour',
  'harbours',
  'hartley',
  'tolls',
  'toll',
  'tunnel',
  'budget',
  'bridge',
  'ferry',
  'fares',
  'quay',
  'quorum',
  'vellum',
  'zest',
  'zeal',
  'orbit',
  'ombra',
  'pylon',
  'pyre',
  'lumen',
];

function said(text: string): StatementInput {
  return {
    text,
    speaker: 'Ana Ferreira',
    speakerKind: 'person',
    aliases: [],
    fragment: false,
    confidence: 0.9,
    selectors: describeSpan(text, 0, text.length),
  };
}

async function build(articles: number) {
  const name = `search-test-${Math.random()}`;
  const openDb = () => openNotesDb({ name });
  let t = Date.UTC(2026, 0, 1);
  const now = () => {
    t += 60_000;
    return new Date(t);
  };
  const store = createArchiveStore({ openDb, now });
  const r = seededRandom(15);
  const text = () =>
    Array.from(
      { length: 2 + Math.floor(r() * 5) },
      () => VOCAB[Math.floor(VOCAB.length ** r()) - 1] as string,
    ).join(' ');
  for (let i = 0; i < articles; i++) {
    const statements = Array.from({ length: 1 + Math.floor(r() * 4) }, () => said(text()));
    await store.record({
      url: `https://site${i % 3}.example/a/${i % 290}`,
      title: `A ${i}`,
      site: `site${i % 3}.example`,
      statements,
    });
  }
  return { store, openDb };
}

/** Every statement holding the query's words, by a scan: the order search promises. */
async function scan(openDb: () => ReturnType<typeof openNotesDb>, query: string) {
  const words = queryWords(query);
  const rows = await (await openDb()).getAll('archive-statements');
  return rows
    .filter((s) => {
      const have = searchWords(s.text);
      return words.every((w, i) =>
        i === words.length - 1 ? have.some((h) => h.startsWith(w)) : have.includes(w),
      );
    })
    .map((s) => parseStatementId(s.id) as { seq: number; n: number })
    .sort((a, b) => b.seq - a.seq || a.n - b.n)
    .map(statementId);
}

const QUERIES = [
  'harbour',
  'h',
  'har',
  'harbour tolls',
  'tolls harbour',
  'toll',
  'tunnel budget bri',
  'zest zeal',
  'quay quorum vellum',
  'pyre',
  'nowhere',
  'harbour nowhere',
  'z',
  'ferry fares o',
];

describe('search over the packed word index', () => {
  it('finds exactly what a scan finds, in its order, across blocks, re-reads and forgetting', async () => {
    // 400 readings of 290 articles: four blocks of 128, 110 articles re-read (new numbers).
    const { store, openDb } = await build(400);
    await store.forgetSite('site1.example');
    for (const q of QUERIES) {
      const want = await scan(openDb, q);
      const got = (await store.search(q, 10_000)).map((s) => s.id);
      expect(got, q).toEqual(want);
      expect(
        (await store.search(q)).map((s) => s.id),
        q,
      ).toEqual(want.slice(0, 50));
    }
  }, 30_000);

  it('pages: each page continues below the last, together the whole list', async () => {
    const { store, openDb } = await build(300);
    for (const q of ['harbour', 'tolls harbour', 'p', 'zest']) {
      const all: string[] = [];
      let page = await store.search(q, 7);
      while (page.length > 0) {
        all.push(...page.map((s) => s.id));
        page = await store.search(q, 7, page[page.length - 1]?.id);
      }
      expect(all, q).toEqual(await scan(openDb, q));
    }
    await expect(store.search('harbour', 7, 'not an id')).rejects.toThrow(/unknown/);
  }, 30_000);

  it('a common prefix read block by block finds the same as one read whole', async () => {
    const { openDb } = await build(300);
    const db = await openDb();
    const top = Number(await db.get('meta', 'archive-seq'));
    for (const q of ['h', 'harbour t', 'p', 'tunnel z', 'quay o']) {
      const words = queryWords(q);
      const terms = words.map((word, i) => ({ word, prefix: i === words.length - 1 }));
      const find = (cap?: number) =>
        findStatements(
          db.transaction('archive-postings').store,
          terms,
          10_000,
          top,
          undefined,
          cap,
        );
      const dense = (await find(1)).map(statementId);
      expect(dense, q).toEqual((await find()).map(statementId));
      expect(dense, q).toEqual(await scan(openDb, q));
    }
  }, 30_000);

  it('forgetting everything leaves no word behind', async () => {
    const { store, openDb } = await build(40);
    await store.forgetAll();
    expect(await (await openDb()).count('archive-postings')).toBe(0);
    expect(await store.search('harbour')).toEqual([]);
  });

  it('forgetting a site leaves none of its words in the index', async () => {
    const { store, openDb } = await build(150);
    await store.forgetSite('site0.example');
    await store.forgetSite('site2.example');
    const db = await openDb();
    const left = await db.getAll('archive-statements');
    const indexed = (await db.getAll('archive-postings')).reduce((t, r) => t + r.ids.length, 0);
    expect(indexed).toBe(left.reduce((t, s) => t + searchWords(s.text).length, 0));
  }, 30_000);

  it('the library page gets pages of 50 with the speakers on the first, and whether more follow', async () => {
    const { store, openDb } = await build(300);
    const self = { id: 'ql', origin: 'chrome-extension://ql/' };
    const sender = { id: 'ql', url: 'chrome-extension://ql/notes.html' };
    const ctx = { store, storage: { local: { get: async () => ({}), set: async () => {} } } };
    const ask = (m: object) =>
      routeArchiveMessage(ctx, m, sender, self) as Promise<{
        ok: boolean;
        people: unknown[];
        statements: Array<{ id: string }>;
        more: boolean;
      }>;
    const want = await scan(openDb, 'harbour');
    expect(want.length).toBeGreaterThan(SEARCH_PAGE);
    const first = await ask({ type: 'archive:search', query: 'harbour' });
    expect(first.statements.map((s) => s.id)).toEqual(want.slice(0, SEARCH_PAGE));
    expect(first.more).toBe(true);
    const last = want[want.length - SEARCH_PAGE - 1];
    const tail = await ask({ type: 'archive:search', query: 'harbour', after: last });
    expect(tail.statements.map((s) => s.id)).toEqual(want.slice(-SEARCH_PAGE));
    expect(tail.more).toBe(false);
    expect(tail.people).toEqual([]);
  }, 30_000);
});
