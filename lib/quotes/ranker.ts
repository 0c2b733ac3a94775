/**
 * The learned choice of a quote's speaker: boosted regression trees score each candidate from
 * its features (features.ts), a softmax over the quote's candidates turns scores into
 * probabilities, and a calibration curve fitted on held-out quotes turns the winner's
 * probability into how often such a choice is right. Trained by `npm run train` (scripts/train)
 * on the PolNeAR training split; the weights are data (attribution-model.json).
 * Pure: arithmetic over arrays.
 */
import { FEATURES } from './features';
import type { QuoteSpan } from './marks';
import type { TextModel } from './types';

/**
 * One tree, flattened: node i is [feature, threshold, left, right] at 4i; a leaf has feature
 * -1 and its value in the threshold's place. Go left when the feature is ≤ the threshold.
 */
export type Tree = number[];

export interface RankerModel {
  /** The feature names the trees were grown on, in order: a model that does not fit is refused. */
  features: string[];
  trees: Tree[];
  /** Calibration knots [probability, how often right], increasing; linear between knots. */
  calibration: Array<[number, number]>;
  /**
   * The same for fragments ("called it a “great meeting”"): woven into the reporter's sentence,
   * they are attributed less reliably at the same probability, so they have their own curve.
   */
  fragmentCalibration?: Array<[number, number]>;
  /** Languages of the training pages (BCP 47 primary subtags); elsewhere no label is sure. */
  languages?: string[];
  /**
   * Places on a page the training quotes stood in (quotePlace: "paragraph", "headline"); a
   * quote elsewhere (a subheading, a caption, a pull quote) is never sure: nothing measured it.
   */
  places?: string[];
  /** The statement judge: is a quoted span someone's words (see statement-features.ts)? */
  statement?: JudgeModel;
}

export interface JudgeModel {
  features: string[];
  trees: Tree[];
  /** Keep a span whose probability of being a statement reaches this. */
  threshold: number;
}

export interface Choice {
  /** Index of the chosen candidate. */
  index: number;
  /** Every candidate's probability, before calibration. */
  probs: number[];
  /** Calibrated confidence that the choice is right, 0–1. */
  confidence: number;
  /** Index of the next likeliest candidate, or -1. */
  runnerUp: number;
  /** Calibrated confidence had candidate `i` been chosen (a transcript label overrides the pick). */
  confidenceAt: (i: number) => number;
}

/** What calibration needs to know of the quote beyond its candidates. */
export interface QuoteContext {
  fragment: boolean;
  /** The page language, where known. */
  lang?: string;
  /** Where the quote stands on the page (quotePlace). */
  place?: string;
}

/** Picks a candidate from the feature vectors of a quote's candidates. */
export type Chooser = (features: Float64Array[], rulesPick: number, quote?: QuoteContext) => Choice;

/**
 * The most a label can be trusted on a page in a language the model never saw, or in a place
 * on the page no training quote stood in: the rules and the lexicon still work there, but
 * nothing measured how well, so it is shown as a guess.
 */
export const UNLEARNED_LANGUAGE_CAP = 0.8;

/**
 * A model's trees of at most two levels, packed once per model into typed arrays, tree k's
 * numbers side by side (one read of memory brings a tree, not five arrays' worth): in
 * `feature` at 3k its root's feature, then its left and right children's; in `value` at 8k
 * its root's threshold, its children's two thresholds, then its four leaves (left-left,
 * left-right, right-left, right-right). A leaf standing higher up is written into every leaf
 * slot below it (its split then reads feature 0 and cannot change the value), so scoring a
 * candidate is exactly two comparisons per tree and no branch on the tree's shape (the ranker
 * runs for every candidate of every quote).
 */
interface ShallowForest {
  trees: number;
  feature: Int32Array;
  value: Float64Array;
}
const shallow = new WeakMap<Tree[], ShallowForest | null>();

/**
 * The last two forests asked for: the ranker asks for the same one candidate after candidate,
 * and the statement judge for its own between quotes (with one remembered, every quote went
 * to the WeakMap twice).
 */
let lastTrees: Tree[] | null = null;
let lastShallow: ShallowForest | null = null;
let otherTrees: Tree[] | null = null;
let otherShallow: ShallowForest | null = null;

