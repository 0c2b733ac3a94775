// @vitest-environment happy-dom
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { ArticleBlock } from '../../../lib/dom/article';
import {
  buildTextModel,
  buildTextModelTask,
  domPointsFromOffsets,
  offsetFromDomPoint,
  rangeFromOffsets,
} from '../../../lib/dom/text-model';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

function must<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw new Error('expected a value');
  return value;
}

/** Every <p>, <h1>, <figcaption> of the body as a block, in order. */
function blocksOf(doc: Document): ArticleBlock[] {
  return Array.from(doc.body.querySelectorAll('h1, p, figcaption')).map((element) => ({
    element,
    kind:
      element.localName === 'h1' ? 'headline' : element.localName === 'p' ? 'paragraph' : 'caption',
  }));
}

function model(html: string) {
  const doc = parse(html);
  return { doc, ...buildTextModel(blocksOf(doc), doc) };
}

/** The same over the window's live document (happy-dom's Range works only there). */
function liveModel(bodyHtml: string) {
  document.body.innerHTML = bodyHtml;
  return { doc: document, ...buildTextModel(blocksOf(document), document) };
}

describe('buildTextModel', () => {
  it('collapses white space, trims blocks and joins them with one newline', () => {
    const { model: m } = model(`<html lang="en"><body>
      <h1>  The   headline\n  here </h1>
      <p>
        First\tparagraph,   over
        two lines.
      </p>
      <p>Second.</p></body></html>`);
    expect(m.text).toBe('The headline here\nFirst paragraph, over two lines.\nSecond.');
    expect(m.blocks).toEqual([
      { kind: 'headline', start: 0, end: 17 },
      { kind: 'paragraph', start: 18, end: 50 },
      { kind: 'paragraph', start: 51, end: 58 },
    ]);
    for (const b of m.blocks) expect(m.text.slice(b.start, b.end)).not.toMatch(/^\s|\s$|\n/);
  });

  it('decodes entities, reads <br> as a space and joins inline elements without adding spaces', () => {
    const { model: m } = model(
      '<body><p>Fish &amp; chips&nbsp;cost &pound;9<br>today, <a href="#">said</a> <em>the</em>ow<b>ner</b>.</p></body>',
    );
    expect(m.text).toBe('Fish & chips cost £9 today, said theowner.');
  });

  it('skips hidden, script, style and screen-reader-only text inside blocks', () => {
    const { model: m } =
      model(`<body><p>Visible<script>var x = "no";</script> text<style>p{}</style>
      <span hidden>hidden</span><span style="display:none">gone</span>
      <span class="visually-hidden">Image caption,</span> stays.</p></body>`);
    expect(m.text).toBe('Visible text stays.');
  });

  it('drops soft hyphens and zero-width spaces that would split words', () => {
    const { model: m } = model('<body><p>extra\u00adordinary\u200b words</p></body>');
    expect(m.text).toBe('extraordinary words');
  });

  it('leaves out blocks with no visible text, without an empty line', () => {
    const { model: m } = model(
      '<body><p>One.</p><p>  <span hidden>x</span> </p><p>Two.</p></body>',
    );
    expect(m.text).toBe('One.\nTwo.');
    expect(m.blocks).toHaveLength(2);
  });

  it('marks <q> elements as inline spans over their text', () => {
    const { model: m } = model(
      '<body><p>She said <q> we will <em>not</em> move </q> and left.</p><p><q>Again</q>.</p></body>',
    );
    expect(m.inline).toHaveLength(2);
    expect(m.inline.map((s) => m.text.slice(s.start, s.end))).toEqual([
      'we will not move',
      'Again',
    ]);
    expect(m.inline[0]?.kind).toBe('q');
  });

  it('takes the language from <html lang>', () => {
    expect(model('<html lang="fr-CA"><body><p>Bonjour.</p></body></html>').model.lang).toBe(
      'fr-CA',
    );
    expect(model('<html><body><p>Hello.</p></body></html>').model.lang).toBeUndefined();
    const og =
      '<html><head><meta property="og:locale" content="de_DE"></head><body><p>Hallo.</p></body></html>';
    expect(model(og).model.lang).toBe('de-DE');
  });

  it('reads a block given as a run of child nodes only', () => {
    const doc = parse('<body><div>Before the break.<br><br>After it.<p>Block.</p></div></body>');
    const div = must(doc.querySelector('div'));
    const nodes = Array.from(div.childNodes);
    const { model: m } = buildTextModel([
      { element: div, kind: 'paragraph', nodes: nodes.slice(0, 1) },
      { element: div, kind: 'paragraph', nodes: nodes.slice(3, 4) },
    ]);
    expect(m.text).toBe('Before the break.\nAfter it.');
  });
});

