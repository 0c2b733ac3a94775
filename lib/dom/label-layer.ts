/**
 * Labels on demand: statements are grouped by the block element they start in, and a group's
 * labels are created and placed only when that block comes near the viewport (an
 * IntersectionObserver per block, 1.5 screens of margin). A page with thousands of quotes thus
 * costs what the reader can see, and text hidden behind "read more" gets its labels when it
 * shows. Reads layout only for the groups it places (all reads, then all writes).
 * Never touches the page's nodes; the view (shadow root) is injected.
 */

import { measureSpace, type RectCache } from './label-space';
import type { BlockSpace } from './labels';
import {
  type Anchor,
  anchorOf,
  type LabelFont,
  type LabelSpec,
  type LabelView,
  measureAnchors,
  type Placement,
  placeLabels,
} from './labels';
import type { Slicer } from './slicer';

const BLOCK_SELECTOR =
  'p,li,blockquote,figcaption,dd,dt,td,th,h1,h2,h3,h4,h5,h6,pre,div,section,article,aside,figure,main,body';
/** How far above and below the viewport labels are made ready, in screen heights. */
const NEAR_SCREENS = 1.5;
const MARGIN = `${NEAR_SCREENS * 100}% 0px ${NEAR_SCREENS * 100}% 0px`;
/** Most groups drawn in one batch (a screenful or more: typically 5–30 groups per screen). */
const BATCH = 64;
/** Budget of one piece of label work outside a run (observer callbacks), ms. */
const IDLE_SLICE_MS = 8;

interface Group {
  order: number;
  el: Element;
  specs: LabelSpec[];
  /** The statements' ranges; their first-character anchors are made when first drawn. */
  ranges: Range[];
  anchors: Range[] | null;
  live: boolean;
}

function blockOf(range: Range): Element | null {
  const node = range.startContainer;
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return el?.closest(BLOCK_SELECTOR) ?? el;
}

