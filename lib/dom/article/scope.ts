/**
 * Where to look: a native pre-pass that picks the part of the page pass one measures. Reaching
 * every node of a large page from the content script's isolated world costs more than the
 * finder's budget (each node gets its first wrapper there), while the article sits in a small
 * part of it. The browser's own queries (`getElementsByTagName`, `textContent`) find the
 * paragraphs without touching the rest; their scores, flowed to ancestors as pass two flows
 * them, point at the body, and pass one then measures only the subtree around it (and the
 * headline, where it sits apart). When the paragraphs say too little (the text is set in
 * `div`s or table cells, or they are spread all over the page), the whole page is measured.
 */
import { commonAncestor, countElements as countNow } from './elements';
import { headlineMatch } from './headline';

/** A paragraph shorter than this (characters of text, as `textContent` gives them) is no signal. */
const MIN_PARAGRAPH_CHARS = 25;
/** How many ancestors a paragraph's score reaches (as pass two's SCORE_ANCESTOR_LEVELS). */
const SCORE_ANCESTOR_LEVELS = 5;
/**
 * From the best candidate, this many ancestors up is measured: pass two compares the body with
 * its parent and grandparent, and pass three joins its siblings.
 */
const SCOPE_LEVELS = 3;
/** Climbing stops below a parent holding more than this many times the scope's elements. */
const MAX_SCOPE_GROWTH = 30;
/** How far up from the headline its header is measured, when it sits apart from the body. */
const HEADER_LEVELS = 4;
/** Paragraph text the best candidate must hold before the pre-pass trusts it. */
const MIN_SCOPE_PARAGRAPH_CHARS = 500;
/** ...and its share of all the page's paragraph text (else the text is spread all over). */
const MIN_SCOPE_PARAGRAPH_SHARE = 0.75;
/** ...and the scope, once climbed, this share of it (else the body is split in parts apart). */
const MIN_SCOPE_HOLDS_SHARE = 0.9;
/** Without paragraphs, text (any, white space included) the headline's container must hold. */
const MIN_SCOPE_TEXT_CHARS = 1000;
/** A scope holding more than this share of the page's elements saves nothing: the whole page. */
const MAX_SCOPE_ELEMENT_SHARE = 0.7;
/**
 * Paragraphs inside these are furniture whatever they say (pass one drops them by tag or name);
 * a comment thread's paragraphs would otherwise outweigh a short post.
 */
const FURNITURE_BOXES =
  'nav, footer, aside, header, form, dialog, [class*="comment" i], [id*="comment" i]';

const COMMA = /[,\uff0c\u3001\u060c]/g;

function isPageRoot(el: Element): boolean {
  const tag = el.localName;
  return tag === 'body' || tag === 'html';
}

/** What pass one measures. */
export interface Scope {
  /** Disjoint subtrees in document order: the page's root element, or the parts chosen. */
  roots: Element[];
  /**
   * The container the pre-pass takes for the body; null when it measures the whole page. If
   * the finder's choice in the scope lies elsewhere, the two disagree and the page is measured
   * whole after all (index.ts).
   */
  body: Element | null;
}

/**
 * The roots pass one measures: the whole page when the pre-pass cannot tell where the body is,
 * else the subtree around the body, and the headline when it sits outside that subtree.
 */
