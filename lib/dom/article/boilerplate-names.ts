/**
 * Boilerplate by name and role: page furniture (navigation, comments, newsletters, teasers,
 * share bars, ads) recognised from its tag, ARIA role, and class/id/data-component words,
 * before any of its text is read. Pull quotes and embedded posts are told apart here too.
 */
import { classAndId } from './elements';
import { hiddenBy } from './visibility';

/** Subtrees that never hold article text a reader sees. */
export const SKIP_TAGS = new Set([
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
export const WEAK_FURNITURE_KEEP_CHARS = 400;
/** ...with no more than this share of it in links. */
export const WEAK_FURNITURE_KEEP_LINK_DENSITY = 0.33;

/**
 * Class tokens that name a layout state, not content ("has-sidebar"): never furniture. The
 * word before a token's first `-` (a Set, not a pattern: nothing to compile, cold).
 */
const STATE_PREFIXES: ReadonlySet<string> = new Set([
  'has',
  'with',
  'no',
  'is',
  'js',
  'show',
  'hide',
  'l',
  'u',
  't',
  'theme',
  'page',
  'body',
  'template',
  'layout',
]);
/** An embedded post's wrapper (`social-media-embed`): part of the story, whatever else it says. */
const EMBED_WORD = /(?:^|[-_])embed(?:ded)?(?:[-_]|$)/;
/** The same inside a token: `content-with-sidebar` is the content beside a sidebar. */
const STATE_INFIX = /[-_](?:with|has|no|without)[-_][a-z0-9]+/g;

/** @internal Whether a token opens with a layout state's word and a `-` ("has-sidebar"). */
export function isStateToken(token: string): boolean {
  const dash = token.indexOf('-');
  return dash > 0 && STATE_PREFIXES.has(token.slice(0, dash));
}

/** What every STATE_INFIX match holds: a state's word between two of `-` and `_`. */
const STATE_INFIX_WORDS = ['with', 'has', 'no', 'without'].flatMap((w) =>
  ['-', '_'].flatMap((a) => ['-', '_'].map((b) => `${a}${w}${b}`)),
);

/** @internal `token` less its inner layout states; STATE_INFIX runs only where it can match. */
export function withoutStateInfix(token: string): string {
  for (const w of STATE_INFIX_WORDS) if (token.includes(w)) return token.replace(STATE_INFIX, '');
  return token;
}

/** @internal EMBED_WORD, run only on tokens holding "embed". */
export function isEmbedToken(token: string): boolean {
  return token.includes('embed') && EMBED_WORD.test(token);
}

/** Matched against classAndId's lower-case names. */
const PULLQUOTE_CLASS = /pull-?quote|pullquote|(?:^|[-_\s])quote(?:[-_\s]|$)|blockquote/;

/**
 * PULLQUOTE_CLASS over classAndId's names, run only where it can match (every match holds
 * "quote"): most pages then never compile it, and compiling a pattern cold costs more than
 * the page's whole use of it.
 */
export function isPullQuoteName(names: string): boolean {
  return names.includes('quote') && PULLQUOTE_CLASS.test(names);
}

/** Bound of the per-class-string cache (pages repeat the same few class lists thousands of times). */
const VERDICT_CACHE_LIMIT = 4096;

/** 2: the class tokens or id name the element as furniture for sure; 1: maybe; 0: no. */
export function furnitureByName(el: Element, cls: string | null): 0 | 1 | 2 {
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
    const token = withoutStateInfix(raw.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase());
    if (isStateToken(token) || isEmbedToken(token)) continue;
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
export function isProtected(el: Element, tag: string, role: string | null): boolean {
  if (tag === 'html' || tag === 'body' || tag === 'main' || tag === 'article') return true;
  // Embedded posts carry social-network class names but are part of the story.
  if (tag === 'blockquote' || tag === 'figure') return true;
  if (role === 'main') return true;
  const itemprop = el.getAttribute('itemprop');
  // Lower-cased, not an `i` pattern: nothing to compile, cold (no other letter lower-cases
  // into these words).
  if (itemprop) {
    const lower = itemprop.toLowerCase();
    if (lower.includes('articlebody') || lower.includes('text')) return true;
  }
  return false;
}

/** Page furniture by tag, role or hidden state: dropped without looking at its text. */
export function isIntrinsicSkip(
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

export function isPullQuote(el: Element): boolean {
  return isPullQuoteName(classAndId(el));
}
