// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createHighlighter,
  dimName,
  FLASH_NAME,
  highlightName,
  type Mark,
  markDeclarations,
  WRAP_TAG,
} from '../../../lib/dom/highlight';
import { STATIC_SPEAKERS } from '../../../lib/dom/highlight-style';

const PAGE = `<article>
  <p id="a">Ms Vale said: "We will <em>rebuild</em> the pier by spring," and left.</p>
  <p id="b">He called it "a fair deal" and "long overdue".</p>
  <p id="c">"Outer words 'inner words' end," she said.</p>
</article>`;

function textRange(el: Element, needle: string): Range {
  // Finds `needle` across the element's text nodes and returns a Range over it.
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const all = nodes.map((n) => n.data).join('');
  const at = all.indexOf(needle);
  if (at < 0) throw new Error(`no ${needle}`);
  const point = (offset: number): [Text, number] => {
    let o = offset;
    for (const n of nodes) {
      if (o <= n.data.length) return [n, o];
      o -= n.data.length;
    }
    throw new Error('out of range');
  };
  const r = document.createRange();
  r.setStart(...point(at));
  r.setEnd(...point(at + needle.length));
  return r;
}

function mark(id: number, el: string, text: string, extra: Partial<Mark> = {}): Mark {
  return {
    id,
    range: textRange(document.getElementById(el)!, text),
    speakerId: 0,
    style: 'statement',
    nested: false,
    ...extra,
  };
}

beforeEach(() => {
  document.body.innerHTML = PAGE;
  document.adoptedStyleSheets = [];
});

describe('wrap fallback (no Highlight API)', () => {
  it('wraps statements, including across inline elements, in speaker-coloured custom elements', () => {
    const h = createHighlighter(document, { forceWrap: true });
    expect(h.mode).toBe('wrap');
    h.paint([mark(0, 'a', 'We will rebuild the pier by spring,')]);
    const wrappers = document.querySelectorAll(WRAP_TAG);
    expect(wrappers.length).toBe(3); // before <em>, inside it, after it
    expect([...wrappers].map((w) => w.textContent).join('')).toBe(
      'We will rebuild the pier by spring,',
    );
    expect(wrappers[0]!.getAttribute('data-ql')).toBe(highlightName(0, 'statement', false));
    expect(h.rangeOf(0)?.toString()).toBe('We will rebuild the pier by spring,');
  });

  it('clear() restores body.innerHTML exactly and keeps the page its own text nodes', () => {
    const before = document.body.innerHTML;
    const pa = document.getElementById('a')!;
    const firstText = pa.firstChild as Text;
    const h = createHighlighter(document, { forceWrap: true });
    h.paint([
      mark(0, 'a', 'We will rebuild the pier by spring,'),
      mark(1, 'b', 'a fair deal', { style: 'fragment' }),
      mark(2, 'b', 'long overdue', { style: 'fragment' }),
    ]);
    expect(document.body.innerHTML).not.toBe(before);
    h.clear();
    expect(document.body.innerHTML).toBe(before);
    expect(pa.firstChild).toBe(firstText);
    expect(firstText.data).toBe('Ms Vale said: "We will ');
    expect(document.querySelectorAll(WRAP_TAG).length).toBe(0);
  });

  it('nested quotes: the inner one wins where they overlap, in either painting order', () => {
    const before = document.body.innerHTML;
    for (const order of ['together', 'outer-first'] as const) {
      const h = createHighlighter(document, { forceWrap: true });
      const outer = mark(0, 'c', "Outer words 'inner words' end,");
      const inner = mark(1, 'c', 'inner words', { speakerId: 1, nested: true });
      if (order === 'together') h.paint([outer, inner]);
      else {
        h.paint([outer]);
        h.paint([mark(1, 'c', 'inner words', { speakerId: 1, nested: true })]);
      }
      const innerWrap = [...document.querySelectorAll(WRAP_TAG)].find(
        (w) => w.getAttribute('data-ql-id') === '1',
      );
      expect(innerWrap?.textContent).toBe('inner words');
      expect(innerWrap?.getAttribute('data-ql')).toBe(highlightName(1, 'statement', true));
      h.clear();
      expect(document.body.innerHTML).toBe(before);
    }
  });

  it('dims other speakers and flashes one statement, and undims again', () => {
    const h = createHighlighter(document, { forceWrap: true });
    h.paint([
      mark(0, 'a', 'We will rebuild the pier by spring,'),
      mark(1, 'b', 'a fair deal', { speakerId: 1 }),
    ]);
    h.dim((m) => m.speakerId === 1);
    const dimmed = [...document.querySelectorAll(`${WRAP_TAG}[data-dim]`)];
    expect(dimmed.length).toBe(3);
    expect(dimmed.every((w) => w.getAttribute('data-ql-id') === '0')).toBe(true);
    h.dim(null);
    expect(document.querySelectorAll(`${WRAP_TAG}[data-dim]`).length).toBe(0);
    h.flash(1, 10_000);
    expect(document.querySelector(`${WRAP_TAG}[data-flash]`)?.textContent).toBe('a fair deal');
    h.clear();
  });

  it('styles live in its own sheet, removed on clear', () => {
    const h = createHighlighter(document, { forceWrap: true });
    h.paint([mark(0, 'a', 'rebuild')]);
    const sheets = () =>
      document.adoptedStyleSheets.length +
      document.querySelectorAll('style[data-quotelens]').length;
    expect(sheets()).toBe(1);
    h.clear();
    expect(sheets()).toBe(0);
  });
});