export function chooseScope(doc: Document): Scope {
  const root = doc.documentElement;
  if (!root) return { roots: [], body: null };
  const whole: Scope = { roots: [root], body: null };
  const paragraphs = doc.getElementsByTagName('p');

  const scores = new Map<Element, number>();
  const paragraphChars = new Map<Element, number>();
  let allChars = 0;
  const counted: [Element, number][] = [];
  const furnitureParents = new Map<Element, boolean>();
  for (const p of paragraphs) {
    const text = p.textContent || '';
    const len = text.trim().length;
    if (len < MIN_PARAGRAPH_CHARS) continue;
    // Asked once per parent: paragraphs come in runs (linkedom's closest is slow).
    const parent = p.parentElement;
    if (!parent) continue;
    let inFurniture = furnitureParents.get(parent);
    if (inFurniture === undefined) {
      inFurniture = parent.closest(FURNITURE_BOXES) !== null;
      furnitureParents.set(parent, inFurniture);
    }
    if (inFurniture) continue;
    allChars += len;
    counted.push([p, len]);
    const commas = text.match(COMMA);
    const score = 1 + (commas ? commas.length : 0) + Math.min(Math.floor(len / 100), 3);
    let anc: Element | null = parent;
    for (let level = 0; anc && level < SCORE_ANCESTOR_LEVELS; level++) {
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(anc, (scores.get(anc) ?? 0) + score / divider);
      paragraphChars.set(anc, (paragraphChars.get(anc) ?? 0) + len);
      anc = anc.parentElement;
    }
  }
  const headline = pageHeadline(doc);
  let best = bestCandidate(scores);
  const chars = best ? (paragraphChars.get(best) ?? 0) : 0;
  if (chars < MIN_SCOPE_PARAGRAPH_CHARS || chars < allChars * MIN_SCOPE_PARAGRAPH_SHARE) {
    // The paragraphs say too little. Where there are none to speak of (a post set in divs),
    // the headline says where the story is; otherwise they are spread out: the whole page.
    best = headline && allChars < MIN_SCOPE_PARAGRAPH_CHARS ? textAround(headline) : null;
  }
  if (!best) return whole;

  const sizes = new Map<Element, number>();
  const countElements = (el: Element): number => {
    let n = sizes.get(el);
    if (n === undefined) {
      n = countNow(el);
      sizes.set(el, n);
    }
    return n;
  };
  const limit = countElements(root) * MAX_SCOPE_ELEMENT_SHARE;
  const scope = climb(best, SCOPE_LEVELS, limit, null, countElements);
  // Paragraphs left outside (a body split in parts the climb did not join): the whole page.
  if (allChars >= MIN_SCOPE_PARAGRAPH_CHARS) {
    let inside = 0;
    for (const [p, len] of counted) if (holds(scope, p)) inside += len;
    if (inside < allChars * MIN_SCOPE_HOLDS_SHARE) return whole;
  }
  const roots = [scope];
  const head = headline ?? h1Before(doc, scope);
  if (head && !holds(scope, head)) {
    const joint = commonAncestor(scope, head);
    if (joint && !isPageRoot(joint) && countElements(joint) <= limit) roots[0] = joint;
    else {
      // The header around the headline (kicker, standfirst, byline), as far as it stays apart.
      const header = climb(head, HEADER_LEVELS, limit - countElements(scope), scope, countElements);
      if (precedes(header, scope)) roots.unshift(header);
      else roots.push(header);
    }
  }
  let elements = 0;
  for (const r of roots) elements += countElements(r) + 1;
  if (elements > limit) return whole;
  return { roots, body: best };
}

/**
 * Up from `el` at most `levels` ancestors, below the page's body, while the parent stays under
 * `limit` elements, is not many times the size (it holds the rest of the page: comments, feeds),
 * and does not hold `apart`.
 */
function climb(
  el: Element,
  levels: number,
  limit: number,
  apart: Element | null,
  countElements: (el: Element) => number,
): Element {
  let size = countElements(el);
  for (let i = 0; i < levels; i++) {
    const parent = el.parentElement;
    if (!parent || isPageRoot(parent) || (apart && holds(parent, apart))) break;
    const parentSize = countElements(parent);
    if (parentSize > limit || parentSize > (size + 1) * MAX_SCOPE_GROWTH) break;
    el = parent;
    size = parentSize;
  }
  return el;
}

/** The best-scoring container below the page's body. */
function bestCandidate(scores: Map<Element, number>): Element | null {
  let best: Element | null = null;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore && !isPageRoot(el)) {
      bestScore = score;
      best = el;
    }
  }
  return best;
}

/**
 * The nearest ancestor of the headline holding text enough for a story besides it (a post whose
 * text is set in `div`s), or null when none does short of the page's body.
 */
function textAround(headline: Element): Element | null {
  const own = (headline.textContent || '').length;
  for (let e = headline.parentElement; e && !isPageRoot(e); e = e.parentElement) {
    if ((e.textContent || '').length - own >= MIN_SCOPE_TEXT_CHARS) return e;
  }
  return null;
}

/** The h1 or h2 that best matches the page's declared title, if one matches well enough. */
function pageHeadline(doc: Document): Element | null {
  return headlineMatch(doc, [...doc.getElementsByTagName('h1'), ...doc.getElementsByTagName('h2')]);
}

/** Else the last h1 before the body, as pass three's headline choice falls back to. */
function h1Before(doc: Document, scope: Element): Element | null {
  let before: Element | null = null;
  for (const h of doc.getElementsByTagName('h1')) {
    if (holds(scope, h)) continue;
    if (!precedes(h, scope)) break;
    before = h;
  }
  return before;
}

/**
 * Whether `anc` is `el` or holds it, by walking up from `el`: linkedom's `contains` walks the
 * whole subtree instead, which made the pre-pass quadratic on a large page.
 */
function holds(anc: Element, el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (e === anc) return true;
  return false;
}

/**
 * Whether `x` comes before `y` in document order (neither holding the other). By hand: linkedom's
 * compareDocumentPosition misorders elements in different subtrees.
 */
function precedes(x: Element, y: Element): boolean {
  const joint = commonAncestor(x, y);
  let a: Element = x;
  for (let p = a.parentElement; p && p !== joint; p = p.parentElement) a = p;
  let b: Element = y;
  for (let p = b.parentElement; p && p !== joint; p = p.parentElement) b = p;
  for (let e = a.nextElementSibling; e; e = e.nextElementSibling) if (e === b) return true;
  return false;
}
