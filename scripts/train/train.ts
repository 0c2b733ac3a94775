/**
 * Trains the attribution ranker on ../shared/corpus/polnear-train and writes
 * lib/quotes/attribution-model.json. Deterministic: the same pages give a byte-identical file.
 *
 *   npm run train                 train, print the cross-validated scores, write the model
 *   npm run train -- --cv 5       the same with 5 folds (the default), without writing
 *   npm run train -- --check      train and compare with the committed file (exit 1 if it differs)
 *
 * How: the engine runs over the training pages with today's rules choosing, and every
 * attributed quote becomes a group of candidates labelled by the gold speaker (dataset.ts);
 * trees are grown on them (boost.ts); the engine runs again with that first model choosing,
 * so later quotes see the history the model itself makes, and the final trees are grown on
 * those groups. The same is done fold by fold to score on pages each fold's model never saw;
 * those held-out choices also fit the confidence calibration (calibration.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FEATURES } from '../../lib/quotes/features';
import { extractQuotes } from '../../lib/quotes/index';
import {
  type Chooser,
  calibrate,
  type Judge,
  type RankerModel,
  rankerChooser,
  rulesChooser,
  rulesJudge,
  trainedJudge,
} from '../../lib/quotes/ranker';
import { STATEMENT_FEATURES } from '../../lib/quotes/statement-features';
import { SURE_CONFIDENCE } from '../../lib/quotes/types';
import { type CorpusPage, corpusPath, loadCorpus, ROOT } from '../quotes/corpus';
import { loadScorer, type PageScore, type Scorer, summaryLine } from '../quotes/score';
import { type Boosted, boost, DEFAULT_BOOST } from './boost';
import { fitCalibration } from './calibration';
import { buildGroups, buildStatements, type Group } from './dataset';

export const MODEL_FILE = join(ROOT, 'lib/quotes/attribution-model.json');
const TRAIN_CORPUS = 'polnear-train';
/** PolNeAR is English political news: the only language the model has seen. */
const LANGUAGES = ['en'];
/** A place on the page counts as learned when at least this share of training quotes stood there. */
const PLACE_SHARE = 0.005;

/** The places on a page (quotePlace) the training quotes stood in often enough to measure. */
function placesOf(groups: Group[]): string[] {
  const n = new Map<string, number>();
  for (const g of groups) n.set(g.place, (n.get(g.place) ?? 0) + 1);
  return [...n]
    .filter(([, c]) => c >= PLACE_SHARE * groups.length)
    .map(([p]) => p)
    .sort();
}

const share = (pts: ReadonlyArray<{ right: boolean }>) =>
  (pts.filter((pt) => pt.right).length / Math.max(1, pts.length)).toFixed(3);
/**
 * Rounds of training (see the header). A second round, on the first model's own history, moved
 * the cross-validated attribution by less than its fold-to-fold spread, at twice the time.
 */
const ROUNDS = 1;

/**
 * Tree settings; QL_BOOST='{"trees":300}' overrides some for an experiment. A leaf of the ranker
 * holds at least 20 of Hessian weight: from 2, cross-validated attribution rose 0.9452 → 0.9476
 * (5 → 0.9469, 10 → 0.9460, 40 → 0.9468, 80 → 0.9474: a plateau, past the folds' spread).
 */
const BOOST = {
  ...DEFAULT_BOOST,
  minHessian: 20,
  ...(JSON.parse(process.env.QL_BOOST ?? '{}') as object),
};

function grow(groups: Group[]): Boosted {
  return boost(
    { features: groups.map((g) => g.features), labels: groups.map((g) => g.labels) },
    BOOST,
  );
}

const asModel = (b: Boosted, calibration: Array<[number, number]> = []): RankerModel => ({
  features: [...FEATURES],
  trees: b.trees,
  calibration,
});

/** Rounds of training: the first on rules' history, each next on the last model's own. */
function trainRounds(scorer: Scorer, pages: CorpusPage[], first: Group[], rounds: number): Boosted {
  let m = grow(first);
  for (let r = 1; r < rounds; r++) m = grow(buildGroups(scorer, pages, rankerChooser(asModel(m))));
  return m;
}