export class LabelLayer {
  private groups: Group[] = [];
  private readonly byElement = new Map<Element, Group>();
  private readonly byQuote = new Map<number, Group>();
  private observer: IntersectionObserver | null = null;
  private pending = new Set<Group>();
  private drainTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly doc: Document,
    private readonly view: LabelView,
  ) {}

  /** Replaces all labels with these (in reading order), grouped by block; none drawn yet. */
  async set(
    specs: readonly LabelSpec[],
    rangeOf: (quoteId: number) => Range | null,
    slicer: Slicer,
  ): Promise<void> {
    this.clear();
    for (let i = 0; i < specs.length; i++) {
      if ((i & 127) === 127) await slicer.maybePause();
      const spec = specs[i];
      if (!spec) continue;
      const range = rangeOf(spec.quoteId);
      if (!range) continue;
      const el = blockOf(range);
      if (!el) continue;
      let g = this.byElement.get(el);
      if (!g) {
        g = { order: this.groups.length, el, specs: [], ranges: [], anchors: null, live: false };
        this.groups.push(g);
        this.byElement.set(el, g);
      }
      g.specs.push(spec);
      g.ranges.push(range);
      this.byQuote.set(spec.quoteId, g);
    }
    const IO = (this.doc.defaultView as (Window & typeof globalThis) | null)?.IntersectionObserver;
    if (!IO) {
      // No observer (old engines, some test DOMs): every group is drawn by `firstDraw`.
      for (const g of this.groups) this.pending.add(g);
      return;
    }
    const observer = new IO((entries) => this.onReport(entries), { rootMargin: MARGIN });
    this.observer = observer;
    let i = 0;
    for (const g of this.groups) {
      observer.observe(g.el);
      if ((++i & 127) === 0) await slicer.maybePause();
    }
  }

  /**
   * Draws the groups near the viewport now, within the run's slices, in the same task as the
   * highlights: the page then styles, lays out and repaints once for both, not once for the
   * highlights and again for labels drawn after the observer's first report (a frame later).
   * Near is the observer's own band, read from the blocks' boxes: the page was laid out for
   * the highlights' restyle just before, so these reads lay nothing out. Later groups are drawn
   * as the reader scrolls to them.
   */
  async firstDraw(slicer: Slicer): Promise<void> {
    if (this.observer) {
      const root = this.doc.documentElement;
      const height = root?.clientHeight ?? 0;
      const width = root?.clientWidth ?? 0;
      const top = -NEAR_SCREENS * height;
      const bottom = (1 + NEAR_SCREENS) * height;
      let i = 0;
      for (const g of this.groups) {
        if ((++i & 127) === 0) await slicer.maybePause();
        if (g.live) continue;
        const r = g.el.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        if (r.bottom >= top && r.top <= bottom && r.right >= 0 && r.left <= width) {
          this.pending.add(g);
        }
      }
    }
    await this.drain(slicer);
  }

  /** Draws the group holding this statement now (jumping to a label far away). */
  ensure(quoteId: number): boolean {
    const g = this.byQuote.get(quoteId);
    if (!g) return false;
    if (!g.live) this.draw([g]);
    return true;
  }

  /** Re-measures every drawn label (after a resize, font load, inner scroll). */
  async relayout(slicer: Slicer): Promise<void> {
    const live = this.groups.filter((g) => g.live);
    for (const g of live) {
      this.place([g]);
      await slicer.maybePause();
    }
  }

  /** Number of labels drawn so far. */
  get drawnCount(): number {
    let n = 0;
    for (const g of this.groups) if (g.live) n += g.specs.length;
    return n;
  }

  clear(): void {
    this.observer?.disconnect();
    this.observer = null;
    if (this.drainTimer) clearTimeout(this.drainTimer);
    this.drainTimer = null;
    this.groups = [];
    this.byElement.clear();
    this.byQuote.clear();
    this.pending.clear();
    this.view.clear();
  }

  private onReport(entries: IntersectionObserverEntry[]): void {
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      const g = this.byElement.get(e.target);
      if (g && !g.live) this.pending.add(g);
    }
    this.scheduleDrain();
  }

  private scheduleDrain(): void {
    if (this.drainTimer || this.pending.size === 0) return;
    this.drainTimer = setTimeout(() => {
      this.drainTimer = null;
      const start = performance.now();
      while (this.pending.size > 0 && performance.now() - start < IDLE_SLICE_MS) {
        this.drawNext();
      }
      this.scheduleDrain();
    }, 0);
  }

  private async drain(slicer: Slicer): Promise<void> {
    while (this.pending.size > 0) {
      this.drawNext();
      await slicer.maybePause();
    }
  }

  /**
   * Draws pending groups in reading order, as many as `BATCH` at once: one batch reads all its
   * layout before writing anything, and a second batch in the same task would lay the page out
   * again for the first batch's labels before its own reads.
   */
  private drawNext(): void {
    const batch = [...this.pending].sort((a, b) => a.order - b.order).slice(0, BATCH);
    for (const g of batch) this.pending.delete(g);
    this.draw(batch);
  }

  private draw(groups: Group[]): void {
    const fresh = groups.filter((g) => !g.live);
    // Measure before the labels go in: inserting them first would make the reads lay the page
    // out again for elements that cannot move its text (they sit in the overlay).
    const measured = this.measure(fresh);
    fresh.forEach((g, i) => {
      g.live = true;
      this.observer?.unobserve(g.el);
      this.view.add(g.order, g.specs, measured[i]?.font);
    });
    this.apply(fresh, measured);
  }

  /** All reads first (anchors of these groups), then all writes. */
  private place(groups: Group[]): void {
    this.apply(groups, this.measure(groups));
  }

  private measure(groups: Group[]): Measured[] {
    if (groups.length === 0) return [];
    const origin = this.view.origin();
    const cache: RectCache = new Map();
    return groups.map((g) => {
      g.anchors ??= g.ranges.map(anchorOf);
      return {
        anchors: measureAnchors(g.anchors, origin),
        space: measureSpace(g.el, origin, cache),
        font: fontOf(g.ranges[0]),
      };
    });
  }

  private apply(groups: Group[], measured: Measured[]): void {
    groups.forEach((g, i) => {
      const m = measured[i];
      const placements: (Placement | null)[] = placeLabels(
        m?.anchors ?? [],
        g.specs.map((s) => s.text),
        m?.space,
      );
      this.view.place(
        g.specs.map((s) => s.quoteId),
        placements,
      );
    });
  }
}

interface Measured {
  anchors: (Anchor | null)[];
  space: BlockSpace;
  font: LabelFont | undefined;
}

/** The computed face of the text a statement starts in (a style read, no layout). */
function fontOf(range: Range | undefined): LabelFont | undefined {
  const node = range?.startContainer;
  const el = node?.nodeType === 1 ? (node as Element) : node?.parentElement;
  const cs = el?.ownerDocument.defaultView?.getComputedStyle(el);
  if (!cs?.fontFamily) return undefined;
  return { family: cs.fontFamily, weight: cs.fontWeight, style: cs.fontStyle };
}
