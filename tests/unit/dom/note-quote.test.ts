import { describe, expect, it } from 'vitest';
import { quoteAt } from '../../../lib/dom/note-quote';

const quotes = [
  { id: 0, start: 10, end: 60 },
  { id: 1, start: 100, end: 110 },
];

describe('quoteAt', () => {
  it('matches a note on exactly a statement', () => {
    expect(quoteAt(quotes, { start: 10, end: 60 })?.id).toBe(0);
  });
  it('still matches when the engine draws the statement a little wider or narrower', () => {
    expect(quoteAt(quotes, { start: 12, end: 60 })?.id).toBe(0);
    expect(quoteAt(quotes, { start: 8, end: 62 })?.id).toBe(0);
  });
  it('leaves a few words inside a long statement as a passage note', () => {
    expect(quoteAt(quotes, { start: 20, end: 30 })).toBeNull();
  });
  it('leaves a passage spanning a short statement and its context as a passage note', () => {
    expect(quoteAt(quotes, { start: 90, end: 120 })).toBeNull();
  });
  it('finds nothing where there is no statement', () => {
    expect(quoteAt(quotes, { start: 70, end: 90 })).toBeNull();
    expect(quoteAt([], { start: 0, end: 5 })).toBeNull();
  });
});
