/**
 * Pass one: one post-order walk over the page that measures every element (text, link text,
 * links, commas, whether it holds blocks), records paragraph-like elements and headings, and
 * drops boilerplate subtrees (by name, role, visibility). Resumable: the live page runs it in
 * slices.
 */

import {
  furnitureByName,
  isIntrinsicSkip,
  isProtected,
  SKIP_TAGS,
  WEAK_FURNITURE_KEEP_CHARS,
  WEAK_FURNITURE_KEEP_LINK_DENSITY,
} from './boilerplate-names';
import {
  ELEMENT_NODE,
  INLINE_TAGS,
  isHeadingTag,
  MAX_DOM_DEPTH,
  TEXT_NODE,
  tagOf,
} from './elements';
import { type Analysis, linkDensity, type Stats } from './types';
import { ARIA_HIDDEN_KEEP_CHARS } from './visibility';

/** A paragraph shorter than this (in characters of text) gives no score. */
const MIN_PARAGRAPH_CHARS = 25;

/** Commas of the last countText call (a second return value without an allocation). */
let lastCommas = 0;

/** White space as pass one counts it (runs count once); the rest is visible. */
const COUNT_WS_LONG_RUN = /[ \n\t\r\f\u00a0]{2,}/g;
const COUNT_VISIBLE = /[^ \n\t\r\f\u00a0]/;
const COUNT_COMMA = /[,\uff0c\u3001\u060c]/g;

function isCountedSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
}

/**
 * Visible characters of a text node's data, runs of white space counted once, leading none.
 * Native string operations, not a loop per character: this runs over every text node of the
 * page, cold, and per-character JavaScript is what costs there. Runs of two or more white
 * spaces are folded by one native replace (no match objects per run, which the page's
 * indentation would otherwise allocate by the thousand).
 */
function countText(s: string): number {
  lastCommas = 0;
  // Most text nodes are the white space between tags.
  if (!COUNT_VISIBLE.test(s)) return 0;
  let len = s.replace(COUNT_WS_LONG_RUN, ' ').length;
  // A leading run counts for nothing.
  if (isCountedSpace(s.charCodeAt(0))) len--;
  const commas = s.match(COUNT_COMMA);
  if (commas) lastCommas = commas.length;
  return len;
}

/** Numbers of an element dropped at once (skipped by tag, too deep): nothing it holds counts. */
function droppedStats(order: number): Stats {
  return {
    len: 0,
    linkLen: 0,
    links: 0,
    commas: 0,
    hasBlock: false,
    hasInlineText: false,
    dropped: true,
    order,
  };
}

/** One element of pass one's walk whose children are being measured. */
interface Frame {
  el: Element;
  tag: string;
  /** Inside a link (this element or an ancestor is an `<a>`). */
  inLink: boolean;
  isLink: boolean;
  depth: number;
  s: Stats;
  paragraphMark: number;
  h1Mark: number;
  /** furnitureByName's verdict, 0 for elements never judged by name (read once, on entry). */
  verdict: 0 | 1 | 2;
  ariaHidden: boolean;
  /** The next child to measure. */
  next: ChildNode | null;
}

/**
 * Pass one: a post-order walk that measures every element (text, link text, commas, whether it
 * holds blocks), records paragraph-like elements, and drops furniture subtrees. An explicit
 * stack, not recursion, so it can stop after any element and resume (`analyseSteps`). One map
 * entry per element (its numbers, document order included) and frames reused level by level:
 * the walk touches every element of the page, cold, so each allocation and map insert counts.
 */
export class Analyser {
  readonly stats = new Map<Element, Stats>();
  readonly paragraphs: Element[] = [];
  readonly headlines: Element[] = [];
  private counter = 0;
  private h1Count = 0;
  /** Frames by depth of the walk; `top` of them are in use (the rest wait to be reused). */
  private readonly stack: Frame[] = [];
  private top = 0;

  /** The roots still to measure after the current one, in document order. */
  private readonly roots: Element[];

  /** Measures `roots` (disjoint subtrees, in document order): the whole page or a scope. */
  constructor(roots: Element | Element[]) {
    this.roots = Array.isArray(roots) ? roots.slice().reverse() : [roots];
    this.nextRoot();
  }

  private nextRoot(): void {
    for (let r = this.roots.pop(); r; r = this.roots.pop()) {
      if (this.enter(r, false, 0) === null) return;
    }
  }

  get analysis(): Analysis {
    const { stats, paragraphs, headlines } = this;
    return { stats, paragraphs, headlines };
  }

  /** Measures until done (true) or until `due()` says stop (false; call again to go on). */
  run(due: () => boolean): boolean {
    const stack = this.stack;
    let steps = 0;
    while (this.top > 0) {
      if ((++steps & 255) === 0 && due()) return false;
      const f = stack[this.top - 1] as Frame;
      const n = f.next;
      if (!n) {
        this.top--;
        const done = this.finish(f);
        if (this.top > 0) this.add(stack[this.top - 1] as Frame, f.tag, done);
        else this.nextRoot();
        continue;
      }
      f.next = n.nextSibling;
      const type = n.nodeType;
      if (type === TEXT_NODE) {
        const len = countText(n.nodeValue || '');
        if (len > 0) {
          const s = f.s;
          s.len += len;
          s.commas += lastCommas;
          if (f.inLink) s.linkLen += len;
          s.hasInlineText = true;
        }
      } else if (type === ELEMENT_NODE) {
        const child = n as Element;
        // Decided at once means dropped or empty: nothing to add to the parent.
        this.enter(child, f.inLink, f.depth + 1);
      }
    }
    return true;
  }

