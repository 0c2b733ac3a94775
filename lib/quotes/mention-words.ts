/**
 * The words a mention is made of, one token at a time: is it a name word, a title, a role, a
 * particle, an initial, a nickname's mark; the lists behind those answers; and the small joins
 * the mention reader (mentions.ts) builds on. Pure: works on tokens.
 */
import {
  AUXILIARIES,
  FEMALE_NAMES,
  FEMALE_TITLES,
  GENDER_OF_NAME,
  MALE_NAMES,
  MALE_TITLES,
  ORG_WORDS,
  PRONOUNS,
  ROLES,
  SPEECH_VERBS,
  STOP_CAPS,
  TITLES,
} from './lexicon/index';
import { endsSentence, listTest, opensSentence, type Token, tokenTest, US_STATES } from './tokens';
import { endsPossessive, withoutPossessive } from './words';

export const PARTICLES = new Set([
  'de',
  'da',
  'van',
  'von',
  'der',
  'den',
  'al',
  'bin',
  'ibn',
  'le',
  'la',
  'du',
  'del',
  'dos',
  'di',
  'ter',
  'bint',
  'el',
]);
export const ENGLISH_DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'its',
  'his',
  'her',
  'their',
  'our',
  'one',
  'another',
]);
export const DETERMINERS = new Set([
  ...ENGLISH_DETERMINERS,
  'le',
  'la',
  'les',
  'l',
  'un',
  'une',
  'el',
  'los',
  'las',
  'der',
  'die',
  'das',
  'ein',
  'eine',
]);
/** Adjectives of a role before a name: "former governor Bill Tanner", "late president X". */
export const PRE_NAME_ADJECTIVES = new Set([
  'former',
  'late',
  'new',
  'old',
  'current',
  'first',
  'second',
  'next',
  'last',
  'then',
  'acting',
  'outgoing',
  'incoming',
  'interim',
]);
export const HONORIFICS = new Set([
  'mr',
  'mr.',
  'mrs',
  'mrs.',
  'ms',
  'ms.',
  'miss',
  'dr',
  'dr.',
  'prof',
  'prof.',
  'sir',
  'dame',
  'm.',
  'mme',
  'mme.',
  'mlle',
  'herr',
  'frau',
  'sr.',
  'sra.',
  'señor',
  'señora',
  'monsieur',
  'madame',
]);
export const INDEFINITE = new Set(['a', 'an', 'one', 'another', 'un', 'une', 'ein', 'eine']);
/** Prepositions, for what governs a noun ("in X", "over his shoulder"). */
export const PREPOSITIONS = new Set([
  'on',
  'in',
  'at',
  'from',
  'with',
  'to',
  'for',
  'of',
  'by',
  'during',
  'after',
  'before',
  'about',
  'over',
  'under',
  'into',
  'onto',
  'via',
  'through',
  'across',
  'toward',
  'towards',
  'against',
  'behind',
  'around',
  'upon',
  'within',
  'without',
  'than',
  'like',
  'unlike',
  'despite',
]);
export const LINKS = new Set([
  'of',
  'for',
  'at',
  'with',
  'in',
  'from',
  'on',
  'to',
  'de',
  'du',
  'des',
]);
/** Words of a description that stop it: verbs, conjunctions, words opening a clause ("how"). */
export const DESC_STOP = new Set([
  'who',
  'whom',
  'whose',
  'which',
  'that',
  'how',
  'why',
  'what',
  'whether',
  'where',
  'if',
  'said',
  'says',
  'and',
  'but',
  'told',
  'when',
  'while',
  'as',
]);
/** The lists the reader asks most, answered once per token (tokens.ts listTest). */
export const isDeterminer = listTest((w) => DETERMINERS.has(w));
export const isAuxiliary = listTest((w) => AUXILIARIES.has(w));
export const isStopCap = listTest((w) => STOP_CAPS.has(w));
export const isDescStop = listTest((w) => DESC_STOP.has(w));
export const isLink = listTest((w) => LINKS.has(w));
export const isOrgWord = listTest((w) => ORG_WORDS.has(w));
export const isPronounWord = listTest((w) => PRONOUNS.has(w));
export const isSpeechVerbWord = listTest((w) => SPEECH_VERBS.has(w));
const isGenderTitle = listTest((w) => FEMALE_TITLES.has(w) || MALE_TITLES.has(w));

