/**
 * Node-only: one quote's choice as explain.ts and explain-page.ts print it — every candidate
 * with the ranker's probability, the routes that proposed it and how its mention was read.
 */
import attribution from '../../lib/quotes/attribution-model.json';
import type { Decision } from '../../lib/quotes/index';
import { candidateProbabilities, type RankerModel } from '../../lib/quotes/ranker';

const model = attribution as unknown as RankerModel;

export function printDecision(d: Decision): void {
  const probs = candidateProbabilities(model, d.features);
  console.log(`"${d.work.text.slice(0, 60)}"  confidence ${d.choice.confidence.toFixed(2)}`);
  d.cands.forEach((c, i) => {
    const mark = i === d.choice.index ? '*' : ' ';
    console.log(
      `  ${mark} ${(probs[i] ?? 0).toFixed(3)} ${c.name ?? '∅'} [${[...c.via].join(',')}] {${[...c.rules].join(',')}}`,
    );
  });
}
