/**
 * The archive benchmark itself (issue 15), with no IndexedDB of its own: the Node entry
 * (scripts/bench-archive.ts) hands it fake-indexeddb, the browser entry (./browser.ts, run by
 * `npm run bench:archive -- --browser`) the real IndexedDB of the extension's origin in Chromium.
 * Builds an archive of generated articles through the real store (identity, word index, one
 * transaction per article, as the background records), then times every class of search, a
 * speaker's page, and reports the size. Same lines printed either way.
 */

import {
  type ArchiveStore,
  createArchiveStore,
  recordBytes,
  type StatementInput,
} from '../../lib/archive/store';
import { searchWords } from '../../lib/archive/words';
import { describeSpan } from '../../lib/dom/anchor';
import type { NotesDb } from '../../lib/notes/db';
import { seededRandom } from '../seeded-random';

export interface BenchOptions {
  articles: number;
  openDb: () => Promise<NotesDb>;
  /** A result line. */
  log: (line: string) => void;
  /** A progress line (stderr in Node). */
  progress: (line: string) => void;
  /** Where the numbers come from, printed first. */
  engine: string;
  runs?: number;
  /** What the browser says the origin stores (navigator.storage.estimate), where it can. */
  usage?: () => Promise<number | null>;
}

export interface QueryTiming {
  label: string;
  query: string;
  hits: number;
  median: number;
  max: number;
}

export interface BenchResult {
  articles: number;
  statements: number;
  queries: QueryTiming[];
  searchMedian: number;
  searchP95: number;
  searchMax: number;
  speakerTop: number;
  speakerTypical: number;
  recordMedian: number;
  bytes: number;
}

const PER_ARTICLE = 20;

// Invented words (syllables), drawn by a Zipf-like law as words are in news text.
const SYLLABLES = 'ka lo mi ra ten vor sal pen dri mar tho bel quin sor ga lu fen ost ar bri'.split(
  ' ',
);
const VOCABULARY = Array.from({ length: 6000 }, (_, i) => {
  let w = '';
  let n = i + 7;
  do {
    w += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return w;
});
const FUNCTION_WORDS = ['the', 'and', 'we', 'will', 'not', 'is', 'of', 'to', 'a', 'in'];
/**
 * Each article has a beat; half its statements use the beat's word (so each is in about one
 * statement in eight). Beats 0 and 1 meet in about one statement in 5,000; 0 and 2 never do:
 * common words rare together, and never together.
 */
const BEATS = ['tarvelon', 'brisquel', 'mundoran', 'selvika'];

const GIVEN =
  'Ana Omar Jana Piotr Grace Diego Ingrid Sean Chidi Elsa Rui Lucia Markus Leila Niamh Luka Chioma Milan Simran Bruno Ama Tor Kwame Siobhan Hiroshi Camille Henrik Adaeze Olga Emeka Carmen Klaus Maria Luis Priya Boris Mike Hillary Bill George'.split(
    ' ',
  );
const SURNAMES = Array.from({ length: 800 }, (_, i) => {
  const s = VOCABULARY[(i * 37) % VOCABULARY.length] as string;
  return (s[0] as string).toUpperCase() + s.slice(1);
});
// 2,000 people; some share a surname (two given names on one surname).
type Person = { given: string; surname: string };
const PEOPLE: Person[] = Array.from({ length: 2000 }, (_, i) => ({
  given: GIVEN[(i + 3 * Math.floor(i / SURNAMES.length)) % GIVEN.length] as string,
  surname: SURNAMES[i % SURNAMES.length] as string,
}));

function generator(seed: number) {
  const r = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)] as T;
  const zipf = () =>
    VOCABULARY[Math.min(VOCABULARY.length - 1, Math.floor(VOCABULARY.length ** r() - 1))] as string;
  function sentence(extra: string[] = []): string {
    const n = 8 + Math.floor(r() * 18);
    const words: string[] = [];
    for (let i = 0; i < n; i++) words.push(r() < 0.35 ? pick(FUNCTION_WORDS) : zipf());
    for (const w of extra) words.splice(Math.floor(r() * words.length), 0, w);
    const s = words.join(' ');
    return (s[0] as string).toUpperCase() + s.slice(1);
  }
  return function article(i: number) {
    const beat = i % BEATS.length;
    const cast = Array.from({ length: 3 + Math.floor(r() * 4) }, () =>
      // The first hundred people are the beat's regulars.
      r() < 0.3 ? (PEOPLE[Math.floor(r() * 100)] as Person) : pick(PEOPLE),
    );
    const statements: StatementInput[] = [];
    let text = `Headline ${i}`;
    for (let n = 0; n < PER_ARTICLE; n++) {
      const p = pick(cast);
      const name =
        r() < 0.8
          ? `${p.given} ${p.surname}`
          : r() < 0.5
            ? p.surname
            : `${p.given[0]}. ${p.surname}`;
      const extra: string[] = [];
      if (r() < 0.5) extra.push(BEATS[beat] as string);
      if (beat === 0 && r() < 0.001) extra.push(BEATS[1] as string);
      const quote = sentence(extra);
      const para = `\n"${quote}," said ${name}. ${sentence()}.`;
      const start = text.length + 2;
      text += para;
      statements.push({
        text: quote,
        speaker: name,
        speakerKind: 'person',
        aliases: [],
        fragment: r() < 0.1,
        confidence: 0.5 + r() / 2,
        selectors: describeSpan(text, start, start + quote.length),
      });
    }
    const site = `site${i % 40}.example`;
    return {
      url: `https://${site}/news/${i}/story-${i}`,
      title: `Story ${i}: ${sentence().slice(0, 60)}`,
      site,
      statements,
    };
  };
}

