/**
 * Speakers a page describes rather than names, read from the shape of the words alone: "the
 * sender", "Elton John's publicist", "its creators", "one mother", "critics". No word list can
 * hold every noun a reporter puts in a speaker's place, so a plain noun phrase standing where
 * a speaker stands (the subject of "said", the words after "according to") is read as an
 * unnamed speaker; the ranker weighs it beside the other candidates.
 * Pure: works on tokens.
 */
import { AUXILIARIES, FEMALE_NAMES, MALE_NAMES, PRONOUNS, SPEECH_VERBS } from './lexicon/index';
import {
  DESC_STOP,
  DETERMINERS,
  extendDescription,
  finishDescription,
  INDEFINITE,
  isNameWord,
  isPossessive,
  LINKS,
  type Mention,
  PREPOSITIONS,
} from './mentions';
import type { Token } from './tokens';

/** At most this many words before the head noun. */
const MAX_MODIFIERS = 4;

/** A word that can stand inside a noun phrase before its head. */
function isModifier(t: Token | undefined): boolean {
  if (!t?.word || DETERMINERS.has(t.lo)) return false;
  // capitalised adjectives and places: "a New Hampshire Republican", "the GOP insider"
  if (t.cap) return !isPossessive(t);
  return isPlainNoun(t) || /-/.test(t.w);
}

/** A lowercase word that can head a noun phrase: not a verb of saying, a link, a pronoun. */
function isPlainNoun(t: Token | undefined): boolean {
  return (
    !!t?.word &&
    !t.cap &&
    t.lo.length >= 3 &&
    !/\d/.test(t.lo) &&
    !DESC_STOP.has(t.lo) &&
    !AUXILIARIES.has(t.lo) &&
    !LINKS.has(t.lo) &&
    !SPEECH_VERBS.has(t.lo) &&
    !PRONOUNS.has(t.lo) &&
    !DETERMINERS.has(t.lo) &&
    !/ly$/.test(t.lo)
  );
}

/**
 * Prepositions whose object is never a speaker: "jerking his thumb over his shoulder said".
 * (The links "of", "at", "for" … join a role to its body, "by" names an author: not these.)
 */
const OBJECT_PREPOSITIONS = new Set([...PREPOSITIONS].filter((p) => !LINKS.has(p) && p !== 'by'));

/** "another turnkey passing me": a participle after the head opens a phrase of its own. */
const opensParticiple = (t: Token | undefined, next: Token | undefined): boolean =>
  !!t?.word && !t.cap && t.lo.endsWith('ing') && !isModifier(next);

/** A bare plural may stand alone ("critics said"); a singular needs its determiner. */
const isPlural = (t: Token) => /[^s]s$/.test(t.lo);

/** Start of a possessor before token `k` ("Elton John's" → the index of "Elton"), or -1. */
function possessorStart(tokens: Token[], k: number, floor: number): number {
  const p = tokens[k];
  if (!p || !isPossessive(p)) return -1;
  let s = k;
  while (s - 1 >= floor && s > k - 4 && (isNameWord(tokens[s - 1]) || isPlainNoun(tokens[s - 1])))
    s--;
  if (s - 1 >= floor && DETERMINERS.has(tokens[s - 1]?.lo ?? '')) s--;
  return s;
}

/** A noun phrase ending at token `end` (its head), read leftwards; null if none. */
export function readNounPhraseBackward(
  text: string,
  tokens: Token[],
  end: number,
  floor: number,
): Mention | null {
  const head = tokens[end];
  if (!head || end < floor || !isPlainNoun(head)) return null;
  let k = end;
  while (k - 1 >= floor && end - k < MAX_MODIFIERS && isModifier(tokens[k - 1])) k--;
  const before = tokens[k - 1];
  let from = k;
  if (before && k - 1 >= floor && DETERMINERS.has(before.lo)) from = k - 1;
  else {
    const owner = possessorStart(tokens, k - 1, floor);
    if (owner >= 0) from = owner;
    else if (!isPlural(head)) return null;
  }
  if (OBJECT_PREPOSITIONS.has(tokens[from - 1]?.lo ?? '')) return null;
  return finishDescription(text, tokens, from, end + 1);
}

/** A noun phrase starting at token `start`, read rightwards; null if none. */
export function readNounPhraseForward(
  text: string,
  tokens: Token[],
  start: number,
  ceil: number,
): Mention | null {
  let i = start;
  const first = tokens[i];
  if (!first?.word) return null;
  // ("…" without reporters asking: a phrase that opens with a preposition names no one)
  if (OBJECT_PREPOSITIONS.has(first.lo)) return null;
  let determined = false;
  if (DETERMINERS.has(first.lo)) {
    determined = true;
    i++;
  } else {
    // "Elton John's publicist": a possessor ends at its 's
    let j = i;
    while (j < ceil && j < i + 4 && !isPossessive(tokens[j] as Token) && isModifier(tokens[j])) j++;
    if (
      j < ceil &&
      isPossessive(tokens[j] as Token) &&
      (isNameWord(tokens[j]) || isPlainNoun(tokens[j]))
    ) {
      determined = true;
      i = j + 1;
    }
  }
  let k = i;
  while (
    k < ceil &&
    k - i <= MAX_MODIFIERS &&
    isModifier(tokens[k]) &&
    !(k > i && opensParticiple(tokens[k], tokens[k + 1]))
  )
    k++;
  // the head is the last plain noun of the run; after "a", a capitalised one will do
  // ("a New Hampshire Republican")
  let h = k - 1;
  while (h >= i && !isPlainNoun(tokens[h])) h--;
  if (h < i && k > i && INDEFINITE.has(first.lo)) h = k - 1;
  // "another commonwealth Democrat", "one veteran Republican": one capitalised word after the
  // plain noun is the head (two would be a name: "an aide Tom Hale")
  const last = tokens[k - 1];
  if (
    h >= i &&
    h === k - 2 &&
    INDEFINITE.has(first.lo) &&
    last?.cap &&
    !isFirstNameWord(last) &&
    !(k < ceil && tokens[k]?.cap)
  )
    h = k - 1;
  if (h < i) return null;
  const head = tokens[h] as Token;
  if (!determined && !isPlural(head)) return null;
  return extendDescription(text, tokens, start, h + 1, ceil);
}

const isFirstNameWord = (t: Token) => FEMALE_NAMES.has(t.lo) || MALE_NAMES.has(t.lo);
