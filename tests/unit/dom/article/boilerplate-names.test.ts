import { describe, expect, it } from 'vitest';
import {
  furnitureByName,
  isEmbedToken,
  isIntrinsicSkip,
  isProtected,
  isPullQuote,
  isStateToken,
  withoutStateInfix,
} from '../../../../lib/dom/article/boilerplate-names';
import { tagOf } from '../../../../lib/dom/article/elements';
import { $, fixture, parse } from './fixture';
import { generated } from './generated-names';

const verdict = (el: Element) => furnitureByName(el, el.getAttribute('class'));
const skip = (el: Element) =>
  isIntrinsicSkip(el, tagOf(el), el.getAttribute('class'), el.getAttribute('role'));

describe('boilerplate by name', () => {
  const doc = fixture('furniture-names');

  it('is sure of newsletters, comments and share bars, by class, id or data-component', () => {
    expect(verdict($(doc, '.newsletter-box'))).toBe(2);
    expect(verdict($(doc, '#comments'))).toBe(2);
    expect(verdict($(doc, '[data-component]'))).toBe(2);
  });

  it('is only unsure of "related" boxes, which sites also use on content wrappers', () => {
    expect(verdict($(doc, '.related-stories'))).toBe(1);
    expect(verdict($(doc, '.related-content'))).toBe(1);
  });

  it('never reads a layout state or a longer word as furniture', () => {
    expect(verdict($(doc, '.has-sidebar'))).toBe(0);
    const other = parse(
      '<body><div class="commentary">a</div><div class="sharepoint-news">b</div><div class="relatedLinks">c</div></body>',
    );
    expect(verdict($(other, '.commentary'))).toBe(0);
    expect(verdict($(other, '.relatedLinks'))).toBe(1);
  });

  it('reads "with-", "has-" and "no-" inside a name as a layout state', () => {
    const other = parse(
      '<body><div class="content-with-sidebar-wrp">a</div><div class="sidebar-with-ads">b</div><div class="page_no_comments">c</div></body>',
    );
    expect(verdict($(other, '.content-with-sidebar-wrp'))).toBe(0);
    expect(verdict($(other, '.sidebar-with-ads'))).toBe(2);
    expect(verdict($(other, '.page_no_comments'))).toBe(0);
  });

  it("keeps an embedded post's wrapper, though its name says social", () => {
    const other = parse(
      '<body><div class="social-media-embed">a</div><div class="social-share">b</div></body>',
    );
    expect(verdict($(other, '.social-media-embed'))).toBe(0);
    expect(verdict($(other, '.social-share'))).toBe(2);
  });
});

describe('boilerplate by tag and role', () => {
  const doc = fixture('furniture-names');

  it('skips landmarks of page furniture and asides that are not pull quotes', () => {
    expect(skip($(doc, '[role="complementary"]'))).toBe(true);
    expect(skip($(doc, 'aside.pullquote'))).toBe(false);
    expect(isPullQuote($(doc, 'aside.pullquote'))).toBe(true);
    const other = parse('<body><nav>n</nav><aside>a</aside><footer>f</footer><p>p</p></body>');
    for (const tag of ['nav', 'aside', 'footer']) expect(skip($(other, tag))).toBe(true);
    expect(skip($(other, 'p'))).toBe(false);
  });

  it('protects the declared article and its body from judgement by name', () => {
    const other = parse(
      '<body><article class="comments">a</article><div itemprop="articleBody" class="share">b</div><div class="share">c</div></body>',
    );
    const prot = (el: Element) => isProtected(el, tagOf(el), el.getAttribute('role'));
    expect(prot($(other, 'article'))).toBe(true);
    expect(prot($(other, '[itemprop]'))).toBe(true);
    expect(prot($(other, 'div.share:not([itemprop])'))).toBe(false);
    for (const [itemprop, yes] of [
      ['ArticleBody', true],
      ['TEXT', true],
      ['reviewBody description', false],
    ] as const) {
      const el = parse(`<body><div itemprop="${itemprop}">x</div></body>`).querySelector('div');
      expect(el && prot(el), itemprop).toBe(yes);
    }
  });
});

describe('token tests: gated for speed, same meaning', () => {
  const STATE_PREFIX = /^(?:has|with|no|is|js|show|hide|l|u|t|theme|page|body|template|layout)-/;
  const EMBED_WORD = /(?:^|[-_])embed(?:ded)?(?:[-_]|$)/;
  const STATE_INFIX = /[-_](?:with|has|no|without)[-_][a-z0-9]+/g;
  const PARTS = [
    'has',
    'with',
    'without',
    'no',
    'none',
    'is',
    'js',
    'show',
    'hide',
    'l',
    'u',
    't',
    'theme',
    'page',
    'body',
    'template',
    'layout',
    'embed',
    'embedded',
    'sidebar',
    'share',
    'x2',
    '-',
    '_',
    '--',
  ];

  it('agrees with the patterns as written on every generated token', () => {
    let matched = 0;
    for (const t of generated(PARTS, 30000, 11)) {
      const hits = [STATE_PREFIX.test(t), EMBED_WORD.test(t)];
      expect(isStateToken(t), t).toBe(hits[0]);
      expect(isEmbedToken(t), t).toBe(hits[1]);
      expect(withoutStateInfix(t), t).toBe(t.replace(STATE_INFIX, ''));
      if (hits.some(Boolean)) matched++;
    }
    expect(matched).toBeGreaterThan(1000);
    expect(matched).toBeLessThan(27000);
  });
});
