import { describe, expect, it } from 'vitest';
import { findArticle } from '../../../../lib/dom/article';
import { chooseScope } from '../../../../lib/dom/article/scope';
import { fixture, parse, textOf } from './fixture';

const para = (n: number) =>
  `<p>Paragraph ${n} of a story, long enough to count, with a comma, and a full stop at the end.</p>`;

describe('the native pre-pass (where pass one looks)', () => {
  it('measures the part of a page around its paragraphs, not the whole page', () => {
    const doc = fixture('story-in-a-big-page');
    const { roots, body } = chooseScope(doc);
    expect(roots).toHaveLength(1);
    const scope = roots[0] as Element;
    expect(scope.localName).not.toBe('html');
    expect(scope.querySelector('.story-body')).not.toBeNull();
    expect(scope.querySelector('h1')).not.toBeNull();
    expect(scope.querySelector('.teaser')).toBeNull();
    expect(body?.className).toBe('story-body');
  });

  it('finds the same article in the scope as over the whole page', () => {
    for (const name of ['story-in-a-big-page', 'post-among-comments']) {
      const doc = fixture(name);
      const scoped = findArticle(doc);
      const whole = findArticle(doc, { wholePage: true });
      expect(scoped.map((b) => [textOf(b), b.kind])).toEqual(whole.map((b) => [textOf(b), b.kind]));
      expect(scoped.length).toBeGreaterThan(2);
    }
  });

  it("takes the headline's box when the story is set in divs and paragraphs are comments", () => {
    const doc = fixture('post-among-comments');
    const { roots } = chooseScope(doc);
    expect(roots).toHaveLength(1);
    const scope = roots[0] as Element;
    expect(scope.querySelector('h1')).not.toBeNull();
    expect(scope.querySelector('.Comment')).toBeNull();
    const blocks = findArticle(doc);
    expect(blocks[0]?.kind).toBe('headline');
    expect(blocks.map(textOf).join(' ')).toContain('thirty years of light');
    const comment = doc.querySelector('.Comment p')?.textContent ?? '';
    expect(comment.length).toBeGreaterThan(25);
    expect(blocks.map(textOf).join(' ')).not.toContain(comment.slice(0, 40));
  });

  it('adds the headline as a root of its own when it sits apart from the body', () => {
    const doc = parse(
      `<html><head><title>A headline far from its body</title></head><body><div id="a"><div><div><div><h1 id="h">A headline far from its body</h1></div></div></div></div><div id="b"><div><div><div><div id="body">${[1, 2, 3, 4, 5, 6].map(para).join('')}</div></div></div></div></div><div id="c">${'<div><span>x</span></div>'.repeat(400)}</div></body></html>`,
    );
    const { roots } = chooseScope(doc);
    expect(roots).toHaveLength(2);
    const [head, body] = roots as [Element, Element];
    expect(head.querySelector('#h') && !head.querySelector('#body')).toBe(true);
    expect(body.querySelector('#body') && !body.querySelector('#c')).toBe(true);
    const blocks = findArticle(doc);
    expect(blocks[0]?.kind).toBe('headline');
    expect(blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(6);
  });

  it('measures the whole page when paragraphs are few, spread out, or missing', () => {
    // Text in divs, no headline matching the title.
    const divs = parse(
      `<html><body><div>${'<div>Some text set in a div, long enough to be read as a paragraph, with commas, too.</div>'.repeat(8)}</div></body></html>`,
    );
    expect(chooseScope(divs).roots.map((r) => r.localName)).toEqual(['html']);
    // Paragraphs spread over many boxes: no box holds most of them.
    const spread = parse(
      `<html><body>${[1, 2, 3, 4, 5, 6].map((n) => `<div class="box">${para(n)}</div>`).join('<hr>')}</body></html>`,
    );
    expect(chooseScope(spread).roots.map((r) => r.localName)).toEqual(['html']);
    expect(chooseScope(spread).body).toBeNull();
  });

  it('falls back to the whole page when the finder disagrees with the pre-pass', () => {
    // The paragraphs' box is a link list the finder throws away (pass one drops it by name).
    const doc = parse(
      `<html><head><title>t</title></head><body><div id="story">${'<div>Story text set in a div, long enough to be read as a paragraph, with commas, too, yes.</div>'.repeat(12)}</div><div><div><div class="newsletter">${[1, 2, 3, 4, 5, 6].map(para).join('')}</div></div></div>${'<i></i>'.repeat(50)}</body></html>`,
    );
    expect(chooseScope(doc).body?.className).toBe('newsletter');
    const blocks = findArticle(doc);
    expect(blocks.map(textOf).join(' ')).toContain('Story text');
    expect(blocks.map(textOf).join(' ')).not.toContain('Paragraph 1');
  });
});
