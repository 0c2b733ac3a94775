/**
 * The words of a text as /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*\/gu matches them — letters and
 * digits, joined by an apostrophe or a hyphen — read by hand: the judge and the statement
 * classes read every quote's words, and the regex tested each character against the Unicode
 * tables. ASCII by its code; any other code point by the regex once, then from a table.
 * Pure.
 */

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Code units of the Basic Multilingual Plane already read: 1 a letter or digit, 2 not. */
const BMP = new Uint8Array(0x10000);

/** Length (1 or 2 code units) of the letter or digit starting at `i`, or 0 if there is none. */
function letterAt(s: string, i: number): number {
  if (i >= s.length) return 0;
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = s.charCodeAt(i + 1);
    // a surrogate pair is one code point; a lone surrogate is no letter
    if (d >= 0xdc00 && d <= 0xdfff) return LETTER_OR_DIGIT.test(s.slice(i, i + 2)) ? 2 : 0;
    return 0;
  }
  let known = BMP[c] as number;
  if (known === 0) {
    known = c >= 0xdc00 && c <= 0xdfff ? 2 : LETTER_OR_DIGIT.test(s[i] as string) ? 1 : 2;
    BMP[c] = known;
  }
  return known === 1 ? 1 : 0;
}

/** Is the code unit at `i` a joiner inside a word: ' ’ - ? */
const isJoiner = (c: number) => c === 39 || c === 0x2019 || c === 45;

/** Every word of `s`, in order. */
export function wordsIn(s: string): string[] {
  const out: string[] = [];
  const n = s.length;
  let i = 0;
  while (i < n) {
    let len = letterAt(s, i);
    if (len === 0) {
      i++;
      continue;
    }
    const start = i;
    let j = i + len;
    for (;;) {
      len = letterAt(s, j);
      if (len > 0) {
        j += len;
        continue;
      }
      if (isJoiner(s.charCodeAt(j)) && letterAt(s, j + 1) > 0) {
        j++;
        continue;
      }
      break;
    }
    out.push(s.slice(start, j));
    i = j;
  }
  return out;
}
