import { describe, expect, it } from 'vitest';
import {
  type Anchor,
  CONTEXT_LENGTH,
  describeSpan,
  reanchor,
  reanchorAll,
  similarity,
} from '../../../lib/dom/anchor';

// An invented article, in the shape of TextModel.text (blocks joined by '\n').
const ARTICLE = [
  'Harbour council approves night ferry after long debate',
  'The council voted on Tuesday to run a ferry across the harbour after midnight.',
  '"We have waited eleven years for a boat that runs when the late shifts end," said Mara Quint, who chairs the dockworkers\' association.',
  'The treasurer, Olu Benning, was less sure. "The money is there for one winter, not for ten," he said.',
  'Residents of the north shore welcomed the plan. "Finally," said one. "Finally someone listened."',
  'A spokesperson for the ferry company said: "We will publish a timetable in March."',
].join('\n');

function spanOf(text: string, words: string, from = 0): [number, number] {
  const start = text.indexOf(words, from);
  if (start < 0) throw new Error(`fixture lacks: ${words}`);
  return [start, start + words.length];
}

function anchored(a: Anchor | undefined): { start: number; end: number; method: string } {
  if (a?.status !== 'anchored') throw new Error(`expected an anchor, got ${JSON.stringify(a)}`);
  return a;
}

describe('describeSpan', () => {
  it('keeps the exact words, 32 characters of context each side and the position', () => {
    const [s, e] = spanOf(ARTICLE, 'The money is there for one winter, not for ten,');
    const sel = describeSpan(ARTICLE, s, e);
    expect(sel.quote.exact).toBe('The money is there for one winter, not for ten,');
    expect(sel.quote.prefix).toBe(ARTICLE.slice(s - CONTEXT_LENGTH, s));
    expect(sel.quote.prefix).toHaveLength(32);
    expect(sel.quote.suffix).toBe(ARTICLE.slice(e, e + 32));
    expect(sel.position).toEqual({ type: 'TextPositionSelector', start: s, end: e });
  });

  it('clips context at the edges of the text', () => {
    const sel = describeSpan(ARTICLE, 0, 7);
    expect(sel.quote.prefix).toBe('');
    expect(sel.quote.exact).toBe('Harbour');
  });
});

describe('reanchor: exact', () => {
  it('finds the note on the unchanged article at the same place', () => {
    const [s, e] = spanOf(ARTICLE, 'a boat that runs when the late shifts end');
    const a = anchored(reanchor(ARTICLE, describeSpan(ARTICLE, s, e)));
    expect([a.start, a.end, a.method]).toEqual([s, e, 'exact']);
  });

  it('follows the words when text was inserted before them (position is only a hint)', () => {
    const [s, e] = spanOf(ARTICLE, 'The money is there for one winter');
    const sel = describeSpan(ARTICLE, s, e);
    const edited = ARTICLE.replace(
      'The council voted',
      'UPDATE: a correction was added.\nThe council voted',
    );
    const a = anchored(reanchor(edited, sel));
    expect(edited.slice(a.start, a.end)).toBe('The money is there for one winter');
    expect(a.start).toBeGreaterThan(s);
  });

  it('picks the right one of repeated words by their prefix and suffix', () => {
    // "Finally" occurs twice; the note is on the second.
    const first = ARTICLE.indexOf('Finally');
    const second = ARTICLE.indexOf('Finally', first + 1);
    const sel = describeSpan(ARTICLE, second, second + 'Finally'.length);
    const a = anchored(reanchor(ARTICLE, sel));
    expect(a.start).toBe(second);
    // …even when the position hint is wrong (text shifted) and points near the first one.
    const moved = {
      ...sel,
      position: { type: 'TextPositionSelector' as const, start: first, end: first + 7 },
    };
    expect(anchored(reanchor(ARTICLE, moved)).start).toBe(second);
  });

  it('is not thrown by restyled punctuation (curly quotes, dashes, no-break spaces)', () => {
    const before = 'The mayor said "No way" - twice. Then she left.';
    const after = 'The mayor said \u201cNo\u00a0way\u201d \u2013 twice. Then she left.';
    const at = before.indexOf('"No way" - twice');
    const a = anchored(reanchor(after, describeSpan(before, at, at + 16)));
    expect(a.method).toBe('exact');
    expect(after.slice(a.start, a.end)).toBe('\u201cNo\u00a0way\u201d \u2013 twice');
  });

  it('uses the position to break a tie between identical contexts', () => {
    const text = 'aaa yes bbb\naaa yes bbb\naaa yes bbb';
    const third = text.lastIndexOf('yes');
    const a = anchored(reanchor(text, describeSpan(text, third, third + 3)));
    expect(a.start).toBe(third);
  });
});

