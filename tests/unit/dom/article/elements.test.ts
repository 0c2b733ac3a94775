import { describe, expect, it } from 'vitest';
import {
  classAndId,
  INLINE_TAGS,
  isHeadingTag,
  isPageRoot,
  tagOf,
} from '../../../../lib/dom/article/elements';
import { $, parse } from './fixture';

describe('elements', () => {
  const doc = parse(
    '<html><body><DIV class="a b" id="main"><H2>t</H2><span class="x">s</span></DIV></body></html>',
  );

  it('reads tags lower-case whatever the markup wrote', () => {
    expect(tagOf($(doc, 'div'))).toBe('div');
    expect(tagOf($(doc, 'h2'))).toBe('h2');
  });

  it('joins class and id into one string of names', () => {
    expect(classAndId($(doc, 'div'))).toBe('a b main');
    expect(classAndId($(doc, 'span'))).toBe('x');
    expect(classAndId($(doc, 'h2'))).toBe('');
  });

  it('knows headings, inline tags and the page root', () => {
    expect(['h1', 'h6'].every(isHeadingTag)).toBe(true);
    expect(['h7', 'hr', 'header', 'h'].some(isHeadingTag)).toBe(false);
    expect(INLINE_TAGS.has('a') && INLINE_TAGS.has('br') && INLINE_TAGS.has('img')).toBe(true);
    expect(INLINE_TAGS.has('div') || INLINE_TAGS.has('p')).toBe(false);
    expect(isPageRoot($(doc, 'body'))).toBe(true);
    expect(isPageRoot($(doc, 'div'))).toBe(false);
  });
});
