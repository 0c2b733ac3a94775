/**
 * Note anchoring: describes a span of the article's text model as W3C selectors
 * (TextQuote exact + 32-character prefix/suffix, TextPosition) and finds that span again on a
 * later visit, when the article may have been edited.
 *
 * Re-anchoring works on TextModel.text only (pure, runs in tests without a DOM), with
 * typography folded (curly/straight quotes, dashes, no-break spaces; offsets unchanged):
 * 1. the old position (moved by the shift of the previous note, in `reanchorAll`) when the
 *    words and their whole context are still there — the common case, no search at all;
 * 2. exact occurrences of the quote, the right one picked by prefix/suffix and position,
 *    on the same word edges (a note on "no" never lands inside "nothing");
 * 3. if none, a fuzzy search (approx-string-match, error budget 20% of the quote's length):
 *    first next to where the old prefix/suffix still stand, then over the whole text, and
 *    the quote's similarity checked against a threshold (≥ 0.8). Short quotes need their
 *    context to agree; a sentence rewritten in place (context intact, words replaced) is
 *    not chased to a look-alike elsewhere.
 * It must NEVER attach a note to the wrong text: when the words are gone (or a short quote
 * appears only in an unrelated context) the note is orphaned — kept by the store, shown apart.
 * Only `selectorsFromRange` touches the DOM (a selection → model offsets), read-only.
 */
import search from 'approx-string-match';
import type { NoteSelectors, TextPositionSelector, TextQuoteSelector } from './selectors';
import { type PageText, segmentIndexOf } from './text-model';

/** Characters of context kept on each side of the quote. */
export const CONTEXT_LENGTH = 32;
/** Fuzzy matches may differ from the stored quote in at most this share of its characters… */
export const FUZZY_ERROR_RATE = 0.2;
/** …so their similarity (1 − errors / length) is at least this. */
export const MIN_SIMILARITY = 1 - FUZZY_ERROR_RATE;
/** Quotes shorter than this are only matched exactly (a fuzzy 5-letter match means nothing). */
export const MIN_FUZZY_LENGTH = 10;
/** Quotes shorter than this need their context (or their old position) to agree. */
export const SHORT_QUOTE_LENGTH = 16;

export type Anchor =
  | {
      status: 'anchored';
      start: number;
      end: number;
      method: 'exact' | 'fuzzy';
      /** 1 for exact matches; 1 − errors / quote length for fuzzy ones. */
      similarity: number;
    }
  | { status: 'orphaned'; reason: 'not-found' | 'too-different' | 'context-mismatch' };

export interface ReanchorOptions {
  /**
   * How far the text has moved since the note was written, as far as the caller knows
   * (e.g. how much the previous note moved); only a hint for where to look first.
   */
  shift?: number;
}

/** The selectors for text.slice(start, end). */
export function describeSpan(text: string, start: number, end: number): NoteSelectors {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const quote: TextQuoteSelector = {
    type: 'TextQuoteSelector',
    exact: text.slice(s, e),
    prefix: text.slice(Math.max(0, s - CONTEXT_LENGTH), s),
    suffix: text.slice(e, e + CONTEXT_LENGTH),
  };
  const position: TextPositionSelector = { type: 'TextPositionSelector', start: s, end: e };
  return { quote, position };
}

/** Levenshtein similarity in [0, 1] of two short strings (contexts: ≤ 32 characters). */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const n = a.length;
  const m = b.length;
  if (!n || !m) return 0;
  let prev = new Uint16Array(m + 1);
  let cur = new Uint16Array(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return 1 - (prev[m] ?? 0) / Math.max(n, m);
}

interface Candidate {
  start: number;
  end: number;
  quoteSimilarity: number;
  context: number;
  score: number;
}

/** How well the text around [start, end) agrees with the stored prefix and suffix, in [0, 1]. */
function contextAgreement(text: string, q: TextQuoteSelector, start: number, end: number): number {
  const parts: number[] = [];
  if (q.prefix)
    parts.push(similarity(q.prefix, text.slice(Math.max(0, start - q.prefix.length), start)));
  if (q.suffix) parts.push(similarity(q.suffix, text.slice(end, end + q.suffix.length)));
  // No stored context (the quote was the whole text): nothing to disagree with.
  return parts.length ? parts.reduce((a, b) => a + b, 0) / parts.length : 1;
}