export const isPossessive = (t: Token) => endsPossessive(t.w);
const INITIAL_RE = /^\p{Lu}\.(?:\p{Lu}\.)*$/u;
const DESCRIPTOR_RE = /-\p{Ll}/u;
export const UPPER_RE = /\p{Lu}/u;
export const LOWER_WORD_RE = /^[\p{Ll}-]+$/u;
export const isInitial = (t: Token) => t.word && t.cap && maybeInitial(t.w) && INITIAL_RE.test(t.w);
/**
 * Could `w` match INITIAL_RE: a full stop after its first character (the name readers ask of
 * most capitalised words; the regex only where it could)? A first letter past the BMP takes two
 * code units: then the regex decides.
 */
function maybeInitial(w: string): boolean {
  const c = w.charCodeAt(0);
  return w.charCodeAt(1) === 46 || (c >= 0xd800 && c <= 0xdbff);
}
/** A capitalised word that can be part of a name. */
const readsAsNameWordOnce = tokenTest(readsAsNameWord);
export const isNameWord = (t: Token | undefined): boolean =>
  !!t?.word && t.cap && readsAsNameWordOnce(t);
/** (less "Del.", a delegate's title too: "Del. Ana Ruiz") */
const STATE_ABBREVIATIONS = new Set(US_STATES.filter((s) => s !== 'del'));
/** Scripts without capitals: a word holding them is no capitalised name ("Storageから…"). */
const CASELESS_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
function readsAsNameWord(t: Token): boolean {
  if (isStopCap(t)) return false;
  if (/^\d/.test(t.w)) return false;
  if (CASELESS_SCRIPT.test(t.w)) return false;
  // "They'd", "Don't", "It's": a contraction opening a sentence, never a name
  if (CONTRACTION.test(t.lo)) return false;
  const base = withoutPossessive(t.lo);
  if (base !== t.lo && (STOP_CAPS.has(base) || PRONOUNS.has(base))) return false;
  // "Accordingly Turkey …", "Reportedly …": a sentence adverb
  if (ADVERB_ENDING.test(t.lo)) return false;
  // "a resort in Orlo, Fla. — “…”": a state, not someone
  if (t.lo.endsWith('.') && STATE_ABBREVIATIONS.has(t.lo.slice(0, -1))) return false;
  return true;
}
/**
 * Months and modals are kept out of names, yet end one after a name word when no capital or
 * number follows: "Theresa May said", "Ai Jun wrote", "Kim Jong Un", "George Will" (not
 * "Trump Will Visit", not "Ana Ruiz May 5"); so does any word kept out of names, after a known
 * first name.
 */
const NAME_ENDINGS = new Set(['may', 'june', 'jun', 'april', 'will', 'un']);
export function endsNameAt(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const next = tokens[k + 1];
  if (!t?.word || !t.cap || (next?.word && next.cap) || /^\d/.test(next?.w ?? '')) return false;
  // "Ian Read said", "Jack White wrote": after a first name, or before a verb of saying, a
  // word that is no name elsewhere is the surname
  const first = tokens[k - 1];
  if (
    isStopCap(t) &&
    isNameWord(first) &&
    !opensSentence(tokens, k - 1) &&
    (isFirstName(first) || GENDER_OF_NAME.has(first?.lo ?? '') || isSpeechVerbWord(next))
  )
    return true;
  // "Tidewater Watch", "Harbor Rights Watch": a body's head word kept out of names ends one
  // ("who" is a pronoun far more often than the health body written in lowercase)
  if (isStopCap(t) && isOrgWord(t) && t.lo !== 'who' && isNameWord(first)) return true;
  return NAME_ENDINGS.has(t.lo) && isNameWord(tokens[k - 1]);
}

/** Words that link a time to an event, never a role to its holder. */
export const TIME_WORDS = new Set(['after', 'before', 'during', 'since', 'until', 'than', 'ago']);
/** "New" opening a name ("the New York Times", "New Jersey Gov. X"), not the adjective. */
export const opensPlaceName = (t: Token, next: Token | undefined) =>
  t.w === 'New' && isNameWord(next) && !isTitle(next);
