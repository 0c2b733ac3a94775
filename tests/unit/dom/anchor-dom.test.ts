// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { reanchor, selectorsFromRange } from '../../../lib/dom/anchor';
import type { ArticleBlock } from '../../../lib/dom/article';
import { buildTextModel, rangeFromOffsets } from '../../../lib/dom/text-model';

function page(html: string) {
  document.body.innerHTML = html;
  const blocks: ArticleBlock[] = [...document.querySelectorAll('h1, p')].map((element) => ({
    element,
    kind: element.tagName === 'H1' ? 'headline' : 'paragraph',
  }));
  return buildTextModel(blocks, document);
}

const HTML = `
  <h1>Night ferry approved</h1>
  <p>The treasurer was   less sure. "The money is <em>there</em> for one winter, not for ten," he said.</p>
  <p>"Finally," said one resident.</p>`;

describe("selectorsFromRange (a reader's selection → selectors)", () => {
  it('describes a selection that crosses inline markup, in text-model offsets', () => {
    const pt = page(HTML);
    const p = document.querySelectorAll('p')[0] as HTMLParagraphElement;
    const first = p.firstChild as Text; // 'The treasurer was   less sure. "The money is '
    const last = p.querySelector('em')?.nextSibling as Text; // ' for one winter, not for ten,"…'
    const range = document.createRange();
    range.setStart(first, first.data.indexOf('The money'));
    range.setEnd(last, last.data.indexOf(', not'));
    const sel = selectorsFromRange(pt, range);
    expect(sel?.quote.exact).toBe('The money is there for one winter');
    // White space is the model's: collapsed.
    expect(sel?.quote.prefix.endsWith('was less sure. "')).toBe(true);
    expect(sel?.quote.suffix.startsWith(', not for ten,"')).toBe(true);
    const pos = sel?.position;
    expect(pos && pt.model.text.slice(pos.start, pos.end)).toBe(
      'The money is there for one winter',
    );
    // …and the selectors find the same words again.
    expect(sel && reanchor(pt.model.text, sel)).toMatchObject({
      status: 'anchored',
      start: pos?.start,
    });
  });

  it('handles element-level boundaries (a whole paragraph selected) and trims white space', () => {
    const pt = page(HTML);
    const p = document.querySelectorAll('p')[1] as HTMLParagraphElement;
    const range = document.createRange();
    range.selectNodeContents(p);
    expect(selectorsFromRange(pt, range)?.quote.exact).toBe('"Finally," said one resident.');
  });

  it('round-trips with rangeFromOffsets', () => {
    const pt = page(HTML);
    const start = pt.model.text.indexOf('one winter');
    const range = rangeFromOffsets(pt.map, start, start + 'one winter'.length);
    expect(range && selectorsFromRange(pt, range)?.position).toEqual({
      type: 'TextPositionSelector',
      start,
      end: start + 10,
    });
  });

  it('returns null for a selection outside the article or of white space only', () => {
    const pt = page(`${HTML}<div id="side">Sidebar text</div>`);
    const side = document.getElementById('side')?.firstChild as Text;
    const range = document.createRange();
    range.setStart(side, 0);
    range.setEnd(side, 7);
    expect(selectorsFromRange(pt, range)).toBeNull();
    const p = document.querySelector('p')?.firstChild as Text;
    const blank = document.createRange();
    const gap = p.data.indexOf('   ');
    blank.setStart(p, gap);
    blank.setEnd(p, gap + 3);
    expect(selectorsFromRange(pt, blank)).toBeNull();
  });
});
