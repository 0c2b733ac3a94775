/**
 * Speaker labels on the page: what each label says, where it goes, and the card's facts.
 *
 * The words (`labelSpecs`: full name the first time a speaker appears, short form after,
 * "unknown speaker", both speakers for a nested quote) and the card facts (`cardFacts`) are pure.
 * `anchorOf`/`measureAnchors` read layout in one batch (all reads, no writes) and
 * `placeLabels` resolves overlaps without touching the DOM, so the view can write everything
 * afterwards in one go. The view itself (closed shadow root, Preact) is components/page/.
 * Never changes the page's own nodes.
 */
import { type Quote, type Speaker, SURE_CONFIDENCE } from '../quotes/types';
import { textPieces } from './text-pieces';

export const UNKNOWN_SPEAKER = 'unknown speaker';
/** Longest label text before it is cut with an ellipsis (the card has the full name). */
const MAX_LABEL_CHARS = 28;

export interface LabelSpec {
  quoteId: number;
  speakerId: number | null;
  /** What the label shows. */
  text: string;
  /** Fullest name, or "unknown speaker". */
  fullName: string;
  /** The accessible name: "Statement by NAME" (+ ", quoted by OUTER" when nested). */
  ariaLabel: string;
  fragment: boolean;
  nested: boolean;
  /** The engine is not sure of the speaker (confidence below SURE_CONFIDENCE): shown as a guess. */
  guess: boolean;
  /** Said after the name by screen readers: that the speaker is a guess, and the runner-up. */
  ariaDescription: string | null;
  /** What a compact marker shows: the initial of the speaker's short name ("?" if unknown). */
  initial: string;
}

/**
 * Whether a quote's speaker is shown as a guess. An unknown speaker is no claim, so never a
 * guess; a quote without a confidence (older saved states) counts as sure.
 */
export function isGuess(q: Pick<Quote, 'confidence' | 'speaker'>): boolean {
  return q.speaker !== null && typeof q.confidence === 'number' && q.confidence < SURE_CONFIDENCE;
}

/** Marks a guessed name in a label: "Okafor?". */
const GUESS_MARK = '?';

const HONORIFIC_SUFFIX = /^(?:jr\.?|sr\.?|ii|iii|iv|phd|md|qc|kc|mp)$/i;
const PARTICLE = /^(?:de|da|del|della|der|di|du|la|le|van|von|bin|ibn|al|el|ben)$/i;

