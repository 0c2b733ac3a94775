import { describe, expect, it } from 'vitest';
import { findArticle } from '../../../../lib/dom/article';
import { relabelIntro } from '../../../../lib/dom/article/intro';
import { analyse } from '../../../../lib/dom/article/measure';
import type { ArticleBlock } from '../../../../lib/dom/article/types';
import { $, fixture, parse, textOf } from './fixture';

describe('intro between headline and body', () => {
  it('reads the standfirst, byline and lead caption set in a header beside the body', () => {
    const blocks = findArticle(fixture('header-beside-body'));
    const kinds = blocks.map((b) => [b.kind, textOf(b).slice(0, 24)]);
    const at = (kind: string) => kinds.findIndex(([k]) => k === kind);
    expect(kinds).toContainEqual(['headline', 'Orchard growers count th']);
    expect(kinds).toContainEqual(['standfirst', 'Apple and pear blossom w']);
    expect(kinds).toContainEqual(['byline', 'By Ines Harrow']);
    expect(kinds).toContainEqual(['caption', 'Frost-damaged blossom in']);
    expect(at('headline')).toBe(0);
    expect(kinds.map(([, text]) => text)).not.toContain('Farming');
    expect(at('headline')).toBeLessThan(at('standfirst'));
    const body = kinds.findIndex(([, text]) => text?.startsWith('Temperatures fell'));
    expect(at('standfirst')).toBeLessThan(body);
    expect(at('caption')).toBeLessThan(body);
    expect(blocks.filter((b) => b.kind === 'paragraph').at(-1)?.element.textContent).toMatch(
      /^The growers' association/,
    );
  });
});

describe('relabelIntro', () => {
  it('makes a long heading before the body the standfirst, and a short "standfirst" a heading', () => {
    const long = 'A long heading that the site set in an h2 above the body of its story';
    const doc = parse(
      `<body><h2 id="a">${long}</h2><p class="standfirst" id="b">Key points</p><p id="c">Body.</p><h2 id="d">${long}</h2></body>`,
    );
    const a = analyse(doc.documentElement);
    const blocks: ArticleBlock[] = [
      { element: $(doc, '#a'), kind: 'heading' },
      { element: $(doc, '#b'), kind: 'standfirst' },
      { element: $(doc, '#c'), kind: 'paragraph' },
      { element: $(doc, '#d'), kind: 'heading' },
    ];
    expect(relabelIntro(blocks, a).map((b) => b.kind)).toEqual([
      'standfirst',
      'heading',
      'paragraph',
      'heading',
    ]);
  });
});
