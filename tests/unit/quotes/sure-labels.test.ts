/**
 * A label shown as sure must be right: on the dev pages every quote whose speaker is wrong
 * carries a confidence below SURE_CONFIDENCE, so the page shows it as a guess. Skips cleanly
 * where ../shared is absent.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../lib/quotes/index';
import { SURE_CONFIDENCE } from '../../../lib/quotes/types';
import { corpusPath, loadCorpus } from '../../../scripts/quotes/corpus';
import { loadScorer } from '../../../scripts/quotes/score';

const dev = corpusPath('dev');

describe.skipIf(!existsSync(dev))('sure labels on the dev pages', () => {
  it('every wrongly attributed quote is shown as a guess', { timeout: 10 * 60_000 }, async () => {
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
    expect(sureButWrong).toEqual([]);
    // and being sure is not the exception: most labels are shown as sure
    expect(sure).toBeGreaterThan(50);
  });
});
