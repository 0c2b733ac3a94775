import { describe, expect, it } from 'vitest';
import { analyse } from '../../../../lib/dom/article/measure';
import { chooseTopCandidate } from '../../../../lib/dom/article/scoring';
import { $, fixture, parse } from './fixture';

const top = (doc: Document) => chooseTopCandidate(analyse(doc.documentElement))?.top ?? null;

describe('pass two: choosing the container', () => {
  it('takes the container of the body, above the parts it was split into', () => {
    const doc = fixture('split-body');
    const chosen = top(doc);
    expect(chosen?.contains($(doc, '.article-part'))).toBe(true);
    expect(chosen?.contains($(doc, '.article-part:last-of-type'))).toBe(true);
  });

  it('prefers prose over a longer block of links', () => {
    const links = Array.from(
      { length: 12 },
      (_, i) => `<li><a href="/${i}">Another story, number ${i}, with a long title</a></li>`,
    ).join('');
    const prose =
      '<p>A sentence of the story, with a comma, and another clause that runs on for a while.</p>'.repeat(
        4,
      );
    const doc = parse(
      `<body><ul class="list">${links}</ul><div class="story">${prose}</div></body>`,
    );
    expect(top(doc)?.getAttribute('class')).toBe('story');
  });

  it('finds no container on a page without paragraphs', () => {
    expect(top(parse('<body><div><a href="/">Home</a></div></body>'))).toBeNull();
  });
});

describe('a story set as text directly in a container', () => {
  it('scores the container itself, not its link-heavy parent', () => {
    const doc = fixture('text-in-body-div');
    expect(top(doc)?.className).toBe('story-col');
  });
});
