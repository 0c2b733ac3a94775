import { describe, expect, it } from 'vitest';
import { analyse } from '../../../../lib/dom/article/measure';
import { orderOf } from '../../../../lib/dom/article/types';
import { $, fixture, parse } from './fixture';

describe('pass one: measuring the page', () => {
  it('counts visible characters, runs of white space once, and link text apart', () => {
    const doc = parse(
      '<body><p id="p">Two  words,\n\n and <a href="#">a link</a>, too.</p></body>',
    );
    const s = analyse(doc.documentElement).stats.get($(doc, '#p'));
    expect(s?.len).toBe('Two words, and a link, too.'.length);
    expect(s?.linkLen).toBe('a link'.length);
    expect(s?.links).toBe(1);
    expect(s?.commas).toBe(2);
    expect(s?.hasBlock).toBe(false);
    expect(s?.hasInlineText).toBe(true);
  });

  it('drops boilerplate subtrees by name, role and visibility, and keeps long prose in a "related" wrapper', () => {
    const doc = fixture('furniture-names');
    const a = analyse(doc.documentElement);
    const dropped = (sel: string) => a.stats.get($(doc, sel))?.dropped;
    for (const sel of [
      '.newsletter-box',
      '#comments',
      '[data-component]',
      '.related-stories',
      '[role="complementary"]',
      'p[hidden]',
      'p.sr-only',
      'p[style]',
    ]) {
      expect(dropped(sel), sel).toBe(true);
    }
    expect(dropped('.related-content')).toBe(false);
    expect(dropped('article')).toBe(false);
  });

  it('lists paragraphs long enough to score, but none inside dropped subtrees', () => {
    const doc = fixture('furniture-names');
    const a = analyse(doc.documentElement);
    const texts = a.paragraphs.map((p) => (p.textContent || '').trim().slice(0, 20));
    expect(texts).toContain('The town choir won f');
    expect(texts.some((t) => t.startsWith('Get the morning'))).toBe(false);
    expect(texts.some((t) => t.startsWith('What a wonderful'))).toBe(false);
  });

  it('keeps a subtree named as furniture when it holds the headline', () => {
    const doc = parse(
      '<body><div class="share-wrapper"><h1>A headline in a wrapper named for sharing</h1><p>Text of a story that sits beside its headline in the same wrapper.</p></div></body>',
    );
    const a = analyse(doc.documentElement);
    expect(a.stats.get($(doc, '.share-wrapper'))?.dropped).toBe(false);
    expect(a.headlines.map((h) => h.tagName.toLowerCase())).toEqual(['h1']);
  });

  it('numbers elements in document order', () => {
    const doc = parse('<body><div id="a"><p id="b">x</p></div><p id="c">y</p></body>');
    const a = analyse(doc.documentElement);
    const at = (id: string) => orderOf(a, $(doc, `#${id}`)) ?? -1;
    expect(at('a')).toBeLessThan(at('b'));
    expect(at('b')).toBeLessThan(at('c'));
  });
});
