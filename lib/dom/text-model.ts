/**
 * Turns the article's blocks into the engine's TextModel (plain text, white space collapsed,
 * blocks joined by '\n', `<q>` spans, page language) and keeps a map from every model offset
 * back to the DOM text node and offset it came from, so a quote found by the engine becomes a
 * DOM Range for highlighting, even when it crosses links, emphasis or paragraphs.
 *
 * Reads the DOM only; never mutates it and never reads layout. Works on the live page and on a
 * linkedom document.
 *
 * API:
 * - `buildTextModel(blocks)` → `{ model, map }`
 * - `buildTextModelTask(blocks, doc, due)` → the same in resumable steps (the live page slices it)
 * - `domPointsFromOffsets(map, start, end)` → text nodes + offsets of a model slice
 * - `rangeFromOffsets(map, start, end)` → a live DOM Range over the same slice
 * - `offsetFromDomPoint(map, node, offset)` → the model offset of a DOM position (selections)
 */
import type { BlockKind, InlineSpan, TextBlock, TextModel } from '../quotes/types';
import { isSpaceCode } from '../quotes/words';
import { type ArticleBlock, isHiddenElement, isRendered, MAX_DOM_DEPTH } from './article';
import { PHRASING_TAGS } from './inline-tags';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * A run of model characters that come one for one from consecutive characters of one DOM text
 * node: model offset `start + k` is `node.data[from + k]`, for k < `length`. A run per stretch,
 * not an offset per character: building the map costs per run, not per character, on the live
 * page. Part of the API: callers may walk `OffsetMap.segments` (e.g. to map a selection back),
 * but never change them.
 */
export interface TextSegment {
  /** Model offset of the run's first character. */
  start: number;
  node: Text;
  /** Offset in `node.data` of the run's first character. */
  from: number;
  length: number;
}

/** The index in `s` of the first character at or after `nodeOffset` in its node, or -1. */
export function segmentIndexOf(s: TextSegment, nodeOffset: number): number {
  const k = nodeOffset <= s.from ? 0 : nodeOffset - s.from;
  return k < s.length ? k : -1;
}

/**
 * From model offsets to DOM positions. Characters the model adds (the '\n' between blocks, the
 * space standing for a `<br>`) belong to no segment.
 */
export interface OffsetMap {
  readonly segments: readonly TextSegment[];
  /** Total model length (`model.text.length`). */
  readonly length: number;
}

export interface PageText {
  model: TextModel;
  map: OffsetMap;
}

/** A position in a DOM text node. */
export interface DomPoint {
  node: Text;
  offset: number;
}

interface Builder {
  /** The model text so far, in pieces (joined once at the end: no per-character strings). */
  parts: string[];
  /** Model length so far. */
  len: number;
  segments: TextSegment[];
  current: TextSegment | null;
  /** A collapsed space waiting for the next visible character (null: none pending). */
  pending: { node: Text | null; offset: number } | null;
  /** Whether the current block has produced a character yet. */
  blockHasText: boolean;
  needNewline: boolean;
  /** Open `<q>` elements: model start of their first visible character, or -1. */
  openQ: { start: number }[];
  lastVisibleEnd: number;
}

function emit(b: Builder, ch: string, node: Text | null, offset: number): void {
  const pos = b.len;
  b.parts.push(ch);
  b.len++;
  if (!node) {
    b.current = null;
    return;
  }
  extend(b, node, pos, offset, 1);
}

/** Adds `length` characters from `node.data[from…]` at model offset `pos` to the map. */
function extend(b: Builder, node: Text, pos: number, from: number, length: number): void {
  const seg = b.current;
  if (
    seg &&
    seg.node === node &&
    seg.start + seg.length === pos &&
    seg.from + seg.length === from
  ) {
    seg.length += length;
  } else {
    const next = { start: pos, node, from, length };
    b.segments.push(next);
    b.current = next;
  }
}

/**
 * Emits `data[from, to)`: visible characters and lone U+0020 spaces between them (each maps to
 * itself), starting and ending with a visible character. Same result as emitting them one by
 * one, in a few native string operations instead of a loop of calls per character (the content
 * script runs cold, where per-character JavaScript is what costs).
 */
function emitChunk(b: Builder, node: Text, data: string, from: number, to: number): void {
  if (!b.blockHasText) {
    if (b.needNewline) emit(b, '\n', null, 0);
    b.blockHasText = true;
    b.pending = null;
  } else if (b.pending) {
    emit(b, ' ', b.pending.node, b.pending.offset);
    b.pending = null;
  }
  const pos = b.len;
  for (const q of b.openQ) if (q.start < 0) q.start = pos;
  b.parts.push(from === 0 && to === data.length ? data : data.slice(from, to));
  b.len += to - from;
  extend(b, node, pos, from, to - from);
  b.lastVisibleEnd = b.len;
}

