import { describe, expect, it } from 'vitest';
import { looksLikeArticle } from '../../../../lib/dom/article/looks-like-article';
import { fixture, parse } from './fixture';

const LONG =
  '<p>A paragraph of running text, long enough to be part of a story that people read.</p>';

describe('looksLikeArticle', () => {
  it('believes a page that declares itself an article', () => {
    expect(
      looksLikeArticle(
        parse('<head><meta property="og:type" content="article"></head><body></body>'),
      ),
    ).toBe(true);
    expect(
      looksLikeArticle(
        parse(
          '<head><script type="application/ld+json">{"@type": "NewsArticle"}</script></head><body></body>',
        ),
      ),
    ).toBe(true);
    expect(looksLikeArticle(parse('<body><div class="entry-content"></div></body>'))).toBe(true);
    expect(looksLikeArticle(fixture('furniture-names'))).toBe(true);
  });

  it('takes four long paragraphs as an article, three as not', () => {
    expect(looksLikeArticle(parse(`<body>${LONG.repeat(4)}</body>`))).toBe(true);
    expect(looksLikeArticle(parse(`<body>${LONG.repeat(3)}</body>`))).toBe(false);
  });

  it('leaves a page of links alone', () => {
    const links = '<li><a href="/">A link to another page</a></li>'.repeat(30);
    expect(
      looksLikeArticle(
        parse(
          `<head><meta property="og:type" content="website"></head><body><ul>${links}</ul></body>`,
        ),
      ),
    ).toBe(false);
  });
});
