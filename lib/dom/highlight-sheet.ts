/**
 * The page's `::highlight()` colours while QuoteLens is active on it, and only then (issue 14:
 * a page where QuoteLens is off must not be able to tell it is installed, and
 * `getComputedStyle(el, '::highlight(quotelens-…)')` answers with a colour as long as any rule
 * names it). The rules were once manifest CSS, in every page QuoteLens on or off.
 *
 * When: adding a sheet to a page that has been styled costs a restyle of the whole page
 * (`npm run bench:page`: 4–12 ms on the dev articles, 54 ms on the largest page), while one
 * added before the page's first style pass costs nothing. So a tiny content script at
 * document_start (entrypoints/highlight-sheet.ts) attaches it when QuoteLens is on for the
 * site, and hands it to the main content script (`shareSheet`), whose annotator takes it away
 * when the reader switches QuoteLens off there and puts it back when on. Measured: Chromium
 * answers the settings read before DOMContentLoaded (the script costs 1.9 ms median, the
 * floor of any document_start script); Firefox only 15–55 ms after the load event, still
 * before QuoteLens's first run, so there the restyle is paid then, outside its own slices
 * (Firefox 153, the same sheet adopted on the dev articles: 2–7 ms, 15 ms once on the largest).
 *
 * How: a constructable sheet adopted by the document (no node in the page's DOM), or a
 * `<style>` where adoption fails (Firefox content scripts cannot always adopt a sheet made in
 * their own compartment).
 */

/**
 * Early, the sheet is adopted only into a document still this small. Any `::highlight()` rule
 * costs each element's first style pass something: on a page that builds 1.1 million
 * elements while parsing, a sheet adopted early cost 0.6–2 s of its main thread
 * (`npx playwright test -g "1.1 million"`: 8.0 s without it, 8.6–9.9 s with, 6.4 s with
 * QuoteLens off). Where the settings answer after the page has grown, the annotator adopts it
 * just before it paints (one restyle of an ordinary page: 4–12 ms), or never, on a page too
 * large to read.
 */
export const EARLY_SHEET_MAX_ELEMENTS = 5000;

/**
 * Does `doc` hold fewer than `limit` elements? Counted natively and no further than the limit:
 * a live collection asked for its element at the limit walks the tree in the browser, and
 * nothing of ours visits each element (a TreeWalker from this isolated world made a wrapper
 * for each of the first 5,000 elements, about 1 ms of every page start it ran on).
 */
export function documentIsSmall(doc: Document, limit = EARLY_SHEET_MAX_ELEMENTS): boolean {
  return doc.getElementsByTagName('*').item(Math.max(0, limit - 1)) === null;
}

/** What the annotator needs of the sheet (the two content scripts each bundle their own code). */
export interface SheetHandle {
  readonly attached: boolean;
  attach(): void;
  detach(): void;
}

/**
 * A property of the content scripts' own global: one isolated world (Chromium) or sandbox
 * (Firefox) per extension and frame, shared by its content scripts and out of the page's reach.
 */
const SHARED = '__quotelensHighlightSheet';

export function shareSheet(sheet: SheetHandle): void {
  (globalThis as Record<string, unknown>)[SHARED] = sheet;
}

/** The sheet the document_start script made, or null (it did not run). */
export function sharedSheet(): SheetHandle | null {
  const s = (globalThis as Record<string, unknown>)[SHARED] as Partial<SheetHandle> | undefined;
  return s && typeof s.attach === 'function' && typeof s.detach === 'function'
    ? (s as SheetHandle)
    : null;
}

/** A document's own styles from QuoteLens: an adopted sheet, or a `<style>` where that fails. */
export interface AdoptedStyles {
  sheet: CSSStyleSheet | null;
  styleEl: HTMLStyleElement | null;
}

/**
 * Adds styles to `doc`: a constructable sheet filled by `fill` before it is adopted (adopting
 * it is the one restyle, no node in the page's DOM), or a `<style>` holding `text` where
 * adoption fails (Firefox content scripts cannot always adopt a sheet made in their own
 * compartment), marked `data-quotelens` if asked.
 */
export function adoptStyles(
  doc: Document,
  fill: (sheet: CSSStyleSheet) => void,
  text: string,
  marked = false,
): AdoptedStyles {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  try {
    const Sheet = win?.CSSStyleSheet;
    if (Sheet && 'adoptedStyleSheets' in doc) {
      const sheet = new Sheet();
      fill(sheet);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return { sheet, styleEl: null };
    }
  } catch {
    // Falls back to a <style> below.
  }
  const el = doc.createElement('style');
  if (marked) el.setAttribute('data-quotelens', '');
  el.textContent = text;
  (doc.head ?? doc.documentElement).appendChild(el);
  return { sheet: null, styleEl: el };
}

/** Takes away what adoptStyles added. */
export function dropStyles(doc: Document, styles: AdoptedStyles): void {
  const { sheet } = styles;
  if (sheet) {
    try {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    } catch {
      // The document is gone; nothing to restore.
    }
  }
  styles.styleEl?.remove();
}

export class HighlightSheet implements SheetHandle {
  private styles: AdoptedStyles | null = null;

  constructor(
    private readonly doc: Document,
    private readonly css: string,
  ) {}

  get attached(): boolean {
    return this.styles !== null;
  }

  attach(): void {
    if (this.styles) return;
    this.styles = adoptStyles(this.doc, (sheet) => sheet.replaceSync(this.css), this.css);
  }

  detach(): void {
    if (this.styles) dropStyles(this.doc, this.styles);
    this.styles = null;
  }
}