function stat(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  return {
    median: s[Math.floor(s.length / 2)] as number,
    p95: s[Math.floor(s.length * 0.95)] as number,
    max: s[s.length - 1] as number,
  };
}
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const out = await work();
  return [performance.now() - t, out];
}

/** Every class of query the library's search box meets, the hard ones included. */
function queryClasses(): Array<[string, string]> {
  return [
    ['one very common word', VOCABULARY[0] as string],
    ['one rare word', VOCABULARY[2500] as string],
    ['two common words, often together', `${VOCABULARY[0]} ${VOCABULARY[1]}`],
    ['two common words, rare together', `${BEATS[0]} ${BEATS[1]}`],
    ['two common words, never together', `${BEATS[0]} ${BEATS[2]}`],
    ['a common word and a rare one', `${VOCABULARY[0]} ${VOCABULARY[2500]}`],
    ['a prefix of one letter', 'm'],
    ['a prefix of three letters', (VOCABULARY[1] as string).slice(0, 3)],
    ['a common word, then one letter', `${BEATS[0]} q`],
    ['a word absent', 'zyxwvut'],
    ["a speaker's surname", (PEOPLE[0] as Person).surname],
  ];
}

export async function runArchiveBench(options: BenchOptions): Promise<BenchResult> {
  const { log, progress } = options;
  const runs = options.runs ?? 25;
  log(`engine: ${options.engine}`);
  let clock = Date.UTC(2025, 0, 1);
  const store: ArchiveStore = createArchiveStore({
    openDb: options.openDb,
    // Articles read over about two years.
    now: () => {
      clock += 6_000_000;
      return new Date(clock);
    },
  });
  const article = generator(2026);
  const t0 = performance.now();
  const recordTimes: number[] = [];
  for (let i = 0; i < options.articles; i++) {
    const a = article(i);
    const [t] = await time(() => store.record(a));
    recordTimes.push(t);
    if ((i + 1) % 1000 === 0) {
      progress(`  ${i + 1} articles recorded (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  }
  const stats = await store.stats();
  const recordMedian = stat(recordTimes).median;
  log(
    `archive: ${stats.articles} articles, ${stats.statements} statements, ${stats.people} speakers ` +
      `(built in ${((performance.now() - t0) / 1000).toFixed(0)} s; one article recorded in median ${ms(recordMedian)}, background only)`,
  );

  const classes = queryClasses();
  const searchTimes: number[] = [];
  const perQuery = new Map<string, number[]>();
  const hits = new Map<string, number>();
  for (let run = 0; run < runs; run++) {
    for (const [, q] of classes) {
      const [t, [, statements]] = await time(() =>
        Promise.all([store.people(q, 20), store.search(q)]),
      );
      hits.set(q, statements.length);
      if (run > 0) {
        searchTimes.push(t);
        perQuery.set(q, [...(perQuery.get(q) ?? []), t]);
      }
    }
  }
  const queries: QueryTiming[] = classes.map(([label, query]) => {
    const t = stat(perQuery.get(query) ?? [0]);
    return { label, query, hits: hits.get(query) ?? 0, median: t.median, max: t.max };
  });
  for (const q of queries) {
    log(`  ${q.label} ("${q.query}", ${q.hits} shown): median ${ms(q.median)}, max ${ms(q.max)}`);
  }
  const s = stat(searchTimes);
  log(
    `search (statements + speakers, ${classes.length} query classes × ${runs - 1} runs): median ${ms(s.median)}, p95 ${ms(s.p95)}, max ${ms(s.max)}  [target ≤ 50 ms]`,
  );

  // Speaker pages: the most quoted speaker and typical ones.
  const people = await store.people('', 100_000);
  const top = people[0];
  const typical = people[Math.floor(people.length / 2)];
  if (!top || !typical) throw new Error('the archive holds no speakers');
  const pageTimes: number[] = [];
  for (const [label, person] of [
    [`most quoted (${top.statementCount} statements)`, top],
    [`typical (${typical.statementCount} statements)`, typical],
  ] as const) {
    const times: number[] = [];
    for (let run = 0; run < 10; run++) {
      const [t] = await time(() => store.speaker(person.id));
      if (run > 0) times.push(t);
    }
    const p = stat(times);
    pageTimes.push(p.median);
    log(`speaker page, ${label}: median ${ms(p.median)}, max ${ms(p.max)}  [target ≤ 100 ms]`);
  }

  // Size: every record measured (the reader sees the sampled estimate, printed beside it).
  const db = await options.openDb();
  let exact = 0;
  for (const name of [
    'archive-articles',
    'archive-statements',
    'archive-people',
    'archive-pins',
    'archive-postings',
  ] as const) {
    for (const rec of await db.getAll(name)) exact += recordBytes(rec);
  }
  const sample = (await db.getAll('archive-statements', null, 1))[0];
  if (sample) {
    log(
      `  one statement record: ${recordBytes(sample)} bytes (+ ${4 * searchWords(sample.text).length} in the word index), e.g. ${JSON.stringify(sample).slice(0, 300)}`,
    );
  }
  log(
    `storage: ${(exact / 1024 / 1024).toFixed(1)} MB measured over every record (UTF-8 JSON + index keys; word index packed); ` +
      `the library page shows the estimate ${(stats.bytes / 1024 / 1024).toFixed(1)} MB  [target ≤ 200 MB]`,
  );
  const usage = await options.usage?.();
  if (typeof usage === 'number') {
    log(
      `  the browser's own count (navigator.storage.estimate, this origin on disk): ${(usage / 1024 / 1024).toFixed(1)} MB`,
    );
  }
  return {
    articles: stats.articles,
    statements: stats.statements,
    queries,
    searchMedian: s.median,
    searchP95: s.p95,
    searchMax: s.max,
    speakerTop: pageTimes[0] ?? 0,
    speakerTypical: pageTimes[1] ?? 0,
    recordMedian,
    bytes: exact,
  };
}
