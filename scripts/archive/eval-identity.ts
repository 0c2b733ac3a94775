/**
 * Pairwise precision and recall of "same person" over the generated identity set
 * (scripts/archive/identity-set.ts): every pair of statements is a same-person pair in the gold
 * or not, and in the archive's people or not. `npm run eval:identity [articles] [seed]`.
 */
import { Roster } from '../../lib/archive/roster';
import { type GoldArticle, generateArticles, PEOPLE, SHORT_ONLY_SHARE } from './identity-set';

export interface PairScores {
  precision: number;
  recall: number;
  statements: number;
  goldPeople: number;
  archivePeople: number;
  /** Recall over the people who share a surname with someone else in the set. */
  namesakeRecall: number;
  /** Speakers named the most ways that still ended split across entries (for reading errors). */
  splits: string[];
}

const pairs = (n: number) => (n * (n - 1)) / 2;

export function scoreIdentity(articles: GoldArticle[]): PairScores {
  let next = 0;
  const roster = new Roster(() => `p${++next}`);
  const cells = new Map<string, number>();
  const gold = new Map<string, number>();
  const pred = new Map<string, number>();
  const formsOf = new Map<string, Set<string>>();
  let statements = 0;
  const surnames = new Map<string, number>();
  for (const p of PEOPLE) surnames.set(p.surname, (surnames.get(p.surname) ?? 0) + 1);
  const namesakes = new Set(
    PEOPLE.filter((p) => (surnames.get(p.surname) ?? 0) > 1).map((p) => p.id),
  );
  for (const a of articles) {
    for (const s of a.speakers) {
      const r = roster.resolve(s.name, s.aliases);
      const id = r ? r.person.id : `none-${a.id}-${s.name}`;
      const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + s.statements);
      bump(cells, `${s.gold}\u0000${id}`);
      bump(gold, s.gold);
      bump(pred, id);
      statements += s.statements;
      let f = formsOf.get(s.gold);
      if (!f) {
        f = new Set();
        formsOf.set(s.gold, f);
      }
      f.add(id);
    }
  }
  // Pairs counted at the end: ids may have changed display names, never identity.
  const sum = (m: Map<string, number>) => [...m.values()].reduce((t, n) => t + pairs(n), 0);
  const tp = sum(cells);
  const only = (m: Map<string, number>, pick: (k: string) => boolean) =>
    sum(new Map([...m].filter(([k]) => pick(k))));
  const namesakeTp = only(cells, (k) => namesakes.has(k.split('\u0000')[0] ?? ''));
  const namesakeGold = only(gold, (k) => namesakes.has(k));
  const predicted = sum(pred);
  const actual = sum(gold);
  return {
    precision: predicted === 0 ? 1 : tp / predicted,
    recall: actual === 0 ? 1 : tp / actual,
    namesakeRecall: namesakeGold === 0 ? 1 : namesakeTp / namesakeGold,
    statements,
    goldPeople: gold.size,
    archivePeople: pred.size,
    splits: [...formsOf]
      .filter(([, ids]) => ids.size > 1)
      .map(
        ([g, ids]) =>
          `${g}: ${[...ids].map((i) => roster.people.get(i)?.display ?? i).join(' | ')}`,
      ),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 600);
  const seed = Number(process.argv[3] ?? 15);
  const s = scoreIdentity(generateArticles(count, seed));
  console.log(
    `identity set: ${count} articles (seed ${seed}), ${s.statements} statements, ` +
      `${SHORT_ONLY_SHARE * 100}% of article speakers named without a given name`,
  );
  console.log(`people: ${s.goldPeople} in the gold, ${s.archivePeople} archive entries`);
  console.log(`pairwise precision ${s.precision.toFixed(4)}  recall ${s.recall.toFixed(4)}`);
  console.log(`recall over people who share a surname: ${s.namesakeRecall.toFixed(4)}`);
  for (const line of s.splits) console.log(`  kept apart: ${line}`);
  for (const share of [0.12, 0.25]) {
    const h = scoreIdentity(generateArticles(count, seed, share));
    console.log(
      `harsher, ${share * 100}% named without a given name: precision ${h.precision.toFixed(4)}  ` +
        `recall ${h.recall.toFixed(4)}`,
    );
  }
}
