/**
 * What the finder reads off an element before deciding anything: its tag, whether it flows
 * inside a line, its class and id names. Shared by every pass.
 */
import { PHRASING_TAGS } from '../inline-tags';

/** Elements that flow inside a line of text; anything else starts a new block. */
export const INLINE_TAGS: ReadonlySet<string> = new Set([...PHRASING_TAGS, 'br', 'img', 'wbr']);

/**
 * Elements nested deeper than this are ignored (Chromium's HTML parser stops nesting at 512);
 * every recursive walk in lib/dom stays within it.
 */
export const MAX_DOM_DEPTH = 500;

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

export function tagOf(el: Element): string {
  return (el.localName || el.tagName || '').toLowerCase();
}

/**
 * Class and id as one lower-case string of names. Lower-case so the patterns matched against it
 * need no `i` flag: V8 compiles a case-insensitive pattern at several times the cost, and the
 * finder runs cold, compiling each pattern, on every page.
 */
export function classAndId(el: Element): string {
  const cls = el.getAttribute('class') || '';
  const id = el.getAttribute('id') || '';
  return (id ? `${cls} ${id}` : cls).toLowerCase();
}

export function isHeadingTag(tag: string): boolean {
  return (
    tag.length === 2 && tag[0] === 'h' && tag[1] !== undefined && tag[1] >= '1' && tag[1] <= '6'
  );
}

export function isPageRoot(el: Element): boolean {
  const tag = tagOf(el);
  return tag === 'body' || tag === 'html';
}

/**
 * How many elements `el` holds, counted natively (a browser answers `getElementsByTagName('*')`
 * without handing each element to script). linkedom does not match `*` there; its selector
 * engine does.
 */
export function countElements(el: Element): number {
  const n = el.getElementsByTagName('*').length;
  return n > 0 || !el.firstElementChild ? n : el.querySelectorAll('*').length;
}

/** The nearest element holding both `x` and `y` (either may hold the other), walked up by hand. */
export function commonAncestor(x: Element, y: Element): Element | null {
  const above = new Set<Element>();
  for (let e: Element | null = x; e; e = e.parentElement) above.add(e);
  for (let e: Element | null = y; e; e = e.parentElement) if (above.has(e)) return e;
  return null;
}
