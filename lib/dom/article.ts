/**
 * Finds the main article of a Document the way a careful reader does: the headline, the
 * standfirst, the body paragraphs, captions, pull quotes and embedded posts, in reading order;
 * navigation, teasers, comments, newsletters, footers, banners and hidden text are left out.
 *
 * Ideas from Mozilla Readability (paragraph scores flowing to ancestors, class weights, link
 * density, sibling joining), but NON-DESTRUCTIVE: it never mutates the DOM, because it runs on
 * the live page in the content script as well as over a linkedom document in Node. It must also
 * never read layout (no getComputedStyle / offsetHeight): everything is decided from tags,
 * attributes and text, in a few linear passes. On the live page it runs cold, once per page,
 * within a main-thread budget: `findArticleTask` is the same work in resumable steps, and the
 * hot loops use native string operations rather than JavaScript per character.
 */
import type { BlockKind } from '../quotes/types';
import { PHRASING_TAGS } from './inline-tags';

// ---------------------------------------------------------------------------------------------
// Tunables. Everything the heuristics depend on lives here.

/** Subtrees that never hold article text a reader sees. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'picture',
  'select',
  'option',
  'button',
  'input',
  'textarea',
  'head',
  'title',
  'meta',
  'link',
  'nav',
  'footer',
  'dialog',
  'menu',
]);

/** ARIA landmarks and widgets that are page furniture, not the story. */
const SKIP_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
  'dialog',
  'alertdialog',
  'tooltip',
  'toolbar',
  'tablist',
]);

/** Elements that flow inside a line of text; anything else starts a new block. */
const INLINE_TAGS: ReadonlySet<string> = new Set([...PHRASING_TAGS, 'br', 'img', 'wbr']);

/** Text a screen reader gets but the eye does not ("Image caption,", "Advertisement"). */
const VISUALLY_HIDDEN_CLASS =
  /(?:^|\s)(?:sr-only|sr-text|visually-?hidden|visuallyhidden|screen-?reader[\w-]*|offscreen|a11y-hidden|is-hidden|hidden|hide|u-hidden|element-invisible|off-screen)(?:\s|$)/i;

/** Inline style that hides an element (no layout read: the attribute only). */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/**
 * class/id words of page furniture, matched against each class token and the id as a whole word
 * between `-`, `_` or the token's ends (so `comments-list` matches, `commentary` does not).
 * STRONG words drop their subtree (unless it holds the headline); WEAK words only when the
 * subtree is short or mostly links, because sites reuse them on content wrappers
 * (`entry-content-read-more`, `content-rail`).
 */
const FURNITURE_STRONG =
  /(?:^|[-_])(?:comments?|comment-?list|commentary-?list|disqus|replies|respond|newsletter\w*|subscri\w*|signup|sign-up|cookie\w*|consent|gdpr|outbrain|taboola|zergnet|revcontent|nativo|mgid|breadcrumbs?|sidebar|side-?bar|masthead|site-?header|site-?footer|footer|navbar|nav|navigation|menu|skip-?link|share\w*|sharing|social\w*|likes?|reactions?|references|reflist|footnotes|endnotes|bibliography)(?:[-_]|$)/;
const FURNITURE_WEAK =
  /(?:^|[-_])(?:related\w*|recirc\w*|more-?stories|most-?read|mostread|most-?popular|popular|trending|recommended|recommendations|teasers?|promo|promos|promoted|sponsored|sponsor|advert|advertisement|ads|ad|adslot|ad-?slot|dfp|rail|right-?rail|pagination|pager|paywall-?prompt|popup|modal|overlay|banner|toolbar|tags|tag-?list|keywords|topics|read-?more|readmore|next-?up|up-?next|also-?like|more-?from|more-?on|latest|author-?bio|bio-?card|print-?only|cta|call-?to-?action)(?:[-_]|$)/;
/** A WEAK-named subtree is kept when it holds at least this much prose... */
const WEAK_FURNITURE_KEEP_CHARS = 400;
/** ...with no more than this share of it in links. */
const WEAK_FURNITURE_KEEP_LINK_DENSITY = 0.33;

/** Class tokens that name a layout state, not content ("has-sidebar"): never furniture. */
const STATE_PREFIX = /^(?:has|with|no|is|js|show|hide|l|u|t|theme|page|body|template|layout)-/;

/** Readability-style class weights: these nudge a container's score up or down. */
const POSITIVE_CLASS =
  /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|rich-?text/i;
