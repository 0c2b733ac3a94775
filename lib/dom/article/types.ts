/** What the passes hand each other: the article's blocks and pass one's measurements. */
import type { BlockKind } from '../../quotes/types';

/** One block of the article in reading order. */
export interface ArticleBlock {
  element: Element;
  kind: BlockKind;
  /**
   * When set, the block is only these child nodes of `element` (a run of inline content
   * inside a container that also holds blocks, e.g. text directly in a `<div>` split at
   * `<br><br>`). When absent the block is the whole element.
   */
  nodes?: Node[];
}

export interface Stats {
  /** Characters of text in the subtree (white space runs counted once). */
  len: number;
  /** Of which inside links. */
  linkLen: number;
  links: number;
  commas: number;
  /** Whether any descendant element is block-level. */
  hasBlock: boolean;
  /** Whether the element has text directly or through inline children (not only blocks). */
  hasInlineText: boolean;
  /** Pass-one verdict: a furniture subtree whose text does not count. */
  dropped: boolean;
  /** Place in document order among the elements pass one entered. */
  order: number;
}

export interface Analysis {
  stats: Map<Element, Stats>;
  paragraphs: Element[];
  headlines: Element[];
}

/** An element's place in document order, if pass one entered it. */
export function orderOf(a: Analysis, el: Element): number | undefined {
  return a.stats.get(el)?.order;
}

export function linkDensity(s: Stats): number {
  return s.len === 0 ? 0 : s.linkLen / s.len;
}
