import { describe, expect, it } from 'vitest';
import {
  buildNote,
  cleanTags,
  type Note,
  noteQuote,
  noteSelectors,
  noteTags,
  noteText,
  parseJsonLd,
  toJsonLd,
  toMarkdown,
  validateNote,
} from '../../../lib/notes/web-annotation';

const NOW = new Date('2026-03-04T05:06:07.000Z');

function sample(
  over: Partial<{ text: string; tags: string[]; speaker: string | null }> = {},
): Note {
  return buildNote({
    draft: {
      url: 'https://www.example.org/news/ferry?utm_source=x',
      title: 'Harbour council approves night ferry',
      text: over.text ?? 'Check the budget figures.\nSecond line.',
      tags: over.tags ?? ['budget', '#Ferry', 'budget '],
      speaker: over.speaker === undefined ? 'Olu Benning' : over.speaker,
      selectors: {
        quote: {
          type: 'TextQuoteSelector',
          exact: 'The money is there for one winter',
          prefix: 'was less sure. "',
          suffix: ', not for ten,"',
        },
        position: { type: 'TextPositionSelector', start: 120, end: 153 },
      },
    },
    source: 'https://www.example.org/news/ferry',
    now: NOW,
  });
}

describe('the note is a W3C Web Annotation', () => {
  it("has the model's required shape", () => {
    const n = sample();
    expect(n.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(n.type).toBe('Annotation');
    expect(n.motivation).toBe('commenting');
    expect(n.created).toBe(NOW.toISOString());
    expect(n.modified).toBe(NOW.toISOString());
    expect(n.body[0]).toEqual({
      type: 'TextualBody',
      value: 'Check the budget figures.\nSecond line.',
      purpose: 'commenting',
      format: 'text/plain',
    });
    expect(n.body.slice(1).map((b) => [b.purpose, b.value])).toEqual([
      ['tagging', 'budget'],
      ['tagging', 'Ferry'],
    ]);
    expect(n.target.source).toBe('https://www.example.org/news/ferry');
    expect(n.target.selector.map((s) => s.type)).toEqual([
      'TextQuoteSelector',
      'TextPositionSelector',
    ]);
    expect(n.quotelens).toEqual({
      speaker: 'Olu Benning',
      title: 'Harbour council approves night ferry',
      site: 'example.org',
      pageUrl: 'https://www.example.org/news/ferry?utm_source=x',
    });
  });

  it('accessors read text, tags, quote and selectors', () => {
    const n = sample();
    expect(noteText(n)).toBe('Check the budget figures.\nSecond line.');
    expect(noteTags(n)).toEqual(['budget', 'Ferry']);
    expect(noteQuote(n)).toBe('The money is there for one winter');
    expect(noteSelectors(n).position).toEqual({
      type: 'TextPositionSelector',
      start: 120,
      end: 153,
    });
  });

  it('cleanTags trims, drops #, empty and case-duplicates', () => {
    expect(cleanTags([' a ', '#b', 'A', '', '  ', 'two  words'])).toEqual(['a', 'b', 'two words']);
  });
});

describe('JSON-LD export and import', () => {
  it('round-trips every field through an AnnotationCollection', () => {
    const notes = [
      sample(),
      sample({ text: '<img src=x onerror=alert(1)>', tags: [], speaker: null }),
    ];
    const text = toJsonLd(notes, NOW);
    const doc = JSON.parse(text);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(doc.total).toBe(2);
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.first.items).toHaveLength(2);
    const back = parseJsonLd(text);
    expect(back).toEqual({ ok: true, notes, duplicates: 0 });
  });

  it('accepts an AnnotationPage, a bare array and a single annotation', () => {
    const n = sample();
    const one = { ok: true, notes: [n], duplicates: 0 };
    expect(parseJsonLd(JSON.stringify({ type: 'AnnotationPage', items: [n] }))).toEqual(one);
    expect(parseJsonLd(JSON.stringify([n]))).toEqual(one);
    expect(parseJsonLd(JSON.stringify(n))).toEqual(one);
  });

  it('accepts what other Web Annotation tools write (single body/selector, no purpose)', () => {
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'https://annotations.example.net/a/1',
      type: 'Annotation',
      created: '2025-01-02T03:04:05Z',
      body: { type: 'TextualBody', value: 'from elsewhere' },
      target: {
        source: 'https://example.org/x',
        selector: { type: 'TextQuoteSelector', exact: 'some words' },
      },
    };
    const r = parseJsonLd(JSON.stringify(foreign));
    if (!r.ok) throw new Error(r.error);
    const [n] = r.notes;
    expect(n && noteText(n)).toBe('from elsewhere');
    expect(n && noteSelectors(n).quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'some words',
      prefix: '',
      suffix: '',
    });
    expect(n?.modified).toBe('2025-01-02T03:04:05.000Z');
    expect(n?.quotelens.speaker).toBeNull();
    expect(n?.quotelens.site).toBe('example.org');
  });

  describe('rejects malformed files with a message naming the first bad record', () => {
    const good = sample();
    const wrap = (items: unknown[]) =>
      JSON.stringify({ type: 'AnnotationCollection', first: { type: 'AnnotationPage', items } });
    const bad = (patch: Record<string, unknown>) => ({
      ...JSON.parse(JSON.stringify(good)),
      ...patch,
    });

    it.each([
      ['not JSON', '{"type": "AnnotationCollection", ', /not valid JSON/],
      ['a JSON number', '42', /not a JSON object or array/],
      ['some other JSON', '{"hello": "world"}', /not Web Annotation JSON-LD/],
      ['a page without items', '{"type":"AnnotationPage"}', /no "items" array/],
      [
        'a collection whose pages are only linked',
        '{"type":"AnnotationCollection","first":"https://x/p1"}',
        /links to its pages/,
      ],
      ['a record without id', wrap([good, bad({ id: undefined })]), /record 2 has no "id"/],
      [
        'a record of another type',
        wrap([bad({ type: 'Person' })]),
        /record 1 .*"type" is not "Annotation"/,
      ],
      ['a record with a bad date', wrap([bad({ created: 'yesterday' })]), /record 1 .*"created"/],
      [
        'a record with an HTML body',
        wrap([bad({ body: [{ type: 'TextualBody', value: '<b>x</b>', format: 'text/html' }] })]),
        /text\/html/,
      ],
      ['a record without a comment', wrap([bad({ body: [] })]), /no comment body/],
      ['a record without target', wrap([bad({ target: undefined })]), /exactly one target/],
      [
        'a record whose source is not a web page',
        wrap([bad({ target: { source: 'javascript:alert(1)', selector: good.target.selector } })]),
        /http\(s\) URL/,
      ],
      [
        'a record without a quote selector',
        wrap([
          bad({
            target: {
              source: good.target.source,
              selector: [{ type: 'TextPositionSelector', start: 1, end: 2 }],
            },
          }),
        ]),
        /no TextQuoteSelector/,
      ],
      [
        'a record with negative positions',
        wrap([
          bad({
            target: {
              source: good.target.source,
              selector: [
                good.target.selector[0],
                { type: 'TextPositionSelector', start: 5, end: 2 },
              ],
            },
          }),
        ]),
        /TextPositionSelector/,
      ],
      [
        'a record with another motivation',
        wrap([bad({ motivation: 'bookmarking' })]),
        /motivation/,
      ],
    ])('%s', (_label, text, message) => {
      const r = parseJsonLd(text as string);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatch(message as RegExp);
    });
  });

  it('keeps the newest copy when a file holds one note twice (two exports joined)', () => {
    const n = sample();
    const newer = {
      ...n,
      modified: '2030-01-01T00:00:00.000Z',
      body: [{ ...n.body[0], value: 'newer' }],
    };
    for (const items of [
      [n, newer],
      [newer, n],
    ]) {
      const r = parseJsonLd(JSON.stringify(items));
      if (!r.ok) throw new Error(r.error);
      expect(r.duplicates).toBe(1);
      expect(r.notes).toHaveLength(1);
      expect(r.notes[0] && noteText(r.notes[0])).toBe('newer');
    }
  });

  it('validateNote names the id of a bad record in the import message', () => {
    const r = parseJsonLd(JSON.stringify([{ id: 'urn:uuid:1234', type: 'Annotation' }]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('record 1 (urn:uuid:1234)');
    expect(validateNote(null)).toEqual({ ok: false, error: 'is not an object' });
  });
});

