// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { type ArticleBlock, findArticle, looksLikeArticle } from '../../../lib/dom/article';

const PAGES = join(__dirname, '../../fixtures/pages');
const read = (name: string) => readFileSync(join(PAGES, name), 'utf8');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const parseLinkedom = (html: string) => parseHTML(html).document as unknown as Document;

function textOf(b: ArticleBlock): string {
  const raw = b.nodes ? b.nodes.map((n) => n.textContent ?? '').join('') : b.element.textContent;
  return (raw ?? '').replace(/\s+/g, ' ').trim();
}

function summary(doc: Document): { kind: string; text: string }[] {
  return findArticle(doc).map((b) => ({ kind: b.kind, text: textOf(b) }));
}

describe('findArticle on a news page with furniture', () => {
  const html = read('news-article.html');
  const blocks = summary(parse(html));
  const all = blocks.map((b) => b.text).join('\n');

  it('starts with the headline, then the standfirst', () => {
    expect(blocks[0]).toEqual({
      kind: 'headline',
      text: 'Harbour ferry fares to double, operator confirms',
    });
    expect(blocks[1]?.kind).toBe('standfirst');
    expect(blocks[1]?.text).toMatch(/^Islanders say the rise/);
  });

  it('keeps body paragraphs, captions, headings, pull quotes and embedded posts in reading order', () => {
    const kinds = blocks.map((b) => b.kind);
    expect(kinds).toContain('caption');
    expect(kinds).toContain('heading');
    const order = [
      'The morning crossing leaves the quay',
      'Return tickets on the Penhallow ferry',
      'Marta Quill, who chairs',
      'Gideon Farrow, told local radio',
      '“You are asking them to pay',
      'Council steps in',
      'The county council said',
      'Doubling the fare is not a price rise',
      'Ms Quill said the association',
    ].map((s) => all.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(blocks.find((b) => b.text.startsWith('“You are asking them'))?.kind).toBe('blockquote');
    expect(blocks.find((b) => b.text.includes('Doubling the fare'))?.kind).toBe('blockquote');
  });

  it('names the byline block as a byline, not a paragraph', () => {
    expect(blocks.find((b) => b.text.startsWith('By Olwen Brandt'))?.kind).toBe('byline');
  });

  it.each([
    ['cookie banner', 'We use cookies'],
    ['site navigation', 'Sport'],
    ['share tools', 'Share on social media'],
    ['inline teaser', 'READ MORE'],
    ['related stories', 'Island school fears'],
    ['newsletter box', 'morning briefing'],
    ['hidden paragraph', 'never shown'],
    ['display:none paragraph', 'Neither is this one'],
    ['comments', 'milking islanders'],
    ['most-read sidebar', 'Lifeboat crew'],
    ['footer', 'All rights reserved'],
    ['script', 'dataLayer'],
    ['style', 'clip: rect'],
  ])('leaves out the %s', (_what, text) => {
    expect(all).not.toContain(text);
  });

  it('does not mutate the document', () => {
    const doc = parse(html);
    const before = doc.documentElement.outerHTML;
    findArticle(doc);
    looksLikeArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('finds the same blocks over a linkedom document (the CLI) as in the browser DOM', () => {
    expect(summary(parseLinkedom(html))).toEqual(blocks);
  });
});

describe('findArticle on a blog post written with <br> line breaks', () => {
  const blocks = summary(parse(read('br-blog.html')));

  it('takes the post title as headline over the blog name', () => {
    expect(blocks[0]).toEqual({ kind: 'headline', text: 'Trois jours sur le canal' });
  });

  it('splits text at a blank line (<br><br>) into paragraphs, around inner headings', () => {
    expect(blocks.map((b) => b.kind)).toEqual([
      'headline',
      'paragraph',
      'paragraph',
      'heading',
      'paragraph',
      'paragraph',
    ]);
    expect(blocks[2]?.text).toMatch(/^La première étape.*pleut\. »$/);
  });

  it('leaves out the comments, the menu and the archive sidebar', () => {
    const all = blocks.map((b) => b.text).join('\n');
    expect(all).not.toContain('Magnifique récit');
    expect(all).not.toContain('Archives');
    expect(all).not.toContain('mai 2026');
  });
});

describe('findArticle on pages that are not articles', () => {
  it('finds nothing on a front page of teasers', () => {
    expect(findArticle(parse(read('front-page.html')))).toEqual([]);
  });

  it('finds nothing on an empty page and does not throw on a page without <body>', () => {
    expect(findArticle(parse('<!doctype html><title>x</title>'))).toEqual([]);
    expect(findArticle(parseLinkedom('<html><p>short</p></html>'))).toEqual([]);
  });

  it('reads every <body> when a lenient parser leaves more than one', () => {
    const doc = parseLinkedom(
      '<html><head></head><body></body><body><div><p>The only paragraph of this page is long enough to count as running text.</p></div></body></html>',
    );
    expect(summary(doc).map((b) => b.text)).toEqual([
      'The only paragraph of this page is long enough to count as running text.',
    ]);
  });
});

describe('looksLikeArticle', () => {
  it('trusts og:type article', () => {
    expect(looksLikeArticle(parse(read('news-article.html')))).toBe(true);
  });

  it('trusts JSON-LD NewsArticle', () => {
    const doc = parse(
      '<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"x"}</script></head><body></body></html>',
    );
    expect(looksLikeArticle(doc)).toBe(true);
  });

  it('accepts a page with enough running text and refuses a front page of teasers', () => {
    const para = `<p>${'A sentence of running prose that a reader would actually read. '.repeat(2)}</p>`;
    expect(looksLikeArticle(parse(`<html><body>${para.repeat(4)}</body></html>`))).toBe(true);
    expect(looksLikeArticle(parse(`<html><body>${para.repeat(2)}</body></html>`))).toBe(false);
    expect(looksLikeArticle(parse(read('front-page.html')))).toBe(false);
  });
});
