/** Titles and names in marks are not statements (GUIDELINES: "titles of books, films, …"). */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../lib/quotes/index';
import { rulesChooser } from '../../../lib/quotes/ranker';
import { modelOf, type Para } from './model';

const texts = (paras: Para[]) =>
  extractQuotes(modelOf(paras), { chooser: rulesChooser }).quotes.map((q) => q.text);

describe('titles in marks', () => {
  it('drops a short Title Case span the page names again: a game, a show, a product', () => {
    const out = texts([
      'The studio showed "Lantern Harbor Rising" to reviewers, Ada Morn said on Friday.',
      'Players of Lantern Harbor Rising can build their own docks, she said.',
    ]);
    expect(out).not.toContain('Lantern Harbor Rising');
  });

  it('drops the title each time it is quoted again', () => {
    const out = texts([
      'Critics loved "Glass Orchard Nights," said Priya Sen.',
      'Priya Sen said "Glass Orchard Nights" sold out in a week.',
    ]);
    expect(out.filter((t) => t.startsWith('Glass Orchard'))).toEqual([]);
  });

  it('keeps a Title Case statement the page writes once', () => {
    const out = texts(['"We Will Not Move," Mayor Ilse Brandt said on Monday.']);
    expect(out).toEqual(['We Will Not Move,']);
  });

  it('keeps words in sentence case even when the page repeats them', () => {
    const out = texts([
      '"We will rebuild the bridge," said Mayor Ilse Brandt.',
      'Her promise that we will rebuild the bridge was printed on every poster.',
    ]);
    expect(out).toContain('We will rebuild the bridge,');
  });

  it('keeps a repeated single capitalised word: a one-word reply is often real speech', () => {
    const out = texts([
      '"Never," said Ilse Brandt when asked about a second term.',
      'Never had a mayor been so blunt.',
    ]);
    expect(out).toContain('Never,');
  });
});
