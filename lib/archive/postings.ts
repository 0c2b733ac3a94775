/**
 * The archive's word index (notes database v5, store `archive-postings`): for each word and each
 * block of BLOCK articles (by reading order), one record holding the statements of that block
 * that use the word, as a sorted Uint32Array.
 *
 * Why not a multiEntry index on the statements' words (v4): every posting was an index entry of
 * its own, so two common words that are rare together meant reading two lists of ~30,000 keys one
 * entry at a time (216 ms at 200,000 statements in fake-indexeddb). Packed, the same lists are a
 * few hundred small records read in one request each (structured clone copies typed arrays
 * whole), intersected in memory block by block, newest block first, stopping at the page's end.
 * A one-letter prefix, which would union hundreds of words over the whole archive, is read one
 * block at a time through the `by-block` index ([block, word]) instead.
 */
/** Articles per block: a common word's record stays a few KB, rewritten on each record. */
export const BLOCK = 128;
/** Statements of one article that are indexed (the posting keeps 16 bits for n). */
export const MAX_INDEXED = 0x10000;
/**
 * Above this many (word, block) records (or two per block) a prefix is common: read block by
 * block, never whole (a one-letter prefix is a third of the index).
 */
const PREFIX_RECORDS_CAP = 200;
/** Blocks read in the first round: a query whose words meet often ends there. */
const FIRST_ROUND = 2;
/** Blocks a common prefix is read in at once, after whole words narrowed them. */
const DENSE_ROUND = 4;

export interface PostingRecord {
  word: string;
  block: number;
  /** (seq % BLOCK) · 2^16 + n, ascending. */
  ids: Uint32Array;
}

/** A statement's place: its article's number and its order in the article. */
export interface StatementPlace {
  seq: number;
  n: number;
}

export const blockOf = (seq: number) => Math.floor(seq / BLOCK);
const postingOf = (p: StatementPlace) => (p.seq % BLOCK) * 0x10000 + p.n;
const placeOf = (block: number, posting: number): StatementPlace => ({
  seq: block * BLOCK + Math.floor(posting / 0x10000),
  n: posting % 0x10000,
});

/** `<article seq, base 36, 6 digits>.<n, base 36>`: short, as every index entry repeats it. */
export function statementId(p: StatementPlace): string {
  return `${p.seq.toString(36).padStart(6, '0')}.${p.n.toString(36)}`;
}

export function parseStatementId(id: string): StatementPlace | null {
  const m = /^([0-9a-z]+)\.([0-9a-z]+)$/.exec(id);
  if (!m) return null;
  const seq = Number.parseInt(m[1] as string, 36);
  const n = Number.parseInt(m[2] as string, 36);
  return Number.isSafeInteger(seq) && Number.isSafeInteger(n) ? { seq, n } : null;
}

/** What `apply` needs of a readwrite transaction's postings store. */
interface PostingStore {
  get(key: [string, number]): Promise<PostingRecord | undefined>;
  put(record: PostingRecord): Promise<unknown>;
  delete(key: [string, number]): Promise<void>;
}

/** What one write does to the index, gathered so each (word, block) record is rewritten once. */
export class PostingChanges {
  private readonly changes = new Map<
    string,
    { word: string; block: number; add: number[]; drop: Set<number> }
  >();

  private entry(word: string, block: number) {
    const k = `${block}\u0000${word}`;
    let e = this.changes.get(k);
    if (!e) {
      e = { word, block, add: [], drop: new Set() };
      this.changes.set(k, e);
    }
    return e;
  }

  add(place: StatementPlace, words: Iterable<string>): void {
    if (place.n >= MAX_INDEXED) return;
    for (const w of words) this.entry(w, blockOf(place.seq)).add.push(postingOf(place));
  }

  drop(place: StatementPlace, words: Iterable<string>): void {
    for (const w of words) this.entry(w, blockOf(place.seq)).drop.add(postingOf(place));
  }

