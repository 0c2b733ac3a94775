/**
 * Pass three: walks the chosen region in document order and cuts it into blocks, naming each
 * one's kind (paragraph, heading, caption, pull quote, byline…). Link lists, code listings and
 * short labels are left out here.
 */
import type { BlockKind } from '../../quotes/types';
import { isPullQuote, isPullQuoteName } from './boilerplate-names';
import { includesAny, SHORT_TEXT_MAX_CHARS, shortTextVerdict } from './bylines-dates';
import { classAndId, ELEMENT_NODE, INLINE_TAGS, isHeadingTag, TEXT_NODE, tagOf } from './elements';
import { type Analysis, type ArticleBlock, linkDensity } from './types';
import { isRendered } from './visibility';

/** Kinds by class, for blocks that are not plain body paragraphs. */
const STANDFIRST_CLASS =
  /standfirst|(?:^|[-_\s])(?:dek|deck|summary|subtitle|sub-?headline|subhead|strapline|lede|lead-?in|intro|description|excerpt)(?:[-_\s]|$)/;

const BYLINE_CLASS =
  /byline|(?:^|[-_\s])(?:author|authors|dateline|credit|credits|attribution|date|dates|time|timestamp|published|updated|pubdate|meta|metadata)(?:[-_\s]|$)/;

const CAPTION_CLASS = /caption/;

/*
 * The kind patterns run only on names holding a word every match of them holds, checked with
 * plain string operations: most blocks' names hold none, and most pages then never compile
 * them (compiling a pattern of alternatives costs some 50–250 µs, cold, on every page that
 * runs it). Keep each list in step with its pattern.
 */
const STANDFIRST_WORDS = [
  'standfirst',
  'dek',
  'deck',
  'summary',
  'sub',
  'strapline',
  'lede',
  'lead',
  'intro',
  'description',
  'excerpt',
];
const BYLINE_WORDS = [
  'byline',
  'author',
  'date',
  'credit',
  'attribution',
  'time',
  'published',
  'updated',
  'meta',
];

/** @internal STANDFIRST_CLASS over classAndId's names, run only where it can match. */
export function isStandfirstName(names: string): boolean {
  return includesAny(names, STANDFIRST_WORDS) && STANDFIRST_CLASS.test(names);
}

/** @internal BYLINE_CLASS over classAndId's names, run only where it can match. */
export function isBylineName(names: string): boolean {
  return includesAny(names, BYLINE_WORDS) && BYLINE_CLASS.test(names);
}

/** A table cell (or dd) this long is a paragraph of a table-layout page, not data. */
const PROSE_CELL_MIN_CHARS = 80;

/** Lists and boxes of mostly links (teasers, "related") are dropped inside the article. */
const LINK_LIST_DENSITY = 0.5;
const LINK_LIST_MIN_LINKS = 3;
/** A paragraph that is mostly a link ("READ MORE: …") is a teaser, not the story. */
const LINK_PARAGRAPH_DENSITY = 0.6;

/** Pass three: walk the chosen region in document order and name each block's kind. */
export class BlockCollector {
  readonly blocks: ArticleBlock[] = [];
  private headlineSeen = false;
  constructor(
    private readonly a: Analysis,
    private readonly headline: Element | null,
  ) {}

  collect(el: Element, inherited: BlockKind | null): void {
    const s = this.a.stats.get(el);
    if (!s || s.dropped || s.len === 0) return;
    // Hidden by the page's styles (live page only): the reader never sees it.
    if (!isRendered(el)) return;
    const tag = tagOf(el);

    if (el === this.headline || (tag === 'h1' && !this.headlineSeen && !this.headline)) {
      this.headlineSeen = true;
      this.push(el, 'headline');
      return;
    }
    if (isHeadingTag(tag)) {
      // The same headline set twice (a splash over the story): read it once.
      if (this.headline && sameText(el, this.headline)) return;
      this.push(el, inherited ?? (this.isStandfirst(el) ? 'standfirst' : 'heading'));
      return;
    }
    // Boxes and lists of links: teasers, "related", tag clouds.
    if (
      (tag === 'ul' || tag === 'ol' || tag === 'div' || tag === 'section' || tag === 'dl') &&
      s.links >= LINK_LIST_MIN_LINKS &&
      linkDensity(s) > LINK_LIST_DENSITY
    ) {
      return;
    }
    // Code and preformatted listings: their quote marks are string literals, not speech.
    if (tag === 'pre') return;
    if (tag === 'figcaption' || (tag === 'caption' && !s.hasBlock)) {
      this.push(el, 'caption');
      return;
    }
    if (tag === 'blockquote' || (tag === 'aside' && isPullQuote(el))) {
      if (s.hasBlock) this.collectChildren(el, 'blockquote');
      else this.push(el, 'blockquote');
      return;
    }
    if (!s.hasBlock) {
      if (INLINE_TAGS.has(tag) && tag !== 'time') return; // stray inline roots
      if (linkDensity(s) > LINK_PARAGRAPH_DENSITY) return;
      if (tag === 'time') {
        this.push(el, 'byline');
        return;
      }
      this.push(el, inherited ?? this.kindOf(el, tag));
      return;
    }
    this.collectChildren(el, inherited);
  }

