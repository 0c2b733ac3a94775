/**
 * Pass 1: find quotation marks and pair them into quote spans.
 * Pure: no DOM. Reads TextModel text/blocks/inline; never decides what a span *means*
 * (statement, title…) — that is statements.ts. One linear scan; an open mark may run
 * over at most MAX_CARRY following blocks, so unbalanced marks never swallow a page.
 */
import type { TextModel } from './types';

export type MarkFamily = 'dq' | 'sq' | 'gu' | 'sgu' | 'cjk' | 'cjk2' | 'q' | 'bq';

export interface QuoteSpan {
  /** Offset of the opening mark (or of the element's first character for q/bq). */
  open: number;
  /** Offset of the closing mark (or just past the element for q/bq). */
  close: number;
  /** Content ranges, one per block the quote runs over; marks and reopening marks excluded. */
  parts: Array<[number, number]>;
  family: MarkFamily;
  /** Index of the block holding the opening mark. */
  block: number;
  /** Index of the block holding the closing mark. */
  lastBlock: number;
  /** Index (in the returned array) of the span this one is nested in. */
  parent: number | null;
  /** No closing mark was found: the span runs to the end of its block. */
  unclosed: boolean;
}

/** How many blocks after its own an open mark may wait for its closing mark. */
export const MAX_CARRY = 2;
/** And how many characters at most. */
const MAX_CARRY_CHARS = 6000;

interface MarkInfo {
  family: MarkFamily;
  /** Characters that may close a quote this mark opened. */
  closers: string;
  /** 0 = only opens, 1 = only closes, 2 = either (direction from context). */
  dir: 0 | 1 | 2;
}

const MARKS: Record<string, MarkInfo> = {
  '"': { family: 'dq', closers: '"”“', dir: 2 },
  '“': { family: 'dq', closers: '”"“', dir: 0 },
  '”': { family: 'dq', closers: '”"', dir: 1 },
  '„': { family: 'dq', closers: '“”"', dir: 0 },
  '«': { family: 'gu', closers: '»', dir: 0 },
  '»': { family: 'gu', closers: '«', dir: 1 },
  '‹': { family: 'sgu', closers: '›', dir: 0 },
  '›': { family: 'sgu', closers: '‹', dir: 1 },
  '「': { family: 'cjk', closers: '」', dir: 0 },
  '」': { family: 'cjk', closers: '', dir: 1 },
  '『': { family: 'cjk2', closers: '』', dir: 0 },
  '』': { family: 'cjk2', closers: '', dir: 1 },
  "'": { family: 'sq', closers: "'’", dir: 2 },
  '‘': { family: 'sq', closers: "’'‘", dir: 0 },
  '’': { family: 'sq', closers: '’', dir: 1 },
  '‚': { family: 'sq', closers: '‘’', dir: 0 },
};

/** Is `ch` a quotation mark of any kind? */
export const isQuoteMark = (ch: string): boolean => MARKS[ch] !== undefined;
/** Can `ch` open a quote ("“", "«", "'"; not "”")? */
export const opensQuote = (ch: string): boolean => (MARKS[ch]?.dir ?? 1) !== 1;

/** Any mark of MARKS (every one is a single UTF-16 code unit, none special in a class). */
const MARK_RE = new RegExp(`[${Object.keys(MARKS).join('')}]`, 'g');
/** One page's last search for a mark: where it started, and the mark it found (-1: none). */
interface MarkSearch {
  from: number;
  at: number;
}

/**
 * Offset of the first mark in text[from, end), or `end` if none: the regex engine finds it
 * faster than a loop over every character. The search may run past `end` to the next mark;
 * that mark is kept in `last` (the page's), so the blocks before it do not search the same
 * stretch again.
 */
function nextMark(text: string, from: number, end: number, last: MarkSearch): number {
  if (from >= end) return end;
  if (from < last.from || (last.at >= 0 && from > last.at)) {
    MARK_RE.lastIndex = from;
    last.from = from;
    last.at = MARK_RE.test(text) ? MARK_RE.lastIndex - 1 : -1;
  }
  return last.at >= 0 && last.at < end ? last.at : end;
}

/** Words that follow an elision apostrophe: 'em, 'til, 'cause… */
const ELISIONS = /^(?:em|til|cause|n|tis|twas|bout|round|s)\b/i;

