/**
 * Word and punctuation tokens over the model text, with their offsets.
 * Pure and linear: one hand-written scan, no backtracking regexes.
 * Tokens never cross a block boundary; each boundary becomes a '\n' token.
 */
import type { QuoteSpan } from './marks';
import type { TextModel } from './types';

export interface Token {
  s: number;
  e: number;
  /** The token as written. */
  w: string;
  /** Lowercase form. */
  lo: string;
  /** A word (letters/digits) rather than punctuation. */
  word: boolean;
  /** Starts with an uppercase letter. */
  cap: boolean;
  /** The answers of the tests asked of the word so far (tokenTest): 0 until one asks. */
  known: number;
}

/**
 * A test of a token whose answer is kept in two bits of Token.known (asked, and the answer): the
 * readers ask the same tokens the same questions again and again, quote after quote, tokens
 * never change, and a Set lookup of a token's fresh string costs several times a bit test.
 */
let nextTestBit = 1;
export function tokenTest(test: (t: Token) => boolean): (t: Token | undefined) => boolean {
  const asked = nextTestBit;
  const yes = asked * 2;
  nextTestBit *= 4;
  // (past 2^30 a number is no longer a small integer in V8, and bit tests on it cost)
  if (yes > 2 ** 29) throw new Error('Token.known has no bits left for another test');
  return (t) => {
    if (!t) return false;
    const k = t.known;
    if (k & asked) return (k & yes) !== 0;
    const y = test(t);
    t.known = k | (y ? asked | yes : asked);
    return y;
  };
}

/** A word list's test of a token (its lowercase form), kept as tokenTest keeps it. */
export const listTest = (has: (lo: string) => boolean) => tokenTest((t) => has(t.lo));

/** US state abbreviations as datelines and party tags write them: "of Springfield, Va., said". */
export const US_STATES: readonly string[] = [
  'ala',
  'ariz',
  'ark',
  'calif',
  'colo',
  'conn',
  'del',
  'fla',
  'ga',
  'ill',
  'ind',
  'kan',
  'ky',
  'la',
  'md',
  'mass',
  'mich',
  'minn',
  'miss',
  'mo',
  'mont',
  'neb',
  'nev',
  'okla',
  'ore',
  'pa',
  'tenn',
  'tex',
  'va',
  'vt',
  'wash',
  'wis',
  'wyo',
  'n.h',
  'n.j',
  'n.m',
  'n.y',
  'n.c',
  'n.d',
  's.c',
  's.d',
  'r.i',
  'w.va',
  'd.c',
];
/** Abbreviations that keep their full stop and end no sentence. */
const ABBREV = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'sen',
  'sens',
  'rep',
  'reps',
  'gov',
  'gen',
  'col',
  'capt',
  'lt',
  'sgt',
  'jr',
  'sr',
  'rev',
  'hon',
  'mt',
  'ft',
  'no',
  'vs',
  'etc',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'univ',
  'm',
  'mme',
  'sra',
  'msgr',
  'fr',
  'adm',
  'maj',
  'cmdr',
  'supt',
  'det',
  'insp',
  'pres',
  'u.s',
  'u.k',
  'u.n',
  'e.g',
  'i.e',
  'ph.d',
  ...US_STATES,
]);

const isAsciiWord = (c: number) =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const WORD_RE = /[\p{L}\p{N}\p{M}]/u;
const DOTTED_RE = /\.\p{L}$/u;
/** Non-ASCII code units already read: 1 a word's, 2 not (WORD_RE once per code unit). */
const WORD_UNITS = new Uint8Array(0x10000);
function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return isAsciiWord(c);
  const known = WORD_UNITS[c];
  if (known !== undefined && known !== 0) return known === 1;
  const word = WORD_RE.test(text[i] as string);
  // (past the end there is no code unit: read as before, remember nothing)
  if (c >= 0) WORD_UNITS[c] = word ? 1 : 2;
  return word;
}
const isDigit = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
};
const isUpper = (ch: string) => {
  // (ASCII by its code: this runs for every word of the page)
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
};