const NEGATIVE_CLASS =
  /-ad-|hidden|^hid$|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|teaser|card|nav|menu/i;
const CLASS_WEIGHT = 25;

/** Kinds by class, for blocks that are not plain body paragraphs. */
const STANDFIRST_CLASS =
  /standfirst|(?:^|[-_\s])(?:dek|deck|summary|subtitle|sub-?headline|subhead|strapline|lede|lead-?in|intro|description|excerpt)(?:[-_\s]|$)/i;
/** Share of words a heading must have in common with the page title (Dice) to be the headline. */
const HEADLINE_TITLE_MATCH = 0.5;
/** An h1 is the headline more often than an h2/h3 with the same words. */
const H1_TITLE_BONUS = 0.1;
const BYLINE_CLASS =
  /byline|(?:^|[-_\s])(?:author|authors|dateline|credit|credits|attribution|date|dates|time|timestamp|published|updated|pubdate|meta|metadata)(?:[-_\s]|$)/i;
/** Short blocks that are calls to action or labels, whatever their markup. */
const FURNITURE_TEXT =
  /^(?:sign up|subscribe|advertisement|advertising|sponsored|read more|read next|related|share this|share on|follow us|click here|most read|most popular|recommended|you may also like|more from|more on this|listen to this|watch:|also read|see also|skip to|video player is loading|scroll down to comment)(?![a-z])|^(?:click|tap) '|^what do you think\?|\bour newsletters?\b|\b(?:sign up|subscribe|join|get|receive)\b.{0,60}\bnewsletters?\b|\bunsubscribe\b|\ball rights reserved\b|©/i;
const FURNITURE_TEXT_MAX_CHARS = 160;
/** Whole blocks that are interface labels (compared lower-case, end punctuation off). */
const UI_LABELS = new Set([
  'remove',
  'share',
  'tweet',
  'print',
  'email',
  'comments',
  'font size',
  'content preferences',
  'loading',
  'show less',
  'show more',
  'view images',
  'view image',
  'enlarge image',
  'enlarge this image',
  'hide caption',
  'toggle caption',
  'play',
  'video',
  'image',
  'photo',
  'advertisement',
  'comments are closed',
  'learn more',
  'continue reading',
  'continue reading the main story',
  'by',
  'author',
  'updated',
  'ok',
  'not now',
  'cancel',
  'close',
  'accept',
  'menu',
  'search',
]);
/** Short blocks that are credits or bylines by their words ("By Jane Roe", "Photo: AP"). */
const BYLINE_TEXT =
  /^(?:[Bb]y|BY|[Pp]ar|[Vv]on|[Pp]or|[Dd]i|[Dd]oor|[Aa]v|[Оо]т)\s+\p{Lu}|^(?:[Cc]redits?|[Pp]hotos?|[Ii]mages?|[Ss]ources?|[Ff]oto|[Cc]rédit|[Pp]icture|[Ii]llustration)\s*:|\b(?:Getty Images|Shutterstock|AFP|Reuters|AP Photo|EPA)\b\s*(?:\(Composite\))?$/u;
const BYLINE_TEXT_MAX_CHARS = 120;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-zé]*\\.?';
/**
 * A date line: "Updated: 3 May 2026", "Dec. 13, 2016, 12:31 PM", "2019.03.05". Matched as if
 * with the `iu` flags, but compiled with `u` only over text folded by `foldDateText`: V8 takes
 * some 2–3 ms to compile this pattern case-insensitively under `u`, on every page, cold.
 */
const DATE_TEXT = new RegExp(
  `^(?:(?:published|updated|posted|last updated|modified|publié|mis à jour|veröffentlicht|aktualisiert|actualizado|publicado)(?=[\\s:]|$)[^.!?]*\\d[^.!?]*|(?:\\p{L}+\\.?,?\\s+)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th|\\.)?\\s+${MONTH},?\\s+\\d{4}|\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4})[^.!?]{0,60})$`,
  'u',
);
/**
 * Every character that `iu` matching would equate with a lower-case letter of DATE_TEXT (its
 * literals are lower-case a–z, é, à, ö; `\p{L}` under `iu` also takes U+0345, which folds to ι).
 * Mapped one to one, so lengths and the other classes (\d, \s, [^.!?]) see the same text.
 */