  /** Starts measuring `el`: its stats when decided at once, else null (a frame is pushed). */
  private enter(el: Element, inLink: boolean, depth: number): Stats | null {
    const order = this.counter++;
    // Deeper than a browser's parser ever nests: not text anyone reads.
    if (depth > MAX_DOM_DEPTH) {
      const s = droppedStats(order);
      this.stats.set(el, s);
      return s;
    }
    const tag = tagOf(el);
    const attrs = el.hasAttributes();
    const cls = attrs ? el.getAttribute('class') : null;
    const role = attrs ? el.getAttribute('role') : null;
    if (attrs ? isIntrinsicSkip(el, tag, cls, role) : SKIP_TAGS.has(tag)) {
      const s = droppedStats(order);
      this.stats.set(el, s);
      return s;
    }
    // By name only for containers: an inline <a class="tag"> inside a sentence is its words.
    const verdict =
      !attrs || INLINE_TAGS.has(tag) || isProtected(el, tag, role) ? 0 : furnitureByName(el, cls);
    const isLink = tag === 'a';
    const s: Stats = {
      len: 0,
      linkLen: 0,
      links: isLink ? 1 : 0,
      commas: 0,
      hasBlock: false,
      hasInlineText: false,
      dropped: false,
      order,
    };
    // Furniture by name whatever it holds (comments, newsletter, sidebar…): dropped without
    // measuring it, unless it holds an h1 (then it is judged after the walk, as any element).
    if (verdict === 2 && tag !== 'h1' && el.getElementsByTagName('h1').length === 0) {
      s.dropped = true;
      this.stats.set(el, s);
      return s;
    }
    const ariaHidden = attrs && el.getAttribute('aria-hidden') === 'true';
    const f = this.stack[this.top];
    if (f) {
      f.el = el;
      f.tag = tag;
      f.inLink = inLink || isLink;
      f.isLink = isLink;
      f.depth = depth;
      f.s = s;
      f.paragraphMark = this.paragraphs.length;
      f.h1Mark = this.h1Count;
      f.verdict = verdict;
      f.ariaHidden = ariaHidden;
      f.next = el.firstChild;
    } else {
      this.stack.push({
        el,
        tag,
        inLink: inLink || isLink,
        isLink,
        depth,
        s,
        paragraphMark: this.paragraphs.length,
        h1Mark: this.h1Count,
        verdict,
        ariaHidden,
        next: el.firstChild,
      });
    }
    this.top++;
    return null;
  }

  /** Adds a measured child's numbers to its parent's. */
  private add(f: Frame, childTag: string, cs: Stats): void {
    if (cs.dropped) return;
    const s = f.s;
    s.len += cs.len;
    s.linkLen += cs.linkLen;
    s.links += cs.links;
    s.commas += cs.commas;
    const childInline = INLINE_TAGS.has(childTag);
    if (!childInline || cs.hasBlock) s.hasBlock = true;
    if (childInline && cs.hasInlineText) s.hasInlineText = true;
  }

  /** All children measured: the element's own verdicts. */
  private finish(f: Frame): Stats {
    const { el, tag, s } = f;
    const paragraphs = this.paragraphs;
    if (tag === 'h1') this.h1Count++;
    if (tag === 'h1' || tag === 'h2' || tag === 'h3') this.headlines.push(el);
    // A subtree holding an h1 holds the headline: never furniture.
    const holdsH1 = this.h1Count !== f.h1Mark;
    const furniture = holdsH1 ? 0 : f.verdict;
    // aria-hidden hides decoration, but a page saved (or seen) with a dialog open has the whole
    // page wrapper aria-hidden: a subtree holding the headline or much prose stays.
    const ariaHidden = !holdsH1 && f.ariaHidden && s.len < ARIA_HIDDEN_KEEP_CHARS;
    if (
      ariaHidden ||
      furniture === 2 ||
      (furniture === 1 &&
        (s.len < WEAK_FURNITURE_KEEP_CHARS || linkDensity(s) > WEAK_FURNITURE_KEEP_LINK_DENSITY))
    ) {
      // Furniture: forget what it held (its paragraphs were appended after the mark).
      paragraphs.length = f.paragraphMark;
      s.dropped = true;
      this.stats.set(el, s);
      return s;
    }
    if (s.len >= MIN_PARAGRAPH_CHARS) {
      if (tag === 'p' || tag === 'pre' || tag === 'td') paragraphs.push(el);
      else if (!INLINE_TAGS.has(tag) && s.hasInlineText && !isHeadingTag(tag)) {
        // A div (or section, li…) holding its own text reads as a paragraph.
        if (!s.hasBlock || tag === 'div' || tag === 'section') paragraphs.push(el);
      }
    }
    this.stats.set(el, s);
    return s;
  }
}

/** @internal Pass one on its own, for debugging tools. */
export function analyse(root: Element | Element[]): Analysis {
  const a = new Analyser(root);
  a.run(() => false);
  return a.analysis;
}