/**
 * Is this code unit its own lowercase: ASCII but no capital, or a curly apostrophe or a
 * non-breaking hyphen, which have no case? A word of such units needs no toLowerCase (most
 * words: for a text holding any character past Latin-1, toLowerCase takes the library's slow
 * general path). Read while the word is scanned.
 */
const isPlainLowerCode = (c: number) =>
  !(c >= 65 && (c <= 90 || (c >= 128 && c !== 0x2019 && c !== 0x2011)));

/**
 * text[from, to) in lowercase, to cut each word's lowercase form from (one call of the
 * library's slow general path per page, not one per capitalised word) — or false where that
 * would not give each word's own lowercase: İ (U+0130) lowercases to two characters, and Σ
 * to σ or ς by the letters around it, which differ between the text and the word. Every other
 * character lowercases to one character of the same length, whatever stands around it.
 */
function lowercaseOf(text: string, from: number, to: number): string | false {
  const range = text.slice(from, to);
  return range.includes('\u0130') || range.includes('\u03a3') ? false : range.toLowerCase();
}

/** Where the ']' of an editor's insertion "[word …]" opening at `i` is; -1 if this is none. */
function editorBracketEnd(text: string, i: number, to: number): number {
  const end = Math.min(to, i + 40);
  for (let j = i + 1; j < end; j++) {
    const ch = text[j];
    if (ch === ']') return j > i + 1 && isWordCode(text, i + 1) && !isDigit(text, i + 1) ? j : -1;
    if (ch === '[' || ch === '\n') return -1;
  }
  return -1;
}

/** Tokens of text[from, to), appended to `out` when given (saves a copy). */
export function tokenize(text: string, from = 0, to = text.length, out: Token[] = []): Token[] {
  let i = from;
  let editorClose = -1;
  /** text[from, to) in lowercase, once a word needs it; false where it cannot be cut up. */
  let lowered: string | false | null = null;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 0xa0 || c === 13 || i === editorClose) {
      i++;
      continue;
    }
    // An editor's words in brackets read as the text: "'…,' [Bruck] said." names Bruck
    if (c === 91) {
      const close = editorBracketEnd(text, i, to);
      if (close > 0) {
        editorClose = close;
        i++;
        continue;
      }
    }
    if (isWordCode(text, i)) {
      let j = i + 1;
      let plain = isPlainLowerCode(c);
      for (;;) {
        while (j < to && isWordCode(text, j)) {
          if (plain && !isPlainLowerCode(text.charCodeAt(j))) plain = false;
          j++;
        }
        const n = text.charCodeAt(j);
        // Joiners inside a word: don't, Azerbaijan's, Nagorno-Karabakh, H.Mammadov, U.S
        // (' ’ - . and the non-breaking hyphen, by code)
        if (
          (n === 39 || n === 0x2019 || n === 45 || n === 46 || n === 0x2011) &&
          j + 1 < to &&
          isWordCode(text, j + 1)
        ) {
          j++;
          continue;
        }
        // "9/11", "24/7": a slash between digits
        if (n === 47 && isDigit(text, j - 1) && j + 1 < to && isDigit(text, j + 1)) {
          j++;
          continue;
        }
        break;
      }
      let w = text.slice(i, j);
      lowered ??= lowercaseOf(text, from, to);
      const lo0 = plain ? w : lowered ? lowered.slice(i - from, j - from) : w.toLowerCase();
      let lo = lo0;
      // Keep the full stop of an initial ("H.") or a known abbreviation ("Mr.", "U.S.").
      if (
        text.charCodeAt(j) === 46 &&
        (ABBREV.has(lo0) ||
          (w.length === 1 && isUpper(w)) ||
          DOTTED_RE.test(w) ||
          // a party and state tag: "Mitch Hale, R-Ky., said"
          (/^[rdi]-/.test(lo0) && ABBREV.has(lo0.slice(2))))
      ) {
        j++;
        w = text.slice(i, j);
        // (the full stop may stand just past `to`: the lowercase range does not hold it)
        lo = lowered && j <= to ? lowered.slice(i - from, j - from) : w.toLowerCase();
      }
      out.push({
        s: i,
        e: j,
        w,
        lo,
        word: true,
        cap: c < 128 ? c >= 65 && c <= 90 : isUpper(w[0] as string),
        known: 0,
      });
      i = j;
      continue;
    }
    const ch = text[i] as string;
    out.push({ s: i, e: i + 1, w: ch, lo: ch, word: false, cap: false, known: 0 });
    i++;
  }
  return out;
}