function shallowOf(trees: Tree[]): ShallowForest | null {
  if (trees === lastTrees) return lastShallow;
  if (trees === otherTrees) {
    const known = otherShallow;
    otherTrees = lastTrees;
    otherShallow = lastShallow;
    lastTrees = trees;
    lastShallow = known;
    return known;
  }
  const known = shallow.get(trees);
  if (known !== undefined) {
    otherTrees = lastTrees;
    otherShallow = lastShallow;
    lastTrees = trees;
    lastShallow = known;
    return known;
  }
  const n = trees.length;
  const sf: ShallowForest = {
    trees: n,
    feature: new Int32Array(3 * n),
    value: new Float64Array(8 * n),
  };
  const node = (t: Tree, i: number) =>
    t.slice(4 * i, 4 * i + 4) as [number, number, number, number];
  // a child: its split and two leaves, or (feature -1) its own value twice; null if deeper
  const child = (t: Tree, i: number): [number, number, number, number] | null => {
    const [f, v, l, r] = node(t, i);
    if (f < 0) return [0, 0, v, v];
    const [lf, lv] = node(t, l);
    const [rf, rv] = node(t, r);
    return lf < 0 && rf < 0 ? [f, v, lv, rv] : null;
  };
  for (let k = 0; k < n; k++) {
    const t = trees[k] as Tree;
    const [f, v, l, r] = node(t, 0);
    const left = f < 0 ? ([0, 0, v, v] as const) : child(t, l);
    const right = f < 0 ? ([0, 0, v, v] as const) : child(t, r);
    if (!left || !right) {
      shallow.set(trees, null);
      return null;
    }
    sf.feature.set([Math.max(f, 0), left[0], right[0]], 3 * k);
    sf.value.set([f < 0 ? 0 : v, left[1], right[1], left[2], left[3], right[2], right[3]], 8 * k);
  }
  shallow.set(trees, sf);
  return sf;
}

/**
 * Deeper trees, packed once per model into typed arrays: node i of the whole forest at index
 * i, its two children at 2i and 2i + 1 of `child` as absolute indices, each tree's root in
 * `roots` and its number of levels in `depth`. A leaf is its own child both ways (its split
 * reads feature 0 and cannot move it), so a tree is walked exactly `depth` steps, each picking
 * a child without a branch (as the shallow trees are scored).
 */
interface DeepForest {
  roots: Int32Array;
  depth: Int32Array;
  split: Int32Array;
  value: Float64Array;
  child: Int32Array;
}
const deep = new WeakMap<Tree[], DeepForest>();

/** The last deep forest asked for (the statement judge's, once per quote). */
let lastDeepTrees: Tree[] | null = null;
let lastDeep: DeepForest | null = null;

function deepOf(trees: Tree[]): DeepForest {
  if (trees === lastDeepTrees && lastDeep) return lastDeep;
  const known = deep.get(trees);
  if (known) {
    lastDeepTrees = trees;
    lastDeep = known;
    return known;
  }
  let nodes = 0;
  for (const t of trees) nodes += t.length / 4;
  const df: DeepForest = {
    roots: new Int32Array(trees.length),
    depth: new Int32Array(trees.length),
    split: new Int32Array(nodes),
    value: new Float64Array(nodes),
    child: new Int32Array(2 * nodes),
  };
  let base = 0;
  trees.forEach((t, k) => {
    const leaf = (i: number) => (t[4 * i] as number) < 0;
    const levels = (i: number): number =>
      leaf(i) ? 0 : 1 + Math.max(levels(t[4 * i + 2] as number), levels(t[4 * i + 3] as number));
    df.roots[k] = base;
    df.depth[k] = levels(0);
    for (let i = 0; i < t.length / 4; i++) {
      const at = base + i;
      df.split[at] = leaf(i) ? 0 : (t[4 * i] as number);
      df.value[at] = t[4 * i + 1] as number;
      df.child[2 * at] = leaf(i) ? at : base + (t[4 * i + 2] as number);
      df.child[2 * at + 1] = leaf(i) ? at : base + (t[4 * i + 3] as number);
    }
    base += t.length / 4;
  });
  deep.set(trees, df);
  return df;
}

