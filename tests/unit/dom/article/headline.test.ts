import { describe, expect, it } from 'vitest';
import { chooseHeadline } from '../../../../lib/dom/article/headline';
import { analyse } from '../../../../lib/dom/article/measure';
import { $, fixture, parse } from './fixture';

const BODY = '<p>Body text of the story, long enough to count as a paragraph of prose.</p>';

describe('headline', () => {
  it("takes the heading that matches the page's declared title over the site name", () => {
    const doc = fixture('header-beside-body');
    const a = analyse(doc.documentElement);
    expect(chooseHeadline(doc, a, [$(doc, '.story-body')])?.className).toBe('story-title');
  });

  it('matches an h2 to the title when no h1 does', () => {
    const doc = parse(
      `<html><head><title>Tide tables change | Site</title></head><body><h1>Site</h1><h2 id="t">Tide tables change</h2><div id="b">${BODY}</div></body></html>`,
    );
    const a = analyse(doc.documentElement);
    expect(chooseHeadline(doc, a, [$(doc, '#b')])?.id).toBe('t');
  });

  it('falls back to an h1 in the body, then to the last h1 before it', () => {
    const inside = parse(
      `<body><h1>Brand</h1><div id="b"><h1 id="h">Story</h1>${BODY}</div></body>`,
    );
    expect(chooseHeadline(inside, analyse(inside.documentElement), [$(inside, '#b')])?.id).toBe(
      'h',
    );
    const before = parse(
      `<body><h1>Brand</h1><h1 id="h">Story</h1><div id="b">${BODY}</div></body>`,
    );
    expect(chooseHeadline(before, analyse(before.documentElement), [$(before, '#b')])?.id).toBe(
      'h',
    );
  });

  it('never takes a heading inside dropped furniture', () => {
    const doc = parse(
      `<html><head><title>Most read</title></head><body><div class="sidebar"><h2>Most read</h2></div><div id="b">${BODY}</div></body></html>`,
    );
    expect(chooseHeadline(doc, analyse(doc.documentElement), [$(doc, '#b')])).toBeNull();
  });
});
