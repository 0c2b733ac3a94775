/**
 * Paints statements on the live page in their speaker's colour.
 *
 * Prefers the CSS Custom Highlight API: Ranges go into named `Highlight`s (one per speaker and
 * style) styled by `::highlight()` rules, so the page's text nodes are never split, wrapped or
 * otherwise touched. The rules come from the static sheet (highlight-style.ts, attached by
 * highlight-sheet.ts) where the page has it (`staticSheet`); any it lacks go into a sheet adopted by the document. Where the API is missing it wraps
 * text in `<ql-mark>` elements and remembers every split so `clear()` puts back the very same
 * text nodes. Either way `clear()` leaves `document.body.innerHTML` exactly as it was.
 * Never reads layout; never changes anything but its own highlights, sheet and wrappers.
 */

import { type AdoptedStyles, adoptStyles, dropStyles } from './highlight-sheet';
import {
  dimDeclarations,
  dimName,
  FLASH_DECLARATIONS,
  FLASH_NAME,
  hasStaticRule,
  highlightName,
  highlightSelector,
  type MarkStyle,
  markDeclarations,
  type SheetTarget,
  type Theme,
} from './highlight-style';
import { textPieces } from './text-pieces';

export type { MarkStyle, Theme } from './highlight-style';
export { dimName, FLASH_NAME, highlightName, markDeclarations } from './highlight-style';

export interface Mark {
  /** The quote id; jump/flash/dim address marks by it. */
  id: number;
  range: Range;
  /** Speaker id (colour) or null for an unknown speaker. */
  speakerId: number | null;
  style: MarkStyle;
  /** Inside another statement: painted above its parent. */
  nested: boolean;
}

export interface Highlighter {
  readonly mode: 'highlight-api' | 'wrap';
  /** Adds marks (may be called repeatedly, e.g. chunk by chunk). */
  paint(marks: readonly Mark[]): void;
  /** Dims every mark whose id is not kept; `null` undims all. */
  dim(keep: ((mark: Mark) => boolean) | null): void;
  /** Briefly emphasises the marks with this quote id. */
  flash(id: number, ms?: number): void;
  /** Removes every mark and style; the page is as before `paint`. */
  clear(): void;
  /** Whether `node` is one of this highlighter's own nodes (wrap mode only). */
  owns(node: Node): boolean;
  /**
   * A Range over the painted statement, valid after painting (wrapping moves text nodes,
   * which collapses the Ranges that were passed in).
   */
  rangeOf(id: number): Range | null;
}

/** Tag of the fallback wrappers: a custom element so no page rule for `span`/`mark` matches it. */
export const WRAP_TAG = 'ql-mark';

interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): unknown;
  clear(): void;
  priority: number;
}

interface HighlightApi {
  registry: { set(name: string, h: HighlightLike): unknown; delete(name: string): unknown };
  create(): HighlightLike;
}

/** The Highlight API of `doc`'s window, or null where it is missing. */
export function highlightApi(doc: Document): HighlightApi | null {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const css = win?.CSS as { highlights?: HighlightApi['registry'] } | undefined;
  const Ctor = (win as unknown as { Highlight?: new () => HighlightLike } | null)?.Highlight;
  if (!css?.highlights || typeof Ctor !== 'function') return null;
  const registry = css.highlights;
  return { registry, create: () => new Ctor() };
}

/** Holds the rules: an adopted constructable sheet, or a <style> in <head> where adoption fails. */
class RuleSheet {
  private styles: AdoptedStyles | null = null;
  private readonly rules = new Set<string>();
  private pending: string[] = [];

  constructor(private readonly doc: Document) {}

  /** Queues a rule; `flush()` writes the queue (one restyle of the page per flush, not per rule). */
  add(selector: string, declarations: string): void {
    if (this.rules.has(selector)) return;
    this.rules.add(selector);
    this.pending.push(`${selector}{${declarations}}`);
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const rules = this.pending;
    this.pending = [];
    if (!this.styles)
      this.styles = adoptStyles(this.doc, (sheet) => insert(sheet, rules), rules.join(''), true);
    else if (this.styles.sheet) insert(this.styles.sheet, rules);
    else if (this.styles.styleEl) this.styles.styleEl.textContent += rules.join('');
  }