  /** Reads every touched record at once, then writes them back (requests pipelined). */
  async apply(store: PostingStore): Promise<void> {
    const list = [...this.changes.values()];
    const old = await Promise.all(list.map((e) => store.get([e.word, e.block])));
    const writes: Promise<unknown>[] = [];
    list.forEach((e, i) => {
      const kept = [...(old[i]?.ids ?? [])].filter((p) => !e.drop.has(p) && !e.add.includes(p));
      const ids = Uint32Array.from([...kept, ...e.add]).sort();
      writes.push(
        ids.length === 0
          ? store.delete([e.word, e.block])
          : store.put({ word: e.word, block: e.block, ids }),
      );
    });
    await Promise.all(writes);
    this.changes.clear();
  }
}

/** A query word: whole, or (the query's last) a prefix. */
export interface Term {
  word: string;
  prefix: boolean;
}

/** The read side: what `find` needs of a readonly transaction's postings store. */
export interface PostingReader {
  getAll(range: IDBKeyRange, count?: number): Promise<PostingRecord[]>;
  getAllKeys(range: IDBKeyRange, count?: number): Promise<unknown[]>;
  index(name: 'by-block'): { getAll(range: IDBKeyRange): Promise<PostingRecord[]> };
}

type Blocks = Map<number, Uint32Array>;

function union(records: PostingRecord[]): Blocks {
  const parts = new Map<number, Uint32Array[]>();
  for (const r of records) parts.set(r.block, [...(parts.get(r.block) ?? []), r.ids]);
  const out: Blocks = new Map();
  for (const [block, arrays] of parts) {
    if (arrays.length === 1) {
      out.set(block, arrays[0] as Uint32Array);
      continue;
    }
    const all = new Uint32Array(arrays.reduce((t, a) => t + a.length, 0));
    let at = 0;
    for (const a of arrays) {
      all.set(a, at);
      at += a.length;
    }
    all.sort();
    let n = 0;
    for (let i = 0; i < all.length; i++)
      if (i === 0 || all[i] !== all[i - 1]) all[n++] = all[i] as number;
    out.set(block, all.subarray(0, n));
  }
  return out;
}

/** Sorted intersection, smallest list first, binary search in the others. */
function intersect(lists: Uint32Array[]): number[] {
  const [first, ...rest] = [...lists].sort((a, b) => a.length - b.length);
  if (!first) return [];
  const out: number[] = [];
  const from = rest.map(() => 0);
  for (const p of first) {
    let every = true;
    for (let j = 0; j < rest.length && every; j++) {
      const list = rest[j] as Uint32Array;
      let lo = from[j] as number;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((list[mid] as number) < p) lo = mid + 1;
        else hi = mid;
      }
      from[j] = lo;
      every = list[lo] === p;
    }
    if (every) out.push(p);
  }
  return out;
}

const wordRange = (term: Term, lo: number, hi: number) =>
  term.prefix
    ? IDBKeyRange.bound([term.word, lo], [`${term.word}\uffff`, hi])
    : IDBKeyRange.bound([term.word, lo], [term.word, hi]);

/**
 * The statements holding every term, newest article first (reading order inside one), up to
 * `limit`, from article `top` down (a page's continuation starts below its last statement).
 * Whole words are read in rounds — the newest FIRST_ROUND blocks, then all older ones at once —
 * so common words that meet often cost one small read each, and words that rarely or never meet
 * one read of their whole lists. A common prefix is read only in blocks where the whole words
 * met, a few blocks at a time, newest first, until the page is full.
 */