/** White space (the no-break space too: the reader sees a gap) and invisible characters. */
const WS_CLASS = '\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const INVISIBLE_CLASS = '\\u00ad\\u200b\\u2060\\ufeff';
/**
 * A run of white space and invisible characters that is not a lone U+0020: it holds another
 * white space or invisible character, or two spaces. Lone spaces inside a text stay as they are.
 */
const SPECIAL_RUN = new RegExp(
  `[${WS_CLASS}${INVISIBLE_CLASS}]*(?:[${WS_CLASS.replace(' ', '')}${INVISIBLE_CLASS}]| {2})[${WS_CLASS}${INVISIBLE_CLASS}]*`,
  'g',
);

function addText(b: Builder, node: Text): void {
  const data = node.data;
  const n = data.length;
  let i = 0;
  while (i < n) {
    SPECIAL_RUN.lastIndex = i;
    const m = SPECIAL_RUN.exec(data);
    const j = m ? m.index : n;
    if (j > i) addClean(b, node, data, i, j);
    if (!m) break;
    const k = j + m[0].length;
    // The run collapses to one space at its first white space character (invisibles vanish).
    if (b.blockHasText && !b.pending) {
      for (let x = j; x < k; x++) {
        if (isWhiteSpace(data.charCodeAt(x))) {
          b.pending = { node, offset: x };
          break;
        }
      }
    }
    i = k;
  }
}

/** `data[from, to)` holds no special run: only an edge of the node may be a lone space. */
function addClean(b: Builder, node: Text, data: string, from: number, to: number): void {
  let a = from;
  let c = to;
  if (data.charCodeAt(a) === 32) {
    if (b.blockHasText && !b.pending) b.pending = { node, offset: a };
    a++;
  }
  const trailing = c > a && data.charCodeAt(c - 1) === 32;
  if (trailing) c--;
  if (c > a) emitChunk(b, node, data, a, c);
  if (trailing && b.blockHasText && !b.pending) b.pending = { node, offset: c };
}

/**
 * White space that collapses to one space (the no-break space too: the reader sees a gap); a
 * byte-order mark is no gap.
 */
const isWhiteSpace = (c: number): boolean => c !== 0xfeff && isSpaceCode(c);

/** Block-level children inside a block still separate words. */
const INLINE_NO_SPACE: ReadonlySet<string> = new Set([...PHRASING_TAGS, 'img', 'wbr']);

function softBreak(b: Builder): void {
  if (b.blockHasText && !b.pending) b.pending = { node: null, offset: 0 };
}

function addNode(b: Builder, n: Node, inlineSpans: InlineSpan[], depth = 0): void {
  if (depth > MAX_DOM_DEPTH) return;
  if (n.nodeType === TEXT_NODE) {
    addText(b, n as Text);
    return;
  }
  if (n.nodeType !== ELEMENT_NODE) return;
  const el = n as Element;
  if (isHiddenElement(el)) return;
  // On a live page, what its styles hide (a hover card inside a sentence) is not read either;
  // styles reach elements through their attributes almost always, so only those are asked.
  if (el.hasAttributes() && !isRendered(el)) return;
  const tag = (el.localName || el.tagName || '').toLowerCase();
  if (tag === 'br') {
    softBreak(b);
    return;
  }
  const inline = INLINE_NO_SPACE.has(tag);
  if (!inline) softBreak(b);
  let q: { start: number } | null = null;
  if (tag === 'q') {
    q = { start: -1 };
    b.openQ.push(q);
  }
  for (let c = el.firstChild; c; c = c.nextSibling) addNode(b, c, inlineSpans, depth + 1);
  if (q) {
    b.openQ.pop();
    if (q.start >= 0 && b.lastVisibleEnd > q.start) {
      inlineSpans.push({ kind: 'q', start: q.start, end: b.lastVisibleEnd });
    }
  }
  if (!inline) softBreak(b);
}

/** The page language: `<html lang>`, else `xml:lang`, a Content-Language meta, or og:locale. */
export function pageLanguage(doc: Document | null | undefined): string | undefined {
  if (!doc) return undefined;
  const root = doc.documentElement;
  const lang =
    root?.getAttribute('lang') ||
    root?.getAttribute('xml:lang') ||
    doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content') ||
    doc.querySelector('meta[property="og:locale"]')?.getAttribute('content')?.replace('_', '-');
  const clean = lang?.trim().split(/[,\s]/)[0];
  return clean ? clean : undefined;
}

