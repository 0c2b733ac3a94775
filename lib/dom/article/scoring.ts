/**
 * Pass two: which container holds the article. Paragraph scores (commas, length) flow to their
 * ancestors, nudged by tag and class/id words as in Readability, discounted by link density;
 * the best container wins, climbing to a parent that holds several strong candidates.
 */
import { isPageRoot, tagOf } from './elements';
import { type Analysis, linkDensity } from './types';

/**
 * Readability-style class weights: these nudge a container's score up or down. Matched against
 * lower-cased names, without the `i` flag (costly to compile cold, see classAndId).
 */
const POSITIVE_CLASS =
  /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|rich-?text/;
const NEGATIVE_CLASS =
  /-ad-|hidden|^hid$|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|teaser|card|nav|menu/;
const CLASS_WEIGHT = 25;

/** How many ancestors a paragraph's score reaches (parent, grandparent, …). */
const SCORE_ANCESTOR_LEVELS = 5;
/** Candidates this close to the best one, sharing an ancestor, promote that ancestor. */
const ALT_CANDIDATE_RATIO = 0.75;
const MIN_ALT_CANDIDATES = 3;

function classWeight(el: Element): number {
  let w = 0;
  const cls = el.getAttribute('class')?.toLowerCase();
  if (cls) {
    if (NEGATIVE_CLASS.test(cls)) w -= CLASS_WEIGHT;
    if (POSITIVE_CLASS.test(cls)) w += CLASS_WEIGHT;
  }
  const id = el.getAttribute('id')?.toLowerCase();
  if (id) {
    if (NEGATIVE_CLASS.test(id)) w -= CLASS_WEIGHT;
    if (POSITIVE_CLASS.test(id)) w += CLASS_WEIGHT;
  }
  const itemprop = el.getAttribute('itemprop');
  if (itemprop?.toLowerCase().includes('articlebody')) w += CLASS_WEIGHT * 2;
  return w;
}

function tagWeight(tag: string): number {
  switch (tag) {
    case 'div':
    case 'article':
    case 'section':
    case 'main':
      return 5;
    case 'pre':
    case 'td':
    case 'blockquote':
      return 3;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      return -3;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      return -5;
    default:
      return 0;
  }
}

/** Pass two: paragraph scores flow to their ancestors; the best container wins. */
export function chooseTopCandidate(
  a: Analysis,
): { top: Element; scores: Map<Element, number> } | null {
  const scores = new Map<Element, number>();
  const init = (el: Element): number => {
    let v = scores.get(el);
    if (v === undefined) {
      v = tagWeight(tagOf(el)) + classWeight(el);
      scores.set(el, v);
    }
    return v;
  };
  for (const p of a.paragraphs) {
    const s = a.stats.get(p);
    if (!s) continue;
    const score = 1 + s.commas + Math.min(Math.floor(s.len / 100), 3);
    // A container holding its own text beside blocks is the parent of that text (Readability
    // wraps such runs in <p>): its score starts at itself, not at its parent.
    let anc: Element | null = s.hasBlock ? p : p.parentElement;
    for (let level = 0; anc && level < SCORE_ANCESTOR_LEVELS; level++) {
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(anc, init(anc) + score / divider);
      anc = anc.parentElement;
    }
  }
  let top: Element | null = null;
  let best = -Infinity;
  const finals = new Map<Element, number>();
  for (const [el, raw] of scores) {
    const s = a.stats.get(el);
    if (!s || s.dropped) continue;
    const v = raw * (1 - linkDensity(s));
    finals.set(el, v);
    if (v > best) {
      best = v;
      top = el;
    }
  }
  if (!top) return null;

  // Several strong candidates under one ancestor: the article is that ancestor.
  const alternatives: Element[] = [];
  for (const [el, v] of finals) {
    if (el !== top && v >= best * ALT_CANDIDATE_RATIO) alternatives.push(el);
  }
  if (alternatives.length >= MIN_ALT_CANDIDATES) {
    // Only as far up as pass one measured (the whole page, or the pre-pass's scope).
    for (
      let anc = top.parentElement;
      anc && !isPageRoot(anc) && a.stats.has(anc);
      anc = anc.parentElement
    ) {
      let inside = 0;
      for (const alt of alternatives) if (anc.contains(alt)) inside++;
      if (inside >= MIN_ALT_CANDIDATES) {
        top = anc;
        break;
      }
    }
  }

  // Climb while the parent scores better (the body split over several children).
  let last = finals.get(top) ?? best;
  for (let parent = top.parentElement; parent && !isPageRoot(parent); ) {
    const ps = finals.get(parent);
    if (ps === undefined) {
      parent = parent.parentElement;
      continue;
    }
    if (ps < last / 3) break;
    if (ps > last) {
      top = parent;
      last = ps;
    }
    parent = parent.parentElement;
  }
  // A lone child says nothing the parent does not.
  while (
    top.parentElement &&
    !isPageRoot(top.parentElement) &&
    a.stats.has(top.parentElement) &&
    top.parentElement.children.length === 1
  ) {
    top = top.parentElement;
  }
  return { top, scores: finals };
}
