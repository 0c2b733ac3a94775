// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  type ArticleBlock,
  findArticle,
  findArticleTask,
  looksLikeArticle,
} from '../../../../lib/dom/article';
import { buildTextModel } from '../../../../lib/dom/text-model';

const PAGES = join(__dirname, '../../../fixtures/pages');
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

  it('does not overflow the stack on absurdly deep nesting', () => {
    const deep = `<html><body>${'<div>'.repeat(20000)}<p>Deep text that nobody could ever see on the page.</p>${'</div>'.repeat(20000)}</body></html>`;
    const doc = parseLinkedom(deep);
    expect(() => buildTextModel(findArticle(doc), doc)).not.toThrow();
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

describe('findArticle rules on short pages', () => {
  const prose = (n: number, word: string) =>
    Array.from(
      { length: n },
      (_, i) =>
        `<p>Paragraph ${i} about the ${word}, long enough to be read as running text by anyone.</p>`,
    ).join('');

  it('keeps a weakly named wrapper that holds the prose ("content-rail")', () => {
    const doc = parse(
      `<html><body><section class="content-rail"><div>${prose(8, 'harbour')}</div></section></body></html>`,
    );
    expect(summary(doc)).toHaveLength(8);
  });

  it('drops a weakly named box that is short or mostly links', () => {
    const doc = parse(`<html><body><div>${prose(6, 'harbour')}
      <div class="related-box"><p>A short teaser line of about forty characters.</p></div>
      </div></body></html>`);
    expect(
      summary(doc)
        .map((b) => b.text)
        .join(' '),
    ).not.toContain('teaser');
  });

  it('keeps inline elements whose class looks like furniture: they are words of the sentence', () => {
    const doc = parse(`<html><body><div>${prose(5, 'harbour')}
      <p>The mayor visited <a class="tag-link" href="/t">the harbour</a> and <span class="share">smiled</span> at the crews.</p>
      </div></body></html>`);
    expect(summary(doc).at(-1)?.text).toBe(
      'The mayor visited the harbour and smiled at the crews.',
    );
  });

  it('reads a page whose wrapper is aria-hidden behind an open dialog, but not hidden decoration', () => {
    const doc = parse(`<html><body>
      <div id="page" aria-hidden="true"><main>${prose(20, 'harbour')}
        <p>The mayor spoke. <span aria-hidden="true">★</span> Then she left the quay for the day.</p>
        <div aria-hidden="true"><p>A decorative duplicate of a teaser, hidden from readers.</p></div>
      </main></div>
      <div role="dialog"><p>We value your privacy and would like your consent to use cookies.</p></div>
      </body></html>`);
    const blocks = summary(doc);
    expect(blocks.length).toBeGreaterThanOrEqual(20);
    const all = blocks.map((b) => b.text).join(' ');
    expect(all).not.toContain('decorative duplicate');
    expect(all).not.toContain('consent');
  });

  it('leaves out code listings and reference lists', () => {
    const doc = parse(`<html><body><div>${prose(6, 'parser')}
      <pre>print("hello, world")</pre>
      <ol class="references"><li>Roe, J. "A paper about parsers". Journal, 2020.</li></ol>
      </div></body></html>`);
    const all = summary(doc)
      .map((b) => b.text)
      .join(' ');
    expect(all).not.toContain('hello, world');
    expect(all).not.toContain('A paper about parsers');
  });

  it('reads a long heading before the body as the standfirst, and a credit line as a byline', () => {
    const doc = parse(`<html><head><title>Ferry fares double</title></head><body><article>
      <h1>Ferry fares double</h1>
      <h2>The operator blames fuel prices and an ageing fleet for the steepest rise in decades</h2>
      <p>Photo: Estuary Post</p>
      ${prose(6, 'ferry')}</article></body></html>`);
    const kinds = summary(doc).map((b) => b.kind);
    expect(kinds.slice(0, 4)).toEqual(['headline', 'standfirst', 'byline', 'paragraph']);
  });
});

describe('findArticle: headline and short lines', () => {
  const body = Array.from(
    { length: 6 },
    (_, i) =>
      `<p>Body paragraph ${i} of the council story, long enough to count as running text.</p>`,
  ).join('');

  it('takes the heading that matches the page title, over an h1 that names the section', () => {
    const doc = parse(`<html><head><title>Council approves the harbour budget | Post</title>
      <meta property="og:title" content="The Post - latest news"></head><body>
      <h1>Local news centre</h1>
      <div class="story"><h2>Council approves the harbour budget</h2>${body}</div></body></html>`);
    const blocks = summary(doc);
    expect(blocks[0]).toEqual({ kind: 'headline', text: 'Council approves the harbour budget' });
    expect(blocks.filter((b) => b.kind === 'headline')).toHaveLength(1);
  });

  it('reads a headline set twice (splash and story) once', () => {
    const doc = parse(`<html><head><title>Council approves the budget</title></head><body>
      <section class="splash"><h1>Council approves the budget</h1></section>
      <article><h1>Council approves the budget</h1>${body}</article></body></html>`);
    const blocks = summary(doc);
    expect(blocks.filter((b) => b.text === 'Council approves the budget')).toHaveLength(1);
    expect(blocks[0]?.kind).toBe('headline');
  });

  it('reads bylines and date lines as bylines, and drops interface labels', () => {
    const doc = parse(`<html><head><title>Council approves the budget</title></head><body><article>
      <h1>Council approves the budget</h1>
      <p>By Jane Roe</p>
      <p>Updated: 3 May 2026 10:04 BST</p>
      <p>Share</p>
      ${body}
      <p>Comments are closed.</p>
      </article></body></html>`);
    const blocks = summary(doc);
    expect(blocks.slice(0, 3).map((b) => b.kind)).toEqual(['headline', 'byline', 'byline']);
    const all = blocks.map((b) => b.text);
    expect(all).not.toContain('Share');
    expect(all).not.toContain('Comments are closed.');
  });

  it('drops newsletter promos in the body but keeps news about a newsletter', () => {
    const doc = parse(`<html><body><article>${body}
      <p>Want more like this? Sign up for our weekly harbour newsletter.</p>
      <p>The newsletter, first sent in May, quoted the mayor at length.</p>
      </article></body></html>`);
    const all = summary(doc).map((b) => b.text);
    expect(all.join(' ')).not.toContain('Want more like this');
    expect(all).toContain('The newsletter, first sent in May, quoted the mayor at length.');
  });

  it('keeps a short sentence of the story that merely starts like a label', () => {
    const doc = parse(
      `<html><body><article>${body}<p>Share prices fell by a third.</p></article></body></html>`,
    );
    expect(summary(doc).at(-1)?.text).toBe('Share prices fell by a third.');
  });
});

describe('findArticle on a page of several stories', () => {
  const story = (topic: string, n: number) =>
    `<div class="story"><header><h1>The ${topic} story</h1></header><div class="story-body">${Array.from(
      { length: n },
      (_, i) =>
        `<p>Paragraph ${i} of the ${topic} story, with a comma, and a clause that runs on a while.</p>`,
    ).join('')}</div></div>`;

  it('reads the story the page is titled after, even when a later one is longer', () => {
    const doc =
      parse(`<html><head><title>The harbour story | Post</title></head><body><div class="feed">
      ${story('harbour', 5)}${story('bridge', 12)}${story('school', 4)}</div></body></html>`);
    const blocks = summary(doc);
    expect(blocks[0]).toEqual({ kind: 'headline', text: 'The harbour story' });
    expect(blocks).toHaveLength(6);
    expect(blocks.map((b) => b.text).join(' ')).not.toMatch(/bridge|school/);
  });
});

describe('findArticle block kinds', () => {
  const body = Array.from(
    { length: 6 },
    (_, i) =>
      `<p>Body paragraph ${i} of the ferry story, long enough to count as running text.</p>`,
  ).join('');

  it('names text beside a picture in a figure as a caption, whatever its tag', () => {
    const doc = parse(`<html><body><article>${body}
      <figure><img src="a.jpg" alt=""><span class="img-credit">The ferry at dawn. Photo: J. Roe</span></figure>
      <figure><img src="b.jpg" alt=""><div>The quay in winter.</div></figure>
      </article></body></html>`);
    const blocks = summary(doc);
    expect(blocks.find((b) => b.text.startsWith('The ferry at dawn'))?.kind).toBe('caption');
    expect(blocks.find((b) => b.text === 'The quay in winter.')?.kind).toBe('caption');
  });

  it('names a pull quote set in a plain div as a blockquote', () => {
    const doc = parse(`<html><body><article>${body}
      <div class="pull-quote">“We will not let the island be cut off.”</div></article></body></html>`);
    expect(summary(doc).at(-1)).toEqual({
      kind: 'blockquote',
      text: '“We will not let the island be cut off.”',
    });
  });
});

describe('findArticle on an old table-layout page', () => {
  it('reads long cells as paragraphs and short cells as other text', () => {
    const cell = (i: number) =>
      `<tr><td>Paragraph ${i} of a story laid out in a table, as old news sites did, with commas, clauses and all.</td></tr>`;
    const doc = parse(`<html><body><table><tr><td>Menu</td></tr>
      <tr><td><table>${[0, 1, 2, 3, 4].map(cell).join('')}<tr><td>12 May 1999</td></tr></table></td></tr>
      </table></body></html>`);
    const blocks = summary(doc);
    expect(blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(5);
    expect(blocks.find((b) => b.text === '12 May 1999')?.kind).toBe('byline');
    expect(blocks.map((b) => b.text)).not.toContain('Menu');
  });
});

describe('findArticleTask (the sliced path of the live page)', () => {
  it('yields when the slice is used up and finds the same blocks as findArticle', () => {
    const doc = parse(read('news-article.html'));
    const task = findArticleTask(doc, () => true);
    let yields = 0;
    let step = task.next();
    while (!step.done) {
      yields++;
      step = task.next();
    }
    expect(yields).toBeGreaterThan(1);
    const whole = findArticle(doc);
    expect(step.value.map((b) => [b.element, b.kind, b.nodes])).toEqual(
      whole.map((b) => [b.element, b.kind, b.nodes]),
    );
  });
});

describe('furniture dropped by name without reading it', () => {
  const prose = Array.from(
    { length: 6 },
    (_, i) => `<p>Paragraph ${i} of the story about the ferry, long enough to be read as text.</p>`,
  ).join('');

  it('drops a comments box whole, headings and quotes inside it too', () => {
    const doc = parse(`<html><head><title>The ferry returns</title></head><body><article>
      <h1>The ferry returns</h1>${prose}
      <div class="comments-list"><h2>Readers reply</h2><p>"I loved it," wrote a reader in a long comment here.</p></div>
      </article></body></html>`);
    const text = summary(doc)
      .map((b) => b.text)
      .join('\n');
    expect(text).not.toContain('Readers reply');
    expect(text).not.toContain('wrote a reader');
  });

  it('keeps a headline whose own class names page furniture ("sticky-nav-trigger")', () => {
    const doc = parse(`<html><head><title>The ferry returns</title></head><body><main>
      <h1 class="headline sticky-nav-trigger">The ferry returns</h1><div class="body">${prose}</div>
      </main></body></html>`);
    expect(summary(doc)[0]).toEqual({ kind: 'headline', text: 'The ferry returns' });
  });

  it('keeps a furniture-named wrapper that holds the h1, judged after reading it', () => {
    const doc = parse(`<html><head><title>The ferry returns</title></head><body>
      <div class="share-wrapper"><h1>The ferry returns</h1>${prose}</div></body></html>`);
    const blocks = summary(doc);
    expect(blocks[0]).toEqual({ kind: 'headline', text: 'The ferry returns' });
    expect(blocks.filter((b) => b.kind === 'paragraph')).toHaveLength(6);
  });
});