  remove(): void {
    if (this.styles) dropStyles(this.doc, this.styles);
    this.styles = null;
    this.rules.clear();
    this.pending = [];
  }
}

function insert(sheet: CSSStyleSheet, rules: string[]): void {
  for (const rule of rules) {
    try {
      sheet.insertRule(rule, sheet.cssRules.length);
    } catch {
      // A rule this engine cannot parse (e.g. an older ::highlight syntax) is skipped.
    }
  }
}

/** Priorities: nested statements above their parent, dimming above both, the flash on top. */
const PRIORITY = { fragment: 1, statement: 1, nested: 2, dim: 3, flash: 4 } as const;

class ApiHighlighter implements Highlighter {
  readonly mode = 'highlight-api' as const;
  private readonly groups = new Map<string, HighlightLike>();
  private readonly marks: Mark[] = [];
  private readonly byId = new Map<number, Mark[]>();
  private readonly sheet: RuleSheet;
  private dimHighlight: HighlightLike | null = null;
  private flashHighlight: HighlightLike | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | null = null;
  private keep: ((mark: Mark) => boolean) | null = null;

  constructor(
    doc: Document,
    private readonly api: HighlightApi,
    private readonly theme: Theme,
    private readonly staticSheet = false,
    private readonly target: SheetTarget = 'chromium',
  ) {
    this.sheet = new RuleSheet(doc);
  }

  /** Adds the rule for a highlight name unless the static sheet already styles it. */
  private addRule(name: string, inStaticSheet: boolean, declarations: () => string): void {
    if (this.staticSheet && inStaticSheet) return;
    this.sheet.add(highlightSelector(name, this.target), declarations());
  }

  private group(mark: Mark): HighlightLike {
    const name = highlightName(mark.speakerId, mark.style, mark.nested, this.theme);
    let h = this.groups.get(name);
    if (!h) {
      h = this.api.create();
      h.priority = mark.nested ? PRIORITY.nested : PRIORITY[mark.style];
      this.api.registry.set(name, h);
      this.groups.set(name, h);
      this.addRule(name, hasStaticRule(mark.speakerId), () =>
        markDeclarations(mark.speakerId, mark.style, mark.nested, this.theme),
      );
    }
    return h;
  }

  paint(marks: readonly Mark[]): void {
    for (const mark of marks) {
      this.marks.push(mark);
      const list = this.byId.get(mark.id);
      if (list) list.push(mark);
      else this.byId.set(mark.id, [mark]);
      this.group(mark).add(mark.range);
      if (this.keep && !this.keep(mark)) this.ensureDim().add(mark.range);
    }
    this.sheet.flush();
  }

  private ensureDim(): HighlightLike {
    if (!this.dimHighlight) {
      this.dimHighlight = this.api.create();
      this.dimHighlight.priority = PRIORITY.dim;
      this.api.registry.set(dimName(this.theme), this.dimHighlight);
      this.addRule(
        dimName(this.theme),
        true,
        () => `${dimDeclarations(this.theme)}text-decoration:none!important;`,
      );
      this.sheet.flush();
    }
    return this.dimHighlight;
  }

  dim(keep: ((mark: Mark) => boolean) | null): void {
    this.keep = keep;
    this.dimHighlight?.clear();
    if (!keep) return;
    const dimmed = this.ensureDim();
    for (const mark of this.marks) if (!keep(mark)) dimmed.add(mark.range);
  }

  flash(id: number, ms = 1200): void {
    if (!this.flashHighlight) {
      this.flashHighlight = this.api.create();
      this.flashHighlight.priority = PRIORITY.flash;
      this.api.registry.set(FLASH_NAME, this.flashHighlight);
      this.addRule(FLASH_NAME, true, () => FLASH_DECLARATIONS);
      this.sheet.flush();
    }
    const flash = this.flashHighlight;
    flash.clear();
    for (const mark of this.byId.get(id) ?? []) flash.add(mark.range);
    if (this.flashTimer) clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => flash.clear(), ms);
  }

  clear(): void {
    if (this.flashTimer) clearTimeout(this.flashTimer);
    this.flashTimer = null;
    for (const name of this.groups.keys()) this.api.registry.delete(name);
    this.groups.clear();
    if (this.dimHighlight) this.api.registry.delete(dimName(this.theme));
    if (this.flashHighlight) this.api.registry.delete(FLASH_NAME);
    this.dimHighlight = null;
    this.flashHighlight = null;
    this.marks.length = 0;
    this.byId.clear();
    this.keep = null;
    this.sheet.remove();
  }

  owns(): boolean {
    return false;
  }

  rangeOf(id: number): Range | null {
    return this.byId.get(id)?.[0]?.range ?? null;
  }
}