/** The sum of the trees' leaves for `x`: go left when the feature is ≤ the threshold. */
export function sumOfTrees(trees: Tree[], x: Float64Array): number {
  const sf = shallowOf(trees);
  let s = 0;
  if (!sf) {
    const { roots, depth, split, value, child } = deepOf(trees);
    for (let k = 0; k < roots.length; k++) {
      let i = roots[k] as number;
      for (let d = depth[k] as number; d > 0; d--)
        i = child[2 * i + +!((x[split[i] as number] as number) <= (value[i] as number))] as number;
      s += value[i] as number;
    }
    return s;
  }
  const { feature, value } = sf;
  for (let k = 0, fk = 0, vk = 0; k < sf.trees; k++, fk += 3, vk += 8) {
    // (NaN goes right, as in the trees' own "go left when ≤"; +!(a <= b) rather than a ? :
    // compiles without a branch: the splits go either way at random, a branch mispredicts
    // half the time and scoring ran about five times slower)
    const r = +!((x[feature[fk] as number] as number) <= (value[vk] as number));
    const l = +!((x[feature[fk + 1 + r] as number] as number) <= (value[vk + 1 + r] as number));
    s += value[vk + 3 + 2 * r + l] as number;
  }
  return s;
}

/**
 * The sums of the trees for each of `xs`, two candidates at a time: one sum's additions wait
 * on each other (a tree's leaf on the sum so far), two independent sums keep the processor
 * busy (scoring a quote's candidates ran ~20 % faster). Each sum adds the same leaves in the
 * same order as sumOfTrees, so the scores are the same to the bit.
 */
export function sumsOfTrees(trees: Tree[], xs: readonly Float64Array[]): number[] {
  const sf = shallowOf(trees);
  const n = xs.length;
  if (!sf || n < 2) return xs.map((x) => sumOfTrees(trees, x));
  const out: number[] = [];
  const { feature, value } = sf;
  for (let c = 0; c + 1 < n; c += 2) {
    const x = xs[c] as Float64Array;
    const y = xs[c + 1] as Float64Array;
    let s = 0;
    let t = 0;
    for (let k = 0, fk = 0, vk = 0; k < sf.trees; k++, fk += 3, vk += 8) {
      const f0 = feature[fk] as number;
      const v0 = value[vk] as number;
      const rx = +!((x[f0] as number) <= v0);
      const ry = +!((y[f0] as number) <= v0);
      const lx = +!(
        (x[feature[fk + 1 + rx] as number] as number) <= (value[vk + 1 + rx] as number)
      );
      const ly = +!(
        (y[feature[fk + 1 + ry] as number] as number) <= (value[vk + 1 + ry] as number)
      );
      s += value[vk + 3 + 2 * rx + lx] as number;
      t += value[vk + 3 + 2 * ry + ly] as number;
    }
    out.push(s, t);
  }
  if (n % 2 === 1) out.push(sumOfTrees(trees, xs[n - 1] as Float64Array));
  return out;
}

/** The raw score of one candidate: the sum of the trees. */
export function scoreCandidate(model: RankerModel, x: Float64Array): number {
  return sumOfTrees(model.trees, x);
}

/** Softmax over a quote's candidates. */
export function candidateProbabilities(model: RankerModel, xs: Float64Array[]): number[] {
  const scores = sumsOfTrees(model.trees, xs);
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const sum = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / sum);
}

/** Map a raw probability through the calibration curve. */
export function calibrate(knots: ReadonlyArray<readonly [number, number]>, p: number): number {
  if (knots.length === 0) return p;
  const first = knots[0] as readonly [number, number];
  if (p <= first[0]) return first[1];
  for (let i = 1; i < knots.length; i++) {
    const [x1, y1] = knots[i] as readonly [number, number];
    if (p <= x1) {
      const [x0, y0] = knots[i - 1] as readonly [number, number];
      return x1 === x0 ? y1 : y0 + ((y1 - y0) * (p - x0)) / (x1 - x0);
    }
  }
  return (knots[knots.length - 1] as readonly [number, number])[1];
}