function score(
  text: string,
  selectors: NoteSelectors,
  start: number,
  end: number,
  quoteSimilarity: number,
): Candidate {
  const context = contextAgreement(text, selectors.quote, start, end);
  const pos = selectors.position;
  // Closeness to the old position: 1 on the spot, falling to 0 a text-length away.
  const closeness = pos
    ? 1 - Math.min(1, Math.abs(start - pos.start) / Math.max(1, text.length))
    : 0;
  // Weights: the quote matters most, then its context, the old position only breaks ties.
  return {
    start,
    end,
    quoteSimilarity,
    context,
    score: 50 * quoteSimilarity + 40 * context + 2 * closeness,
  };
}

/** Every start offset of `needle` in `text` (at most `limit`). */
function occurrences(text: string, needle: string, limit = 5000): number[] {
  const out: number[] = [];
  for (
    let i = text.indexOf(needle);
    i !== -1 && out.length < limit;
    i = text.indexOf(needle, i + 1)
  ) {
    out.push(i);
  }
  return out;
}

function best(candidates: Candidate[]): Candidate | undefined {
  let top: Candidate | undefined;
  for (const c of candidates) if (!top || c.score > top.score) top = c;
  return top;
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Whether [start, end) in `text` begins and ends on word edges wherever the stored quote did:
 * a note on the word "no" must not land inside "nothing".
 */
function sameWordEdges(text: string, q: TextQuoteSelector, start: number, end: number): boolean {
  const edgeBefore = (before: string, first: string) => !(WORD.test(before) && WORD.test(first));
  const first = q.exact[0] ?? '';
  const last = q.exact[q.exact.length - 1] ?? '';
  if (edgeBefore(q.prefix.slice(-1), first) && !edgeBefore(text[start - 1] ?? '', first))
    return false;
  if (edgeBefore(last, q.suffix[0] ?? '') && !edgeBefore(last, text[end] ?? '')) return false;
  return true;
}

/** A short quote is trusted only where its surroundings (or its old place) still agree. */
function shortQuoteTrusted(c: Candidate, selectors: NoteSelectors): boolean {
  if (selectors.quote.exact.trim().length >= SHORT_QUOTE_LENGTH) return true;
  if (selectors.position?.start === c.start && c.context >= 0.3) return true;
  return c.context >= 0.5;
}

/** Finds the note's text in `text` again, or says why it cannot (orphaned). */
export function reanchor(
  text: string,
  selectors: NoteSelectors,
  options: ReanchorOptions = {},
): Anchor {
  // Offsets survive folding (one character for one), so the result applies to `text` as is.
  const q = selectors.quote;
  const folded: NoteSelectors = {
    ...selectors,
    quote: {
      ...q,
      exact: foldTypography(q.exact),
      prefix: foldTypography(q.prefix),
      suffix: foldTypography(q.suffix),
    },
  };
  return reanchorFolded(foldedText(text), folded, options);
}

const TYPOGRAPHY: Record<string, string> = {};
for (const c of '\u2018\u2019\u201a\u201b\u2032\u02bc') TYPOGRAPHY[c] = "'";
for (const c of '\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb') TYPOGRAPHY[c] = '"';
for (const c of '\u2010\u2011\u2012\u2013\u2014\u2015\u2212') TYPOGRAPHY[c] = '-';
TYPOGRAPHY['\u00a0'] = ' ';
const TYPOGRAPHY_RE =
  /[\u2018\u2019\u201a\u201b\u2032\u02bc\u201c-\u201f\u2033\u00ab\u00bb\u2010-\u2015\u2212\u00a0]/g;

/**
 * Curly and straight quotes, dash kinds and no-break spaces made alike, one character for one:
 * a site that restyles its punctuation has not changed the words a note is on.
 */
export function foldTypography(s: string): string {
  return s.replace(TYPOGRAPHY_RE, (c) => TYPOGRAPHY[c] ?? c);
}

/** The last article folded: every note of a page is anchored on the same text. */
let foldCache: { text: string; folded: string } | null = null;
function foldedText(text: string): string {
  if (foldCache?.text !== text) foldCache = { text, folded: foldTypography(text) };
  return foldCache.folded;
}

function reanchorFolded(text: string, selectors: NoteSelectors, options: ReanchorOptions): Anchor {
  const exact = selectors.quote.exact;
  if (!exact) return { status: 'orphaned', reason: 'not-found' };
  const q = selectors.quote;
  const predicted = predictedStarts(selectors, options.shift ?? 0);

  // Fastest: the words are still where they were (or where the text around moved them),
  // with exactly the same context — no other occurrence could score higher.
  for (const p of predicted) {
    if (
      text.startsWith(exact, p) &&
      sameWordEdges(text, q, p, p + exact.length) &&
      contextAgreement(text, q, p, p + exact.length) === 1
    ) {
      return {
        status: 'anchored',
        start: p,
        end: p + exact.length,
        method: 'exact',
        similarity: 1,
      };
    }
  }

  const starts = occurrences(text, exact).filter((s) =>
    sameWordEdges(text, selectors.quote, s, s + exact.length),
  );
  if (starts.length) {
    const top = best(starts.map((s) => score(text, selectors, s, s + exact.length, 1)));
    if (top && shortQuoteTrusted(top, selectors)) {
      return { status: 'anchored', start: top.start, end: top.end, method: 'exact', similarity: 1 };
    }
    return { status: 'orphaned', reason: 'context-mismatch' };
  }

  if (exact.length < MIN_FUZZY_LENGTH) return { status: 'orphaned', reason: 'not-found' };
  const maxErrors = Math.floor(exact.length * FUZZY_ERROR_RATE);
  const accept = (c: Candidate | undefined): Anchor | null =>
    c && shortQuoteTrusted(c, selectors)
      ? {
          status: 'anchored',
          start: c.start,
          end: c.end,
          method: 'fuzzy',
          similarity: c.quoteSimilarity,
        }
      : null;

  // Fast path: a copy-edit inside the quote usually leaves its surroundings intact, so look
  // right after the old prefix / right before the old suffix first (small windows).
  const near = best(
    contextWindows(text, q, maxErrors, predicted).flatMap(([from, to]) =>
      fuzzyCandidates(text, selectors, from, to, maxErrors),
    ),
  );
  const nearAnchor = accept(near);
  if (nearAnchor) return nearAnchor;

  // The quote's old surroundings still stand, with other words between them: the sentence
  // was rewritten in place. Do not go looking for a look-alike elsewhere.
  if (rewrittenInPlace(text, q, predicted)) return { status: 'orphaned', reason: 'too-different' };

  // Slow path: the whole article.
  const top = best(fuzzyCandidates(text, selectors, 0, text.length, maxErrors));
  if (!top) return { status: 'orphaned', reason: 'too-different' };
  return accept(top) ?? { status: 'orphaned', reason: 'context-mismatch' };
}

/** Fuzzy matches of the quote inside text[from, to), scored, above the similarity threshold. */
function fuzzyCandidates(
  text: string,
  selectors: NoteSelectors,
  from: number,
  to: number,
  maxErrors: number,
): Candidate[] {
  const exact = selectors.quote.exact;
  const lo = Math.max(0, from);
  const slice = lo === 0 && to >= text.length ? text : text.slice(lo, to);
  return search(slice, exact, maxErrors)
    .map((m) => score(text, selectors, lo + m.start, lo + m.end, 1 - m.errors / exact.length))
    .filter((c) => c.quoteSimilarity >= MIN_SIMILARITY && c.end > c.start);
}

/** Context this long (the end of the prefix, the start of the suffix) locates the quote. */
const CONTEXT_PROBE = 16;
const MAX_PROBES = 4;

/**
 * Windows of text where the quote should be, judged by where its context still occurs:
 * first at the predicted places (cheap checks), else anywhere in the text.
 */
function contextWindows(
  text: string,
  q: TextQuoteSelector,
  maxErrors: number,
  predicted: readonly number[],
): [number, number][] {
  const len = q.exact.length;
  const slack = maxErrors + 8;
  const head = q.prefix.slice(-CONTEXT_PROBE);
  const tail = q.suffix.slice(0, CONTEXT_PROBE);
  const useHead = head.length >= 8;
  const useTail = tail.length >= 8;
  const afterHead = (at: number): [number, number] => [
    at + head.length - slack,
    at + head.length + len + slack,
  ];
  const beforeTail = (at: number): [number, number] => [at - len - slack, at + slack];

  const windows: [number, number][] = [];
  for (const p of predicted) {
    if (useHead && text.startsWith(head, p - head.length)) windows.push(afterHead(p - head.length));
    // The quote's length may have changed: look for the suffix within the error budget.
    if (useTail) {
      const at = text.indexOf(tail, Math.max(0, p + len - maxErrors));
      if (at !== -1 && at <= p + len + maxErrors) windows.push(beforeTail(at));
    }
  }
  if (windows.length) return windows;
  if (useHead) for (const at of occurrences(text, head, MAX_PROBES)) windows.push(afterHead(at));
  if (useTail) for (const at of occurrences(text, tail, MAX_PROBES)) windows.push(beforeTail(at));
  return windows;
}

/**
 * Whether the quote's prefix and suffix still occur, in order, with a gap of a similar size
 * to the quote between them (≥ half, ≤ twice its length): its words were replaced there.
 */
function rewrittenInPlace(
  text: string,
  q: TextQuoteSelector,
  predicted: readonly number[],
): boolean {
  const head = q.prefix.slice(-CONTEXT_PROBE);
  const tail = q.suffix.slice(0, CONTEXT_PROBE);
  if (head.length < 8 || tail.length < 8) return false;
  const len = q.exact.length;
  const heads = predicted
    .filter((p) => text.startsWith(head, p - head.length))
    .map((p) => p - head.length);
  for (const h of heads.length ? heads : occurrences(text, head, MAX_PROBES)) {
    const from = h + head.length;
    const at = text.indexOf(tail, from + Math.floor(len / 2));
    if (at !== -1 && at - from <= 2 * len) return true;
  }
  return false;
}

/** Where the quote may start now: its old offset moved by `shift`, and its old offset. */
function predictedStarts(selectors: NoteSelectors, shift: number): number[] {
  const old = selectors.position?.start;
  if (old === undefined) return [];
  return shift && old + shift >= 0 ? [old + shift, old] : [old];
}

/** Re-anchors many notes on one text; the result maps each note id to its anchor. */
export function reanchorAll(
  text: string,
  notes: readonly { id: string; selectors: NoteSelectors }[],
): Map<string, Anchor> {
  const out = new Map<string, Anchor>();
  // In text order, each note predicts its place from how far its found predecessor moved
  // (an inserted paragraph shifts everything after it by the same amount).
  const ordered = [...notes].sort(
    (a, b) =>
      (a.selectors.position?.start ?? Number.MAX_SAFE_INTEGER) -
      (b.selectors.position?.start ?? Number.MAX_SAFE_INTEGER),
  );
  let shift = 0;
  for (const n of ordered) {
    const anchor = reanchor(text, n.selectors, { shift });
    const old = n.selectors.position?.start;
    if (anchor.status === 'anchored' && old !== undefined) shift = anchor.start - old;
    out.set(n.id, anchor);
  }
  return out;
}

const SPACE = /\s/;

/**
 * The selectors for a DOM Range over the article (a reader's selection), or null when the
 * range holds no article text. Leading and trailing white space is left out.
 */
export function selectorsFromRange(page: PageText, range: Range): NoteSelectors | null {
  let start: number | null = null;
  let end: number | null = null;
  for (const s of page.map.segments) {
    if (!s.length || !range.intersectsNode(s.node)) continue;
    const from = s.node === range.startContainer ? segmentIndexOf(s, range.startOffset) : 0;
    let to = s.length;
    if (s.node === range.endContainer) {
      const k = segmentIndexOf(s, range.endOffset);
      to = k === -1 ? s.length : k;
    }
    if (from === -1 || to <= from) continue;
    if (start === null) start = s.start + from;
    end = s.start + to;
  }
  if (start === null || end === null) return null;
  const text = page.model.text;
  while (start < end && SPACE.test(text[start] ?? '')) start++;
  while (end > start && SPACE.test(text[end - 1] ?? '')) end--;
  return end > start ? describeSpan(text, start, end) : null;
}