  /** Children of a container, with runs of inline content between blocks as blocks. */
  collectChildren(el: Element, inherited: BlockKind | null): void {
    const s = this.a.stats.get(el);
    const mixed = s?.hasInlineText === true;
    let run: Node[] = [];
    const flush = () => {
      if (run.length === 0) return;
      const nodes = run;
      run = [];
      const visible = nodes.filter((n) => hasVisibleText(n, this.a));
      if (visible.length === 0) return;
      const text = nodes
        .map((n) => n.textContent || '')
        .join('')
        .trim();
      const verdict = inherited ? null : shortTextVerdict(text);
      if (verdict === 'label') return;
      const names = classAndId(el);
      const captioned =
        tagOf(el) === 'figure' ||
        CAPTION_CLASS.test(names) ||
        visible.some(
          (n) => n.nodeType === ELEMENT_NODE && CAPTION_CLASS.test(classAndId(n as Element)),
        );
      let kind: BlockKind = inherited ?? (captioned ? 'caption' : 'paragraph');
      if (kind === 'paragraph') {
        if (verdict === 'drop') return;
        const onlyTimes = visible.every(
          (n) => n.nodeType === ELEMENT_NODE && tagOf(n as Element) === 'time',
        );
        if (onlyTimes || verdict === 'byline') kind = 'byline';
        else if (verdict === 'caption') kind = 'caption';
      }
      this.blocks.push({ element: el, kind, nodes });
    };
    let breaks = 0;
    for (let n = el.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === ELEMENT_NODE) {
        const child = n as Element;
        const tag = tagOf(child);
        if (mixed && INLINE_TAGS.has(tag) && !this.a.stats.get(child)?.hasBlock) {
          if (tag === 'br') {
            breaks++;
            if (breaks >= 2) {
              flush();
              continue;
            }
          } else {
            breaks = 0;
          }
          run.push(child);
          continue;
        }
        flush();
        breaks = 0;
        this.collect(child, inherited);
      } else if (n.nodeType === TEXT_NODE && mixed) {
        if (/\S/.test(n.nodeValue || '')) breaks = 0;
        run.push(n);
      }
    }
    flush();
  }

  private isStandfirst(el: Element): boolean {
    return isStandfirstName(classAndId(el));
  }

  private kindOf(el: Element, tag: string): BlockKind {
    const names = classAndId(el);
    if (tag === 'li') return 'list-item';
    if (names) {
      if (CAPTION_CLASS.test(names)) return 'caption';
      if (isPullQuoteName(names)) return 'blockquote';
      if (isBylineName(names)) return 'byline';
      if (isStandfirstName(names)) return 'standfirst';
    }
    if (tag === 'address') return 'byline';
    // Text set in a figure beside its picture is the picture's caption.
    if (tag === 'figure' || (el.parentElement && tagOf(el.parentElement) === 'figure')) {
      return 'caption';
    }
    if (tag === 'td' || tag === 'th' || tag === 'dt' || tag === 'dd') {
      // A long cell is prose in a table layout; a short one is data.
      return (this.a.stats.get(el)?.len ?? 0) >= PROSE_CELL_MIN_CHARS ? 'paragraph' : 'other';
    }
    return 'paragraph';
  }

  private push(el: Element, kind: BlockKind): void {
    if (kind !== 'headline' && kind !== 'blockquote' && kind !== 'byline') {
      const len = this.a.stats.get(el)?.len ?? Infinity;
      const verdict = len <= SHORT_TEXT_MAX_CHARS ? shortTextVerdict(el.textContent || '') : null;
      if (verdict === 'label') return;
      // A caption stays a caption even when it is a credit line or carries a © notice.
      if (kind !== 'caption') {
        if (verdict === 'drop') return;
        if (verdict === 'byline') kind = 'byline';
        if (verdict === 'caption' && kind === 'paragraph') kind = 'caption';
      }
    }
    this.blocks.push({ element: el, kind });
  }
}

function sameText(x: Element, y: Element): boolean {
  const norm = (e: Element) => (e.textContent || '').replace(/\s+/g, ' ').trim();
  return norm(x) === norm(y);
}

function hasVisibleText(n: Node, a: Analysis): boolean {
  if (n.nodeType === TEXT_NODE) return /\S/.test(n.nodeValue || '');
  if (n.nodeType !== ELEMENT_NODE) return false;
  const s = a.stats.get(n as Element);
  return !!s && !s.dropped && s.len > 0;
}

/** A block this long that repeats an earlier one word for word is the same text set twice. */
const REPEAT_MIN_CHARS = 40;
/**
 * Kinds whose repeats are page furniture (a caption set once per screen size, a standfirst
 * again as the summary). Body paragraphs and list items may repeat on purpose (a recipe).
 */
const REPEATED_KINDS: ReadonlySet<BlockKind> = new Set<BlockKind>(['standfirst', 'caption']);

/** Leaves out captions and standfirsts that repeat an earlier block, and what repeats them. */
export function dropRepeats(blocks: ArticleBlock[], a: Analysis): ArticleBlock[] {
  const byLen = new Map<number, ArticleBlock[]>();
  const out: ArticleBlock[] = [];
  for (const b of blocks) {
    const len = b.nodes || b.kind === 'headline' ? 0 : (a.stats.get(b.element)?.len ?? 0);
    if (len < REPEAT_MIN_CHARS) {
      out.push(b);
      continue;
    }
    const same = byLen.get(len);
    // Text is read only for blocks of equal length.
    if (
      same?.some(
        (x) =>
          (REPEATED_KINDS.has(x.kind) || REPEATED_KINDS.has(b.kind)) &&
          sameText(x.element, b.element),
      )
    ) {
      continue;
    }
    if (same) same.push(b);
    else byLen.set(len, [b]);
    out.push(b);
  }
  return out;
}