const isSpace = (c: string) => c === '' || c === ' ' || c === '\n' || c === '\t' || c === '\u00a0';
const WORD_CHAR_RE = /[\p{L}\p{N}]/u;
const LOWER_RE = /\p{Ll}/u;
const REOPEN_RE = /[\p{Lu}\d[…(]/u;
const isWordChar = (c: string) => c !== '' && WORD_CHAR_RE.test(c);
const isDigit = (c: string) => c >= '0' && c <= '9';
/** Punctuation after which a mark is never an opening one. */
const CLOSING_PUNCT = '.,;:!?)]}…';
/** Characters before a mark that leave it free to open. */
const OPEN_CONTEXT = '([{—–-/:;,…*•|>';

interface Open {
  pos: number;
  ch: string;
  info: MarkInfo;
  /** Content start of the current part. */
  partStart: number;
  parts: Array<[number, number]>;
  block: number;
  /** Opened at a block start or by a strong (non-straight-single) mark. */
  strong: boolean;
  /** Parts known to belong to the quote (blocks it surely ran over). */
  confirmed: number;
}

interface RawSpan {
  open: number;
  close: number;
  parts: Array<[number, number]>;
  family: MarkFamily;
  block: number;
  lastBlock: number;
  unclosed: boolean;
}

function trimRange(text: string, s: number, e: number): [number, number] {
  while (s < e && isSpace(text[s] ?? '')) s++;
  while (e > s && isSpace(text[e - 1] ?? '')) e--;
  return [s, e];
}

/** Direction of a mark at `i` from its neighbours: 'open', 'close', 'either', or null (not a quote). */
function flank(
  text: string,
  i: number,
  ch: string,
  info: MarkInfo,
  width = 1,
): 'open' | 'close' | 'either' | null {
  const L = text[i - 1] ?? '';
  const R = text[i + width] ?? '';
  const R2 = text[i + width + 1] ?? '';
  const lSpace = isSpace(L) || L === '\n';
  const rSpace = isSpace(R);
  const rPunct = CLOSING_PUNCT.includes(R) && !(R === '.' && R2 === '.') && R !== '…';
  const lOpenCtx = lSpace || OPEN_CONTEXT.includes(L) || MARKS[L] !== undefined;
  const canOpen = !rSpace && !rPunct;
  const canClose = !lSpace || rSpace || rPunct;
  if (ch === "'" || ch === '’' || ch === '‘') {
    if (isWordChar(L) && isWordChar(R)) return null; // don't, Azerbaijan's
    if (isDigit(L) && (isDigit(R) || isWordChar(R))) return null; // 5'10
    if (!isWordChar(L) && /^\d\ds?\b/.test(text.slice(i + 1, i + 4))) return null; // '90s
    if (lOpenCtx && ELISIONS.test(text.slice(i + 1, i + 6)) && ch !== '‘') return null;
    if (L === 'n' && (text[i - 2] === "'" || text[i - 2] === '’')) return null; // rock 'n' roll
  }
  if (info.dir === 0) return canOpen || !canClose ? 'open' : 'either';
  if (info.dir === 1) return lOpenCtx && canOpen && !canClose ? 'either' : 'close';
  // Straight marks: CommonMark-style flanking.
  if (isDigit(L) && !isWordChar(R)) return 'close'; // 12" or a closing after a number
  const left = lOpenCtx && canOpen;
  const right = !lSpace && (rSpace || rPunct || MARKS[R] !== undefined || !isWordChar(R));
  if (left && !right) return 'open';
  if (right && !left) return 'close';
  if (lSpace && rSpace) return 'either';
  if (lSpace && rPunct) return 'close';
  return 'either';
}

/**
 * Pair the marks of one block, starting with `carried` opens from earlier blocks.
 * Returns the spans closed in this block and the opens still pending at its end.
 */
function pairBlock(
  text: string,
  bStart: number,
  bEnd: number,
  blockIndex: number,
  carried: Open[],
  out: RawSpan[],
  marks: MarkSearch,
): Open[] {
  const stack: Open[] = carried.slice();
  for (
    let i = nextMark(text, bStart, bEnd, marks);
    i < bEnd;
    i = nextMark(text, i + 1, bEnd, marks)
  ) {
    let ch = text[i] as string;
    // Two straight apostrophes stand for a double mark in some archives: ''like this''
    const width = ch === "'" && text[i + 1] === "'" ? 2 : 1;
    if (width === 2) ch = '"';
    const info = MARKS[ch];
    if (!info) continue;
    const dir = flank(text, i, ch, info, width);
    if (dir === null) continue;
    if (
      width === 1 &&
      (ch === "'" || ch === '’') &&
      dir !== 'open' &&
      pluralPossessive(text, i, bEnd)
    )
      continue;
    let match = -1;
    if (dir !== 'open') {
      for (let k = stack.length - 1; k >= 0; k--) {
        const o = stack[k] as Open;
        if (o.info.closers.includes(ch)) {
          match = k;
          break;
        }
        // A strong open of another family blocks the search: marks nest, they do not cross.
        if (o.strong && o.info.family !== 'sq' && info.family !== 'sq') break;
      }
    }
    if (match >= 0) {
      const o = stack[match] as Open;
      stack.length = match; // anything opened inside and never closed was not a quote
      o.parts.push(trimRange(text, o.partStart, i));
      if (width === 2) i++;
      out.push({
        open: o.pos,
        close: i - (width - 1),
        parts: o.parts.filter(([s, e]) => e > s),
        family: info.family,
        block: o.block,
        lastBlock: blockIndex,
        unclosed: false,
      });
      continue;
    }
    if (dir === 'close') continue; // a possessive, or a closing mark whose opening is lost
    if (ch === '»' || ch === '›' || ch === '”' || ch === '’') {
      // Reversed styles (»…«, ”…”) open only where nothing else could.
      if (dir !== 'either') continue;
    }
    const strong = ch !== "'" || i === bStart;
    stack.push({
      pos: i,
      ch,
      info,
      partStart: i + width,
      parts: [],
      block: blockIndex,
      strong,
      confirmed: 0,
    });
    if (width === 2) i++;
  }
  return stack;
}

/**
 * "the students' union": an apostrophe after a plural, not a closing mark — when the words
 * go on in lower case and another closing single mark follows in the same sentence.
 */
function pluralPossessive(text: string, i: number, bEnd: number): boolean {
  if (text[i - 1] !== 's' || text[i + 1] !== ' ' || !LOWER_RE.test(text[i + 2] ?? '')) return false;
  const stop = Math.min(bEnd, i + 300);
  for (let k = i + 2; k < stop; k++) {
    const c = text[k];
    if (c === "'" || c === '’') {
      if (!isWordChar(text[k + 1] ?? '') && !isSpace(text[k - 1] ?? '')) return true;
    } else if ((c === '.' || c === '!' || c === '?') && text[k + 1] === ' ') return false;
  }
  return false;
}

/** The opening mark a block starts with, if it repeats `o` (the "each paragraph reopens" style). */
function reopensAt(text: string, bStart: number, bEnd: number, o: Open): number {
  let i = bStart;
  while (i < bEnd && isSpace(text[i] ?? '')) i++;
  const ch = text[i] ?? '';
  const info = MARKS[ch];
  if (!info || info.family !== o.info.family || info.dir === 1) return -1;
  if (ch === "'" && !REOPEN_RE.test(text[i + 1] ?? '')) return -1;
  return i;
}

/** Find every paired quote span in the model, in order of their opening marks, with nesting. */
export function findQuoteSpans(model: TextModel): QuoteSpan[] {
  const { text, blocks } = model;
  const raw: RawSpan[] = [];
  // (no search yet: the first one starts anew)
  const marks: MarkSearch = { from: Number.POSITIVE_INFINITY, at: -1 };
  let carried: Open | null = null;
  let carriedFrom = -1;
  for (let b = 0; b < blocks.length; b++) {
    const blk = blocks[b];
    if (!blk) continue;
    let bStart = blk.start;
    const bEnd = blk.end;
    const startStack: Open[] = [];
    let tentative = false;
    if (carried) {
      const re = reopensAt(text, bStart, bEnd, carried);
      if (re >= 0) {
        // Each paragraph reopens the mark: the quote continues.
        carried.partStart = re + 1;
        bStart = re + 1;
        startStack.push(carried);
      } else {
        carried.partStart = bStart;
        startStack.push(carried);
        tentative = true;
      }
    }
    const mark = raw.length;
    let pending = pairBlock(text, bStart, bEnd, b, startStack, raw, marks);
    if (tentative && carried && pending.includes(carried)) {
      // The carried mark did not close here: maybe later, within bounds, else it is unbalanced.
      const tooFar =
        b - carriedFrom >= MAX_CARRY ||
        bEnd - carried.pos > MAX_CARRY_CHARS ||
        b === blocks.length - 1;
      if (tooFar) {
        raw.length = mark;
        settleUnclosed(carried, blocks, raw);
        pending = pairBlock(text, blk.start, bEnd, b, [], raw, marks);
        carried = null;
      } else {
        // Keep waiting; spans closed inside this block stay (they nest in the carried quote).
        carried.parts.push(trimRange(text, carried.partStart, bEnd));
        pending = pending.filter((o) => o === carried);
        continue;
      }
    } else if (carried && !pending.includes(carried)) {
      carried = null;
    }
    // Pending opens at block end: the outermost strong one may run into the next block.
    const strong = pending.find((o) => o.strong);
    if (strong) {
      strong.parts.push(trimRange(text, strong.partStart, bEnd));
      strong.confirmed = strong.parts.length;
    }
    if (strong && b < blocks.length - 1) {
      carried = strong;
      carriedFrom = b;
    } else {
      if (strong) settleUnclosed(strong, blocks, raw);
      carried = null;
    }
  }
  return finish(model, raw);
}

/** An open mark that never closed: a quote to the end of the block it opened in. */
function settleUnclosed(o: Open, blocks: TextModel['blocks'], raw: RawSpan[]): void {
  const parts = o.parts.slice(0, o.confirmed).filter(([s, e]) => e > s);
  const last = parts[parts.length - 1];
  if (!last) return;
  raw.push({
    open: o.pos,
    close: last[1],
    parts,
    family: o.info.family,
    block: o.block,
    lastBlock: blockAt(blocks, last[1]),
    unclosed: true,
  });
}

function finish(model: TextModel, raw: RawSpan[]): QuoteSpan[] {
  const { text, blocks, inline } = model;
  // <q> elements: the marks are drawn by CSS, so the text holds none.
  for (const q of inline) {
    if (q.kind !== 'q' || q.end <= q.start) continue;
    const dup = raw.some(
      (r) => r.open >= q.start - 1 && r.close <= q.end + 1 && r.open <= q.start + 1,
    );
    if (dup) continue;
    const b = blockAt(blocks, q.start);
    raw.push({
      open: q.start,
      close: q.end,
      parts: [trimRange(text, q.start, q.end)],
      family: 'q',
      block: b,
      lastBlock: b,
      unclosed: false,
    });
  }
  // Quoting blockquotes: runs of blockquote blocks not already quoted by marks. An embedded
  // post ends at its signature line ("— Jane Doe (@jdoe) May 2, 2016"), which is no part of
  // it: the posts of a thread are quotes of their own, each signed below.
  for (let b = 0; b < blocks.length; b++) {
    if (blocks[b]?.kind !== 'blockquote' || isSignatureBlock(text, blocks[b])) continue;
    let e = b;
    while (blocks[e + 1]?.kind === 'blockquote' && !isSignatureBlock(text, blocks[e + 1])) e++;
    const parts: Array<[number, number]> = [];
    for (let k = b; k <= e; k++) {
      const blk = blocks[k];
      if (!blk) continue;
      const covered = raw.some((r) => r.open <= blk.start + 2 && r.close >= blk.end - 2);
      if (!covered) parts.push(trimRange(text, blk.start, blk.end));
    }
    const first = blocks[b];
    const last = blocks[e];
    if (parts.length > 0 && first && last) {
      raw.push({
        open: first.start,
        close: last.end,
        parts,
        family: 'bq',
        block: b,
        lastBlock: e,
        unclosed: false,
      });
    }
    b = e;
  }
  raw.sort((a, b) => a.open - b.open || b.close - a.close);
  const spans: QuoteSpan[] = [];
  const stack: number[] = [];
  for (const r of raw) {
    while (stack.length > 0) {
      const top = spans[stack[stack.length - 1] as number] as QuoteSpan;
      if (r.open > top.open && r.close <= top.close && r.family !== 'bq') break;
      stack.pop();
    }
    const parent = stack.length > 0 ? (stack[stack.length - 1] as number) : null;
    // (written out: a spread copies key by key through the generic path)
    spans.push({
      open: r.open,
      close: r.close,
      parts: r.parts,
      family: r.family,
      block: r.block,
      lastBlock: r.lastBlock,
      unclosed: r.unclosed,
      parent,
    });
    stack.push(spans.length - 1);
  }
  return spans;
}

/** Longest signature line of an embedded post, in characters. */
const MAX_SIGNATURE = 120;

/**
 * A post's signature line: a dash, a name, then a handle or a date — "— Jane Doe (@jdoe)
 * May 2, 2016", "— Cabinet Office, 3 June". Unlike a pull quote's short citation ("— Jane
 * Doe"), it ends a post, so the lines after it are another quote.
 */
export function isSignatureBlock(text: string, blk: TextModel['blocks'][number] | undefined) {
  if (!blk || blk.end - blk.start > MAX_SIGNATURE) return false;
  const line = text.slice(blk.start, blk.end).trim();
  return (
    /^[—–―-]{1,2}\s*\S/u.test(line) &&
    (/\(@\w+\)/.test(line) || /\b(?:1[0-9]|20)\d\d\s*$|\b\d{1,2},?\s+\d{4}\s*$/.test(line))
  );
}

export function blockAt(blocks: TextModel['blocks'], pos: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((blocks[mid]?.start ?? 0) <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The quote's text: its parts, one line per block. */
export function spanText(text: string, span: QuoteSpan): string {
  return span.parts.map(([s, e]) => text.slice(s, e)).join('\n');
}