export async function findStatements(
  store: PostingReader,
  terms: Term[],
  limit: number,
  top: number,
  below?: StatementPlace,
  prefixRecordsCap?: number,
): Promise<StatementPlace[]> {
  const topBlock = blockOf(below?.seq ?? top);
  const whole = terms.filter((t) => !t.prefix);
  const prefix = terms.find((t) => t.prefix);
  // A prefix of few (word, block) records is read whole, like a word.
  let prefixWhole: Blocks | null = null;
  if (prefix) {
    const cap = prefixRecordsCap ?? Math.max(PREFIX_RECORDS_CAP, 2 * (topBlock + 1));
    const range = wordRange(prefix, 0, topBlock);
    const keys = await store.getAllKeys(range, cap);
    if (keys.length < cap) prefixWhole = union(await store.getAll(range));
  }
  const dense = prefix && !prefixWhole ? prefix : null;
  const readDense = async (blocks: number[]) => {
    if (!dense) return null;
    const got = await Promise.all(
      blocks.map((b) =>
        store
          .index('by-block')
          .getAll(IDBKeyRange.bound([b, dense.word], [b, `${dense.word}\uffff`])),
      ),
    );
    return union(got.flat());
  };
  const found: StatementPlace[] = [];
  const take = (block: number, postings: number[]) => {
    const hits = postings
      .map((p) => placeOf(block, p))
      .filter((p) => !below || p.seq < below.seq || (p.seq === below.seq && p.n > below.n))
      .sort((x, y) => y.seq - x.seq || x.n - y.n);
    for (const h of hits) {
      if (found.length >= limit) return;
      found.push(h);
    }
  };

  if (whole.length === 0 && !prefixWhole) {
    // A common prefix alone: 1, 2, 4… blocks a round; the newest block nearly always suffices.
    let hi = topBlock;
    for (let size = 1; hi >= 0 && found.length < limit; size *= 2) {
      const blocks: number[] = [];
      for (let b = hi; b >= Math.max(0, hi - size + 1); b--) blocks.push(b);
      const lists = (await readDense(blocks)) as Blocks;
      for (const b of blocks) take(b, [...(lists.get(b) ?? [])]);
      hi -= size;
    }
    return found;
  }

  let hi = topBlock;
  let size = FIRST_ROUND;
  while (hi >= 0 && found.length < limit) {
    const lo = Math.max(0, hi - size + 1);
    const read = await Promise.all(
      whole.map(async (t) => union(await store.getAll(wordRange(t, lo, hi)))),
    );
    const lists: Blocks[] = prefixWhole ? [...read, prefixWhole] : read;
    // Per block, newest first, the statements every term read so far shares.
    const met: Array<[number, number[]]> = [];
    for (let b = hi; b >= lo; b--) {
      const parts = lists.map((l) => l.get(b));
      if (parts.every((p) => p !== undefined)) {
        const both = intersect(parts as Uint32Array[]);
        if (both.length > 0) met.push([b, both]);
      }
    }
    if (!dense) {
      for (const [b, ids] of met) take(b, ids);
    } else {
      for (let i = 0; i < met.length && found.length < limit; i += DENSE_ROUND) {
        const chunk = met.slice(i, i + DENSE_ROUND);
        const lists = (await readDense(chunk.map(([b]) => b))) as Blocks;
        for (const [b, ids] of chunk) {
          const d = lists.get(b);
          if (d) take(b, intersect([Uint32Array.from(ids), d]));
        }
      }
    }
    hi = lo - 1;
    size = Number.POSITIVE_INFINITY;
  }
  return found;
}

/** The index's records for every statement of a store (the v5 migration). */
export function postingsOf(statements: Iterable<{ id: string; words: string[] }>): PostingRecord[] {
  const map = new Map<string, { word: string; block: number; ids: number[] }>();
  for (const s of statements) {
    const place = parseStatementId(s.id);
    if (!place || place.n >= MAX_INDEXED) continue;
    const block = blockOf(place.seq);
    for (const word of s.words) {
      const k = `${block}\u0000${word}`;
      let e = map.get(k);
      if (!e) {
        e = { word, block, ids: [] };
        map.set(k, e);
      }
      e.ids.push(postingOf(place));
    }
  }
  return [...map.values()].map((e) => ({
    word: e.word,
    block: e.block,
    ids: Uint32Array.from(e.ids).sort(),
  }));
}
