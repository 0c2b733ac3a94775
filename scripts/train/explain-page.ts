/**
 * Node-only: explain.ts for a saved page — every candidate of the quotes whose text contains
 * one of the given words, with the rules that proposed it and the ranker's probability.
 *
 *   npx tsx scripts/train/explain-page.ts PAGE.html [WORDS ...]
 */
import { readFileSync } from 'node:fs';
import { extractFromDocument } from '../../lib/dom/extract-page';
import attribution from '../../lib/quotes/attribution-model.json';
import { type Decision, extractQuotes } from '../../lib/quotes/index';
import { candidateProbabilities, type RankerModel } from '../../lib/quotes/ranker';
import { parseHtml } from '../html-input';

const [page, ...words] = process.argv.slice(2);
if (!page) throw new Error('usage: explain-page.ts PAGE.html [WORDS ...]');
const decisions: Decision[] = [];
const { model: text } = extractFromDocument(parseHtml(readFileSync(page, 'utf8')));
extractQuotes(text, { record: (d) => decisions.push(d) });
const model = attribution as unknown as RankerModel;
for (const d of decisions) {
  if (words.length && !words.some((w) => d.work.text.includes(w))) continue;
  const probs = candidateProbabilities(model, d.features);
  console.log(`"${d.work.text.slice(0, 60)}"  confidence ${d.choice.confidence.toFixed(2)}`);
  d.cands.forEach((c, i) => {
    const mark = i === d.choice.index ? '*' : ' ';
    console.log(
      `  ${mark} ${(probs[i] ?? 0).toFixed(3)} ${c.name ?? '∅'} [${[...c.via].join(',')}] {${[...c.rules].join(',')}}`,
    );
  });
}
