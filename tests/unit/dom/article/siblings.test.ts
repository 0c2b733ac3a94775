import { describe, expect, it } from 'vitest';
import { chooseHeadline } from '../../../../lib/dom/article/headline';
import { analyse } from '../../../../lib/dom/article/measure';
import { chooseTopCandidate } from '../../../../lib/dom/article/scoring';
import { bodyUnderHeadline, joinSiblings } from '../../../../lib/dom/article/siblings';
import { fixture, parse } from './fixture';

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