describe('offsets back to the DOM', () => {
  const html = `<p>The mayor said: "We will <a href="/x">rebuild   the <em>pier</em></a>
    this year.</p><p>Then, "before winter," she added.</p>`;

  it('gives a Range whose text is the quote, across links and emphasis', () => {
    const { model: m, map } = liveModel(html);
    const start = m.text.indexOf('We will');
    const end = m.text.indexOf(' this year.');
    const range = rangeFromOffsets(map, start, end);
    expect(range).not.toBeNull();
    expect(must(range).toString().replace(/\s+/g, ' ')).toBe('We will rebuild the pier');
    expect(must(range).startContainer.textContent).toContain('We will');
    expect(must(range).endContainer.textContent).toBe('pier');
  });

  it('spans two blocks, and a slice starting on the block separator starts in the next block', () => {
    const { model: m, map } = liveModel(html);
    const start = m.text.indexOf('this year');
    const end = m.text.indexOf(',"');
    const range = must(rangeFromOffsets(map, start, end));
    expect(range.toString().replace(/\s+/g, ' ')).toBe('this year.Then, "before winter');
    const nl = m.text.indexOf('\n');
    const points = must(domPointsFromOffsets(map, nl, nl + 5));
    expect(points.start.node.data.slice(points.start.offset)).toMatch(/^Then/);
    expect(points.start.node.data.slice(points.start.offset, points.end.offset)).toBe('Then');
  });

  it('maps every model character to the DOM character it came from', () => {
    const { model: m, map } = model(html);
    for (let i = 0; i < m.text.length; i++) {
      const ch = m.text.charAt(i);
      const p = domPointsFromOffsets(map, i, i + 1);
      if (ch === '\n') continue;
      expect(p).not.toBeNull();
      const domChar = must(p).start.node.data.charAt(must(p).start.offset);
      if (ch === ' ') expect(domChar).toMatch(/\s/);
      else expect(domChar).toBe(ch);
    }
  });

  it('returns null for empty or out-of-range slices', () => {
    const { map } = model(html);
    expect(rangeFromOffsets(map, 5, 5)).toBeNull();
    expect(rangeFromOffsets(map, -1, 3)).toBeNull();
    expect(rangeFromOffsets(map, 0, map.length + 1)).toBeNull();
  });

  it('turns a DOM position back into a model offset (for selections)', () => {
    const { doc, model: m, map } = model(html);
    const em = must(must(doc.querySelector('em')).firstChild);
    expect(offsetFromDomPoint(map, em, 0)).toBe(m.text.indexOf('pier'));
    const stranger = doc.createTextNode('not in the article');
    expect(offsetFromDomPoint(map, stranger, 0)).toBeNull();
  });

  it('works the same over a linkedom document (the CLI), without a live Range', () => {
    const doc = parseHTML(`<html><body>${html}</body></html>`).document as unknown as Document;
    const blocks = Array.from(doc.querySelectorAll('p')).map((element) => ({
      element,
      kind: 'paragraph' as const,
    }));
    const { model: m, map } = buildTextModel(blocks, doc);
    expect(m.text).toBe(model(`<body>${html}</body>`).model.text);
    const start = m.text.indexOf('pier');
    const points = must(domPointsFromOffsets(map, start, start + 4));
    expect(points.start.node.data).toBe('pier');
  });
});

/**
 * The white space rules one character at a time, as the model defines them: the builder reads
 * whole runs with native string operations and must give exactly this, offsets included.
 */