const DATE_FOLD = /[A-Z\u00c0\u00c9\u00d6\u017f\u212a]|\u0345/g;
function foldChar(c: string): string {
  if (c === '\u017f') return 's';
  if (c === '\u212a') return 'k';
  if (c === '\u0345') return '\u03b9';
  return c.toLowerCase();
}
/** @internal `text` with each DATE_FOLD character in its lower-case form. */
export function foldDateText(text: string): string {
  return text.replace(DATE_FOLD, foldChar);
}
/**
 * What every DATE_TEXT match holds (over folded text): a leading "published"-type word, a month
 * name, or digit-separator-digit. A plain pattern, cheap to compile: most pages' short blocks
 * fail it, and then DATE_TEXT is never compiled at all.
 */
const DATE_CANDIDATE =
  /^(?:publi|updat|poste|last |modif|mis à|veröf|aktua|actua)|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d[/.-]\d/;
/** @internal Whether `text` is a date line (DATE_TEXT with the `iu` flags' meaning). */
export function isDateText(text: string): boolean {
  const folded = foldDateText(text);
  return DATE_CANDIDATE.test(folded) && DATE_TEXT.test(folded);
}
const DATE_TEXT_MAX_CHARS = 90;
const HAS_DIGIT = /[0-9]/;
/** Longer blocks are never judged by their words alone. */
const SHORT_TEXT_MAX_CHARS = Math.max(FURNITURE_TEXT_MAX_CHARS, BYLINE_TEXT_MAX_CHARS);
/** An intro paragraph shorter than this is a label or a date, not the standfirst. */
const STANDFIRST_PARAGRAPH_MIN_CHARS = 30;
const CAPTION_CLASS = /caption/i;
const PULLQUOTE_CLASS = /pull-?quote|pullquote|(?:^|[-_\s])quote(?:[-_\s]|$)|blockquote/i;

/** A table cell (or dd) this long is a paragraph of a table-layout page, not data. */
const PROSE_CELL_MIN_CHARS = 80;
/** A paragraph shorter than this (in characters of text) gives no score. */
const MIN_PARAGRAPH_CHARS = 25;
/** How many ancestors a paragraph's score reaches (parent, grandparent, …). */
const SCORE_ANCESTOR_LEVELS = 5;
/** Candidates this close to the best one, sharing an ancestor, promote that ancestor. */
const ALT_CANDIDATE_RATIO = 0.75;
const MIN_ALT_CANDIDATES = 3;
/** A sibling joins the article when its score reaches this share of the top candidate's. */
const SIBLING_SCORE_RATIO = 0.2;
const SIBLING_MIN_SCORE = 10;
/** Lists and boxes of mostly links (teasers, "related") are dropped inside the article. */
const LINK_LIST_DENSITY = 0.5;
const LINK_LIST_MIN_LINKS = 3;
/** A paragraph that is mostly a link ("READ MORE: …") is a teaser, not the story. */
const LINK_PARAGRAPH_DENSITY = 0.6;
/** Blocks taken from between the headline and the body (standfirst, lead caption). */
const MAX_INTRO_BLOCKS = 8;
const MAX_INTRO_CHARS = 1200;
/** How far above the body the headline may sit for the region between them to be read. */
const MAX_INTRO_LEVELS = 6;
/** A heading this long before the body is a standfirst; a "standfirst" under half is a label. */
const STANDFIRST_MIN_CHARS = 60;

/** An aria-hidden subtree with this much text is a page wrapper behind a dialog, not decoration. */
const ARIA_HIDDEN_KEEP_CHARS = 1500;

/**
 * Elements nested deeper than this are ignored (Chromium's HTML parser stops nesting at 512);
 * every recursive walk in lib/dom stays within it.
 */
export const MAX_DOM_DEPTH = 500;

/** Cheap article signals, for the content script's first look at a page. */
const ARTICLE_OG_TYPE = /^article$/i;
const ARTICLE_LD_TYPE =
  /"@type"\s*:\s*\[?\s*"(?:News|Reportage|Analysis|Opinion|Review|Background|Scholarly|Tech)?Article"|"@type"\s*:\s*\[?\s*"(?:BlogPosting|LiveBlogPosting)"/;
const MIN_ARTICLE_PARAGRAPHS = 4;
/** Microdata and microformats of a post or article body. */
const ARTICLE_STRUCTURE =
  '[itemtype*="Article"], [itemtype*="BlogPosting"], [itemprop~="articleBody"], .hentry, .h-entry, .entry-content, .post-body';
const MIN_ARTICLE_PARAGRAPH_CHARS = 80;

// ---------------------------------------------------------------------------------------------

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

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

function tagOf(el: Element): string {
  return (el.localName || el.tagName || '').toLowerCase();
}

/** Elements whose content is never read as text. */
const NEVER_TEXT_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'svg',
  'math',
  'iframe',
  'object',
  'canvas',
  'button',
  'select',
  'textarea',
  'input',
]);

