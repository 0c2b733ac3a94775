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

export interface Placement {
  x: number;
  y: number;
}

/** Label box metrics the view uses (px); `placeLabels` estimates widths from them. */
export const LABEL_METRICS = { height: 16, charWidth: 6.4, padding: 12, gap: 3, lift: 13 } as const;

export function estimateLabelWidth(text: string): number {
  return Math.ceil(text.length * LABEL_METRICS.charWidth + LABEL_METRICS.padding);
}

/**
 * Label positions from anchors: each label sits just above the first line of its statement,
 * starting at its first character; labels that would overlap on one line are pushed right.
 * Pure: the widths are estimated, so no layout is read.
 */
export function placeLabels(
  anchors: readonly (Anchor | null)[],
  texts: readonly string[],
): (Placement | null)[] {
  const out: (Placement | null)[] = anchors.map((a) =>
    a ? { x: Math.round(a.x), y: Math.round(a.y - LABEL_METRICS.lift) } : null,
  );
  const order = out
    .map((p, i) => ({ p, i }))
    .filter((e): e is { p: Placement; i: number } => e.p !== null)
    .sort((a, b) => a.p.y - b.p.y || a.p.x - b.p.x);
  let rowY = Number.NEGATIVE_INFINITY;
  let rowRight = Number.NEGATIVE_INFINITY;
  for (const { p, i } of order) {
    if (Math.abs(p.y - rowY) > LABEL_METRICS.height / 2) {
      rowY = p.y;
      rowRight = Number.NEGATIVE_INFINITY;
    }
    if (p.x < rowRight + LABEL_METRICS.gap) p.x = Math.round(rowRight + LABEL_METRICS.gap);
    rowRight = p.x + estimateLabelWidth(texts[i] ?? '');
  }
  return out;
}

/** The view the annotator drives; components/page/overlay.tsx implements it. */
export interface LabelView {
  /**
   * Creates a batch of labels, kept among the other batches in `order` (reading order, so
   * keyboard focus moves through labels as the text reads); hidden until placed.
   */
  add(order: number, specs: readonly LabelSpec[]): void;
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