/** One piece of a text node to wrap, with the class of the mark that wins there. */
interface Cut {
  node: Text;
  start: number;
  end: number;
  mark: Mark;
  rank: number;
}

/** A wrapper and the split it caused: enough to undo it exactly. */
interface WrapRecord {
  wrapper: HTMLElement;
  mark: Mark;
}

/**
 * The fallback: wraps each covered piece of text in a `<ql-mark>`. Splits are undone by
 * appending the split-off text back to the original node, so the page keeps its own nodes.
 */
class WrapHighlighter implements Highlighter {
  readonly mode = 'wrap' as const;
  private readonly records: WrapRecord[] = [];
  private readonly wrappers = new Set<Node>();
  /** Quote id → its wrappers in document order. */
  private readonly byId = new Map<number, HTMLElement[]>();
  /** Original text node → the nodes split off it, in document order. */
  private readonly splits = new Map<Text, Text[]>();
  /** Split-off piece → the page's original text node it came from. */
  private readonly pieceOwner = new Map<Text, Text>();
  private readonly sheet: RuleSheet;
  private flashTimer: ReturnType<typeof setTimeout> | null = null;
  private keep: ((mark: Mark) => boolean) | null = null;
  private rankCounter = 0;

  constructor(
    private readonly doc: Document,
    private readonly theme: Theme,
  ) {
    this.sheet = new RuleSheet(doc);
    this.sheet.add(
      `${WRAP_TAG}[data-dim]`,
      `${dimDeclarations(theme)}text-decoration:none!important;`,
    );
    this.sheet.add(`${WRAP_TAG}[data-flash]`, FLASH_DECLARATIONS);
  }

  paint(marks: readonly Mark[]): void {
    // Read every piece first: wrapping moves text nodes, which would collapse later live ranges.
    // A nested mark painted after its parent wraps inside the parent's wrapper.
    const byNode = new Map<Text, Cut[]>();
    for (const mark of marks) {
      const rank = (mark.nested ? 1_000_000 : 0) + this.rankCounter++;
      for (const p of textPieces(mark.range)) {
        const cut: Cut = { ...p, mark, rank };
        const list = byNode.get(p.node);
        if (list) list.push(cut);
        else byNode.set(p.node, [cut]);
      }
    }
    for (const [node, cuts] of byNode) this.wrapNode(node, cuts);
    this.sheet.flush();
  }

  private wrapNode(node: Text, cuts: Cut[]): void {
    const bounds = new Set<number>([0, node.data.length]);
    for (const c of cuts) {
      bounds.add(c.start);
      bounds.add(c.end);
    }
    const points = [...bounds].sort((a, b) => a - b);
    // Split from the end so earlier offsets stay valid in `node`.
    const pieces: { node: Text; start: number; end: number }[] = [];
    const created: Text[] = [];
    for (let i = points.length - 2; i >= 0; i--) {
      const start = points[i] ?? 0;
      const end = points[i + 1] ?? start;
      if (start > 0) {
        const piece = node.splitText(start);
        created.unshift(piece);
        pieces.unshift({ node: piece, start, end });
      } else {
        pieces.unshift({ node, start, end });
      }
    }
    if (created.length > 0) {
      const original = this.pieceOwner.get(node) ?? node;
      const list = this.splits.get(original) ?? [];
      // New pieces come right after `node` in the original's run.
      const at = node === original ? 0 : list.indexOf(node) + 1;
      list.splice(at, 0, ...created);
      this.splits.set(original, list);
      for (const piece of created) this.pieceOwner.set(piece, original);
    }
    for (const piece of pieces) {
      let best: Cut | null = null;
      for (const c of cuts) {
        if (c.start <= piece.start && c.end >= piece.end && (!best || c.rank > best.rank)) best = c;
      }
      if (!best) continue;
      const wrapper = this.doc.createElement(WRAP_TAG);
      const name = highlightName(
        best.mark.speakerId,
        best.mark.style,
        best.mark.nested,
        this.theme,
      );
      wrapper.setAttribute('data-ql', name);
      wrapper.setAttribute('data-ql-id', String(best.mark.id));
      this.sheet.add(
        `${WRAP_TAG}[data-ql="${name}"]`,
        markDeclarations(best.mark.speakerId, best.mark.style, best.mark.nested, this.theme),
      );
      if (this.keep && !this.keep(best.mark)) wrapper.setAttribute('data-dim', '');
      piece.node.parentNode?.insertBefore(wrapper, piece.node);
      wrapper.appendChild(piece.node);
      this.records.push({ wrapper, mark: best.mark });
      this.wrappers.add(wrapper);
      const own = this.byId.get(best.mark.id);
      if (own) own.push(wrapper);
      else this.byId.set(best.mark.id, [wrapper]);
    }
  }

