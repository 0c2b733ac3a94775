/**
 * How much room a block of text leaves for its labels (labels.ts BlockSpace): the empty page to
 * the left of its text column, and its line height. Layout reads only (getBoundingClientRect,
 * getComputedStyle), meant to run in the label layer's read batch, before any write.
 *
 * The margin is free where no other box sits beside the column at the block's height: the
 * column's siblings, and its ancestors' siblings up to the root (a left-hand rail, a share bar,
 * a floated picture), are checked for boxes reaching into that band. Their rects are cached per
 * parent for one batch, since the blocks of an article share most of their ancestors.
 */
import type { BlockSpace } from './labels';

/** How far left of the column the margin is looked at; wider margins add nothing. */
const SCAN_WIDTH = 240;
/** Siblings checked on each side of the path at one level (long article bodies). */
const SIBLING_WINDOW = 40;

export type RectCache = Map<Element, DOMRect>;

function rectOf(el: Element, cache: RectCache): DOMRect {
  let r = cache.get(el);
  if (!r) {
    r = el.getBoundingClientRect();
    cache.set(el, r);
  }
  return r;
}

/** The element whose left edge is the text column's: a list's own edge keeps its bullets clear. */
function columnOf(block: Element): Element {
  let col = block;
  for (
    let list = block.closest('ul,ol');
    list;
    list = list.parentElement?.closest('ul,ol') ?? null
  ) {
    col = list;
  }
  return col;
}

export function measureSpace(
  block: Element,
  origin: { left: number; top: number },
  cache: RectCache,
): BlockSpace {
  const rect = rectOf(block, cache);
  const col = columnOf(block);
  const colRect = rectOf(col, cache);
  const view = block.ownerDocument.defaultView;
  const cs = view?.getComputedStyle(block);
  const fontSize = Number.parseFloat(cs?.fontSize ?? '') || 16;
  const lh = Number.parseFloat(cs?.lineHeight ?? '');
  const lineHeight = Number.isFinite(lh) ? lh : fontSize * 1.2;
  const columnLeft = Math.min(colRect.left, rect.left);
  const bandLeft = columnLeft - SCAN_WIDTH;
  // The document's left edge (client coordinates) bounds the margin too.
  let limit = Math.max(bandLeft, -(view?.scrollX ?? 0));
  let blocked = false;
  for (let child: Element = col, parent = col.parentElement; parent && !blocked; ) {
    const siblings = parent.children;
    let at = 0;
    while (at < siblings.length && siblings[at] !== child) at++;
    const from = Math.max(0, at - SIBLING_WINDOW);
    const to = Math.min(siblings.length, at + SIBLING_WINDOW + 1);
    for (let i = from; i < to; i++) {
      const sib = siblings[i];
      if (!sib || sib === child) continue;
      const r = rectOf(sib, cache);
      if (r.width === 0 || r.height === 0) continue;
      if (r.bottom <= rect.top || r.top >= rect.bottom) continue;
      if (r.left >= columnLeft || r.right <= limit) continue;
      if (r.right > columnLeft) {
        blocked = true; // something lies over the column's own edge: no margin here
        break;
      }
      limit = r.right;
    }
    child = parent;
    parent = parent.parentElement;
  }
  return {
    columnLeft: columnLeft - origin.left,
    freeLeft: blocked ? 0 : Math.max(0, columnLeft - limit),
    top: rect.top - origin.top,
    right: rect.right - origin.left,
    lineHeight,
    marginTop: Number.parseFloat(cs?.marginTop ?? '') || 0,
  };
}
