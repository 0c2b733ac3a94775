/**
 * Node-only: turns annotated pages into ranking examples. The engine runs over each page with a
 * given chooser, recording every attributed quote's candidates and features; each quote is
 * matched to the gold quote it finds (the scorer's rule: the longest shared run of words over
 * the longer of the two, at least half), and each candidate is labelled right or wrong by the
 * scorer's own speaker test on the name it would show.
 */
import { type Decision, extractQuotes } from '../../lib/quotes/index';
import { type Chooser, type Judge, quotePlace, rulesJudge } from '../../lib/quotes/ranker';
import type { CorpusPage, GoldQuote } from '../quotes/corpus';
import type { Scorer } from '../quotes/score';

/** One attributed quote: its candidates' features and which of them are right. */
export interface Group {
  page: string;
  features: Float64Array[];
  labels: Uint8Array;
  rulesPick: number;
  /** Where on the page the quote stands (quotePlace): the model's confidence holds there only. */
  place: string;
}

const MATCH = 0.5;
/**
 * Learn from quotes whose gold speaker the corpus left unscored too ("a spokesman", "the
 * report", or a name it could not link): where a candidate matches those words, it is right.
 */
const UNSCORED = process.env.QL_TRAIN_UNSCORED !== '0';

/** The gold quote a found quote matches best, if any reaches the scorer's threshold. */
function matchGold(
  scorer: Scorer,
  text: string,
  gold: Array<GoldQuote & { tokens: string[] }>,
): GoldQuote | null {
  const mine = scorer.tokenize(text);
  let best: (GoldQuote & { tokens: string[] }) | null = null;
  let bestScore = MATCH;
  for (const g of gold) {
    const lo = Math.min(g.tokens.length, mine.length);
    const hi = Math.max(g.tokens.length, mine.length);
    if (hi === 0 || lo / hi < MATCH) continue;
    const s = scorer.pairScore(g.tokens, mine);
    // a required quote wins a tie with an optional one (a headline repeating the body)
    if (s > bestScore || (s === bestScore && best?.optional && !g.optional)) {
      best = g;
      bestScore = s;
    }
  }
  return best && bestScore >= MATCH ? best : null;
}

/**
 * Ranking examples from `pages`, the engine choosing with `chooser` (its choices shape the
 * history later quotes see). Quotes whose gold speaker is not scored, optional, or that no
 * candidate gets right are left out: there is nothing to learn from them.
 */
export function buildGroups(
  scorer: Scorer,
  pages: CorpusPage[],
  chooser: Chooser,
  unscored = UNSCORED,
): Group[] {
  const groups: Group[] = [];
  for (const page of pages) {
    const decisions: Decision[] = [];
    // today's rules decide which spans are statements: never the committed model file's judge,
    // or each training would depend on the last one's output
    extractQuotes(page.model, { chooser, judge: rulesJudge, record: (d) => decisions.push(d) });
    const index = scorer.goldSpeakerIndex(page.gold);
    const gold = page.gold.quotes
      .filter((q) => q && typeof q.text === 'string')
      .map((q) => ({ ...q, tokens: scorer.tokenize(q.text) }));
    for (const d of decisions) {
      const g = matchGold(scorer, d.work.text.split('\n')[0] ?? '', gold);
      if (!g || g.optional || (g.speaker_unscored && !unscored)) continue;
      const want = typeof g.speaker === 'string' && g.speaker !== '' ? g.speaker : null;
      const labels = Uint8Array.from(d.cands, (c) => {
        const name = c.entity ? c.entity.name : c.name;
        if (want === null) return name === null ? 1 : 0;
        return name !== null && scorer.speakerCorrect(index, want, name) ? 1 : 0;
      });
      if (!labels.includes(1)) continue;
      // an unscored "the senator said" means the corpus did not link the role to its bearer,
      // not that no senator was named: it says nothing about bearer against unnamed, nor about
      // the person just quoted against unnamed (the guidelines resolve "the MP added" to them)
      if (
        g.speaker_unscored &&
        d.cands.some((c) => c.rules.has('role-bearer') || c.rules.has('role-last-speaker')) &&
        d.cands.some((c, i) => labels[i] === 1 && c.rules.has('role-unnamed'))
      )
        continue;
      groups.push({
        page: page.id,
        features: d.features,
        labels,
        rulesPick: d.rulesPick,
        place: quotePlace(page.model, d.work.span),
      });
    }
  }
  return groups;
}

/** One quoted span the engine kept for judging, and whether the gold says it is a quote. */
export interface Statement {
  page: string;
  features: Float64Array;
  label: 0 | 1;
}

/**
 * Statement examples from `pages`: every span the engine weighed is a yes when it matches a
 * required gold quote, a no when it matches none; spans matching an optional gold quote (a
 * title, a quote inside a quote the corpus does not require) are left out.
 */
export function buildStatements(
  scorer: Scorer,
  pages: CorpusPage[],
  chooser: Chooser,
  judge: Judge,
): Statement[] {
  const out: Statement[] = [];
  for (const page of pages) {
    const decisions: Decision[] = [];
    extractQuotes(page.model, { chooser, judge, record: (d) => decisions.push(d) });
    const gold = page.gold.quotes
      .filter((q) => q && typeof q.text === 'string')
      .map((q) => ({ ...q, tokens: scorer.tokenize(q.text) }));
    for (const d of decisions) {
      const g = matchGold(scorer, d.work.text.split('\n')[0] ?? '', gold);
      // the judge only vetoes spans today's rules keep (see ranker.ts): learn on those
      if (g?.optional || d.statement[0] === 1) continue;
      out.push({ page: page.id, features: d.statement, label: g ? 1 : 0 });
    }
  }
  return out;
}
