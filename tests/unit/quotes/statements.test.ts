import { describe, expect, it } from 'vitest';
import { findQuoteSpans, spanText } from '../../../lib/quotes/marks';
import { classifySpan, isTitleCase } from '../../../lib/quotes/statements';
import { modelOf, type Para } from './model';

/** The class of the first quote span of the paragraphs. */
function kindOf(paras: Para[]): string | undefined {
  const m = modelOf(paras);
  const span = findQuoteSpans(m)[0];
  if (!span) return undefined;
  return classifySpan(
    m.text,
    span,
    spanText(m.text, span),
    isTitleCase(m.text, m.blocks[span.block]),
  ).kind;
}

describe('classifySpan', () => {
  it('tells a full statement from a fragment woven into the sentence', () => {
    expect(kindOf(['She said: "We will rebuild the school."'])).toBe('statement');
    expect(kindOf(['"We will rebuild the school," she said.'])).toBe('statement');
    expect(kindOf(['She called the plan "a slow disaster" on Monday.'])).toBe('fragment');
  });

  it('finds titles of works after a title noun', () => {
    expect(kindOf(['He wrote the book "Rivers of Salt" in 1990.'])).toBe('title');
    expect(kindOf(['The report "Roads at Risk" came out.'])).toBe('title');
  });

  it('finds nicknames and mentioned words', () => {
    expect(kindOf(['Boxer Jake "The Wall" Moss won.'])).toBe('nickname');
    expect(kindOf(['He hates the word "synergy" at work.'])).toBe('mention');
    expect(kindOf(['The so-called "experts" disagreed.'])).toBe('mention');
  });

  it('does not read "in her words" as a mentioned word', () => {
    expect(kindOf(['In her words, "The plan is dead."'])).toBe('statement');
  });

  it('marks a quoted modifier as scare-like, to be kept only with a cue', () => {
    const m = modelOf(['Commuters hate the "stop-start" traffic.']);
    const span = findQuoteSpans(m)[0];
    expect(span && classifySpan(m.text, span, spanText(m.text, span)).scareLike).toBe(true);
  });

  it('does not take a blockquote citation line for a quote', () => {
    expect(kindOf([{ text: '— Ada Brook, chemist', kind: 'blockquote' }])).toBe('signature');
  });

  it('knows a Title Case headline', () => {
    const m = modelOf([
      { text: 'Mayor Says Budget Plan Is Reckless', kind: 'headline' },
      'Body text here for the story.',
    ]);
    expect(isTitleCase(m.text, m.blocks[0])).toBe(true);
    expect(isTitleCase(m.text, m.blocks[1])).toBe(false);
  });
});
