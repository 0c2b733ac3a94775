/**
 * White space read by code, for offsets into the page text (one string for the whole page, so
 * the reads stay fast; over many short strings of different kinds, a regex or split is faster).
 * Pure.
 */

/** JavaScript's \s: ASCII white space, no-break spaces, the Unicode space separators, BOM. */
export function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Is text[from, to) white space only (text.slice(from, to).trim() === '', offsets ≥ 0)? */
export function onlySpace(text: string, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < to && i < text.length; i++)
    if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

/** s.split(/\s+/).length, counted: one piece more than there are runs of white space. */
export function spaceSplitLength(s: string): number {
  let n = 1;
  let inSpace = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpaceCode(s.charCodeAt(i));
    if (space && !inSpace) n++;
    inSpace = space;
  }
  return n;
}

/**
 * /\.\s*$/.test(s) read from the end: a full stop, then only white space (the regex tries
 * every full stop of a long quote on the way).
 */
export function endsWithFullStop(s: string): boolean {
  let i = s.length - 1;
  while (i >= 0 && isSpaceCode(s.charCodeAt(i))) i--;
  return i >= 0 && s.charCodeAt(i) === 46;
}

/** /['’]s$/.test(w) by code: a possessive's "'s" or "’s" ends the word (asked of most tokens). */
export function endsPossessive(w: string): boolean {
  const n = w.length;
  if (n < 2 || w.charCodeAt(n - 1) !== 115) return false;
  const a = w.charCodeAt(n - 2);
  return a === 39 || a === 0x2019;
}

/** s.replace(/['’]s$/, ''): the word without a possessive's 's. */
export const withoutPossessive = (s: string): string => (endsPossessive(s) ? s.slice(0, -2) : s);
