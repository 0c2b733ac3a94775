import { describe, expect, it } from 'vitest';
import { candidateProbabilities, trainedJudge } from '../../../lib/quotes/ranker';
import { boost } from '../../../scripts/train/boost';
import { fitCalibration } from '../../../scripts/train/calibration';

/** Groups of three candidates where the right one is the one with feature 0 set. */
function toy(n: number) {
  const features: Float64Array[][] = [];
  const labels: Uint8Array[] = [];
  for (let g = 0; g < n; g++) {
    const right = g % 3;
    features.push([0, 1, 2].map((i) => Float64Array.of(i === right ? 1 : 0, (g * 7 + i) % 5)));
    labels.push(Uint8Array.from([0, 1, 2], (i) => (i === right ? 1 : 0)));
  }
  return { features, labels };
}

const opts = { trees: 30, depth: 2, rate: 0.3, lambda: 1, minHessian: 1 };

describe('boosted trees for ranking', () => {
  it('learns which candidate is right from the feature that says so', () => {
    const data = toy(60);
    const { trees, gain } = boost(data, opts);
    const model = { features: ['right', 'noise'], trees, calibration: [] };
    for (const g of data.features.slice(0, 9)) {
      const p = candidateProbabilities(model, g);
      const best = p.indexOf(Math.max(...p));
      expect(g[best]?.[0]).toBe(1);
    }
    expect(gain[0]).toBeGreaterThan(gain[1] ?? 0);
  });

  it('grows the same trees from the same examples (byte-identical model files)', () => {
    const a = JSON.stringify(boost(toy(40), opts).trees);
    const b = JSON.stringify(boost(toy(40), opts).trees);
    expect(a).toBe(b);
  });

  it('learns a yes/no with the logistic loss, one example per group', () => {
    const features = Array.from({ length: 40 }, (_, i) => [Float64Array.of(i % 2)]);
    const labels = features.map((g) => Uint8Array.of(g[0]?.[0] === 1 ? 1 : 0));
    const { trees } = boost({ features, labels }, opts, 'logistic');
    const judge = trainedJudge({ features: ['x'], trees, threshold: 0.5 }, ['x']);
    expect(judge(Float64Array.of(1), false)).toBeGreaterThan(0.9);
    expect(judge(Float64Array.of(0), false)).toBeLessThan(0.1);
  });
});

describe('calibration', () => {
  it('fits a curve that never falls as the probability rises', () => {
    const points = Array.from({ length: 200 }, (_, i) => ({
      p: i / 200,
      right: (i * 37) % 100 < i / 2,
    }));
    const knots = fitCalibration(points);
    for (let i = 1; i < knots.length; i++) {
      expect(knots[i]?.[0]).toBeGreaterThanOrEqual(knots[i - 1]?.[0] ?? 0);
      expect(knots[i]?.[1]).toBeGreaterThanOrEqual(knots[i - 1]?.[1] ?? 0);
    }
    expect(knots.length).toBeLessThanOrEqual(24);
  });
});
