/**
 * The headline: the heading that best matches the page's declared title (og:title,
 * twitter:title, <title>), else an h1 inside or just before the body.
 */
import { tagOf } from './elements';
import { type Analysis, orderOf } from './types';

/** Share of words a heading must have in common with the page title (Dice) to be the headline. */
const HEADLINE_TITLE_MATCH = 0.5;
/** An h1 is the headline more often than an h2/h3 with the same words. */
const H1_TITLE_BONUS = 0.1;

/**
 * Breaks between words: white space, punctuation and symbols of the common blocks. Not
 * `[^\p{L}\p{N}]` under `u`: that costs a millisecond to compile, cold, on every page.
 */
const WORD_BREAK =
  /[\s!-/:-@[-`{-~\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u2190-\u2bff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20]+/;

function wordsOf(s: string): Set<string> {
  const out = new Set<string>();
  for (const w of s.toLowerCase().split(WORD_BREAK)) if (w.length > 1) out.add(w);
  return out;
}

/**
 * The page's own ideas of its title (og:title, twitter:title, <title>), as word sets. The metas
 * are read in a loop rather than by a selector list, which the browser would parse cold.
 */
function declaredTitles(doc: Document): Set<string>[] {
  const out: Set<string>[] = [];
  for (const meta of doc.getElementsByTagName('meta')) {
    if (
      meta.getAttribute('property') !== 'og:title' &&
      meta.getAttribute('name') !== 'twitter:title'
    ) {
      continue;
    }
    const content = meta.getAttribute('content');
    if (content) out.push(wordsOf(content));
  }
  if (doc.title) out.push(wordsOf(doc.title));
  return out.filter((t) => t.size > 0);
}

/** Dice overlap: a site-name heading shares words with the title but covers little of it. */
function titleMatch(words: Set<string>, titles: Set<string>[]): number {
  let best = 0;
  for (const title of titles) {
    let shared = 0;
    for (const w of words) if (title.has(w)) shared++;
    const score = (2 * shared) / (words.size + title.size);
    if (score > best) best = score;
  }
  return best;
}

/** Of these headings, the one (h1 first) that best matches the page's declared title, if any does. */
export function headlineMatch(doc: Document, headings: Iterable<Element>): Element | null {
  let titles: Set<string>[] | null = null;
  let best: Element | null = null;
  let bestScore = 0;
  for (const h of headings) {
    const words = wordsOf(h.textContent || '');
    if (words.size === 0) continue;
    titles ??= declaredTitles(doc);
    const score = titleMatch(words, titles) + (tagOf(h) === 'h1' ? H1_TITLE_BONUS : 0);
    if (score > bestScore) {
      bestScore = score;
      best = h;
    }
  }
  return best && bestScore >= HEADLINE_TITLE_MATCH ? best : null;
}

/**
 * The headline: the heading (h1 first) that best matches the page's declared title; else an h1
 * inside the body; else the last h1 before the body.
 */
export function chooseHeadline(doc: Document, a: Analysis, content: Element[]): Element | null {
  const candidates = a.headlines.filter((h) => {
    const s = a.stats.get(h);
    return s && !s.dropped && s.len > 0 && !isInDropped(h, a);
  });
  if (candidates.length === 0) return null;
  const best = headlineMatch(doc, candidates);
  if (best) return best;
  const h1s = candidates.filter((h) => tagOf(h) === 'h1');
  for (const h of h1s) if (content.some((c) => c.contains(h))) return h;
  const first = content[0];
  const firstOrder = first ? (orderOf(a, first) ?? 0) : Infinity;
  let before: Element | null = null;
  for (const h of h1s) if ((orderOf(a, h) ?? 0) < firstOrder) before = h;
  return before;
}

function isInDropped(el: Element, a: Analysis): boolean {
  for (let anc: Element | null = el; anc; anc = anc.parentElement) {
    const s = a.stats.get(anc);
    if (s?.dropped) return true;
  }
  return false;
}