/** The statement judge's trees: shallow, on spans the trained ranker has weighed. */
const JUDGE_BOOST = { ...DEFAULT_BOOST, trees: 150, depth: 3 };

/** The whole model: the ranker, then the statement judge on the ranker's choices. */
function trainModel(
  scorer: Scorer,
  pages: CorpusPage[],
  first: Group[],
  rounds: number,
): { model: RankerModel; ranker: Boosted; judge: Boosted } {
  const ranker = trainRounds(scorer, pages, first, rounds);
  const model = asModel(ranker);
  const statements = buildStatements(scorer, pages, rankerChooser(model), rulesJudge);
  const judge = boost(
    {
      features: statements.map((x) => [x.features]),
      labels: statements.map((x) => Uint8Array.of(x.label)),
    },
    JUDGE_BOOST,
    'logistic',
  );
  model.statement = { features: [...STATEMENT_FEATURES], trees: judge.trees, threshold: 0.5 };
  return { model, ranker, judge };
}

const judgeOf = (m: RankerModel): Judge =>
  m.statement ? trainedJudge(m.statement, STATEMENT_FEATURES) : rulesJudge;

/** A held-out choice: the ranker's raw probability, whether it was right, of what kind of quote. */
interface Point {
  p: number;
  right: boolean;
  fragment: boolean;
}

/** Run the engine on pages with a chooser; score it; collect (raw probability, right) per quote. */
function heldOut(
  scorer: Scorer,
  pages: CorpusPage[],
  chooser: Chooser,
  judge: Judge,
): { scores: PageScore[]; points: Point[] } {
  const scores: PageScore[] = [];
  const points: Point[] = [];
  for (const page of pages) {
    const { quotes } = extractQuotes(page.model, { chooser, judge });
    const score = scorer.scorePage(page.gold, {
      quotes: quotes.map((q) => ({ text: q.text, speaker: q.speaker })),
    });
    scores.push(score);
    const goldQuotes = page.gold.quotes.filter((q) => q && typeof q.text === 'string');
    // with no calibration yet, a quote's confidence is the ranker's raw probability
    for (const pair of score.pairs) {
      const g = goldQuotes[pair.gold];
      const q = quotes[pair.quote];
      if (!g || g.speaker_unscored || g.optional || !q) continue;
      points.push({ p: q.confidence, right: pair.speakerCorrect, fragment: q.fragment });
    }
  }
  return { scores, points };
}

export interface TrainResult {
  model: RankerModel;
  report: string[];
}

export interface TrainOptions {
  /** Folds of cross-validation (held-out scores and the calibration come from them). */
  folds: number;
  /** Rounds of training (see the header). */
  rounds: number;
  /** Stop after cross-validation: no final model. */
  cvOnly?: boolean;
  /** Skip cross-validation (a quick model for diagnostics; no calibration). */
  skipCv?: boolean;
}

