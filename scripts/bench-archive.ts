/**
 * Benchmark of the reader's archive (issue 15): builds an archive of generated articles through
 * the real store (identity, indexes, one transaction per article, as the background records),
 * then times search, a speaker's page, and reports the size.
 *   npm run bench:archive                 10,000 articles × 20 statements = 200,000
 *   npm run bench:archive -- 1000         fewer articles (a quick look)
 * IndexedDB here is fake-indexeddb (pure JS, in memory; a dev dependency already used by the
 * unit tests): a browser's native IndexedDB is faster, so these times are an upper bound for
 * the same queries. Targets: search ≤ 50 ms, speaker page ≤ 100 ms, size ≤ 200 MB.
 */
import 'fake-indexeddb/auto';
import { createArchiveStore, recordBytes, type StatementInput } from '../lib/archive/store';
import { describeSpan } from '../lib/dom/anchor';
import { openNotesDb } from '../lib/notes/db';

const ARTICLES = Number(process.argv[2] ?? 10_000);
const PER_ARTICLE = 20;
const RUNS = 25;

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const r = rng(2026);
const pick = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)] as T;

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
const zipf = () =>
  VOCABULARY[Math.min(VOCABULARY.length - 1, Math.floor(VOCABULARY.length ** r() - 1))] as string;
const FUNCTION_WORDS = ['the', 'and', 'we', 'will', 'not', 'is', 'of', 'to', 'a', 'in'];

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

function sentence(): string {
  const n = 8 + Math.floor(r() * 18);
  const words: string[] = [];
  for (let i = 0; i < n; i++) words.push(r() < 0.35 ? pick(FUNCTION_WORDS) : zipf());
  const s = words.join(' ');
  return (s[0] as string).toUpperCase() + s.slice(1);
}

function article(i: number) {
  const cast = Array.from({ length: 3 + Math.floor(r() * 4) }, () =>
    // The first hundred people are the beat's regulars.
    r() < 0.3 ? (PEOPLE[Math.floor(r() * 100)] as Person) : pick(PEOPLE),
  );
  const paragraphs: string[] = [];
  const statements: StatementInput[] = [];
  let text = `Headline ${i}`;
  for (let n = 0; n < PER_ARTICLE; n++) {
    const p = pick(cast);
    const name =
      r() < 0.8 ? `${p.given} ${p.surname}` : r() < 0.5 ? p.surname : `${p.given[0]}. ${p.surname}`;
    const quote = sentence();
    const para = `\n"${quote}," said ${name}. ${sentence()}.`;
    const start = text.length + 2;
    text += para;
    paragraphs.push(para);
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

async function main() {
  let clock = Date.UTC(2025, 0, 1);
  const store = createArchiveStore({
    openDb: () => openNotesDb({ name: 'bench-archive' }),
    // Articles read over about two years.
    now: () => {
      clock += 6_000_000;
      return new Date(clock);
    },
  });
  const t0 = performance.now();
  const recordTimes: number[] = [];
  for (let i = 0; i < ARTICLES; i++) {
    const a = article(i);
    const [t] = await time(() => store.record(a));
    recordTimes.push(t);
    if ((i + 1) % 1000 === 0) {
      process.stderr.write(
        `  ${i + 1} articles recorded (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`,
      );
    }
  }
  const stats = await store.stats();
  console.log(
    `archive: ${stats.articles} articles, ${stats.statements} statements, ${stats.people} speakers ` +
      `(built in ${((performance.now() - t0) / 1000).toFixed(0)} s; one article recorded in median ${ms(stat(recordTimes).median)}, background only)`,
  );

  // Search: a common word, a rare one, two words, a prefix, a speaker's name.
  const queries = [
    VOCABULARY[3] as string,
    VOCABULARY[2500] as string,
    `${VOCABULARY[5]} ${VOCABULARY[40]}`,
    (VOCABULARY[1] as string).slice(0, 3),
    (PEOPLE[0] as Person).surname,
  ];
  const searchTimes: number[] = [];
  const perQuery = new Map<string, number[]>();
  for (let run = 0; run < RUNS; run++) {
    for (const q of queries) {
      const [t] = await time(async () => {
        await Promise.all([store.search(q), store.people(q, 20)]);
      });
      if (run > 0) {
        searchTimes.push(t);
        perQuery.set(q, [...(perQuery.get(q) ?? []), t]);
      }
    }
  }
  const s = stat(searchTimes);
  for (const [q, t] of perQuery)
    console.log(`  "${q}": median ${ms(stat(t).median)}, max ${ms(stat(t).max)}`);
  console.log(
    `search (statements + speakers, ${queries.length} queries × ${RUNS - 1} runs): median ${ms(s.median)}, p95 ${ms(s.p95)}, max ${ms(s.max)}  [target ≤ 50 ms]`,
  );

  // Speaker pages: the most quoted speaker and typical ones.
  const people = await store.people('', 100_000);
  const top = people[0];
  const typical = people[Math.floor(people.length / 2)];
  if (!top || !typical) throw new Error('the archive holds no speakers');
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
    console.log(
      `speaker page, ${label}: median ${ms(p.median)}, max ${ms(p.max)}  [target ≤ 100 ms]`,
    );
  }

  // Size: every record measured (the reader sees the sampled estimate, printed beside it).
  const db = await openNotesDb({ name: 'bench-archive' });
  let exact = 0;
  for (const name of [
    'archive-articles',
    'archive-statements',
    'archive-people',
    'archive-pins',
  ] as const) {
    for (const rec of await db.getAll(name)) exact += recordBytes(rec);
  }
  const sample = (await db.getAll('archive-statements', null, 1))[0];
  if (sample)
    console.log(
      `  one statement record: ${recordBytes(sample)} bytes, e.g. ${JSON.stringify(sample).slice(0, 400)}`,
    );
  db.close();
  console.log(
    `storage: ${(exact / 1024 / 1024).toFixed(1)} MB measured over every record (UTF-8 JSON + index keys); ` +
      `the library page shows the estimate ${(stats.bytes / 1024 / 1024).toFixed(1)} MB  [target ≤ 200 MB]`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
