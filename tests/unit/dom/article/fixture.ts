import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import type { ArticleBlock } from '../../../../lib/dom/article';

const FIXTURES = join(__dirname, '../../../fixtures/article');

/** A page as the CLI reads it (linkedom). */
export function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** tests/fixtures/article/NAME/page.html, parsed. */
export function fixture(name: string): Document {
  return parse(readFileSync(join(FIXTURES, name, 'page.html'), 'utf8'));
}

/** The first element matching `selector`, or a failed test. */
export function $(doc: Document | Element, selector: string): Element {
  const el = doc.querySelector(selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
}

export function textOf(b: ArticleBlock): string {
  const raw = b.nodes ? b.nodes.map((n) => n.textContent ?? '').join('') : b.element.textContent;
  return (raw ?? '').replace(/\s+/g, ' ').trim();
}
