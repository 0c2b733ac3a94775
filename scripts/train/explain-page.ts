/**
 * Node-only: explain.ts for a saved page — every candidate of the quotes whose text contains
 * one of the given words, with the rules that proposed it and the ranker's probability.
 *
 *   npx tsx scripts/train/explain-page.ts PAGE.html [WORDS ...]
 */
import { readFileSync } from 'node:fs';
import { extractFromDocument } from '../../lib/dom/extract-page';
import { type Decision, extractQuotes } from '../../lib/quotes/index';
import { parseHtml } from '../html-input';
import { printDecision } from './print-decision';

const [page, ...words] = process.argv.slice(2);
if (!page) throw new Error('usage: explain-page.ts PAGE.html [WORDS ...]');
const decisions: Decision[] = [];
const { model: text } = extractFromDocument(parseHtml(readFileSync(page, 'utf8')));
extractQuotes(text, { record: (d) => decisions.push(d) });
for (const d of decisions) {
  if (words.length && !words.some((w) => d.work.text.includes(w))) continue;
  printDecision(d);
}