describe('reanchor: fuzzy (the article was edited)', () => {
  it('follows a quote whose wording was corrected slightly', () => {
    const [s, e] = spanOf(
      ARTICLE,
      'We have waited eleven years for a boat that runs when the late shifts end',
    );
    const sel = describeSpan(ARTICLE, s, e);
    const edited = ARTICLE.replace('eleven years', 'twelve years').replace(
      'late shifts',
      'late shift',
    );
    const a = anchored(reanchor(edited, sel));
    expect(a.method).toBe('fuzzy');
    const found = edited.slice(a.start, a.end);
    expect(found).toContain('We have waited twelve years');
    expect(found).toContain('when the late shift');
    expect(similarity(found, sel.quote.exact)).toBeGreaterThan(0.9);
  });

  it('follows a quote that moved to another paragraph and changed a word', () => {
    const [s, e] = spanOf(ARTICLE, 'We will publish a timetable in March.');
    const sel = describeSpan(ARTICLE, s, e);
    const lines = ARTICLE.split('\n');
    const last = (lines.pop() ?? '').replace('in March', 'in April');
    const edited = [lines[0], last, ...lines.slice(1)].join('\n');
    const a = anchored(reanchor(edited, sel));
    expect(edited.slice(a.start, a.end)).toMatch(/We will publish a timetable in April/);
  });
});

describe('reanchor: fuzzy without context (paragraph rewritten around the quote, and moved)', () => {
  it('still finds the lightly edited quote anywhere in the article', () => {
    const [s, e] = spanOf(
      ARTICLE,
      'We have waited eleven years for a boat that runs when the late shifts end',
    );
    const sel = describeSpan(ARTICLE, s, e);
    const lines = ARTICLE.split('\n');
    const rewritten =
      'Mara Quint, chair of the association, put it plainly: We have waited eleven long years for a boat that runs when late shifts end. Members cheered.';
    const edited = [lines[0], rewritten, lines[1], ...lines.slice(3)].join('\n');
    const a = anchored(reanchor(edited, sel));
    expect(a.method).toBe('fuzzy');
    expect(edited.slice(a.start, a.end)).toMatch(
      /^We have waited eleven long years for a boat that runs when late shifts end/,
    );
  });
});

describe('reanchor: orphaned (the text is gone — never attached to the wrong words)', () => {
  it('orphans a note whose sentence was removed', () => {
    const [s, e] = spanOf(ARTICLE, 'The money is there for one winter, not for ten,');
    const sel = describeSpan(ARTICLE, s, e);
    const edited = ARTICLE.replace(/The treasurer[^\n]*\n/, '');
    expect(reanchor(edited, sel).status).toBe('orphaned');
  });

  it('orphans a note whose sentence was rewritten beyond the similarity threshold', () => {
    const [s, e] = spanOf(ARTICLE, 'The money is there for one winter, not for ten,');
    const sel = describeSpan(ARTICLE, s, e);
    const edited = ARTICLE.replace(
      'The money is there for one winter, not for ten,',
      'Funding covers a single season and nothing beyond,',
    );
    const r = reanchor(edited, sel);
    expect(r.status).toBe('orphaned');
  });

  it('orphans a quote rewritten in place rather than jump to a look-alike elsewhere', () => {
    const quote = 'The money is there for one winter, not for ten,';
    const [s, e] = spanOf(ARTICLE, quote);
    const sel = describeSpan(ARTICLE, s, e);
    const edited = `${ARTICLE.replace(quote, 'We are funded through spring and then we shall see,')}\nEarlier he had said the money was there for one winter, not ten.`;
    expect(reanchor(edited, sel)).toEqual({ status: 'orphaned', reason: 'too-different' });
  });

  it('orphans a short quote that now occurs only in an unrelated sentence', () => {
    const text = 'The mayor said "no" to the bridge.\nOther news: the weather stays dry.';
    const at = text.indexOf('no');
    const sel = describeSpan(text, at, at + 2);
    const edited = 'The mayor has not decided on the bridge.\nOther news: no rain is expected.';
    expect(reanchor(edited, sel).status).toBe('orphaned');
  });

  it('does not attach a whole-word quote to part of another word', () => {
    const text = 'Asked about the plan, the minister said no. Then she left.';
    const at = text.indexOf('no.');
    const sel = describeSpan(text, at, at + 2);
    const edited = 'Asked about the plan, the minister said nothing. Then she left.';
    expect(reanchor(edited, sel).status).toBe('orphaned');
  });

  it('does not fuzzily match a very short quote', () => {
    const sel = describeSpan('He said "Never." and left.', 9, 15);
    expect(sel.quote.exact).toBe('Never.');
    expect(reanchor('He said, "Never." and left.', sel).status).toBe('anchored');
    expect(reanchor('He said "Never!" and left.', sel).status).toBe('orphaned');
  });

  it('orphans a quote on an empty page', () => {
    const [s, e] = spanOf(ARTICLE, 'Residents of the north shore');
    expect(reanchor('', describeSpan(ARTICLE, s, e)).status).toBe('orphaned');
  });
});

describe('reanchorAll', () => {
  it('maps every note id to its anchor', () => {
    const notes = [
      {
        id: 'a',
        selectors: describeSpan(ARTICLE, ...spanOf(ARTICLE, 'Finally someone listened.')),
      },
      { id: 'b', selectors: describeSpan(ARTICLE, ...spanOf(ARTICLE, 'was less sure')) },
    ];
    const edited = ARTICLE.replace('was less sure', 'had doubts');
    const result = reanchorAll(edited, notes);
    expect(result.get('a')?.status).toBe('anchored');
    expect(result.get('b')?.status).toBe('orphaned');
  });
});

describe('similarity', () => {
  it('is 1 for equal strings and falls with edits', () => {
    expect(similarity('abc', 'abc')).toBe(1);
    expect(similarity('abcd', 'abce')).toBe(0.75);
    expect(similarity('', 'x')).toBe(0);
  });
});
