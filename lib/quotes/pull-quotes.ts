/**
 * Pull quotes, subheadings and headlines repeat words said in the body: they take the speaker
 * of the body quote they repeat. Editors trim: "It's just under the surface" repeats "it's just
 * bubbling under the surface", so a few words may be left out between the repeated ones.
 */
import type { Work } from './scene';
import type { TextBlock } from './types';

/** How many quotes away a pull quote may be from the body quote it repeats. */
const PULL_REACH = 40;
/** A pull quote shorter than this (letters and digits, with spaces) repeats nothing surely. */
const MIN_CHARS = 12;
/** One word of the body may be left out per this many words of the pull quote. */
const WORDS_PER_CUT = 4;

const WORD_RE = /[\p{L}\p{N}]+/gu;
/** A text's words, lowercased, without punctuation (its runs of letters and digits). */
export const wordsOf = (s: string): string[] => s.toLowerCase().match(WORD_RE) ?? [];

/**
 * Do `short`'s words appear in `long` in order, from one start, with at most `cuts` of
 * `long`'s words left out between them?
 */
export function repeats(short: readonly string[], long: readonly string[], cuts: number): boolean {
  if (short.length === 0 || short.length > long.length) return false;
  for (let s = 0; s + short.length <= long.length; s++) {
    if (long[s] !== short[0]) continue;
    let left = cuts;
    let k = s + 1;
    let i = 1;
    for (; i < short.length && k < long.length; k++) {
      if (long[k] === short[i]) i++;
      else if (--left < 0) break;
    }
    if (i === short.length) return true;
  }
  return false;
}

const isDisplay = (w: Work, blocks: readonly TextBlock[]): boolean => {
  const kind = blocks[w.span.block]?.kind;
  return (
    w.span.family === 'bq' ||
    kind === 'blockquote' ||
    kind === 'headline' ||
    kind === 'standfirst' ||
    kind === 'heading'
  );
};

/** Give each unspoken or display quote the speaker of the body quote it repeats. */
export function speakPullQuotes(kept: Work[], blocks: readonly TextBlock[]): void {
  const words: Array<string[] | undefined> = [];
  const wordsAt = (i: number) => {
    words[i] ??= wordsOf((kept[i] as Work).text);
    return words[i] as string[];
  };
  kept.forEach((w, i) => {
    // a headline's own subject ("Jo Hale: Rival Has 'Grudge'") outranks the body's echo
    if (w.entity && (!isDisplay(w, blocks) || w.cued)) return;
    const mine = wordsAt(i);
    if (mine.join(' ').length < MIN_CHARS) return;
    const cuts = Math.floor(mine.length / WORDS_PER_CUT);
    // the repeated words sit near: look a bounded number of quotes either way
    for (let j = Math.max(0, i - PULL_REACH); j < Math.min(kept.length, i + PULL_REACH); j++) {
      const o = kept[j] as Work;
      if (
        j === i ||
        !o.entity ||
        o.span.family === 'bq' ||
        blocks[o.span.block]?.kind !== 'paragraph'
      )
        continue;
      if (repeats(mine, wordsAt(j), cuts)) {
        w.entity = o.entity;
        w.mention = o.mention;
        w.confidence = o.confidence;
        w.runnerUp = o.runnerUp;
        break;
      }
    }
  });
}
