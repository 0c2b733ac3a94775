/**
 * Visibility: whether an element is shown as text, judged from its tag and attributes only
 * (`hidden`, inline `display:none`, screen-reader-only classes, `aria-hidden`). It never reads
 * layout, so the CLI (linkedom) and the live page decide the same way.
 */
import { tagOf } from './elements';

/**
 * Text a screen reader gets but the eye does not ("Image caption,", "Advertisement"). Matched
 * against the lower-cased class, without the `i` flag (costly to compile cold).
 */
const VISUALLY_HIDDEN_CLASS =
  /(?:^|\s)(?:sr-only|sr-text|visually-?hidden|visuallyhidden|screen-?reader[\w-]*|offscreen|a11y-hidden|is-hidden|hidden|hide|u-hidden|element-invisible|off-screen)(?:\s|$)/;

/** Inline style that hides an element (no layout read: the attribute only). */
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/;

/** An aria-hidden subtree with this much text is a page wrapper behind a dialog, not decoration. */
export const ARIA_HIDDEN_KEEP_CHARS = 1500;

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

/**
 * On a live page, whether the browser renders the element: its stylesheets may hide what no
 * attribute says (a `.teaser-hover { display: none }`, a collapsed menu). Attributes decide
 * everywhere (the CLI has no layout); this adds what only a laid-out page knows. Where
 * `checkVisibility` is missing (linkedom, older engines) everything counts as shown.
 */
export function isRendered(el: Element): boolean {
  const check = (el as { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check !== 'function') return true;
  if (check.call(el, { visibilityProperty: true })) return true;
  // `display: contents` has no box of its own, yet its children are shown.
  const view = el.ownerDocument?.defaultView;
  return !!view && view.getComputedStyle(el).display === 'contents';
}

/** isHiddenElement with the tag and class already read (attribute reads cost on big pages). */
export function hiddenBy(el: Element, tag: string, cls: string | null, withAria = true): boolean {
  if (NEVER_TEXT_TAGS.has(tag)) return true;
  if (cls && hiddenByClass(cls)) return true;
  if (el.hasAttribute('hidden')) return true;
  if (withAria && el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && isHidingStyle(style.toLowerCase());
}

/**
 * @internal HIDDEN_STYLE over a lower-cased style attribute, run only where it can match: a
 * pattern compiles at its first use, cold, which costs more than the page's whole use of it.
 */
export function isHidingStyle(style: string): boolean {
  return (style.includes('none') || style.includes('hidden')) && HIDDEN_STYLE.test(style);
}

/** Words every VISUALLY_HIDDEN_CLASS match holds. */
const VISUALLY_HIDDEN_WORDS = ['sr-', 'hid', 'screen', 'invisible'];

/** @internal VISUALLY_HIDDEN_CLASS over lower-cased class names, run only where it can match. */
export function isVisuallyHiddenClass(lower: string): boolean {
  for (const w of VISUALLY_HIDDEN_WORDS) {
    if (lower.includes(w)) return VISUALLY_HIDDEN_CLASS.test(lower);
  }
  return false;
}

/** Bound of the per-class-string caches (pages repeat the same few class lists thousands of times). */
const VERDICT_CACHE_LIMIT = 4096;

/** VISUALLY_HIDDEN_CLASS by class string: long utility-class lists repeat all over a page. */
const hiddenClassCache = new Map<string, boolean>();

function hiddenByClass(cls: string): boolean {
  let hidden = hiddenClassCache.get(cls);
  if (hidden === undefined) {
    hidden = isVisuallyHiddenClass(cls.toLowerCase());
    if (hiddenClassCache.size >= VERDICT_CACHE_LIMIT) hiddenClassCache.clear();
    hiddenClassCache.set(cls, hidden);
  }
  return hidden;
}
