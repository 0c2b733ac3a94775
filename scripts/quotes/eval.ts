/**
 * Scores the quote engine in one process over annotated corpora, with the shared scorer:
 * the same numbers as `node ../shared/eval/run.mjs` (which runs the CLI once per page), in
 * seconds rather than minutes. Also prints how well the engine's confidence is calibrated.
 *
 *   npm run eval:quotes -- [CORPUS ...] [--verbose] [--calibration] [--rules]
 *
 * CORPUS is a folder under ../shared/corpus (dev, web-dev, polnear-dev) or a path.
 */
import { extractQuotes } from '../../lib/quotes/index';
import { rulesChooser } from '../../lib/quotes/ranker';
import { SURE_CONFIDENCE } from '../../lib/quotes/types';
import { type CorpusPage, corpusPath, loadCorpus } from './corpus';
import { loadScorer, type PageScore, summaryLine } from './score';

interface Bin {
  found: number;
  scored: number;
  right: number;
}

async function main(argv: string[]): Promise<void> {
  const verbose = argv.includes('--verbose');
  const calibration = argv.includes('--calibration');
  // today's hand-written rules choose instead of the trained ranker (for comparison)
  const chooser = argv.includes('--rules') ? rulesChooser : undefined;
  const names = argv.filter((a) => !a.startsWith('--'));
  if (names.length === 0) names.push('dev', 'web-dev', 'polnear-dev');
  const scorer = await loadScorer();
  for (const name of names) {
    const pages: CorpusPage[] = loadCorpus(corpusPath(name));
    const scores: PageScore[] = [];
    // confidence bins of tenths, plus the sure side (≥ SURE_CONFIDENCE)
    const bins: Bin[] = Array.from({ length: 10 }, () => ({ found: 0, scored: 0, right: 0 }));
    const sure: Bin = { found: 0, scored: 0, right: 0 };
    let found = 0;
    for (const page of pages) {
      const { quotes } = extractQuotes(page.model, { chooser });
      const prediction = { quotes: quotes.map((q) => ({ text: q.text, speaker: q.speaker })) };
      const score = scorer.scorePage(page.gold, prediction);
      scores.push(score);
      found += quotes.length;
      // what the scorer found right, per predicted quote (pieces of one quote share a verdict)
      const verdict = new Map<number, { scored: boolean; right: boolean }>();
      const goldQuotes = page.gold.quotes.filter((q) => q && typeof q.text === 'string');
      for (const pair of score.pairs) {
        const g = goldQuotes[pair.gold];
        const unscored = !!g?.speaker_unscored;
        verdict.set(pair.quote, { scored: !unscored, right: pair.speakerCorrect });
      }
      quotes.forEach((q, i) => {
        const b = bins[Math.min(9, Math.floor(q.confidence * 10))] as Bin;
        const v = verdict.get(i);
        for (const bin of q.confidence >= SURE_CONFIDENCE ? [b, sure] : [b]) {
          bin.found++;
          if (v?.scored) {
            bin.scored++;
            if (v.right) bin.right++;
          }
        }
      });
      if (verbose) printPage(page, score);
    }
    const { metrics } = scorer.summarize(scores);
    console.log(`== ${name}`);
    if (calibration) {
      for (let i = 0; i < 10; i++) {
        const b = bins[i] as Bin;
        if (b.found === 0) continue;
        console.log(
          `  confidence ${(i / 10).toFixed(1)}–${((i + 1) / 10).toFixed(1)}: ${b.found} quotes, attribution ${(b.right / Math.max(1, b.scored)).toFixed(3)} (${b.right}/${b.scored} scored)`,
        );
      }
      console.log(
        `  confidence ≥ ${SURE_CONFIDENCE}: attribution ${(sure.right / Math.max(1, sure.scored)).toFixed(3)} (${sure.right}/${sure.scored}), share of quotes found ${(sure.found / Math.max(1, found)).toFixed(3)} (${sure.found}/${found})`,
      );
    }
    console.log(summaryLine(metrics, pages.length));
  }
}

function printPage(page: CorpusPage, score: PageScore): void {
  const { misses, metrics } = score;
  if (
    misses.wrongSpeaker.length + misses.falseNegatives.length + misses.falsePositives.length ===
    0
  )
    return;
  console.log(`-- ${page.id}  e2e ${metrics.e2e.f1.toFixed(3)}`);
  for (const m of misses.wrongSpeaker)
    console.log(`   WRONG  ${m.predictedSpeaker} ≠ ${m.goldSpeaker}: ${m.gold.slice(0, 90)}`);
  for (const m of misses.falseNegatives)
    console.log(`   MISSED ${m.speaker}: ${m.text.slice(0, 90)}`);
  for (const m of misses.falsePositives)
    console.log(`   EXTRA  ${m.speaker}: ${m.text.slice(0, 90)}`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