describe('Markdown export', () => {
  it('groups by article and shows quote, speaker, text and tags, escaping markup', () => {
    const md = toMarkdown(
      [sample(), sample({ text: 'Ask about *winter* <script>', tags: ['x'] })],
      NOW,
    );
    expect(md).toContain('# QuoteLens notes');
    expect(md).toContain('Exported 2026-03-04T05:06:07.000Z · 2 notes');
    expect(md.match(/^## /gm)).toHaveLength(1);
    expect(md).toContain('## Harbour council approves night ferry');
    expect(md).toContain('> The money is there for one winter — Olu Benning');
    expect(md).toContain('Ask about \\*winter\\* \\<script\\>');
    expect(md).toContain('Tags: #budget #Ferry');
    expect(md).toContain('Check the budget figures.\nSecond line.');
  });
});

describe('Markdown export of a hostile source URL (issue 14)', () => {
  it('percent-encodes the URL so no renderer reads markup into it', async () => {
    const { markdownUrl, toMarkdown, buildNote } = await import(
      '../../../lib/notes/web-annotation'
    );
    const evil = 'https://x.example/a> <img src=x onerror=alert(1)>';
    expect(markdownUrl(evil)).toBe(
      'https://x.example/a%3E%20%3Cimg%20src=x%20onerror=alert%281%29%3E',
    );
    const note = buildNote({
      draft: {
        url: 'https://x.example/a',
        title: 'T',
        text: 'n',
        selectors: { quote: { type: 'TextQuoteSelector', exact: 'w', prefix: '', suffix: '' } },
      },
      source: evil,
      now: new Date(0),
    });
    const md = toMarkdown([note], new Date(0));
    expect(md).not.toContain('<img');
    expect(md).toContain('<https://x.example/a%3E%20%3Cimg');
  });
});
