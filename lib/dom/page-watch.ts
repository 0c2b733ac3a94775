/**
 * Watches the live page for what should make QuoteLens look again or move its labels:
 * content arriving in the article (debounced MutationObserver scoped to the article, blind to
 * QuoteLens's own nodes and to the mutations QuoteLens itself makes), single-page-app
 * navigation (Navigation API, popstate, and a cheap URL poll because a content script cannot
 * see the page's own `history.pushState` calls), and layout changes (resize, fonts, scrolling
 * inner containers). Never changes the page.
 */

export interface WatchHandlers {
  /** Article content changed (debounced, with a maximum wait: MAX_WAIT_DEBOUNCES). */
  contentChanged(): void;
  /** The URL changed other than in its fragment. */
  navigated(url: string): void;
  /** Something moved text on screen (at most once per frame). */
  layoutChanged(): void;
  /** Whether a node belongs to QuoteLens (labels host, fallback wrappers). */
  isOwn(node: Node): boolean;
}

export interface WatchOptions {
  /** Quiet time before a content change is reported, ms. */
  debounceMs?: number;
  /** URL poll interval, ms (0: no polling). */
  pollMs?: number;
}

const TEXT_NODE = 3;
/**
 * A content change is reported after `debounceMs` of quiet, or at the latest this many
 * debounces after the first change not yet reported: a page that changes more often than the
 * debounce (a live clock, a ticker every 100 ms) would otherwise never be looked at again, and
 * its new statements never read. The wait still grows with the annotator's back-off.
 */
export const MAX_WAIT_DEBOUNCES = 5;

/** The URL without its fragment: a jump within the page is not a navigation. */
export function pageKey(href: string): string {
  const hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}

export class PageWatch {
  private readonly observer: MutationObserver | null;
  private readonly resizeObserver: ResizeObserver | null;
  private root: Element | null = null;
  private debounce: ReturnType<typeof setTimeout> | null = null;
  /** When the first change not yet reported came (Date.now()), 0 when none is pending. */
  private pendingSince = 0;
  private poll: ReturnType<typeof setInterval> | null = null;
  private frame = 0;
  private lastKey: string;
  private readonly cleanups: (() => void)[] = [];
  private stopped = false;
  private resizePrimed = false;
  private debounceMs: number;

  constructor(
    private readonly doc: Document,
    private readonly handlers: WatchHandlers,
    options: WatchOptions = {},
  ) {
    this.debounceMs = options.debounceMs ?? 400;
    const win = doc.defaultView;
    this.lastKey = pageKey(doc.location?.href ?? '');
    const MO = (win as (Window & typeof globalThis) | null)?.MutationObserver;
    this.observer = MO ? new MO((records) => this.onRecords(records)) : null;
    const RO = (win as (Window & typeof globalThis) | null)?.ResizeObserver;
    // A ResizeObserver reports every target once when observed: that first call is no change.
    this.resizeObserver = RO
      ? new RO(() => {
          if (this.resizePrimed) this.scheduleLayout();
          this.resizePrimed = true;
        })
      : null;
    if (!win) return;

    const onResize = () => this.scheduleLayout();
    win.addEventListener('resize', onResize, { passive: true });
    this.cleanups.push(() => win.removeEventListener('resize', onResize));
    // Scrolling inside a container moves its text but not our document-positioned labels.
    const onScroll = (e: Event) => {
      if (e.target !== doc && e.target !== doc.documentElement) this.scheduleLayout();
    };
    doc.addEventListener('scroll', onScroll, { capture: true, passive: true });
    this.cleanups.push(() => doc.removeEventListener('scroll', onScroll, { capture: true }));
    const fonts = (doc as Document & { fonts?: EventTarget }).fonts;
    if (fonts?.addEventListener) {
      fonts.addEventListener('loadingdone', onResize);
      this.cleanups.push(() => fonts.removeEventListener('loadingdone', onResize));
    }

    const check = () => this.checkUrl();
    win.addEventListener('popstate', check);
    win.addEventListener('hashchange', check);
    this.cleanups.push(() => {
      win.removeEventListener('popstate', check);
      win.removeEventListener('hashchange', check);
    });
    const nav = (win as Window & { navigation?: EventTarget }).navigation;
    if (nav?.addEventListener) {
      nav.addEventListener('currententrychange', check);
      this.cleanups.push(() => nav.removeEventListener('currententrychange', check));
    }
    const pollMs = options.pollMs ?? 1000;
    if (pollMs > 0) this.poll = setInterval(check, pollMs);
  }

  /** Changes the quiet time before a content change is reported (backing off busy pages). */
  setDebounce(ms: number): void {
    this.debounceMs = ms;
  }

  /** Scopes the content observer to `root` (the article), or stops it with null. */
  observe(root: Element | null): void {
    if (this.stopped) return;
    this.observer?.disconnect();
    this.resizeObserver?.disconnect();
    this.root = root;
    this.resizePrimed = false;
    if (!root) return;
    this.observer?.observe(root, { childList: true, subtree: true, characterData: true });
    this.resizeObserver?.observe(root);
    if (this.doc.body && this.doc.body !== root) this.resizeObserver?.observe(this.doc.body);
  }

  /** Before QuoteLens changes the DOM: hand over the page's own pending changes first. */
  suspend(): void {
    const pending = this.observer?.takeRecords() ?? [];
    if (pending.length > 0) this.onRecords(pending);
  }

  /** After QuoteLens changed the DOM: forget the mutations it caused itself. */
  resume(): void {
    this.observer?.takeRecords();
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    this.resizeObserver?.disconnect();
    if (this.debounce) clearTimeout(this.debounce);
    if (this.poll) clearInterval(this.poll);
    if (this.frame) cancelAnimationFrame(this.frame);
    for (const c of this.cleanups) c();
    this.cleanups.length = 0;
  }

  /** Checks the URL now (also polled): reports a navigation once per new address. */
  checkUrl(): void {
    if (this.stopped) return;
    const key = pageKey(this.doc.location?.href ?? '');
    if (key === this.lastKey) return;
    this.lastKey = key;
    this.handlers.navigated(this.doc.location.href);
  }

  private onRecords(records: MutationRecord[]): void {
    if (this.stopped) return;
    for (const r of records) {
      if (this.isRelevant(r)) {
        this.scheduleContent();
        return;
      }
    }
  }

  private isRelevant(r: MutationRecord): boolean {
    const own = this.handlers.isOwn;
    if (own(r.target)) return false;
    if (r.type === 'characterData') return true;
    const nodes = [...r.addedNodes, ...r.removedNodes];
    if (nodes.length === 0) return false;
    // White-space-only text churn (frameworks re-rendering) is not new content.
    return nodes.some((n) => !own(n) && !(n.nodeType === TEXT_NODE && !(n.nodeValue ?? '').trim()));
  }

  private scheduleContent(): void {
    const now = Date.now();
    if (this.pendingSince === 0) this.pendingSince = now;
    const latest = this.pendingSince + this.debounceMs * MAX_WAIT_DEBOUNCES;
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(
      () => {
        this.debounce = null;
        this.pendingSince = 0;
        if (!this.stopped) this.handlers.contentChanged();
      },
      Math.max(0, Math.min(this.debounceMs, latest - now)),
    );
  }

  private scheduleLayout(): void {
    if (this.frame || this.stopped) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      if (!this.stopped) this.handlers.layoutChanged();
    });
  }

  get scope(): Element | null {
    return this.root;
  }
}
