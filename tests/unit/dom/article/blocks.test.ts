import { describe, expect, it } from 'vitest';
import {
  BlockCollector,
  dropRepeats,
  isBylineName,
  isStandfirstName,
} from '../../../../lib/dom/article/blocks';
import { isPullQuoteName } from '../../../../lib/dom/article/boilerplate-names';
import { analyse } from '../../../../lib/dom/article/measure';
import { $, parse, textOf } from './fixture';
import { generated } from './generated-names';

function collect(html: string): { kind: string; text: string }[] {
  const doc = parse(`<body><div id="root">${html}</div></body>`);
  const c = new BlockCollector(analyse(doc.documentElement), null);
  c.collect($(doc, '#root'), null);
  return c.blocks.map((b) => ({ kind: b.kind, text: textOf(b) }));
}

describe('pass three: blocks and their kinds', () => {
  it('names captions, pull quotes, list items, bylines and headings', () => {
    const blocks = collect(
      '<h2>A heading</h2><p>A paragraph.</p><figure><img src="x"><figcaption>A caption</figcaption></figure>' +
        '<blockquote><p>A quoted post.</p></blockquote><ul><li>An item of a list</li></ul>' +
        '<p class="byline">Ines Harrow, Farming reporter</p><p><time>3 May 2026</time></p>',
    );
    expect(blocks).toEqual([
      { kind: 'heading', text: 'A heading' },
      { kind: 'paragraph', text: 'A paragraph.' },
      { kind: 'caption', text: 'A caption' },
      { kind: 'blockquote', text: 'A quoted post.' },
      { kind: 'list-item', text: 'An item of a list' },
      { kind: 'byline', text: 'Ines Harrow, Farming reporter' },
      { kind: 'byline', text: '3 May 2026' },
    ]);
  });

  it('leaves out lists of links, teaser paragraphs, code and interface labels', () => {
    const blocks = collect(
      '<ul><li><a href="/1">One story</a></li><li><a href="/2">Two story</a></li><li><a href="/3">Three story</a></li></ul>' +
        '<p><a href="/4">READ MORE: the other story of the day</a></p><pre>say("hello")</pre>' +
        '<p>Share</p><p>Sign up for our newsletter</p><p>The story goes on, in a paragraph long enough to outweigh the links above it by far.</p>',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph']);
    expect(blocks[0]?.text).toMatch(/^The story goes on/);
  });

  it('splits text set directly in a container at blank lines (<br><br>)', () => {
    const blocks = collect(
      'First paragraph, line one<br>line two<br><br>Second paragraph.<br><br><h3>Part two</h3>Third.',
    );
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'heading', 'paragraph']);
    expect(blocks[0]?.text).toBe('First paragraph, line oneline two');
  });

  it('reads short table cells as data and long ones as prose', () => {
    const long =
      'A long cell of running prose in a table layout, the way that old sites used to set their stories.';
    const blocks = collect(`<table><tr><td>12</td><td>${long}</td></tr></table>`);
    expect(blocks).toEqual([
      { kind: 'other', text: '12' },
      { kind: 'paragraph', text: long },
    ]);
  });
});

describe('repeated blocks', () => {
  it('leaves out a standfirst or caption set twice, but keeps paragraphs a page repeats', () => {
    const standfirst = 'A summary of the story that the page sets twice, once per screen size.';
    const step = 'Stir the sauce for two minutes over a low heat, then leave it to rest.';
    const doc = parse(
      `<body><div id="root"><p class="standfirst">${standfirst}</p><p class="summary">${standfirst}</p><p>${step}</p><p>Then the second part.</p><p>${step}</p></div></body>`,
    );
    const c = new BlockCollector(analyse(doc.documentElement), null);
    c.collect($(doc, '#root'), null);
    const kept = dropRepeats(c.blocks, analyse(doc.documentElement)).map(textOf);
    expect(kept.filter((t) => t === standfirst)).toHaveLength(1);
    expect(kept.filter((t) => t === step)).toHaveLength(2);
  });
});

/**
 * The kind patterns run only on names holding a word every match needs (most pages then never
 * compile them, cold). These hold the gated tests to exactly the patterns as written.
 */
describe('kind names: gated for speed, same meaning', () => {
  const STANDFIRST =
    /standfirst|(?:^|[-_\s])(?:dek|deck|summary|subtitle|sub-?headline|subhead|strapline|lede|lead-?in|intro|description|excerpt)(?:[-_\s]|$)/;
  const BYLINE =
    /byline|(?:^|[-_\s])(?:author|authors|dateline|credit|credits|attribution|date|dates|time|timestamp|published|updated|pubdate|meta|metadata)(?:[-_\s]|$)/;
  const PULLQUOTE = /pull-?quote|pullquote|(?:^|[-_\s])quote(?:[-_\s]|$)|blockquote/;
  const PARTS = [
    'standfirst',
    'dek',
    'deck',
    'summary',
    'subtitle',
    'sub',
    'headline',
    'subhead',
    'strapline',
    'lede',
    'lead',
    'in',
    'intro',
    'description',
    'excerpt',
    'byline',
    'author',
    'authors',
    'dateline',
    'credit',
    'credits',
    'attribution',
    'date',
    'dates',
    'time',
    'timestamp',
    'published',
    'updated',
    'pubdate',
    'meta',
    'metadata',
    'pull',
    'quote',
    'pullquote',
    'blockquote',
    'article',
    'body',
    'text',
    'css',
    'x1',
    '-',
    '_',
    ' ',
    '  ',
  ];
  it('agrees with the patterns as written on every generated name', () => {
    const all = generated(PARTS, 30000);
    let matched = 0;
    for (const n of all) {
      const hits = [STANDFIRST.test(n), BYLINE.test(n), PULLQUOTE.test(n)];
      expect(isStandfirstName(n), n).toBe(hits[0]);
      expect(isBylineName(n), n).toBe(hits[1]);
      expect(isPullQuoteName(n), n).toBe(hits[2]);
      if (hits.some(Boolean)) matched++;
    }
    expect(matched).toBeGreaterThan(all.length / 10);
    expect(matched).toBeLessThan(all.length * 0.9);
  });
});