export const SUBJECT_CONTRACTION = /^(he|she|they)['’](?:s|d|ll|re|ve)$/;
const CONTRACTION = /['’](?:ve|ll|d|re|m)$|n['’]t$/;
export const ADVERB_ENDING =
  /(?:ingly|edly|ously|ively|fully|lessly|ately|ically|ently|antly|ibly|ably)$/;
// (a trailing '.' or 's' is cut by slicing, not by a regex: these run for every token read)
export const isTitle = tokenTest(
  (t) => (t.word && TITLES.has(t.lo.endsWith('.') ? t.lo.slice(0, -1) : t.lo)) || TITLES.has(t.lo),
);
const isRoleLo = listTest(
  (lo) => ROLES.has(lo) || (lo.endsWith('s') && ROLES.has(lo.slice(0, -1))),
);
export const isRoleWord = (t: Token | undefined): boolean => !!t?.word && isRoleLo(t);
/** A title or a role word: a word of an office ("Secretary", "minister", "Supt."). */
export const isOfficeWord = (t: Token | undefined): boolean => isTitle(t) || isRoleWord(t);
/**
 * A capitalised compound whose second part is lowercase describes a name ("Oscar-winner",
 * "Paris-based", "Texas-born"); it is never part of it.
 */
export const isDescriptor = (t: Token | undefined) =>
  !!t?.word && t.cap && t.w.includes('-') && DESCRIPTOR_RE.test(t.w);
/** A rank's ordinal: "1st Lt.", "2nd Lt." — part of the title before a name. */
export const isRankOrdinal = (t: Token | undefined, next: Token | undefined) =>
  !!t?.word && /^\d+(?:st|nd|rd|th)$/.test(t.lo) && isTitle(next);
const OPEN_MARKS = new Set(['"', '“', '‘', "'"]);
const CLOSE_MARKS = new Set(['"', '”', '’', "'"]);
/**
 * A nickname in quote marks inside a name: Marcia "Cia" Price, Richard “Dick” Lane. `k` is the
 * opening mark after a name word; returns the index of the name word after the closing mark,
 * or -1.
 */
export function nicknameEnd(tokens: Token[], k: number): number {
  if (!OPEN_MARKS.has(tokens[k]?.w ?? '') || !givenName(tokens, k - 1)) return -1;
  let j = k + 1;
  while (j < k + 3 && isNameWord(tokens[j])) j++;
  if (j === k + 1 || !CLOSE_MARKS.has(tokens[j]?.w ?? '')) return -1;
  return isNameWord(tokens[j + 1]) ? j + 1 : -1;
}
/** The same read leftwards: `k` is the closing mark; the index of the word before it opened. */
export function nicknameStart(tokens: Token[], k: number): number {
  if (!CLOSE_MARKS.has(tokens[k]?.w ?? '') || !isNameWord(tokens[k + 1])) return -1;
  let j = k - 1;
  while (j > k - 3 && isNameWord(tokens[j])) j--;
  if (j === k - 1 || !OPEN_MARKS.has(tokens[j]?.w ?? '')) return -1;
  return givenName(tokens, j - 1) ? j - 1 : -1;
}
/**
 * A known first name, or a name word after a title: what a nickname follows. (A Title Case
 * headline quotes words between capitals too: "Republican ‘Unity’ Meeting".)
 */
const givenName = (tokens: Token[], k: number) =>
  isNameWord(tokens[k]) && (isFirstName(tokens[k]) || isTitle(tokens[k - 1]));
export const isAllCaps = (w: string) =>
  w.length > 1 && !hasAsciiLower(w) && w === w.toUpperCase() && UPPER_RE.test(w);
/**
 * Does `w` hold a letter a–z? Then it is not its own uppercase, and toUpperCase (the library's
 * slow general path for a text past Latin-1, asked of every token) need not say so.
 */
function hasAsciiLower(w: string): boolean {
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}
/** isAllCaps of a token's word, worked out once per token. */
export const inCapitals = tokenTest((t) => isAllCaps(t.w));

export function genderOf(words: Token[]): string | undefined {
  for (const t of words) {
    if (!isGenderTitle(t)) continue;
    if (FEMALE_TITLES.has(t.lo)) return 'f';
    if (MALE_TITLES.has(t.lo)) return 'm';
  }
  // the first name, when it is a common one (looked up before the roles: "Bill" is a first
  // name as well as a document)
  for (let i = 0; i < words.length; i++) {
    const t = words[i] as Token;
    if (!t.cap || TITLES.has(t.lo)) continue;
    if (isFirstName(t)) return FEMALE_NAMES.has(t.lo) ? 'f' : 'm';
    if (ROLES.has(t.lo)) continue;
    // the long list only where a surname follows: alone, "Hale" is a surname, not a man
    return words[i + 1]?.cap ? GENDER_OF_NAME.get(t.lo) : undefined;
  }
  return undefined;
}

/** Whitespace that is not one plain space: what joinTokens has to rewrite. */
const ODD_SPACE = /[^\S ]| \s/;
const SPACES = /\s+/g;

export function joinTokens(text: string, tokens: Token[], from: number, to: number): string {
  const a = tokens[from];
  const b = tokens[to - 1];
  if (!a || !b || to <= from) return '';
  const words = text.slice(a.s, b.e);
  // (most runs are words and single spaces already: a test is cheaper than a rewrite)
  return ODD_SPACE.test(words) ? words.replace(SPACES, ' ') : words;
}

/**
 * "Will Estrada, the chairman, said", "April Mellody, a spokeswoman, said": a modal or a month
 * as a first name, before a surname that a comma, a party tag or a past verb of saying follows
 * ("Will Trump say …" is a question).
 */
export function modalOrMonthAsFirstName(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t || !FIRST_NAME_WORDS.has(t.w) || !isNameWord(tokens[k + 1])) return false;
  // ("In May Trump said": a month after a word of time is a date)
  if (t.w !== 'Will' && TIME_LEADS.has(tokens[k - 1]?.lo ?? '')) return false;
  const after = tokens[k + 2];
  if (after?.w === ',' || after?.w === '(') return true;
  return isSpeechVerbToken(after) && /(?:ed|s|said|told)$/.test(after?.lo ?? '');
}

