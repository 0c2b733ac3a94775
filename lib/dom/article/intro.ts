/**
 * The intro: when the headline sits above the body (in a header beside it), the region between
 * them holds the standfirst and the lead picture's caption. Also relabels the blocks before
 * the first paragraph (a long heading is the standfirst; a short "standfirst" is a label).
 */
import { BlockCollector } from './blocks';
import { commonAncestor } from './elements';
import { type Analysis, type ArticleBlock, orderOf } from './types';

/** Blocks taken from between the headline and the body (standfirst, lead caption). */
const MAX_INTRO_BLOCKS = 8;
const MAX_INTRO_CHARS = 1200;
/** How far above the body the headline may sit for the region between them to be read. */
const MAX_INTRO_LEVELS = 6;
/** A heading this long before the body is a standfirst; a "standfirst" under half is a label. */
const STANDFIRST_MIN_CHARS = 60;

/** An intro paragraph shorter than this is a label or a date, not the standfirst. */
const STANDFIRST_PARAGRAPH_MIN_CHARS = 30;

/**
 * Pushes the headline, then the standfirst and lead caption found between it and the body
 * (`first`), unless the two are too far apart or the region holds another story's text.
 */
export function collectIntro(
  collector: BlockCollector,
  a: Analysis,
  headline: Element,
  first: Element,
): void {
  // The headline sits above the body (a header beside it): read the region between them for
  // the standfirst and the lead picture's caption, unless they are too far apart.
  const lca = commonAncestor(headline, first);
  if (!lca || depthBetween(lca, first) > MAX_INTRO_LEVELS) {
    collector.blocks.push({ element: headline, kind: 'headline' });
    return;
  }
  collector.blocks.push({ element: headline, kind: 'headline' });
  const intro = new BlockCollector(a, null);
  const start = orderOf(a, headline) ?? 0;
  const end = orderOf(a, first) ?? 0;
  collectBetween(lca, start, end, a, intro, headline);
  let introBlocks = intro.blocks.filter((b) => b.kind !== 'headline').slice(0, MAX_INTRO_BLOCKS);
  const introChars = introBlocks.reduce((n, b) => n + (a.stats.get(b.element)?.len ?? 0), 0);
  // More prose between headline and body than an intro holds: another story's text.
  if (introChars > MAX_INTRO_CHARS) introBlocks = [];
  for (const b of introBlocks) {
    if (
      b.kind === 'paragraph' &&
      !b.nodes &&
      (a.stats.get(b.element)?.len ?? 0) >= STANDFIRST_PARAGRAPH_MIN_CHARS &&
      !collector.blocks.some((x) => x.kind === 'standfirst')
    ) {
      b.kind = 'standfirst';
    }
    collector.blocks.push(b);
  }
}

function depthBetween(ancestor: Element, el: Element): number {
  let d = 0;
  for (let e: Element | null = el; e && e !== ancestor; e = e.parentElement) d++;
  return d;
}

/** A label above the headline shorter than this is a kicker ("Farming", "Opinion | Politics"). */
const KICKER_MAX_CHARS = 40;

/**
 * Short labels set above the headline (the section, a kicker, a breadcrumb) are not the story;
 * bylines and dates there are kept as bylines.
 */
function dropKickers(blocks: ArticleBlock[], a: Analysis): ArticleBlock[] {
  const at = blocks.findIndex((b) => b.kind === 'headline');
  if (at <= 0) return blocks;
  const kept = blocks.slice(0, at).filter((b) => {
    if (b.kind === 'byline' || b.kind === 'caption') return true;
    const len = b.nodes
      ? b.nodes.reduce((n, x) => n + (x.textContent || '').trim().length, 0)
      : (a.stats.get(b.element)?.len ?? 0);
    return len >= KICKER_MAX_CHARS;
  });
  return kept.length === at ? blocks : [...kept, ...blocks.slice(at)];
}

/**
 * Before the first body paragraph, a long heading is the standfirst (sites set it in an h2),
 * and a short "standfirst" is a label ("Key points"), so a heading.
 */
export function relabelIntro(blocks: ArticleBlock[], a: Analysis): ArticleBlock[] {
  blocks = dropKickers(blocks, a);
  for (const b of blocks) {
    if (b.kind === 'paragraph') break;
    const len = b.nodes ? 0 : (a.stats.get(b.element)?.len ?? 0);
    if (b.kind === 'heading' && len >= STANDFIRST_MIN_CHARS) b.kind = 'standfirst';
    else if (b.kind === 'standfirst' && !b.nodes && len < STANDFIRST_MIN_CHARS / 2) {
      b.kind = 'heading';
    }
  }
  return blocks;
}

/**
 * Collects blocks of `root`'s subtree that start strictly after `start` and before `end` in
 * document order (the intro region between headline and body), skipping the headline itself.
 */
function collectBetween(
  root: Element,
  start: number,
  end: number,
  a: Analysis,
  collector: BlockCollector,
  headline: Element,
): void {
  for (let child = root.firstElementChild; child; child = child.nextElementSibling) {
    const order = orderOf(a, child);
    if (order === undefined) continue;
    if (order >= end) return;
    const next = child.nextElementSibling;
    const nextOrder = next ? (orderOf(a, next) ?? Infinity) : Infinity;
    if (nextOrder <= start) continue; // entirely before the headline
    if (child === headline) continue;
    if (child.contains(headline) || order < start || nextOrder > end) {
      const s = a.stats.get(child);
      if (s && !s.dropped) collectBetween(child, start, end, a, collector, headline);
      continue;
    }
    collector.collect(child, null);
  }
}
