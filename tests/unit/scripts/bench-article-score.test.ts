import { describe, expect, it } from 'vitest';
import { overall, scorePage } from '../../../scripts/bench-article/score';

const truth = 'one two three four five six seven eight';

describe('article bench metric (4-word shingles)', () => {
  it('scores an exact body 1 and a disjoint one 0', () => {
    expect(scorePage(truth, truth)).toMatchObject({ p: 1, r: 1, f1: 1 });
    expect(scorePage(truth, 'alpha beta gamma delta epsilon')).toMatchObject({ p: 0, r: 0, f1: 0 });
  });

  it('loses precision for extra text and recall for missing text', () => {
    const extra = scorePage(truth, `${truth} nine ten eleven twelve`);
    expect(extra.r).toBe(1);
    expect(extra.p).toBeCloseTo(5 / 9);
    const missing = scorePage(truth, 'one two three four five');
    expect(missing.p).toBe(1);
    expect(missing.r).toBeCloseTo(2 / 5);
  });

  it('ignores case of nothing but counts words as letters and digits, punctuation aside', () => {
    expect(scorePage('A, b. c! d', 'A b c d').f1).toBe(1);
  });

  it('averages precision over pages with a prediction and recall over pages with a body', () => {
    const pages = [
      scorePage(truth, truth),
      scorePage(truth, ''),
      scorePage(truth, `${truth} x y z w`),
    ];
    const o = overall(pages);
    expect(o.p).toBeCloseTo((1 + 5 / 9) / 2);
    expect(o.r).toBeCloseTo(2 / 3);
    expect(o.below).toBe(1);
  });
});
