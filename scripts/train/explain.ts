/**
 * Node-only: why the engine chose a speaker — every candidate of every quote in a text, with
 * the rules that proposed it and the ranker's probability. Paragraphs are the arguments.
 *
 *   npx tsx scripts/train/explain.ts "# A headline" "First paragraph." "Second paragraph."
 * A paragraph opening with "# " is read as the page's headline.
 */

import { type Decision, extractQuotes } from '../../lib/quotes/index';
import type { TextModel } from '../../lib/quotes/types';
import { printDecision } from './print-decision';

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
for (const d of decisions) {
  printDecision(d);
}
