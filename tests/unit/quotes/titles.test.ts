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

describe('titles named by their place on the page or the words before them', () => {
  it('drops a list heading that is a quoted title with a price or a platform after it', () => {
    const out = texts([
      'Here are the games worth your money this month.',
      '“Harbor Lights Deluxe” ($25)',
      'A calm puzzle game about ships, and one of the best this year.',
      '“Stonefall” (PS4)',
      'A climbing game that is hard to put down.',
    ]);
    expect(out).not.toContain('Harbor Lights Deluxe');
    expect(out).not.toContain('Stonefall');
  });

  it('drops titles after "titles such as", and the title joined to the first by "and"', () => {
    const out = texts([
      'Her signs carry titles such as “You Sang Me Out of the Rain” and “The Night Was Long.”',
    ]);
    expect(out).toEqual([]);
  });

  it('drops a long title after the noun that names it, even with a small word left lowercase', () => {
    const out = texts([
      'In her book “A Garden Grown in Winter: The Quiet Lives that Endure in Cities,” Jo Ames wrote of neighbours who help.',
    ]);
    expect(out).toEqual([]);
  });

  it('keeps a statement that opens a paragraph and goes on in a sentence', () => {
    const out = texts(['“We Are Ready,” the coach, Lena Dorr, said before the final.']);
    expect(out).toEqual(['We Are Ready,']);
  });
});
