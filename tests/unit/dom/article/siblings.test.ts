import { describe, expect, it } from 'vitest';
import { findArticle } from '../../../../lib/dom/article';
import { chooseHeadline } from '../../../../lib/dom/article/headline';
import { analyse } from '../../../../lib/dom/article/measure';
import { chooseTopCandidate } from '../../../../lib/dom/article/scoring';
import {
  bodyUnderHeadline,
  headlineArticle,
  joinSiblings,
} from '../../../../lib/dom/article/siblings';
import { $, fixture, parse, textOf } from './fixture';

describe('sibling join', () => {
  it('joins a neighbouring paragraph of prose, but not a short link', () => {
    const doc = parse(
      `<body><div id="wrap"><div id="main">${'<p>Body text of the story, with commas, long enough to count as a paragraph here.</p>'.repeat(4)}</div><p id="tail">A closing paragraph set outside the main container, long enough to read as prose.</p><p id="link"><a href="/x">Next story</a></p></div></body>`,
    );
    const a = analyse(doc.documentElement);
    const chosen = chooseTopCandidate(a);
    if (!chosen) throw new Error('no candidate');
    const ids = joinSiblings(chosen.top, a, chosen.scores).map((e) => e.id);
    expect(ids).toContain('main');
    expect(ids).toContain('tail');
    expect(ids).not.toContain('link');
  });
});

describe('the story under the headline', () => {
  it("on a feed, moves to the body under the page's headline", () => {
    const doc = fixture('two-stories');
    const a = analyse(doc.documentElement);
    const chosen = chooseTopCandidate(a);
    if (!chosen) throw new Error('no candidate');
    // The longer first story scores best…
    expect(chosen.top.textContent).toContain('central library');
    const content = joinSiblings(chosen.top, a, chosen.scores);
    const headline = chooseHeadline(doc, a, content);
    expect(headline?.textContent).toBe('Night buses return to the harbour route');
    // …but the page is the second one's.
    const story = headline && bodyUnderHeadline(headline, content, a, chosen.scores);
    expect(story?.textContent).toContain('harbour route from Friday');
    expect(story?.textContent).not.toContain('central library');
  });
});

describe("the headline's own <article>", () => {
  it('is the story when teasers beside it are <article>s too', () => {
    const doc = fixture('story-among-teasers');
    const a = analyse(doc.documentElement);
    const story = $(doc, 'article');
    expect(headlineArticle($(doc, 'h1'), [$(doc, '#primary')], a)).toBe(story);
    const texts = findArticle(doc).map(textOf);
    expect(texts[0]).toBe('Only those who love themselves');
    expect(texts.join(' ')).not.toMatch(/Courage|Gratitude|united family/);
  });

  it('is not narrowed to when it holds the headline alone', () => {
    const doc = parse(
      `<body><div id="c"><article><h1>Headline only</h1></article><div>${'<p>Body text of the story, long enough to count as a paragraph of prose here.</p>'.repeat(4)}</div><article><p>Another story</p></article></div></body>`,
    );
    const a = analyse(doc.documentElement);
    expect(headlineArticle($(doc, 'h1'), [$(doc, '#c')], a)).toBeNull();
  });
});
