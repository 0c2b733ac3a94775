/**
 * A label shown as sure must be right: on the dev pages at least 97 % of the quotes at
 * SURE_CONFIDENCE or above have the right speaker (the calibration issue 11 asks for), so a
 * wrong label is almost always shown as a guess. Skips cleanly where ../shared is absent.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../lib/quotes/index';
import { SURE_CONFIDENCE } from '../../../lib/quotes/types';
import { corpusPath, loadCorpus } from '../../../scripts/quotes/corpus';
import { loadScorer } from '../../../scripts/quotes/score';

const dev = corpusPath('dev');
/** Share of sure labels that must be right. */
const MIN_SURE_RIGHT = 0.97;

describe.skipIf(!existsSync(dev))('sure labels on the dev pages', () => {
  it('a label shown as sure is right at least 97 % of the time', {
    timeout: 10 * 60_000,
  }, async () => {
    const scorer = await loadScorer();
    const sureButWrong: string[] = [];
    let sure = 0;
    for (const page of loadCorpus(dev)) {
      const { quotes } = extractQuotes(page.model);
      const score = scorer.scorePage(page.gold, {
        quotes: quotes.map((q) => ({ text: q.text, speaker: q.speaker })),
      });
      for (const pair of score.pairs) {
        const q = quotes[pair.prediction];
        if (!q || q.confidence < SURE_CONFIDENCE) continue;
        sure++;
        if (!pair.speakerCorrect) sureButWrong.push(`${page.id}: ${q.speaker} (${q.confidence})`);
      }
    }
    // about 65 sure labels allow one wrong: a retrain can carry one borderline label (0.905)
    // over the line, as it did with "The MP stressed" on kaspi-sochi
    expect(sureButWrong.length).toBeLessThanOrEqual(Math.floor(sure * (1 - MIN_SURE_RIGHT)));
    // and being sure is not the exception: most labels are shown as sure
    expect(sure).toBeGreaterThan(50);
  });
});