/** Index of the first token whose end is after `pos` (binary search). */
export function tokenAt(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).e <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Does this token end a sentence? ('.', '!', '?', and not an abbreviation: those keep their '.') */
export function endsSentence(t: Token | undefined): boolean {
  return (
    !!t && !t.word && (t.w === '.' || t.w === '!' || t.w === '?' || t.w === '\n' || t.w === '…')
  );
}

/**
 * Does token `k` open a sentence: first, after a sentence's end, after an opening mark, or
 * after a quote that ended its own sentence ("…handled it.” Normalizing this helps)?
 */
export function opensSentence(tokens: Token[], k: number): boolean {
  const prev = tokens[k - 1];
  return !prev || endsSentence(prev) || isOneMarkOf(OPENERS, prev.w) || afterEndedQuote(tokens, k);
}

/** Is token `k` right after a quote that ended its own sentence ("…handled it.” Pacing …")? */
export function afterEndedQuote(tokens: Token[], k: number): boolean {
  return isOneMarkOf(CLOSERS, tokens[k - 1]?.w ?? '') && endsSentence(tokens[k - 2]);
}

/** Marks before a sentence's first word, and quote marks that close one. */
const OPENERS = '"“‘\'(—–-';
const CLOSERS = '"\'”’';
/** Is `w` exactly one of the characters of `marks` (a regex per token cost more)? */
const isOneMarkOf = (marks: string, w: string) => w.length === 1 && marks.includes(w);

/** Blocks before a quote that may hold its cue or its speaker's name. */
const CONTEXT_BLOCKS = 4;
/**
 * The opening blocks, read whatever their distance to a quote: an article introduces its
 * people there ("Deputy Mayor Ines Roca wants …") and quotes them paragraphs later by
 * surname or "he" (cross-validated attribution +0.0014 on polnear-train, at 12 blocks as at all).
 */
const LEDE_BLOCKS = 12;

/**
 * Tokens of the opening blocks and of the blocks near quotes only: cues and names sit within a
 * few blocks of the quote, so a long page with few quotes costs little. Gaps become one '\n'
 * boundary token.
 */
export function tokenizeAround(model: TextModel, spans: readonly QuoteSpan[]): Token[] {
  const { text, blocks } = model;
  const want = new Uint8Array(blocks.length);
  if (spans.length > 0) want.fill(1, 0, Math.min(blocks.length, LEDE_BLOCKS));
  for (const span of spans) {
    const from = Math.max(0, span.block - CONTEXT_BLOCKS);
    const to = Math.min(blocks.length - 1, span.lastBlock + 1);
    want.fill(1, from, to + 1);
  }
  const out: Token[] = [];
  for (let b = 0; b < blocks.length; b++) {
    if (!want[b]) continue;
    let e = b;
    while (e + 1 < blocks.length && want[e + 1]) e++;
    const start = blocks[b]?.start ?? 0;
    const end = blocks[e]?.end ?? start;
    if (out.length > 0)
      out.push({ s: start, e: start, w: '\n', lo: '\n', word: false, cap: false, known: 0 });
    tokenize(text, start, end, out);
    b = e;
  }
  return out;
}
