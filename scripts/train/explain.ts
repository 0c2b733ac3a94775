/**
 * Node-only: why the engine chose a speaker — every candidate of every quote in a text, with
 * the rules that proposed it and the ranker's probability. Paragraphs are the arguments.
 *
 *   npx tsx scripts/train/explain.ts "# A headline" "First paragraph." "Second paragraph."
 * A paragraph opening with "# " is read as the page's headline.
 */

import attribution from '../../lib/quotes/attribution-model.json';
import { type Decision, extractQuotes } from '../../lib/quotes/index';
import { candidateProbabilities, type RankerModel } from '../../lib/quotes/ranker';
import type { TextModel } from '../../lib/quotes/types';

function modelOf(paras: string[]): TextModel {
  let text = '';
  const blocks: TextModel['blocks'] = [];
  for (const raw of paras) {
    const headline = raw.startsWith('# ');
    const p = headline ? raw.slice(2) : raw;
    if (text) text += '\n';
    const kind = headline ? 'headline' : 'paragraph';
    blocks.push({ kind, start: text.length, end: text.length + p.length });
    text += p;
  }
  return { text, blocks, inline: [], lang: 'en' };
}

const decisions: Decision[] = [];
extractQuotes(modelOf(process.argv.slice(2)), { record: (d) => decisions.push(d) });
const model = attribution as unknown as RankerModel;
for (const d of decisions) {
  const probs = candidateProbabilities(model, d.features);
  console.log(`"${d.work.text.slice(0, 60)}"  confidence ${d.choice.confidence.toFixed(2)}`);
  d.cands.forEach((c, i) => {
    const mark = i === d.choice.index ? '*' : ' ';
    console.log(
      `  ${mark} ${(probs[i] ?? 0).toFixed(3)} ${c.name ?? '∅'} [${[...c.via].join(',')}] {${[...c.rules].join(',')}}`,
    );
  });
}