/** A chooser from a trained model; throws when the model was grown on other features. */
export function rankerChooser(model: RankerModel): Chooser {
  if (model.features.length !== FEATURES.length || model.features.some((f, i) => f !== FEATURES[i]))
    throw new Error('attribution model does not fit this engine: retrain with `npm run train`');
  return (xs, _rulesPick, quote) => {
    const probs = candidateProbabilities(model, xs);
    let index = 0;
    let runnerUp = -1;
    for (let i = 1; i < probs.length; i++) {
      if ((probs[i] as number) > (probs[index] as number)) {
        runnerUp = index;
        index = i;
      } else if (runnerUp < 0 || (probs[i] as number) > (probs[runnerUp] as number)) runnerUp = i;
    }
    return {
      index,
      probs,
      confidence: calibrated(model, probs[index] as number, quote),
      confidenceAt: (i) => calibrated(model, probs[i] ?? 0, quote),
      runnerUp,
    };
  };
}

/**
 * A runner-up is named on a guess's card ("or maybe Y") only where the model gave Y at least
 * this chance: below it the name is one of the many strings that could not be the speaker.
 */
export const RUNNER_UP_MIN = 0.1;

/**
 * The likeliest other speaker: candidates are pooled by name (one person reached by several
 * readings is one alternative), the chosen name and nameless candidates left out.
 */
export function runnerUpName(
  cands: ReadonlyArray<{ name: string | null }>,
  probs: readonly number[],
  chosen: string | null,
): string | null {
  const pooled = new Map<string, number>();
  cands.forEach((c, i) => {
    if (c.name !== null && c.name !== chosen)
      pooled.set(c.name, (pooled.get(c.name) ?? 0) + (probs[i] ?? 0));
  });
  let best: string | null = null;
  let bestP = RUNNER_UP_MIN;
  for (const [name, p] of pooled)
    if (p >= bestP) {
      best = name;
      bestP = p;
    }
  return best;
}

/** How often a choice at raw probability `p` is right, for this kind of quote on this page. */
export function calibrated(model: RankerModel, p: number, quote?: QuoteContext): number {
  const knots = quote?.fragment
    ? (model.fragmentCalibration ?? model.calibration)
    : model.calibration;
  const c = calibrate(knots, p);
  const lang = quote?.lang?.toLowerCase().split('-')[0];
  const learned = !lang || !model.languages || model.languages.includes(lang);
  const place = quote?.place;
  const seen = !place || !model.places || model.places.includes(place);
  return learned && seen ? c : Math.min(c, UNLEARNED_LANGUAGE_CAP);
}

/** Calibrated confidence of candidate `i` of a choice (after an override, say). */
export function confidenceOf(
  model: RankerModel,
  choice: Choice,
  i: number,
  quote?: QuoteContext,
): number {
  return calibrated(model, choice.probs[i] ?? 0, quote);
}

/** Today's hand-written order of precedence, as a chooser: for training and comparison. */
export const rulesChooser: Chooser = (xs, rulesPick) => ({
  index: rulesPick,
  probs: xs.map((_, i) => (i === rulesPick ? 1 : 0)),
  confidence: 1,
  runnerUp: -1,
  confidenceAt: () => 1,
});

/**
 * Decides whether a quoted span is someone's statement: the probability that it is, from its
 * features; `rulesDrop` is today's rules' verdict, used where no judge is trained.
 */
export type Judge = (x: Float64Array, rulesDrop: boolean) => number;

/** A judge from a trained model; throws when the model was grown on other features. */
export function trainedJudge(model: JudgeModel, features: readonly string[]): Judge {
  if (model.features.length !== features.length || model.features.some((f, i) => f !== features[i]))
    throw new Error('statement model does not fit this engine: retrain with `npm run train`');
  return (x, rulesDrop) => {
    // the judge vetoes: what today's rules drop stays dropped (on real pages far more spans
    // are titles and scare quotes than in the corpus it learned from)
    if (rulesDrop) return 0;
    return 1 / (1 + Math.exp(-sumOfTrees(model.trees, x)));
  };
}

/** Today's rules as a judge. */
export const rulesJudge: Judge = (_x, rulesDrop) => (rulesDrop ? 0 : 1);

/** Where a quote stands on the page: its block's kind, or "pull-quote" for a quote set apart. */
export function quotePlace(model: TextModel, span: QuoteSpan): string {
  if (span.family === 'bq') return 'pull-quote';
  return model.blocks[span.block]?.kind ?? 'paragraph';
}