/** A stand-in for CSS.highlights + Highlight, recording what is registered. */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

describe('Highlight API mode', () => {
  const registry = new Map<string, FakeHighlight>();
  const win = () => document.defaultView as unknown as Record<string, unknown>;
  let realCss: unknown;
  beforeEach(() => {
    registry.clear();
    realCss = win().CSS;
    Object.defineProperty(win(), 'Highlight', { value: FakeHighlight, configurable: true });
    Object.defineProperty(win(), 'CSS', {
      value: { highlights: registry },
      configurable: true,
      writable: true,
    });
  });
  afterEach(() => {
    delete win().Highlight;
    Object.defineProperty(win(), 'CSS', { value: realCss, configurable: true, writable: true });
  });

  it('never touches the page DOM: one Highlight per speaker and style, ranges added as is', () => {
    const before = document.body.innerHTML;
    const h = createHighlighter(document);
    expect(h.mode).toBe('highlight-api');
    h.paint([
      mark(0, 'a', 'We will rebuild the pier by spring,'),
      mark(1, 'b', 'a fair deal', { style: 'fragment' }),
      mark(2, 'c', 'inner words', { speakerId: 3, nested: true }),
      mark(3, 'c', 'Outer words', { speakerId: null }),
    ]);
    expect(document.body.innerHTML).toBe(before);
    expect([...registry.keys()].sort()).toEqual(
      [
        highlightName(0, 'statement', false),
        highlightName(0, 'fragment', false),
        highlightName(3, 'statement', true),
        highlightName(null, 'statement', false),
      ].sort(),
    );
    const nested = registry.get(highlightName(3, 'statement', true))!;
    const plain = registry.get(highlightName(0, 'statement', false))!;
    expect(nested.priority).toBeGreaterThan(plain.priority);
    expect(h.rangeOf(1)?.toString()).toBe('a fair deal');
    // The ::highlight rules go into one adopted sheet (happy-dom cannot parse them; Chromium
    // e2e checks the colours).
    expect(document.adoptedStyleSheets.length).toBe(1);
  });

  it('dim and flash use their own highlights above the speaker colours; clear removes all', () => {
    const h = createHighlighter(document);
    h.paint([mark(0, 'a', 'rebuild'), mark(1, 'b', 'a fair deal', { speakerId: 1 })]);
    h.dim((m) => m.speakerId === 1);
    expect(registry.get(dimName('light'))?.size).toBe(1);
    h.flash(1, 10_000);
    expect(registry.get(FLASH_NAME)?.size).toBe(1);
    expect(registry.get(FLASH_NAME)!.priority).toBeGreaterThan(
      registry.get(dimName('light'))!.priority,
    );
    h.dim(null);
    expect(registry.get(dimName('light'))?.size).toBe(0);
    h.clear();
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets.length).toBe(0);
  });

  it('with the static sheet, adds rules to the live page only for what that sheet lacks', () => {
    const paintWith = (speakerId: number | null, staticSheet: boolean) => {
      const h = createHighlighter(document, { staticSheet });
      h.paint([mark(0, 'a', 'rebuild', { speakerId })]);
      const adopted = document.adoptedStyleSheets.length;
      h.clear();
      return adopted;
    };
    // The static sheet styles the first speakers and the unknown one: the page is not restyled.
    expect(paintWith(0, true)).toBe(0);
    expect(paintWith(null, true)).toBe(0);
    // A speaker beyond its palette gets one sheet; without the static sheet every rule is added.
    expect(paintWith(STATIC_SPEAKERS, true)).toBe(1);
    expect(paintWith(0, false)).toBe(1);
  });

  it('marks painted after a dim are dimmed too (late content while "only this speaker")', () => {
    const h = createHighlighter(document);
    h.dim((m) => m.speakerId === 1);
    h.paint([mark(0, 'a', 'rebuild')]);
    expect(registry.get(dimName('light'))?.size).toBe(1);
    h.clear();
  });
});

describe('palette rules', () => {
  it('always set the text colour with the background, lighter and underlined for fragments', () => {
    for (const theme of ['light', 'dark'] as const) {
      const s = markDeclarations(2, 'statement', false, theme);
      const f = markDeclarations(2, 'fragment', false, theme);
      expect(s).toMatch(/background-color:[^;]+;color:[^;]+;/);
      expect(f).toMatch(/background-color:[^;]+;color:[^;]+;/);
      expect(f).toContain('underline dotted');
      expect(f).not.toBe(s);
    }
    expect(markDeclarations(null, 'statement', false, 'light')).toContain('0%');
  });
});