export async function train(
  opts: TrainOptions = { folds: 5, rounds: ROUNDS },
  log: (s: string) => void = () => {},
): Promise<TrainResult> {
  const { folds, rounds } = opts;
  const scorer = await loadScorer();
  const pages = loadCorpus(corpusPath(TRAIN_CORPUS));
  const report: string[] = [];
  const say = (s: string) => {
    report.push(s);
    log(s);
  };
  say(`training pages: ${pages.length} (${TRAIN_CORPUS})`);
  const first = buildGroups(scorer, pages, rulesChooser);
  say(
    `first-round groups: ${first.length}, candidates: ${first.reduce((n, g) => n + g.labels.length, 0)}`,
  );

  // cross-validation, folds by page order
  const foldOf = new Map(pages.map((p, i) => [p.id, i % folds]));
  const oof: PageScore[] = [];
  const rules: PageScore[] = [];
  const points: Point[] = [];
  for (let k = 0; k < (opts.skipCv ? 0 : folds); k++) {
    const trainPages = pages.filter((p) => foldOf.get(p.id) !== k);
    const testPages = pages.filter((p) => foldOf.get(p.id) === k);
    const { model: m } = trainModel(
      scorer,
      trainPages,
      first.filter((g) => foldOf.get(g.page) !== k),
      rounds,
    );
    const held = heldOut(scorer, testPages, rankerChooser(m), judgeOf(m));
    const base = heldOut(scorer, testPages, rulesChooser, rulesJudge);
    oof.push(...held.scores);
    rules.push(...base.scores);
    points.push(...held.points);
    const fm = scorer.summarize(held.scores).metrics;
    const bm = scorer.summarize(base.scores).metrics;
    say(
      `fold ${k + 1}/${folds}: attribution ${fm.attribution?.toFixed(3)} (rules ${bm.attribution?.toFixed(3)}), e2e ${fm.e2e.f1.toFixed(3)}`,
    );
  }
  const cv = scorer.summarize(oof).metrics;
  const cvRules = scorer.summarize(rules).metrics;
  say(`cross-validated (${folds} folds): ${summaryLine(cv, pages.length)}`);
  say(`today's rules on the same folds: ${summaryLine(cvRules, pages.length)}`);
  const calibration = fitCalibration(points.filter((pt) => !pt.fragment));
  const fragmentCalibration = fitCalibration(points.filter((pt) => pt.fragment));
  for (const [kind, knots, pts] of [
    ['statements', calibration, points.filter((pt) => !pt.fragment)],
    ['fragments', fragmentCalibration, points.filter((pt) => pt.fragment)],
  ] as const) {
    const sure = pts.filter((pt) => calibrate(knots, pt.p) >= SURE_CONFIDENCE);
    say(
      `held-out ${kind}: ${pts.length}, right ${share(pts)}; calibrated ≥ ${SURE_CONFIDENCE}: ${sure.length} (${(sure.length / Math.max(1, pts.length)).toFixed(3)}), right ${share(sure)}`,
    );
  }
  if (opts.cvOnly)
    return { model: asModel({ trees: [], gain: new Float64Array(0) }, calibration), report };

  const final = trainModel(scorer, pages, first, rounds);
  const model = {
    ...final.model,
    calibration,
    fragmentCalibration,
    languages: LANGUAGES,
    places: placesOf(first),
  };
  const strongest = (b: Boosted, names: readonly string[]) => {
    const ranked = [...b.gain]
      .map((g, i) => [names[i] as string, g] as const)
      .sort((a, c) => c[1] - a[1]);
    const total = ranked.reduce((sum, [, g]) => sum + g, 0);
    return ranked
      .slice(0, 12)
      .map(([f, g]) => `${f} ${((100 * g) / total).toFixed(1)}%`)
      .join(', ');
  };
  say(`ranker's strongest features (share of split gain): ${strongest(final.ranker, FEATURES)}`);
  say(`judge's strongest features: ${strongest(final.judge, STATEMENT_FEATURES)}`);
  return { model, report };
}

export function serialise(model: RankerModel): string {
  return `${JSON.stringify(model)}\n`;
}

async function main(argv: string[]): Promise<void> {
  const cvAt = argv.indexOf('--cv');
  const folds = cvAt >= 0 ? Number(argv[cvAt + 1]) : 5;
  if (!Number.isInteger(folds) || folds < 2)
    throw new Error('--cv needs a whole number of folds, 2 or more');
  const roundsAt = argv.indexOf('--rounds');
  const rounds = roundsAt >= 0 ? Number(argv[roundsAt + 1]) : ROUNDS;
  const started = Date.now();
  const { model } = await train(
    { folds, rounds, cvOnly: cvAt >= 0, skipCv: argv.includes('--no-cv') },
    (s) => console.log(s),
  );
  if (cvAt >= 0) {
    console.log(`${((Date.now() - started) / 1000).toFixed(0)} s`);
    return;
  }
  const out = serialise(model);
  console.log(
    `model: ${model.trees.length} trees, ${(out.length / 1024).toFixed(0)} KB, ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  if (argv.includes('--check')) {
    const same = readFileSync(MODEL_FILE, 'utf8') === out;
    console.log(same ? 'committed model matches' : 'committed model differs: run `npm run train`');
    process.exit(same ? 0 : 1);
  }
  if (cvAt < 0) {
    writeFileSync(MODEL_FILE, out);
    console.log(`wrote ${MODEL_FILE}`);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