/** Words kept out of names that are first names too: "Will Estrada", "April Mellody", "Jan Brewer". */
const FIRST_NAME_WORDS = new Set(['Will', 'May', 'June', 'April', 'Jan']);
/** Words before a month that make it a date. */
const TIME_LEADS = new Set([
  'in',
  'since',
  'until',
  'by',
  'during',
  'of',
  'last',
  'next',
  'early',
  'late',
  'mid',
  'this',
  'that',
  'from',
  'through',
  'on',
]);

export const isFirstName = listTest((w) => FEMALE_NAMES.has(w) || MALE_NAMES.has(w));

/** Small words that only a Title Case line capitalises mid-sentence. */
const TITLE_CASE_SMALL = new Set([
  'to',
  'the',
  'of',
  'and',
  'in',
  'for',
  'with',
  'on',
  'at',
  'is',
  'as',
]);

/** Is token `i` in a Title Case line: a capitalised small word within the next few words? */
export function titleCaseAt(tokens: Token[], i: number): boolean {
  for (let k = i; k < i + 5 && k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (!t.word || endsSentence(tokens[k - 1])) return false;
    if (t.cap && TITLE_CASE_SMALL.has(t.lo)) return true;
  }
  return false;
}

/** Is this token a lowercase verb of saying? */
export const isSpeechVerbToken = (t: Token | undefined) =>
  !!t && t.word && !t.cap && isSpeechVerbWord(t);

/** Past participles not in -ed that take an agent: "written by", "seen by". */
const IRREGULAR_PARTICIPLES = new Set([
  'written',
  'taken',
  'seen',
  'given',
  'made',
  'held',
  'run',
  'led',
  'sent',
  'known',
  'drawn',
  'shown',
  'put',
  'brought',
  'bought',
]);

/** A past participle ("obtained", "written"), as a word that may take an agent after "by". */
export const isParticiple = (t: Token): boolean =>
  t.lo.endsWith('ed') || IRREGULAR_PARTICIPLES.has(t.lo);
