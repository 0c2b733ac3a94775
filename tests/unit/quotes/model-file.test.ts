/**
 * The shipped attribution model is what `npm run train` makes from ../shared/corpus/polnear-train:
 * retraining must give the committed file byte for byte. Skips cleanly where ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_FILE, serialise, train } from '../../../scripts/train/train';

const corpus = '../shared/corpus/polnear-train';

describe.skipIf(!existsSync(corpus))('attribution model file', () => {
  it('is what npm run train produces from polnear-train', { timeout: 60 * 60_000 }, async () => {
    const { model } = await train();
    const made = serialise(model);
    expect(made.length).toBeLessThanOrEqual(300 * 1024);
    expect(
      made === readFileSync(MODEL_FILE, 'utf8'),
      'committed model differs: run `npm run train`',
    ).toBe(true);
  });
});
