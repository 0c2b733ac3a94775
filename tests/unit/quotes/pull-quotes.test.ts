import { describe, expect, it } from 'vitest';
import { repeats } from '../../../lib/quotes/pull-quotes';

const w = (s: string) => s.split(' ');

describe('repeats: a pull quote trims the words it repeats', () => {
  it('finds the words in order with a few left out', () => {
    expect(repeats(w('just under the door'), w('it is just creeping under the door now'), 1)).toBe(
      true,
    );
    expect(repeats(w('just under the door'), w('just under the door'), 0)).toBe(true);
  });

  it('refuses more cuts than allowed, other orders and longer pull quotes', () => {
    expect(repeats(w('just under the door'), w('just slowly creeping under the door'), 1)).toBe(
      false,
    );
    expect(repeats(w('under just the door'), w('just under the door'), 1)).toBe(false);
    expect(repeats(w('a b c d e'), w('a b c d'), 3)).toBe(false);
    expect(repeats([], w('a b'), 1)).toBe(false);
  });
});