function clip(text: string, max = MAX_LABEL_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The short form of a speaker's name: a person's surname (with its particle: "van Gogh"),
 * an organisation's or description's name clipped. Never empty.
 */
export function shortName(speaker: Pick<Speaker, 'name' | 'kind'>): string {
  const name = speaker.name.trim();
  if (speaker.kind !== 'person') return clip(name, 22);
  const words = name.split(/\s+/).filter(Boolean);
  while (words.length > 1 && HONORIFIC_SUFFIX.test((words.at(-1) ?? '').replace(/,$/, ''))) {
    words.pop();
  }
  if (words.length <= 1) return clip(words[0] ?? name, 22);
  let i = words.length - 1;
  while (i > 1 && PARTICLE.test(words[i - 1] ?? '')) i--;
  return clip(words.slice(i).join(' ').replace(/,$/, ''), 22);
}

/**
 * The labels of an extraction, in reading order of the quotes: the first label of each
 * speaker names them in full, later ones use the short form.
 */
export function labelSpecs(quotes: readonly Quote[], speakers: readonly Speaker[]): LabelSpec[] {
  const byId = new Map<number, Speaker>();
  for (const s of speakers) byId.set(s.id, s);
  const quoteById = new Map<number, Quote>();
  for (const q of quotes) quoteById.set(q.id, q);
  // Names are worked out once per speaker, not once per quote (pages with thousands of quotes).
  const shorts = new Map<number, string>();
  const shortOf = (s: Speaker) => {
    let v = shorts.get(s.id);
    if (v === undefined) {
      v = shortName(s);
      shorts.set(s.id, v);
    }
    return v;
  };
  const initials = new Map<number, string>();
  const initialOf = (s: Speaker) => {
    let v = initials.get(s.id);
    if (v === undefined) {
      const short = shortOf(s);
      v = (
        /[A-Za-z0-9]/.test(short[0] ?? '')
          ? (short[0] as string)
          : (short.match(/\p{L}|\p{N}/u)?.[0] ?? '•')
      ).toUpperCase();
      initials.set(s.id, v);
    }
    return v;
  };
  const shown = new Set<number>();
  let ordered: readonly Quote[] = quotes;
  for (let i = 1; i < quotes.length; i++) {
    const a = quotes[i - 1];
    const b = quotes[i];
    if (a && b && (a.start > b.start || (a.start === b.start && a.id > b.id))) {
      ordered = [...quotes].sort((x, y) => x.start - y.start || x.id - y.id);
      break;
    }
  }
  const out: LabelSpec[] = [];
  for (const q of ordered) {
    const speaker = q.speakerId === null ? undefined : byId.get(q.speakerId);
    const fullName = speaker?.name ?? q.speaker ?? UNKNOWN_SPEAKER;
    let text: string;
    if (!speaker) text = fullName === UNKNOWN_SPEAKER ? UNKNOWN_SPEAKER : clip(fullName);
    else if (shown.has(speaker.id)) text = shortOf(speaker);
    else {
      shown.add(speaker.id);
      text = clip(speaker.name);
    }
    const guess = isGuess(q);
    if (guess) text = `${text}${GUESS_MARK}`;
    let ariaLabel = `Statement by ${fullName}`;
    const parent = q.parent === null ? undefined : quoteById.get(q.parent);
    if (parent) {
      const outerSpeaker = parent.speakerId === null ? undefined : byId.get(parent.speakerId);
      const outer = outerSpeaker ? shortOf(outerSpeaker) : (parent.speaker ?? UNKNOWN_SPEAKER);
      const outerFull = outerSpeaker?.name ?? parent.speaker ?? UNKNOWN_SPEAKER;
      text = `${text} · quoted by ${outer}${isGuess(parent) ? GUESS_MARK : ''}`;
      ariaLabel += `, quoted by ${outerFull}`;
    }
    if (q.fragment) ariaLabel += ' (fragment)';
    out.push({
      quoteId: q.id,
      speakerId: speaker ? speaker.id : null,
      text,
      fullName,
      ariaLabel,
      fragment: q.fragment,
      nested: !!parent,
      guess,
      initial: speaker ? initialOf(speaker) : '?',
      ariaDescription: guess
        ? `QuoteLens is not sure of the speaker${q.runnerUp ? `: maybe ${q.runnerUp}` : ''}`
        : null,
    });
  }
  return out;
}

/** What a label's card says about its statement and speaker. */
export interface CardFacts {
  quoteId: number;
  fullName: string;
  role: string | null;
  kind: Speaker['kind'] | null;
  /** Statements by this speaker on the page (fragments included), as in `Speaker.count`. */
  count: number;
  fragmentCount: number;
  /** 1-based place of this statement among the speaker's, in reading order. */
  position: number;
  /** Neighbouring statements by the same speaker in reading order, wrapping; null if alone. */
  previousId: number | null;
  nextId: number | null;
  /** Other names the page uses for the speaker. */
  aliases: string[];
  /** The speaker is the engine's best guess, not a sure attribution. */
  guess: boolean;
  /** The next likeliest speaker, named on a guess's card. */
  runnerUp: string | null;
}

export function cardFacts(
  quotes: readonly Quote[],
  speakers: readonly Speaker[],
  quoteId: number,
): CardFacts | null {
  const quote = quotes.find((q) => q.id === quoteId);
  if (!quote) return null;
  const speaker =
    quote.speakerId === null ? undefined : speakers.find((s) => s.id === quote.speakerId);
  const same = quotes
    .filter((q) =>
      speaker
        ? q.speakerId === speaker.id
        : q.speakerId === null || q.speakerId === quote.speakerId,
    )
    .sort((a, b) => a.start - b.start || a.id - b.id);
  const at = same.findIndex((q) => q.id === quoteId);
  const alone = same.length <= 1;
  return {
    quoteId,
    fullName: speaker?.name ?? quote.speaker ?? UNKNOWN_SPEAKER,
    role: speaker?.role ?? null,
    kind: speaker?.kind ?? null,
    count: speaker ? speaker.count : same.length,
    fragmentCount: speaker ? speaker.fragmentCount : same.filter((q) => q.fragment).length,
    position: at + 1,
    previousId: alone ? null : (same[(at - 1 + same.length) % same.length]?.id ?? null),
    nextId: alone ? null : (same[(at + 1) % same.length]?.id ?? null),
    aliases: speaker?.aliases ?? [],
    guess: isGuess(quote),
    runnerUp: isGuess(quote) ? quote.runnerUp : null,
  };
}

/** A collapsed-ish range over the first character of a statement: where its label goes. */
export function anchorOf(range: Range): Range {
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const head = doc.createRange();
  const start = firstTextPoint(range);
  if (start) {
    head.setStart(start.node, start.offset);
    head.setEnd(start.node, start.offset + 1);
  } else {
    // No text in the range: a collapsed anchor (measured as not rendered).
    head.setStart(range.startContainer, range.startOffset);
    head.collapse(true);
  }
  return head;
}

/**
 * The first character of `range`'s text. A range may start at an element boundary (the
 * wrapping fallback's ranges start at their first wrapper), where a collapsed range has no box:
 * the first non-empty piece of text inside the range is where the statement's text begins.
 */
function firstTextPoint(range: Range): { node: Text; offset: number } | null {
  const { startContainer: node, startOffset: offset } = range;
  // The usual case (Highlight API ranges) without walking anything.
  if (node.nodeType === 3 && offset < (node as Text).data.length) {
    return { node: node as Text, offset };
  }
  for (const piece of textPieces(range)) return { node: piece.node, offset: piece.start };
  return null;
}

/** Where a label's anchor is, relative to the label layer's origin; null when not rendered. */
export interface Anchor {
  x: number;
  y: number;
  /** Height of the first line box (for placing the label above it). */
  h: number;
}

/**
 * Reads the first line box of every anchor, in one batch of layout reads. `origin` is the
 * layer's client rect read in the same batch, so positions are in layer coordinates.
 */
export function measureAnchors(
  anchors: readonly Range[],
  origin: { left: number; top: number },
): (Anchor | null)[] {
  const out: (Anchor | null)[] = new Array(anchors.length);
  for (let i = 0; i < anchors.length; i++) {
    const r = anchors[i];
    if (!r) {
      out[i] = null;
      continue;
    }
    const rects = r.getClientRects();
    let rect: DOMRect | undefined = rects[0];
    if (!rect || (rect.width === 0 && rect.height === 0)) rect = r.getBoundingClientRect();
    out[i] =
      rect && (rect.width > 0 || rect.height > 0)
        ? { x: rect.left - origin.left, y: rect.top - origin.top, h: rect.height }
        : null;
  }
  return out;
}

/**
 * How a label is drawn, from the most to the least room it needs (none of them over text):
 * - `margin`: the full label beside the text column, where the layout leaves a margin;
 * - `gap`: a slimmer label in the space between two lines, where the line height leaves room;
 * - `marker`: the speaker's initial in a small focusable chip, in a narrow margin or line gap;
 * - `tick`: a thin coloured tab just above the statement's first letter, where nothing else fits.
 * Markers and ticks open the card (full name, role, count) on hover and focus like labels.
 */
export type LabelKind = 'margin' | 'gap' | 'marker' | 'tick';

export interface Placement {
  x: number;
  y: number;
  kind: LabelKind;
  /**
   * Box width set by the layout. A margin label's `x` is its right edge (by the column) and
   * `width` the most it may take: it is as wide as its words up to that.
   */
  width?: number;
  /** Box height set by the layout (a marker squeezed into a narrow line gap). */
  height?: number;
}

/**
 * The room around one block of text, in layer coordinates (label-space.ts measures it).
 * `columnLeft` is where the text column starts (a list's own left edge, so bullets stay clear);
 * `freeLeft` is how much empty page lies to its left.
 */
export interface BlockSpace {
  columnLeft: number;
  freeLeft: number;
  top: number;
  right: number;
  lineHeight: number;
  /** Free space above the block's box (its top margin): the first line's gap can use it. */
  marginTop: number;
}

/** Label box metrics the view uses (px); the layout estimates widths from them. */
export const LABEL_METRICS = {
  height: 16,
  charWidth: 6.4,
  padding: 12,
  gap: 3,
  /** Space between a margin label and the text column. */
  marginGap: 8,
  /** Narrowest margin that takes a label (a short name clipped to it). */
  minMargin: 52,
  maxMarginWidth: 180,
  gapHeight: 12,
  gapCharWidth: 5.3,
  gapPadding: 8,
  markerWidth: 16,
  markerHeight: 14,
  minMarkerHeight: 8,
  tickHeight: 5,
  sideTickWidth: 5,
} as const;

export function estimateLabelWidth(text: string): number {
  return Math.ceil(text.length * LABEL_METRICS.charWidth + LABEL_METRICS.padding);
}

function estimateGapWidth(text: string): number {
  return Math.ceil(text.length * LABEL_METRICS.gapCharWidth + LABEL_METRICS.gapPadding);
}

/** The free band above an anchor's line: the leading between lines, or more on a first line. */
export function gapAbove(anchor: Anchor, space: BlockSpace): number {
  const leading = space.lineHeight - anchor.h;
  const firstLine = anchor.y - space.top < space.lineHeight * 0.9;
  return firstLine ? Math.max(leading, anchor.y - space.top + space.marginTop) : leading;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const hits = (a: Box, b: Box) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Label positions for one block's statements. Each label takes the first form that fits
 * without covering text (LabelKind, in order) and without meeting a label already placed:
 * margin labels and margin markers stack downwards, labels in a line gap move right along it
 * and fall back to a smaller form when the line runs out. Pure: widths are estimated.
 * Without a `space` (a block that could not be measured) labels go in the gap above the line.
 */
export function placeLabels(
  anchors: readonly (Anchor | null)[],
  texts: readonly string[],
  space?: BlockSpace,
): (Placement | null)[] {
  const M = LABEL_METRICS;
  const out: (Placement | null)[] = anchors.map(() => null);
  const placed: Box[] = [];
  const free = (b: Box) => !placed.some((p) => hits(p, b));
  const order = anchors
    .map((a, i) => ({ a, i }))
    .filter((e): e is { a: Anchor; i: number } => e.a !== null)
    .sort((p, q) => p.a.y - q.a.y || p.a.x - q.a.x);
  const sp: BlockSpace = space ?? {
    columnLeft: 0,
    freeLeft: 0,
    top: Number.NEGATIVE_INFINITY,
    right: Number.POSITIVE_INFINITY,
    lineHeight: 0,
    marginTop: 0,
  };
  const right = sp.right;

  /** Down the margin from `y` until the box meets no other label. */
  const stackDown = (x: number, y: number, w: number, h: number): Box => {
    const b = { x, y, w, h };
    for (let tries = 0; tries < 50 && !free(b); tries++) {
      const blocker = placed.find((p) => hits(p, b));
      b.y = (blocker ? blocker.y + blocker.h : b.y) + 2;
    }
    return b;
  };
  /** Along the line gap from `x` until free; null once it would run past the block. */
  const alongLine = (x: number, y: number, w: number, h: number): Box | null => {
    const b = { x, y, w, h };
    for (let tries = 0; tries < 50; tries++) {
      const blocker = placed.find((p) => hits(p, b));
      if (!blocker) return b.x + b.w <= Math.max(right, x + w) ? b : null;
      b.x = blocker.x + blocker.w + M.gap;
    }
    return null;
  };

  for (const { a, i } of order) {
    const text = texts[i] ?? '';
    const mid = a.y + a.h / 2;
    const gap = space ? gapAbove(a, sp) : M.height + 4;
    let box: Box | null = null;
    let kind: LabelKind = 'tick';
    let width: number | undefined;
    let height: number | undefined;
    if (sp.freeLeft >= M.minMargin) {
      // Right-aligned to the column; as wide as its words (up to the margin): the estimate only
      // keeps margin labels from stacking onto each other.
      const room = Math.min(sp.freeLeft - M.marginGap, M.maxMarginWidth);
      const w = Math.min(estimateLabelWidth(text), room);
      box = stackDown(sp.columnLeft - M.marginGap - w, Math.round(mid - M.height / 2), w, M.height);
      kind = 'margin';
      width = room;
    }
    if (!box && gap >= M.gapHeight + 2) {
      const top = a.y - gap + (gap - M.gapHeight) / 2;
      box = alongLine(a.x, Math.round(top), estimateGapWidth(text), M.gapHeight);
      kind = 'gap';
    }
    if (!box && sp.freeLeft >= M.markerWidth + 4) {
      const x = sp.columnLeft - 3 - M.markerWidth;
      box = stackDown(x, Math.round(mid - M.markerHeight / 2), M.markerWidth, M.markerHeight);
      kind = 'marker';
    }
    if (!box && gap >= M.minMarkerHeight + 2) {
      const h = Math.min(M.markerHeight, gap - 2);
      box = alongLine(a.x, Math.round(a.y - gap + (gap - h) / 2), M.markerWidth, h);
      kind = 'marker';
      if (box) height = Math.floor(h);
    }
    if (!box && sp.freeLeft >= M.sideTickWidth + 3) {
      // A thin upright tab beside the line, in the page's padding.
      const x = sp.columnLeft - 2 - M.sideTickWidth;
      box = stackDown(x, Math.round(mid - M.markerHeight / 2), M.sideTickWidth, M.markerHeight);
      kind = 'tick';
      width = M.sideTickWidth;
      height = M.markerHeight;
    }
    if (!box) {
      // Nothing else fits: a flat tab just above the first letter, no taller than the leading
      // (at least 3 px, so it can still be seen and pointed at).
      const h = Math.max(3, Math.min(M.tickHeight, Math.floor(gap)));
      box =
        alongLine(a.x, Math.round(a.y - h), M.markerWidth, h) ??
        stackDown(a.x, Math.round(a.y - h), M.markerWidth, h);
      kind = 'tick';
      if (h !== M.tickHeight) height = h;
    }
    placed.push(box);
    out[i] = {
      x: Math.round(kind === 'margin' ? box.x + box.w : box.x),
      y: box.y,
      kind,
      ...(width !== undefined ? { width: Math.round(width) } : {}),
      ...(height !== undefined ? { height } : {}),
    };
  }
  return out;
}

/**
 * The face a batch of labels is drawn in: the computed font of the block they label. The page
 * has resolved that face already, so drawing the labels loads no font; a face of our own
 * (system-ui at weight 600) cost 2–9.5 ms of font look-up in the frame after drawing.
 */
export interface LabelFont {
  family: string;
  weight: string;
  style: string;
}

/** The view the annotator drives; components/page/overlay.tsx implements it. */
export interface LabelView {
  /**
   * Creates a batch of labels, kept among the other batches in `order` (reading order, so
   * keyboard focus moves through labels as the text reads); hidden until placed. `font`: the
   * face of the text they label (the view's own face without it).
   */
  add(order: number, specs: readonly LabelSpec[], font?: LabelFont): void;
  /** The layer's client rect, the origin for `measureAnchors`. */
  origin(): { left: number; top: number };
  /** Writes positions for the labels with these quote ids (null hides a label). */
  place(ids: readonly number[], placements: readonly (Placement | null)[]): void;
  /** Dims every label not by this speaker (`{ id: null }`: unknown speaker); null undims all. */
  dimExcept(speaker: { id: number | null } | null): void;
  /** Moves keyboard focus to a label and pulses it (no motion when the reader asks for less). */
  focus(quoteId: number): void;
  setNoteCounts(counts: ReadonlyMap<number, number>): void;
  /** Removes every label (the host stays). */
  clear(): void;
  /** Removes the host element: the document is as before. */
  destroy(): void;
  /** Whether `node` is part of the view (the annotator's observers ignore it). */
  owns(node: Node): boolean;
}
