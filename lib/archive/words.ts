/**
 * The words a statement is found by: folded (lower case, no accents), two letters or more,
 * the commonest English function words left out so the index stays small. Shared by the
 * store's index and its queries, so both read text the same way.
 */
import { fold } from './identity';

const STOP = new Set(
  'the and for that this with was were are but not have has had its it’s his her they them their there what when which who will would from into our out all can you your about been also more than then just over very said says say'.split(
    ' ',
  ),
);

/** Unique search words of a text, in order of first appearance. */
export function searchWords(text: string): string[] {
  const out = new Set<string>();
  for (const w of fold(text).split(/[^\p{L}\p{N}]+/u)) {
    if (w.length >= 2 && !STOP.has(w)) out.add(w);
  }
  return [...out];
}

/**
 * The words of a query, the last read as a prefix by search: a last word of one letter is kept
 * (the reader is typing it); a query of stop words only searches them all the same.
 */
export function queryWords(query: string): string[] {
  const tokens = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const words = searchWords(query);
  const last = tokens[tokens.length - 1];
  if (last?.length === 1) return [...words.filter((w) => w !== last), last];
  if (words.length > 0) return words;
  return [...new Set(tokens.filter((w) => w.length >= 2))];
}
