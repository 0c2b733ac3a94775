import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../../lib/quotes/marks';
import { endsSentence, tokenAt, tokenize, tokenizeAround } from '../../../lib/quotes/tokens';
import { modelOf } from './model';

describe('tokenize', () => {
  it('gives each word its own lowercase, whatever the text around it', () => {
    // Σ lowercases by its neighbours, İ to two characters, and a full stop past the range
    // still joins an abbreviation
    const texts = [
      '“Ana Ruiz said ΟΔΟΣ:Α and Σ.',
      'İstanbul’s Mayor İmamoğlu, Mr. Lee',
      'Met the U.S. Sen. Ruiz in MÜNCHEN',
    ];
    for (const text of texts)
      for (let from = 0; from < text.length; from += 3)
        for (const t of tokenize(text, from, Math.min(text.length, from + 9)))
          expect(t.lo).toBe(t.w.toLowerCase());
  });

  it('keeps initials, abbreviations and joined words whole', () => {
    expect(
      tokenize('H.Mammadov and Mr. Lee of Richmond, Va., met U.S. envoys.').map((t) => t.w),
    ).toEqual([
      'H.Mammadov',
      'and',
      'Mr.',
      'Lee',
      'of',
      'Richmond',
      ',',
      'Va.',
      ',',
      'met',
      'U.S.',
      'envoys',
      '.',
    ]);
  });

  it("reads an editor's words in brackets as the text, and keeps other brackets", () => {
    expect(tokenize("'Not so,' [Ivo Brandt] said.").map((t) => t.w)).toEqual([
      "'",
      'Not',
      'so',
      ',',
      "'",
      'Ivo',
      'Brandt',
      'said',
      '.',
    ]);
    expect(tokenize('Kerr [1] said […] yes.').map((t) => t.w)).toEqual([
      'Kerr',
      '[',
      '1',
      ']',
      'said',
      '[',
      '…',
      ']',
      'yes',
      '.',
    ]);
  });

  it('ends sentences only at real sentence marks', () => {
    const t = tokenize('Dr. Lee left. Then');
    expect(t.filter(endsSentence).map((x) => x.w)).toEqual(['.']);
    expect(tokenAt(t, t[2]?.s ?? 0)).toBe(2);
  });

  it('tokenizes the opening blocks and the blocks near quotes, with a boundary between runs', () => {
    const far = Array.from({ length: 20 }, (_, i) => `Far ${i + 1}th.`);
    const paras = [...far, 'Near.', '"Quoted," she said.'];
    const m = modelOf(paras);
    const toks = tokenizeAround(m, findQuoteSpans(m));
    // the lede, where people are introduced, is always read
    expect(toks.some((t) => t.w === '1th')).toBe(true);
    expect(toks.some((t) => t.w === '12th')).toBe(true);
    // the middle, far from any quote, is not
    expect(toks.some((t) => t.w === '13th')).toBe(false);
    expect(toks.some((t) => t.w === '17th')).toBe(false);
    expect(toks.some((t) => t.w === '18th')).toBe(true);
    expect(toks.some((t) => t.w === 'Near')).toBe(true);
    expect(toks.filter((t) => t.w === '\n' && t.s === t.e)).toHaveLength(1);
    // a page without quotes reads nothing
    const none = modelOf(far);
    expect(tokenizeAround(none, findQuoteSpans(none))).toEqual([]);
  });
});