/**
 * Whether an element is hidden or never shown as text (scripts, styles, `hidden`, inline
 * `display:none`, screen-reader-only text). Attribute checks only: no layout.
 */
export function isHiddenElement(el: Element): boolean {
  return hiddenBy(el, tagOf(el), el.getAttribute('class'));
}

/** isHiddenElement with the tag and class already read (attribute reads cost on big pages). */
function hiddenBy(el: Element, tag: string, cls: string | null, withAria = true): boolean {
  if (NEVER_TEXT_TAGS.has(tag)) return true;
  if (cls && hiddenByClass(cls)) return true;
  if (el.hasAttribute('hidden')) return true;
  if (withAria && el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && HIDDEN_STYLE.test(style);
}

/** Bound of the per-class-string caches (pages repeat the same few class lists thousands of times). */
const VERDICT_CACHE_LIMIT = 4096;

/** VISUALLY_HIDDEN_CLASS by class string: long utility-class lists repeat all over a page. */
const hiddenClassCache = new Map<string, boolean>();

function hiddenByClass(cls: string): boolean {
  let hidden = hiddenClassCache.get(cls);
  if (hidden === undefined) {
    hidden = VISUALLY_HIDDEN_CLASS.test(cls);
    if (hiddenClassCache.size >= VERDICT_CACHE_LIMIT) hiddenClassCache.clear();
    hiddenClassCache.set(cls, hidden);
  }
  return hidden;
}

function classAndId(el: Element): string {
  const cls = el.getAttribute('class') || '';
  const id = el.getAttribute('id') || '';
  return id ? `${cls} ${id}` : cls;
}

/** 2: the class tokens or id name the element as furniture for sure; 1: maybe; 0: no. */
function furnitureByName(el: Element, cls: string | null): 0 | 1 | 2 {
  const id = el.getAttribute('id');
  const label = el.getAttribute('data-component') || el.getAttribute('data-testid');
  let verdict: 0 | 1 | 2 = 0;
  for (const names of [cls, id, label]) {
    if (!names) continue;
    const v = namesVerdict(names);
    if (v === 2) return 2;
    if (v === 1) verdict = 1;
  }
  return verdict;
}

/** Verdicts by class string. */
const verdictCache = new Map<string, 0 | 1 | 2>();

/**
 * A word every FURNITURE_STRONG / FURNITURE_WEAK match contains (none holds `-` or `_`, so a
 * token's words are in the lower-cased class string as they are). Most class strings hold none
 * of them and need no per-token work. Keep in step with the two patterns.
 */
const FURNITURE_STEMS =
  /comment|disqus|replies|respond|newsletter|subscri|sign|cookie|consent|gdpr|outbrain|taboola|zergnet|revcontent|nativo|mgid|breadcrumb|side|masthead|header|footer|nav|menu|skip|shar|social|like|reaction|reference|reflist|footnote|endnote|bibliography|related|recirc|more|most|popular|trending|recommend|teaser|promo|sponsor|ad|dfp|rail|pagination|pager|paywall|popup|modal|overlay|banner|toolbar|tag|keyword|topic|read|next|also|latest|author|bio|print|cta|call/;

function namesVerdict(names: string): 0 | 1 | 2 {
  const cached = verdictCache.get(names);
  if (cached !== undefined) return cached;
  let verdict: 0 | 1 | 2 = 0;
  const tokens = FURNITURE_STEMS.test(names.toLowerCase()) ? names.split(/\s+/) : [];
  for (const raw of tokens) {
    if (!raw) continue;
    // camelCase → kebab so `relatedLinks` reads as `related-links`.
    const token = raw.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
    if (STATE_PREFIX.test(token)) continue;
    if (FURNITURE_STRONG.test(token)) {
      verdict = 2;
      break;
    }
    if (FURNITURE_WEAK.test(token)) verdict = 1;
  }
  if (verdictCache.size >= VERDICT_CACHE_LIMIT) verdictCache.clear();
  verdictCache.set(names, verdict);
  return verdict;
}

/** Elements that are the article or its container by declaration: never dropped by name. */
function isProtected(el: Element, tag: string, role: string | null): boolean {
  if (tag === 'html' || tag === 'body' || tag === 'main' || tag === 'article') return true;
  // Embedded posts carry social-network class names but are part of the story.
  if (tag === 'blockquote' || tag === 'figure') return true;
  if (role === 'main') return true;
  const itemprop = el.getAttribute('itemprop');
  if (itemprop && /articleBody|text/i.test(itemprop)) return true;
  return false;
}

/** Page furniture by tag, role or hidden state: dropped without looking at its text. */
function isIntrinsicSkip(
  el: Element,
  tag: string,
  cls: string | null,
  role: string | null,
): boolean {
  if (SKIP_TAGS.has(tag)) return true;
  // aria-hidden is judged after the subtree is measured (see analyse).
  if (hiddenBy(el, tag, cls, false)) return true;
  if (role && SKIP_ROLES.has(role)) return true;
  if (tag === 'aside' && !isPullQuote(el)) return true;
  return false;
}

function isPullQuote(el: Element): boolean {
  const names = classAndId(el);
  return names !== '' && PULLQUOTE_CLASS.test(names);
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
}

export interface Analysis {
  stats: Map<Element, Stats>;
  paragraphs: Element[];
  headlines: Element[];
  order: Map<Element, number>;
}

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
 * page, cold, and per-character JavaScript is what costs there. A lone white space counts as
 * itself, so only runs of two or more (rare inside prose) are looked at one by one.
 */
function countText(s: string): number {
  lastCommas = 0;
  // Most text nodes are the white space between tags.
  if (!COUNT_VISIBLE.test(s)) return 0;
  let len = s.length;
  COUNT_WS_LONG_RUN.lastIndex = 0;
  for (let m = COUNT_WS_LONG_RUN.exec(s); m; m = COUNT_WS_LONG_RUN.exec(s)) {
    len -= m[0].length - 1;
  }
  // A leading run counts for nothing.
  if (isCountedSpace(s.charCodeAt(0))) len--;
  const commas = s.match(COUNT_COMMA);
  if (commas) lastCommas = commas.length;
  return len;
}

const EMPTY_STATS: Stats = {
  len: 0,
  linkLen: 0,
  links: 0,
  commas: 0,
  hasBlock: false,
  hasInlineText: false,
  dropped: true,
};

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
 * stack, not recursion, so it can stop after any element and resume (`analyseSteps`).
 */
class Analyser {
  readonly stats = new Map<Element, Stats>();
  readonly paragraphs: Element[] = [];
  readonly headlines: Element[] = [];
  readonly order = new Map<Element, number>();
  private counter = 0;
  private h1Count = 0;
  private readonly stack: Frame[] = [];

  constructor(root: Element) {
    this.enter(root, false, 0);
  }

  get analysis(): Analysis {
    const { stats, paragraphs, headlines, order } = this;
    return { stats, paragraphs, headlines, order };
  }

  /** Measures until done (true) or until `due()` says stop (false; call again to go on). */
  run(due: () => boolean): boolean {
    const stack = this.stack;
    let steps = 0;
    while (stack.length > 0) {
      if ((++steps & 255) === 0 && due()) return false;
      const f = stack[stack.length - 1] as Frame;
      const n = f.next;
      if (!n) {
        stack.pop();
        const done = this.finish(f);
        const parent = stack[stack.length - 1];
        if (parent) this.add(parent, f.tag, done);
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
    this.order.set(el, this.counter++);
    // Deeper than a browser's parser ever nests: not text anyone reads.
    if (depth > MAX_DOM_DEPTH) return EMPTY_STATS;
    const tag = tagOf(el);
    const attrs = el.hasAttributes();
    const cls = attrs ? el.getAttribute('class') : null;
    const role = attrs ? el.getAttribute('role') : null;
    if (attrs ? isIntrinsicSkip(el, tag, cls, role) : SKIP_TAGS.has(tag)) {
      this.stats.set(el, EMPTY_STATS);
      return EMPTY_STATS;
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
    };
    // Furniture by name whatever it holds (comments, newsletter, sidebar…): dropped without
    // measuring it, unless it holds an h1 (then it is judged after the walk, as any element).
    if (verdict === 2 && tag !== 'h1' && el.getElementsByTagName('h1').length === 0) {
      s.dropped = true;
      this.stats.set(el, s);
      return s;
    }
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
      ariaHidden: attrs && el.getAttribute('aria-hidden') === 'true',
      next: el.firstChild,
    });
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
export function analyse(root: Element): Analysis {
  const a = new Analyser(root);
  a.run(() => false);
  return a.analysis;
}

function isHeadingTag(tag: string): boolean {
  return (
    tag.length === 2 && tag[0] === 'h' && tag[1] !== undefined && tag[1] >= '1' && tag[1] <= '6'
  );
}

function classWeight(el: Element): number {
  let w = 0;
  const cls = el.getAttribute('class');
  if (cls) {
    if (NEGATIVE_CLASS.test(cls)) w -= CLASS_WEIGHT;
    if (POSITIVE_CLASS.test(cls)) w += CLASS_WEIGHT;
  }
  const id = el.getAttribute('id');
  if (id) {
    if (NEGATIVE_CLASS.test(id)) w -= CLASS_WEIGHT;
    if (POSITIVE_CLASS.test(id)) w += CLASS_WEIGHT;
  }
  const itemprop = el.getAttribute('itemprop');
  if (itemprop && /articleBody/i.test(itemprop)) w += CLASS_WEIGHT * 2;
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

function isPageRoot(el: Element): boolean {
  const tag = tagOf(el);
  return tag === 'body' || tag === 'html';
}

function linkDensity(s: Stats): number {
  return s.len === 0 ? 0 : s.linkLen / s.len;
}

/** Pass two: paragraph scores flow to their ancestors; the best container wins. */
function chooseTopCandidate(a: Analysis): { top: Element; scores: Map<Element, number> } | null {
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
    let anc: Element | null = p.parentElement;
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
    for (let anc = top.parentElement; anc && !isPageRoot(anc); anc = anc.parentElement) {
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
    top.parentElement.children.length === 1
  ) {
    top = top.parentElement;
  }
  return { top, scores: finals };
}

/** Siblings of the top candidate that belong to the story (Readability's sibling join). */
function joinSiblings(top: Element, a: Analysis, scores: Map<Element, number>): Element[] {
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

/** The page's own ideas of its title (og:title, twitter:title, <title>), as word sets. */
function declaredTitles(doc: Document): Set<string>[] {
  const out: Set<string>[] = [];
  for (const meta of doc.querySelectorAll(
    'meta[property="og:title"], meta[name="twitter:title"]',
  )) {
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

/**
 * The headline: the heading (h1 first) that best matches the page's declared title; else an h1
 * inside the body; else the last h1 before the body.
 */
function chooseHeadline(doc: Document, a: Analysis, content: Element[]): Element | null {
  const candidates = a.headlines.filter((h) => {
    const s = a.stats.get(h);
    return s && !s.dropped && s.len > 0 && !isInDropped(h, a);
  });
  if (candidates.length === 0) return null;
  const titles = declaredTitles(doc);
  let best: Element | null = null;
  let bestScore = 0;
  for (const h of candidates) {
    const words = wordsOf(h.textContent || '');
    if (words.size === 0) continue;
    const score = titleMatch(words, titles) + (tagOf(h) === 'h1' ? H1_TITLE_BONUS : 0);
    if (score > bestScore) {
      bestScore = score;
      best = h;
    }
  }
  if (best && bestScore >= HEADLINE_TITLE_MATCH) return best;
  const h1s = candidates.filter((h) => tagOf(h) === 'h1');
  for (const h of h1s) if (content.some((c) => c.contains(h))) return h;
  const first = content[0];
  const firstOrder = first ? (a.order.get(first) ?? 0) : Infinity;
  let before: Element | null = null;
  for (const h of h1s) if ((a.order.get(h) ?? 0) < firstOrder) before = h;
  return before;
}

function isInDropped(el: Element, a: Analysis): boolean {
  for (let anc: Element | null = el; anc; anc = anc.parentElement) {
    const s = a.stats.get(anc);
    if (s?.dropped) return true;
  }
  return false;
}

/** What a short block's words say it is, whatever its markup: furniture, a byline, or neither. */
function shortTextVerdict(raw: string): 'label' | 'drop' | 'byline' | null {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text.length > SHORT_TEXT_MAX_CHARS) return null;
  if (text.length <= FURNITURE_TEXT_MAX_CHARS) {
    if (UI_LABELS.has(text.toLowerCase().replace(/[\s.:…!|]+$/, ''))) return 'label';
    if (FURNITURE_TEXT.test(text)) return 'drop';
  }
  if (text.length <= BYLINE_TEXT_MAX_CHARS && BYLINE_TEXT.test(text)) return 'byline';
  // Every date has a digit: most blocks never need the (costly to compile) date pattern.
  if (text.length <= DATE_TEXT_MAX_CHARS && HAS_DIGIT.test(text) && isDateText(text)) {
    return 'byline';
  }
  return null;
}

/** Pass three: walk the chosen region in document order and name each block's kind. */
class BlockCollector {
  readonly blocks: ArticleBlock[] = [];
  private headlineSeen = false;
  constructor(
    private readonly a: Analysis,
    private readonly headline: Element | null,
  ) {}

  collect(el: Element, inherited: BlockKind | null): void {
    const s = this.a.stats.get(el);
    if (!s || s.dropped || s.len === 0) return;
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
    return STANDFIRST_CLASS.test(classAndId(el));
  }

  private kindOf(el: Element, tag: string): BlockKind {
    const names = classAndId(el);
    if (tag === 'li') return 'list-item';
    if (names) {
      if (CAPTION_CLASS.test(names)) return 'caption';
      if (PULLQUOTE_CLASS.test(names)) return 'blockquote';
      if (BYLINE_CLASS.test(names)) return 'byline';
      if (STANDFIRST_CLASS.test(names)) return 'standfirst';
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

function lowestCommonAncestor(x: Element, y: Element): Element | null {
  const seen = new Set<Element>();
  for (let e: Element | null = x; e; e = e.parentElement) seen.add(e);
  for (let e: Element | null = y; e; e = e.parentElement) if (seen.has(e)) return e;
  return null;
}

function depthBetween(ancestor: Element, el: Element): number {
  let d = 0;
  for (let e: Element | null = el; e && e !== ancestor; e = e.parentElement) d++;
  return d;
}

/** Where the article is: the body's containers in order, and the headline if one was found. */
export interface ArticleRegion {
  /** The top container and the siblings that joined it, in document order. */
  content: Element[];
  headline: Element | null;
  /** @internal pass-one measurements, reused by the block walk. */
  analysis: Analysis;
}

/** Runs a task of this module to its end, without pausing. */
function runToEnd<T>(task: Generator<void, T, void>): T {
  for (;;) {
    const step = task.next();
    if (step.done) return step.value;
  }
}

/** Locates the article body and its headline without collecting blocks. Null: no article. */
export function findArticleRegion(doc: Document): ArticleRegion | null {
  return runToEnd(findArticleRegionTask(doc, () => false));
}

function* findArticleRegionTask(
  doc: Document,
  due: () => boolean,
): Generator<void, ArticleRegion | null, void> {
  // The whole document, not doc.body: a lenient parser (linkedom) may leave a page with
  // several <body> elements, where a browser would have merged them into one.
  const root = doc.documentElement;
  if (!root) return null;
  const analyser = new Analyser(root);
  while (!analyser.run(due)) yield;
  const analysis = analyser.analysis;
  if (due()) yield;
  const chosen = chooseTopCandidate(analysis);
  if (!chosen) return null;
  let content = joinSiblings(chosen.top, analysis, chosen.scores);
  const headline = chooseHeadline(doc, analysis, content);
  if (headline && !content.some((c) => c.contains(headline))) {
    const story = bodyUnderHeadline(headline, content, analysis, chosen.scores);
    if (story) content = joinSiblings(story, analysis, chosen.scores);
  }
  return { content, headline, analysis };
}

/**
 * On a page of several stories (a feed, "next article" appended below), the best-scoring body
 * may belong to another story than the headline. The story of a headline runs from it to the
 * next h1: this returns the best body inside that range, or null when there is none worth it.
 */
function bodyUnderHeadline(
  headline: Element,
  content: Element[],
  a: Analysis,
  scores: Map<Element, number>,
): Element | null {
  const start = a.order.get(headline) ?? 0;
  const title = (headline.textContent || '').trim();
  let next: Element | null = null;
  for (const h of a.headlines) {
    // The next story's h1: later, and not the same headline repeated (splash + article).
    if (tagOf(h) !== 'h1' || h === headline || (a.order.get(h) ?? 0) <= start) continue;
    if ((h.textContent || '').trim() === title) continue;
    next = h;
    break;
  }
  const end = next ? (a.order.get(next) ?? Infinity) : Infinity;
  const first = a.order.get(content[0] as Element) ?? 0;
  // The body starts after its headline and before the next story's: nothing to do.
  if (first > start && first < end) return null;
  let best: Element | null = null;
  let bestScore = SIBLING_MIN_SCORE;
  for (const [el, score] of scores) {
    if (score <= bestScore) continue;
    const order = a.order.get(el) ?? 0;
    const inRange = order > start || el.contains(headline);
    if (!inRange || order >= end || (next && el.contains(next))) continue;
    best = el;
    bestScore = score;
  }
  return best;
}

/**
 * The main article's blocks in reading order: headline, standfirst, body paragraphs,
 * headings, captions, pull quotes, embedded posts. Empty when nothing reads like an article.
 * Never mutates the document.
 */
export function findArticle(doc: Document): ArticleBlock[] {
  return runToEnd(findArticleTask(doc));
}

/**
 * `findArticle` in resumable steps, for the live page: it yields whenever `due()` says the
 * current slice has run long enough (checked every few hundred nodes of the page walk and
 * between passes) and returns the same blocks. The caller lets the page run at each yield and
 * then resumes it; a page that changes meanwhile is read as it is when the walk gets there.
 */
export function* findArticleTask(
  doc: Document,
  due: () => boolean = () => false,
): Generator<void, ArticleBlock[], void> {
  const region = yield* findArticleRegionTask(doc, due);
  if (!region) return [];
  if (due()) yield;
  const { content, headline, analysis: a } = region;

  const collector = new BlockCollector(a, headline);
  const first = content[0];
  if (first && headline && !content.some((c) => c.contains(headline))) {
    // The headline sits above the body (a header beside it): read the region between them for
    // the standfirst and the lead picture's caption, unless they are too far apart.
    const lca = lowestCommonAncestor(headline, first);
    if (lca && depthBetween(lca, first) <= MAX_INTRO_LEVELS) {
      collector.blocks.push({ element: headline, kind: 'headline' });
      const intro = new BlockCollector(a, null);
      const start = a.order.get(headline) ?? 0;
      const end = a.order.get(first) ?? 0;
      collectBetween(lca, start, end, a, intro, headline);
      let introBlocks = intro.blocks
        .filter((b) => b.kind !== 'headline')
        .slice(0, MAX_INTRO_BLOCKS);
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
    } else {
      collector.blocks.push({ element: headline, kind: 'headline' });
    }
  }
  for (const el of content) collector.collect(el, null);
  return relabelIntro(collector.blocks, a);
}

/**
 * Before the first body paragraph, a long heading is the standfirst (sites set it in an h2),
 * and a short "standfirst" is a label ("Key points"), so a heading.
 */
function relabelIntro(blocks: ArticleBlock[], a: Analysis): ArticleBlock[] {
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
    const order = a.order.get(child);
    if (order === undefined) continue;
    if (order >= end) return;
    const next = child.nextElementSibling;
    const nextOrder = next ? (a.order.get(next) ?? Infinity) : Infinity;
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

/**
 * A very cheap first look, for the content script before it runs anything heavier: does the
 * page declare itself an article, or hold enough running text to be one?
 */
export function looksLikeArticle(doc: Document): boolean {
  // Declarations first (a handful of tags), then structure, then running text.
  for (const meta of doc.getElementsByTagName('meta')) {
    const property = meta.getAttribute('property') || meta.getAttribute('name');
    if (
      property === 'og:type' &&
      ARTICLE_OG_TYPE.test((meta.getAttribute('content') || '').trim())
    ) {
      return true;
    }
  }
  for (const script of doc.getElementsByTagName('script')) {
    if (script.getAttribute('type') !== 'application/ld+json') continue;
    if (ARTICLE_LD_TYPE.test(script.textContent || '')) return true;
  }
  if (doc.getElementsByTagName('article').length > 0) return true;
  if (doc.querySelector(ARTICLE_STRUCTURE)) return true;
  let long = 0;
  for (const p of doc.getElementsByTagName('p')) {
    if ((p.textContent || '').length >= MIN_ARTICLE_PARAGRAPH_CHARS) {
      long++;
      if (long >= MIN_ARTICLE_PARAGRAPHS) return true;
    }
  }
  return false;
}
