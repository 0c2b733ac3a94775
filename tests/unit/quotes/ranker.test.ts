import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../../lib/quotes/features';
import { extractQuotes } from '../../../lib/quotes/index';
import { findQuoteSpans } from '../../../lib/quotes/marks';
import {
  calibrate,
  candidateProbabilities,
  quotePlace,
  type RankerModel,
  rankerChooser,
  rulesChooser,
  rulesJudge,
  runnerUpName,
  sumOfTrees,
  sumsOfTrees,
  type Tree,
  trainedJudge,
  UNLEARNED_LANGUAGE_CAP,
} from '../../../lib/quotes/ranker';
import { SURE_CONFIDENCE } from '../../../lib/quotes/types';
import { modelOf } from './model';

const x = (...v: number[]) => Float64Array.from(v);

describe('ranker', () => {
  it('sums its trees and takes the softmax over a quote’s candidates', () => {
    // one stump: feature 0 ≤ 0.5 → -1, else +1
    const model: RankerModel = {
      features: ['a', 'b'],
      trees: [[0, 0.5, 1, 2, -1, -1, 0, 0, -1, 1, 0, 0]],
      calibration: [],
    };
    const p = candidateProbabilities(model, [x(0, 0), x(1, 0)]);
    expect(p[1]).toBeCloseTo(Math.exp(1) / (Math.exp(1) + Math.exp(-1)), 6);
    expect((p[0] ?? 0) + (p[1] ?? 0)).toBeCloseTo(1, 9);
  });

  it('refuses a model grown on other features', () => {
    expect(() => rankerChooser({ features: ['old'], trees: [], calibration: [] })).toThrow(
      /retrain/,
    );
  });

  it('chooses the likeliest candidate and names the runner-up', () => {
    const model: RankerModel = {
      features: [...FEATURES],
      trees: [[0, 0.5, 1, 2, -1, -2, 0, 0, -1, 2, 0, 0]],
      calibration: [],
    };
    const a = new Float64Array(FEATURES.length);
    const b = new Float64Array(FEATURES.length);
    b[0] = 1;
    const choice = rankerChooser(model)([a, b], 0);
    expect(choice.index).toBe(1);
    expect(choice.runnerUp).toBe(0);
  });

  it('sums shallow and deep trees as a plain walk of each tree does', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    // a random tree of the given depth over 5 features, as boost.ts lays trees out
    const grow = (depth: number): Tree => {
      const t: number[] = [];
      const add = (d: number): number => {
        const i = t.length / 4;
        t.push(0, 0, 0, 0);
        if (d === depth || rand() < 0.2) {
          t.splice(4 * i, 2, -1, rand() - 0.5);
          return i;
        }
        const l = add(d + 1);
        const r = add(d + 1);
        t.splice(4 * i, 4, Math.floor(rand() * 5), rand(), l, r);
        return i;
      };
      add(0);
      return t;
    };
    const walk = (t: Tree, v: Float64Array) => {
      let i = 0;
      while ((t[4 * i] as number) >= 0)
        i =
          (v[t[4 * i] as number] as number) <= (t[4 * i + 1] as number)
            ? (t[4 * i + 2] as number)
            : (t[4 * i + 3] as number);
      return t[4 * i + 1] as number;
    };
    for (const depth of [2, 3]) {
      const trees = Array.from({ length: 50 }, () => grow(depth));
      for (let n = 0; n < 200; n++) {
        const v = Float64Array.from({ length: 5 }, () => (rand() < 0.3 ? 0 : rand()));
        let want = 0;
        for (const t of trees) want += walk(t, v);
        expect(sumOfTrees(trees, v)).toBe(want);
      }
      // a quote's candidates scored together, two at a time, add the same leaves in order
      for (const n of [1, 2, 3, 5, 8]) {
        const vs = Array.from({ length: n }, () =>
          Float64Array.from({ length: 5 }, () => (rand() < 0.3 ? 0 : rand())),
        );
        expect(sumsOfTrees(trees, vs)).toEqual(vs.map((v) => sumOfTrees(trees, v)));
      }
    }
  });

  it('names a runner-up by pooled chance, only other named ones with at least one in ten', () => {
    const cands = [
      { name: 'Ana Ruiz' },
      { name: 'Ben Cole' },
      { name: null },
      { name: 'Ben Cole' },
    ];
    // Ben Cole is reached twice (0.06 + 0.06): as one person he clears the floor
    expect(runnerUpName(cands, [0.6, 0.06, 0.28, 0.06], 'Ana Ruiz')).toBe('Ben Cole');
    // a single faint reading does not
    expect(runnerUpName(cands.slice(0, 3), [0.66, 0.06, 0.28], 'Ana Ruiz')).toBeNull();
    // the chosen name is never its own runner-up
    expect(runnerUpName(cands, [0.3, 0.3, 0.1, 0.3], 'Ben Cole')).toBe('Ana Ruiz');
  });

  it('maps a probability through the calibration knots, linearly between them', () => {
    const knots: Array<[number, number]> = [
      [0.2, 0.1],
      [0.6, 0.5],
      [1, 0.98],
    ];
    expect(calibrate(knots, 0.1)).toBe(0.1);
    expect(calibrate(knots, 0.4)).toBeCloseTo(0.3, 9);
    expect(calibrate(knots, 1)).toBe(0.98);
    expect(calibrate([], 0.7)).toBe(0.7);
  });

  it('today’s rules choose their own pick, and judge by their own verdict', () => {
    expect(rulesChooser([x(0), x(0), x(0)], 2).index).toBe(2);
    expect(rulesJudge(x(0), true)).toBe(0);
    expect(rulesJudge(x(0), false)).toBe(1);
  });

  it('the trained judge only vetoes: what the rules drop stays dropped', () => {
    const judge = trainedJudge({ features: ['a'], trees: [[-1, 5, 0, 0]], threshold: 0.5 }, ['a']);
    expect(judge(x(0), true)).toBe(0);
    expect(judge(x(0), false)).toBeGreaterThan(0.99);
  });
});

describe('places on the page the model never learned from', () => {
  const quoteIn = (kind: 'paragraph' | 'heading') =>
    extractQuotes(
      modelOf([
        'Mayor Ilse Brandt spoke to reporters on Monday about the bridge.',
        { text: '"We will reopen the bridge in April," Brandt said.', kind },
      ]),
    ).quotes[0];

  it('caps a quote in a subheading, where no training quote stood, as a guess', () => {
    expect(quoteIn('heading')?.speaker).toBe('Ilse Brandt');
    expect(quoteIn('heading')?.confidence).toBeLessThanOrEqual(UNLEARNED_LANGUAGE_CAP);
  });

  it('lets the same quote in a paragraph be sure', () => {
    expect(quoteIn('paragraph')?.confidence).toBeGreaterThanOrEqual(SURE_CONFIDENCE);
  });

  it('names the place a quote stands in by its block', () => {
    const m = modelOf([{ text: '"Rivers rise," she said.', kind: 'caption' }]);
    const [span] = findQuoteSpans(m);
    expect(span && quotePlace(m, span)).toBe('caption');
  });
});
