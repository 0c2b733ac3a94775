/**
 * Which neighbours of the top container belong to the story (Readability's sibling join), and,
 * on a page of several stories, which body belongs to the chosen headline.
 */
import { tagOf } from './elements';
import { type Analysis, linkDensity, orderOf } from './types';

/** A sibling joins the article when its score reaches this share of the top candidate's. */
const SIBLING_SCORE_RATIO = 0.2;
const SIBLING_MIN_SCORE = 10;

/** Siblings of the top candidate that belong to the story (Readability's sibling join). */
export function joinSiblings(top: Element, a: Analysis, scores: Map<Element, number>): Element[] {
  const parent = top.parentElement;
  if (!parent) return [top];
  const topScore = scores.get(top) ?? 0;
  const threshold = Math.max(SIBLING_MIN_SCORE, topScore * SIBLING_SCORE_RATIO);
  const topClass = top.getAttribute('class') || '';
  const out: Element[] = [];
  for (let sib = parent.firstElementChild; sib; sib = sib.nextElementSibling) {
    if (sib === top) {
      out.push(sib);
      continue;
    }
    const s = a.stats.get(sib);
    if (!s || s.dropped || s.len === 0) continue;
    let bonus = 0;
    if (topClass && sib.getAttribute('class') === topClass) bonus += topScore * 0.2;
    const score = scores.get(sib);
    if (score !== undefined && score + bonus >= threshold) {
      out.push(sib);
      continue;
    }
    const tag = tagOf(sib);
    if (tag === 'p' || (tag === 'div' && !s.hasBlock)) {
      const density = linkDensity(s);
      if (s.len > 80 && density < 0.25) out.push(sib);
      else if (
        s.len > 0 &&
        s.len <= 80 &&
        density === 0 &&
        /[.!?…"”»']\s*$/.test(sib.textContent || '')
      ) {
        out.push(sib);
      }
    }
  }
  return out;
}

/**
 * On a page of several stories (a feed, "next article" appended below), the best-scoring body
 * may belong to another story than the headline. The story of a headline runs from it to the
 * next h1: this returns the best body inside that range, or null when there is none worth it.
 */
export function bodyUnderHeadline(
  headline: Element,
  content: Element[],
  a: Analysis,
  scores: Map<Element, number>,
): Element | null {
  const start = orderOf(a, headline) ?? 0;
  const title = (headline.textContent || '').trim();
  let next: Element | null = null;
  for (const h of a.headlines) {
    // The next story's h1: later, and not the same headline repeated (splash + article).
    if (tagOf(h) !== 'h1' || h === headline || (orderOf(a, h) ?? 0) <= start) continue;
    if ((h.textContent || '').trim() === title) continue;
    next = h;
    break;
  }
  const end = next ? (orderOf(a, next) ?? Infinity) : Infinity;
  const first = orderOf(a, content[0] as Element) ?? 0;
  // The body starts after its headline and before the next story's: nothing to do.
  if (first > start && first < end) return null;
  let best: Element | null = null;
  let bestScore = SIBLING_MIN_SCORE;
  for (const [el, score] of scores) {
    if (score <= bestScore) continue;
    const order = orderOf(a, el) ?? 0;
    const inRange = order > start || el.contains(headline);
    if (!inRange || order >= end || (next && el.contains(next))) continue;
    best = el;
    bestScore = score;
  }
  return best;
}

/** The headline's own <article> must hold this much text besides the headline to be the story. */
const STORY_ARTICLE_MIN_CHARS = 200;

/**
 * A page that sets each story in its own <article> (the story, then teasers of others, each an
 * <article>): when the chosen body holds the headline's <article> and other <article>s beside
 * it, the story is the headline's <article> alone. Null when that does not apply.
 */
export function headlineArticle(
  headline: Element,
  content: Element[],
  a: Analysis,
): Element | null {
  let story: Element | null = null;
  for (let e = headline.parentElement; e; e = e.parentElement) {
    if (tagOf(e) === 'article') {
      story = e;
      break;
    }
  }
  if (!story) return null;
  const s = a.stats.get(story);
  const own = (s?.len ?? 0) - (a.stats.get(headline)?.len ?? 0);
  if (!s || s.dropped || own < STORY_ARTICLE_MIN_CHARS) return null;
  const holder = content.find((c) => c !== story && c.contains(story));
  if (!holder) return null;
  for (const other of holder.getElementsByTagName('article')) {
    if (other === story || other.contains(story) || story.contains(other)) continue;
    const o = a.stats.get(other);
    if (o && !o.dropped && o.len > 0) return story;
  }
  return null;
}