/**
 * Builds the text model of the given blocks (from `findArticle`), in their order. Blocks with no
 * visible text are left out. `doc` gives the language (defaults to the first block's document).
 */
export function buildTextModel(blocks: readonly ArticleBlock[], doc?: Document): PageText {
  const task = buildTextModelTask(blocks, doc);
  for (;;) {
    const step = task.next();
    if (step.done) return step.value;
  }
}

/**
 * `buildTextModel` in resumable steps, for the live page: it yields whenever `due()` says the
 * current slice has run long enough (checked between blocks), and returns the same PageText.
 * The caller lets the page run at each yield and then resumes it.
 */
export function* buildTextModelTask(
  blocks: readonly ArticleBlock[],
  doc?: Document,
  due: () => boolean = () => false,
): Generator<void, PageText, void> {
  const b: Builder = {
    parts: [],
    len: 0,
    segments: [],
    current: null,
    pending: null,
    blockHasText: false,
    needNewline: false,
    openQ: [],
    lastVisibleEnd: 0,
  };
  const out: TextBlock[] = [];
  const inline: InlineSpan[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as ArticleBlock;
    if (i > 0 && due()) yield;
    b.blockHasText = false;
    b.pending = null;
    b.current = null;
    b.openQ = [];
    b.needNewline = out.length > 0;
    const startLen = b.len;
    if (block.nodes) {
      for (const n of block.nodes) addNode(b, n, inline);
    } else {
      for (let c = block.element.firstChild; c; c = c.nextSibling) addNode(b, c, inline);
    }
    if (!b.blockHasText) continue;
    const start = startLen + (b.needNewline ? 1 : 0);
    out.push({ kind: block.kind as BlockKind, start, end: b.lastVisibleEnd });
    // A trailing collapsed space is never emitted, so the text ends at the last visible char.
  }
  const text = b.parts.join('');
  const model: TextModel = { text, blocks: out, inline };
  const lang = pageLanguage(doc ?? blocks[0]?.element.ownerDocument);
  if (lang) model.lang = lang;
  return { model, map: { segments: b.segments, length: text.length } };
}

/** Index of the last segment starting at or before `offset`, or -1. */
function segmentIndexAt(map: OffsetMap, offset: number): number {
  const segs = map.segments;
  let lo = 0;
  let hi = segs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((segs[mid]?.start ?? Infinity) <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * The DOM positions of the model slice [start, end): the start of its first character that
 * comes from the page, and the end of its last one. Null when the slice holds no page text.
 */
export function domPointsFromOffsets(
  map: OffsetMap,
  start: number,
  end: number,
): { start: DomPoint; end: DomPoint } | null {
  if (!(end > start) || start < 0 || end > map.length) return null;
  const segs = map.segments;
  // Start: the character at `start`, or the first page character after it (past a '\n').
  const i = segmentIndexAt(map, start);
  const at = segs[i];
  let startPoint: DomPoint | null = null;
  if (at && start - at.start < at.length) {
    startPoint = { node: at.node, offset: at.from + (start - at.start) };
  } else {
    const next = segs[i + 1];
    if (next && next.length > 0 && next.start < end) {
      startPoint = { node: next.node, offset: next.from };
    }
  }
  if (!startPoint) return null;
  // End: just past the character at `end - 1`, or past the last page character before it.
  const s = segs[segmentIndexAt(map, end - 1)];
  if (!s || s.length === 0) return null;
  const last = s.from + Math.min(end - 1 - s.start, s.length - 1);
  return { start: startPoint, end: { node: s.node, offset: last + 1 } };
}

/** A DOM Range over the model slice [start, end), or null when it holds no page text. */
export function rangeFromOffsets(map: OffsetMap, start: number, end: number): Range | null {
  const points = domPointsFromOffsets(map, start, end);
  if (!points) return null;
  const doc = points.start.node.ownerDocument;
  if (!doc) return null;
  const range = doc.createRange();
  range.setStart(points.start.node, points.start.offset);
  range.setEnd(points.end.node, points.end.offset);
  return range;
}

/**
 * The model offset of a DOM position inside a text node of the article (e.g. a selection's
 * edge), or null when that node is not part of the model. A position inside collapsed white
 * space maps to the next model character.
 */
export function offsetFromDomPoint(map: OffsetMap, node: Node, offset: number): number | null {
  let best: number | null = null;
  for (const s of map.segments) {
    if (s.node !== node) continue;
    const k = segmentIndexOf(s, offset);
    if (k !== -1) return s.start + k;
    best = s.start + s.length;
  }
  return best;
}