  dim(keep: ((mark: Mark) => boolean) | null): void {
    this.keep = keep;
    for (const r of this.records) {
      if (keep && !keep(r.mark)) r.wrapper.setAttribute('data-dim', '');
      else r.wrapper.removeAttribute('data-dim');
    }
  }

  flash(id: number, ms = 1200): void {
    const lit: HTMLElement[] = [];
    for (const r of this.records) {
      if (r.mark.id === id) {
        r.wrapper.setAttribute('data-flash', '');
        lit.push(r.wrapper);
      }
    }
    if (this.flashTimer) clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => {
      for (const w of lit) w.removeAttribute('data-flash');
    }, ms);
  }

  clear(): void {
    if (this.flashTimer) clearTimeout(this.flashTimer);
    this.flashTimer = null;
    // Unwrap: each wrapper holds exactly the text node it was given.
    for (let i = this.records.length - 1; i >= 0; i--) {
      const wrapper = this.records[i]?.wrapper;
      if (!wrapper) continue;
      const parent = wrapper.parentNode;
      if (parent) {
        while (wrapper.firstChild) parent.insertBefore(wrapper.firstChild, wrapper);
        parent.removeChild(wrapper);
      }
    }
    // Re-join splits into the page's own text node.
    for (const [original, pieces] of this.splits) {
      let joined = '';
      for (const p of pieces) {
        if (p.parentNode === original.parentNode) {
          joined += p.data;
          p.parentNode?.removeChild(p);
        }
      }
      if (joined) original.appendData(joined);
    }
    this.records.length = 0;
    this.wrappers.clear();
    this.byId.clear();
    this.splits.clear();
    this.pieceOwner.clear();
    this.keep = null;
    this.sheet.remove();
  }

  rangeOf(id: number): Range | null {
    const list = this.byId.get(id);
    if (!list || list.length === 0) return null;
    const first = list.reduce((a, b) => (a.compareDocumentPosition(b) & 2 /* PRECEDING */ ? b : a));
    const last = list.reduce((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? b : a));
    const range = this.doc.createRange();
    range.setStart(first, 0);
    range.setEnd(last, last.childNodes.length);
    return range;
  }

  owns(node: Node): boolean {
    if (this.wrappers.has(node)) return true;
    return node.nodeType === 1 && (node as Element).localName === WRAP_TAG;
  }
}

export interface HighlighterOptions {
  theme?: Theme;
  /** Use the wrapping fallback even where the Highlight API exists (tests). */
  forceWrap?: boolean;
  /**
   * The page already has the static `::highlight()` sheet (attached by the annotator,
   * highlight-sheet.ts): add rules only for names it lacks.
   */
  staticSheet?: boolean;
  /** The engine the rules are written for (highlight-style.ts highlightSelector). */
  sheetTarget?: SheetTarget;
}

export function createHighlighter(doc: Document, options: HighlighterOptions = {}): Highlighter {
  const theme = options.theme ?? 'light';
  const api = options.forceWrap ? null : highlightApi(doc);
  return api
    ? new ApiHighlighter(doc, api, theme, options.staticSheet, options.sheetTarget)
    : new WrapHighlighter(doc, theme);
}
