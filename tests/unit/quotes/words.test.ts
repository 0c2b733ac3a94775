import { describe, expect, it } from 'vitest';
import {
  endsPossessive,
  endsWithFullStop,
  onlySpace,
  spaceSplitLength,
  withoutPossessive,
} from '../../../lib/quotes/words';

/** Short strings of letters, stops and every kind of white space (and two that are not). */
function* strings(): Generator<string> {
  const alphabet = [
    'a',
    ' ',
    '\n',
    '\u00a0',
    '\u2003',
    '\u3000',
    '\ufeff',
    '.',
    '\u0085',
    '\u200b',
  ];
  let seed = 7;
  const rand = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let n = 0; n < 5000; n++) {
    let s = '';
    const len = Math.floor(rand() * 7);
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(rand() * alphabet.length)];
    yield s;
  }
}

describe('white space read by code', () => {
  it('counts and reads as the regexes it stands for do', () => {
    for (const s of strings()) {
      expect(spaceSplitLength(s)).toBe(s.split(/\s+/).length);
      expect(endsWithFullStop(s)).toBe(/\.\s*$/.test(s));
      expect(onlySpace(s, 0, s.length)).toBe(s.trim() === '');
      expect(endsPossessive(s)).toBe(/['’]s$/.test(s));
      expect(withoutPossessive(s)).toBe(s.replace(/['’]s$/, ''));
    }
  });
});