function referenceModel(blocks: Text[][]) {
  const ws = (c: number) =>
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000;
  const invisible = (c: number) => c === 0xad || c === 0x200b || c === 0x2060 || c === 0xfeff;
  let text = '';
  const segments: { start: number; node: Text; offsets: number[] }[] = [];
  let current: (typeof segments)[number] | null = null;
  const emit = (ch: string, node: Text | null, offset: number) => {
    const pos = text.length;
    text += ch;
    if (!node) current = null;
    else if (current && current.node === node && current.start + current.offsets.length === pos) {
      current.offsets.push(offset);
    } else {
      current = { start: pos, node, offsets: [offset] };
      segments.push(current);
    }
  };
  let blocksWithText = 0;
  for (const nodes of blocks) {
    let hasText = false;
    let pending: { node: Text; offset: number } | null = null;
    current = null;
    const needNewline = blocksWithText > 0;
    for (const node of nodes) {
      for (let i = 0; i < node.data.length; i++) {
        const c = node.data.charCodeAt(i);
        if (ws(c)) {
          if (hasText && !pending) pending = { node, offset: i };
        } else if (!invisible(c)) {
          if (!hasText) {
            if (needNewline) emit('\n', null, 0);
            hasText = true;
            pending = null;
          } else if (pending) {
            emit(' ', pending.node, pending.offset);
            pending = null;
          }
          emit(node.data.charAt(i), node, i);
        }
      }
    }
    if (hasText) blocksWithText++;
  }
  return { text, segments };
}

describe('white space runs read natively', () => {
  const pieces = ['ab', 'c', ' ', '  ', '\n', '\t ', '\u00a0', '\u200b', '\u00ad', ' \u200b ', 'é'];
  /** A small deterministic generator, so a failure can be replayed. */
  function random(seed: number) {
    let x = seed;
    return (n: number) => {
      x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
      return x % n;
    };
  }

  it('gives the same text, blocks and offsets as the character-by-character rules', () => {
    const next = random(7);
    for (let round = 0; round < 200; round++) {
      const doc = parse('<html><body></body></html>');
      const blocks: ArticleBlock[] = [];
      const nodes: Text[][] = [];
      for (let b = 0; b < 1 + next(3); b++) {
        const p = doc.createElement('p');
        const own: Text[] = [];
        for (let s = 0; s < 1 + next(3); s++) {
          let data = '';
          for (let k = 0; k < next(7); k++) data += pieces[next(pieces.length)];
          const span = doc.createElement('span');
          const t = doc.createTextNode(data);
          span.append(t);
          p.append(span);
          own.push(t);
        }
        doc.body.append(p);
        blocks.push({ element: p, kind: 'paragraph' });
        nodes.push(own);
      }
      const { model: m, map } = buildTextModel(blocks, doc);
      const ref = referenceModel(nodes);
      expect(m.text).toBe(ref.text);
      // The runs, read back one character at a time, are the reference's offsets.
      const perChar = (segs: { start: number; node: Text; offsets: number[] }[]) =>
        segs.flatMap((seg) => seg.offsets.map((o, k) => [seg.start + k, seg.node, o] as const));
      expect(
        perChar(
          map.segments.map((s) => ({
            start: s.start,
            node: s.node,
            offsets: Array.from({ length: s.length }, (_, k) => s.from + k),
          })),
        ),
      ).toEqual(perChar(ref.segments));
      // And each run is as long as it can be: no two runs could have been one.
      for (let k = 1; k < map.segments.length; k++) {
        const [a, c] = [map.segments[k - 1]!, map.segments[k]!];
        const joinable =
          a.node === c.node && a.start + a.length === c.start && a.from + a.length === c.from;
        expect(joinable).toBe(false);
      }
    }
  });
});

describe('buildTextModelTask', () => {
  it('yields between blocks when the slice is used up and builds the same model', () => {
    const doc = parse(
      `<body>${Array.from({ length: 6 }, (_, i) => `<p>Block ${i}, with <q>a quote</q> in it.</p>`).join('')}</body>`,
    );
    const blocks = blocksOf(doc);
    const task = buildTextModelTask(blocks, doc, () => true);
    let yields = 0;
    let step = task.next();
    while (!step.done) {
      yields++;
      step = task.next();
    }
    expect(yields).toBe(blocks.length - 1);
    const whole = buildTextModel(blocks, doc);
    expect(step.value.model).toEqual(whole.model);
    expect(step.value.map.segments).toEqual(whole.map.segments);
  });
});
