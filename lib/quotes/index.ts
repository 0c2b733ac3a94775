/**
 * The quote engine's entry point: extractQuotes(model) runs the passes in the order a
 * reader works — marks → statements → cues → entities → speakers.
 * Pure: no DOM, no browser APIs; linear in the size of the page.
 */
import { type Cue, type CueContext, cueAfter, cueBefore, cueTranscript } from './cues';
import {
  type Entity,
  EntityIndex,
  type Mention,
  readMentionBackward,
  readMentionForward,
} from './entities';
import {
  DOCUMENT_WORDS,
  LISTENER_VERBS,
  ORG_WORDS,
  SPEECH_VERBS,
  STOP_CAPS,
  TITLES,
} from './lexicon/index';
import { findQuoteSpans, type QuoteSpan, spanText } from './marks';
import { buildSpeakers } from './speakers';
import { classifySpan } from './statements';
import { endsSentence, type Token, tokenAt, tokenize } from './tokens';
import type { Extraction, Quote, TextModel } from './types';

export type { Extraction, Quote, Speaker, TextBlock, TextModel } from './types';

/** Drop one- and two-word fragments that no cue attributes (scare quotes). */
const DROP_UNCUED = true;
/** How many quotes away a pull quote may be from the body quote it repeats. */
const PULL_REACH = 40;

interface Work {
  span: QuoteSpan;
  text: string;
  fragment: boolean;
  entity: Entity | null;
  mention: string | null;
  parent: number | null;
  scareLike: boolean;
  dropped?: boolean;
}

export function extractQuotes(model: TextModel): Extraction {
  const { text } = model;
  const spans = findQuoteSpans(model);
  const kept: Work[] = [];
  const keptIndex = new Map<number, number>();
  spans.forEach((span, i) => {
    const body = spanText(text, span);
    const cls = classifySpan(text, span, body);
    if (cls.kind !== 'statement' && cls.kind !== 'fragment') return;
    if (span.unclosed && cls.kind === 'fragment') return;
    keptIndex.set(i, kept.length);
    let parent = span.parent;
    while (parent !== null && !keptIndex.has(parent)) parent = spans[parent]?.parent ?? null;
    kept.push({
      span,
      text: body,
      fragment: cls.kind === 'fragment',
      scareLike: !!cls.scareLike,
      entity: null,
      mention: null,
      parent: parent === null ? null : (keptIndex.get(parent) ?? null),
    });
  });

  if (splitTranscripts(text, kept)) nestByContainment(kept);
  const tokens = tokenizeAround(model, kept);
  const ctx: CueContext = { text, tokens, markStarts: new Set(), markEnds: new Set() };
  const inQuote = new Uint8Array(tokens.length);
  for (const w of kept) {
    if (w.span.family !== 'q' && w.span.family !== 'bq') {
      ctx.markStarts.add(w.span.open);
      ctx.markEnds.add(w.span.close);
    }
    if (w.parent !== null) continue;
    for (
      let k = tokenAt(tokens, w.span.open);
      k < tokens.length && (tokens[k] as Token).s < w.span.close;
      k++
    )
      inQuote[k] = 1;
  }

  // Headlines in Title Case capitalise every word: no names can be read from them.
  const titleCase = new Uint8Array(tokens.length);
  for (const b of model.blocks) {
    if (b.kind !== 'headline' && b.kind !== 'heading') continue;
    const from = tokenAt(tokens, b.start);
    const to = tokenAt(tokens, b.end);
    let words = 0;
    let caps = 0;
    for (let k = from; k < to; k++) {
      if (!tokens[k]?.word) continue;
      words++;
      if (tokens[k]?.cap) caps++;
    }
    if (words >= 4 && caps / words > 0.7) titleCase.fill(1, from, to);
  }
  const ents = new EntityIndex();
  let cursor = 0;
  const scanNames = (upto: number) => {
    while (cursor < tokens.length && (tokens[cursor] as Token).s < upto) {
      const t = tokens[cursor] as Token;
      const prev = tokens[cursor - 1];
      if (
        t.word &&
        t.cap &&
        !STOP_CAPS.has(t.lo) &&
        !(prev?.word && prev.cap) &&
        !titleCase[cursor]
      ) {
        const next = tokens[cursor + 1];
        if (!(next?.word && next.cap) && !TITLES.has(t.lo) && !/['’]s$/.test(t.w)) {
          // a lone capitalised word counts only as a later mention of someone already met
          const known = ents.matchName([t.lo]);
          if (known && inQuote[cursor] === 0) ents.touch(known, t.s);
          cursor++;
          continue;
        }
        const m = readMentionForward(text, tokens, cursor, Math.min(tokens.length, cursor + 8));
        if (m && m.kind === 'name' && m.name) {
          const n = m.name.split(/\s+/).length;
          if (!m.role) m.role = appositiveRole(text, tokens, m);
          // "Mr. King's show": a possessive name is rarely what a later "he" refers to
          const outside = inQuote[cursor] === 0 && !/['’]s$/.test(tokens[m.to - 1]?.w ?? '');
          if (n >= 2 || m.role || m.gender || ents.matchName([m.name.toLowerCase()])) {
            if (outside || n >= 2) ents.byName(m, t.s, outside);
          }
          cursor = Math.max(cursor + 1, m.to);
          continue;
        }
      }
      cursor++;
    }
  };

  let prevKept: { w: Work; index: number } | null = null;
  let lastSpeaker: {
    entity: Entity | null;
    block: number;
    pos: number;
    sentenceEnd: number;
  } | null = null;
  for (let qi = 0; qi < kept.length; qi++) {
    const w = kept[qi] as Work;
    scanNames(w.span.open);
    let cue: Cue | null = cueTranscript(ctx, w.span);
    const short = w.fragment && w.text.split(/\s+/).length <= 2;
    if (!cue && w.span.family !== 'bq') {
      // a word used as a modifier is someone's only if a verb sits right by it
      const reach = w.scareLike ? 4 : Infinity;
      if (/\.\s*$/.test(w.text))
        cue = cueBefore(ctx, w.span, w.fragment, short, reach) ?? cueAfter(ctx, w.span, true);
      else cue = cueAfter(ctx, w.span) ?? cueBefore(ctx, w.span, w.fragment, short, reach);
    }
    if (!cue) cue = signatureCue(ctx, model, w.span);
    const chained =
      !cue && prevKept && w.parent !== prevKept.index && sameSentence(ctx, prevKept.w.span, w.span)
        ? prevKept.w
        : null;
    if (chained) {
      // "called him a "liar" who is "amoral" and a "bully"": the sentence's speaker for all
      w.entity = chained.entity;
      w.mention = chained.mention;
      prevKept = { w, index: qi };
      continue;
    }
    const blockKind = model.blocks[w.span.block]?.kind;
    const headline = blockKind === 'headline' || blockKind === 'standfirst';
    if (!cue && headline) cue = headlineSubject(ctx, model, w.span);
    // a few words quoted inside someone's quote, with no cue of their own, are theirs: not a quote
    const innerScare =
      !cue && w.fragment && w.parent !== null && kept[w.parent]?.span.family !== 'bq';
    if (
      !cue &&
      (innerScare || (short && DROP_UNCUED && !headline) || w.scareLike) &&
      w.span.family !== 'bq'
    ) {
      // words woven into a sentence that names no speaker are scare quotes, not statements
      w.dropped = true;
      continue;
    }
    if (
      cue?.mention.kind === 'pronoun' &&
      (cue.mention.gender === 'm' || cue.mention.gender === 'f')
    ) {
      // "Sen. Perdue said he doubted it. "…" he said.": the person last reported speaking
      const said = contextSpeaker(ctx, w.span);
      if (said && said.mention.kind === 'name') {
        const e = resolve(said.mention, w.span.open, ents, null);
        if (
          e &&
          e.kind === 'person' &&
          e.person &&
          (!e.gender || e.gender === cue.mention.gender)
        ) {
          w.entity = e;
          w.mention = cue.mention.text;
        }
      }
    }
    if (w.entity) {
      // resolved above
    } else if (cue) {
      if (cue.mention.kind === 'name' && !cue.mention.role)
        cue.mention.role = appositiveRole(text, tokens, cue.mention);
      w.entity = resolve(cue.mention, w.span.open, ents, lastSpeaker?.entity ?? null);
      w.mention = cue.mention.text;
    } else {
      const prev = lastSpeaker;
      const ctxCue = contextSpeaker(ctx, w.span);
      const sameHe =
        ctxCue?.mention.kind === 'pronoun' &&
        prev?.entity?.kind === 'person' &&
        w.span.block - prev.block <= 1 &&
        (!prev.entity.gender || prev.entity.gender === ctxCue.mention.gender);
      if (sameHe && prev) {
        // ""…," he said, referring to … "…"": the pronoun is the last speaker
        w.entity = prev.entity;
        w.mention = ctxCue?.mention.text ?? null;
      } else if (ctxCue && (!prev || ctxCue.pos > prev.pos)) {
        w.entity = resolve(ctxCue.mention, w.span.open, ents, prev?.entity ?? null);
        w.mention = ctxCue.mention.text;
      } else {
        w.entity =
          recentPerson(ents, model, w.span) ??
          (prev && w.span.block - prev.block <= 1 ? prev.entity : null);
      }
    }
    prevKept = { w, index: qi };
    if (w.entity) {
      ents.touch(w.entity, w.span.open);
      w.entity.spoke++;
      if (w.entity.kind === 'person') w.entity.person = true;
      lastSpeaker = {
        entity: w.entity,
        block: w.span.lastBlock,
        pos: w.span.close,
        sentenceEnd: w.span.close,
      };
    }
  }

  // names after the last quote still add roles and aliases to the speakers already met
  scanNames(text.length);

  // Pull quotes and headlines repeat words said in the body: same speaker.
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const blocks = model.blocks;
  const norms: Array<string | undefined> = [];
  const normOf = (i: number) => {
    norms[i] ??= norm((kept[i] as Work).text);
    return norms[i] as string;
  };
  kept.forEach((w, i) => {
    const kind = blocks[w.span.block]?.kind;
    const display =
      w.span.family === 'bq' ||
      kind === 'blockquote' ||
      kind === 'headline' ||
      kind === 'standfirst' ||
      kind === 'heading';
    if (w.entity && !display) return;
    const n = normOf(i);
    if (n.length < 12) return;
    // the repeated words sit near: look a bounded number of quotes either way
    for (let j = Math.max(0, i - PULL_REACH); j < Math.min(kept.length, i + PULL_REACH); j++) {
      const o = kept[j] as Work;
      if (
        j === i ||
        !o.entity ||
        o.span.family === 'bq' ||
        blocks[o.span.block]?.kind !== 'paragraph'
      )
        continue;
      if (normOf(j).includes(n)) {
        w.entity = o.entity;
        break;
      }
    }
  });

  const dropped = new Set(kept.filter((w) => w.dropped));
  if (dropped.size > 0) {
    const remap = new Map<number, number>();
    const rest = kept.filter((w, i) => {
      if (dropped.has(w)) return false;
      remap.set(i, remap.size);
      return true;
    });
    for (const w of rest) {
      let p = w.parent;
      while (p !== null && !remap.has(p)) p = kept[p]?.parent ?? null;
      w.parent = p === null ? null : (remap.get(p) ?? null);
    }
    kept.length = 0;
    kept.push(...rest);
  }
  const { speakers, ids } = buildSpeakers(
    kept.map((w) => ({ entity: w.entity, mention: w.mention, fragment: w.fragment })),
  );
  const quotes: Quote[] = kept.map((w, id) => ({
    id,
    text: w.text,
    start: w.span.parts[0]?.[0] ?? w.span.open,
    end: w.span.parts[w.span.parts.length - 1]?.[1] ?? w.span.close,
    speaker: w.entity ? w.entity.name : null,
    speakerId: ids[id] ?? null,
    mention: w.mention,
    fragment: w.fragment,
    parent: w.parent,
  }));
  return { quotes, speakers };
}

/** Resolve a cue's mention to an entity. */
function resolve(m: Mention, pos: number, ents: EntityIndex, last: Entity | null): Entity | null {
  switch (m.kind) {
    case 'name':
      return ents.byName(m, pos, true);
    case 'pronoun': {
      // The latest person the text has shown to be one (titled, given a role, or a speaker),
      // else the latest name of any kind. Names inside quotes do not count (last < 0).
      let best: Entity | null = null;
      let any: Entity | null = null;
      const personal = m.gender === 'm' || m.gender === 'f';
      for (const e of ents.recent()) {
        if (e.last < 0 || e.last > pos) continue;
        if (personal ? e.kind !== 'person' : e.kind === 'person') continue;
        if (personal && e.gender && m.gender !== e.gender) continue;
        if ((e.person || !personal) && (!best || e.last > best.last)) best = e;
        if (!any || e.last > any.last) any = e;
      }
      const found = best ?? any ?? (personal ? last : null);
      // what a reader learns: "she" said it, so she is a she
      if (found && personal && !found.gender && found.kind === 'person') found.gender = m.gender;
      return found;
    }
    case 'role': {
      const r = m.role ?? m.text;
      const doc = /^(\S+)\s+(?:from|by|of)\s+(?:the\s+)?(\p{Lu}.+)$/u.exec(r);
      if (doc && DOCUMENT_WORDS.has((doc[1] ?? '').toLowerCase()) && doc[2]) {
        // "the tweet from Vulture magazine", "a statement by the ministry": the author speaks
        return ents.byName(
          { kind: 'name', from: m.from, to: m.to, text: doc[2], name: doc[2], org: true },
          pos,
          true,
        );
      }
      const e = ents.byRole(r, pos + 1, !!m.org);
      if (e) return e;
      if (m.org) return ents.byDescription(r, pos, true);
      return last ?? ents.byDescription(r, pos, false);
    }
    case 'description':
      return ents.byDescription(m.role ?? m.text, pos, !!m.org);
  }
}

/** A speaker named in the sentences just before a quote that has no cue of its own. */
function contextSpeaker(
  ctx: CueContext,
  span: QuoteSpan,
): { mention: Mention; pos: number } | null {
  const { text, tokens } = ctx;
  const end = tokenAt(tokens, span.open);
  let blocks = 0;
  for (let k = end - 1; k >= 0 && end - k < 80; k--) {
    const t = tokens[k] as Token;
    if (t.w === '\n' && ++blocks > 1) break;
    if (ctx.markEnds.has(t.s)) break;
    if (t.word && !t.cap && SPEECH_VERBS.has(t.lo)) {
      const m = cueBefore(ctx, { ...span, open: t.e }, true);
      if (m) return { mention: m.mention, pos: t.s };
      // "…," said Victor Cha, who served under … — the inverted subject after the verb
      const inv = readMentionForward(text, tokens, k + 1, Math.min(end, k + 10));
      if (inv && inv.kind === 'name' && !LISTENER_VERBS.has(t.lo))
        return { mention: inv, pos: t.s };
    }
  }
  // "Ms Okafor smiled. "I expect nothing."": the subject of the sentence before, same paragraph.
  let cur = end;
  while (cur > 0 && !endsSentence(tokens[cur - 1]) && end - cur < 60) cur--;
  if (cur === 0 || tokens[cur - 1]?.w === '\n' || ctx.markEnds.has(tokens[cur - 1]?.s ?? -1))
    return null;
  let prev = cur - 1;
  while (prev > 0 && !endsSentence(tokens[prev - 1]) && cur - prev < 50) prev--;
  let pronoun: { mention: Mention; pos: number } | null = null;
  for (let j = prev; j < cur - 1; j++) {
    const t = tokens[j] as Token;
    if (!t.word || ctx.markStarts.has(t.s)) continue;
    const m = readMentionForward(text, tokens, j, cur - 1);
    if (!m) continue;
    if (m.kind === 'name' && ((m.name?.split(' ').length ?? 0) > 1 || m.role || m.gender))
      return { mention: m, pos: t.s };
    if (m.kind === 'pronoun' && !pronoun) pronoun = { mention: m, pos: t.s };
    j = m.to - 1;
  }
  return pronoun;
}

/** For a quote that stands alone with no cue: the person the previous paragraphs were about. */
function recentPerson(ents: EntityIndex, model: TextModel, span: QuoteSpan): Entity | null {
  const floor = model.blocks[Math.max(0, span.block - 3)]?.start ?? 0;
  let best: Entity | null = null;
  for (const e of ents.recent()) {
    if (e.last < floor || e.last >= span.open || !e.person) continue;
    if (!best || e.last > best.last) best = e;
  }
  return best;
}

/** A blockquote followed by its citation line ("— Jane Doe"): the cited name. */
function signatureCue(ctx: CueContext, model: TextModel, span: QuoteSpan): Cue | null {
  const blk = model.blocks[span.lastBlock];
  const next = model.blocks[span.lastBlock + 1];
  if (blk?.kind !== 'blockquote' || !next || next.kind !== 'blockquote') return null;
  const line = ctx.text.slice(next.start, next.end);
  if (line.split(/\s+/).length > 8) return null;
  let i = tokenAt(ctx.tokens, next.start);
  while (ctx.tokens[i] && !ctx.tokens[i]?.word) i++;
  const m = readMentionForward(ctx.text, ctx.tokens, i, tokenAt(ctx.tokens, next.end));
  return m && m.kind === 'name' ? { mention: m, kind: 'signature' } : null;
}

/** "The local MP, Sara Quist," / "Sara Quist, the local MP,": the role in apposition to a name. */
function appositiveRole(text: string, tokens: Token[], m: Mention): string | undefined {
  if (tokens[m.from - 1]?.w === ',') {
    const r = readMentionBackward(text, tokens, m.from - 2, Math.max(0, m.from - 12));
    if (r && r.kind === 'role' && !r.org) return r.role;
  }
  if (tokens[m.to]?.w === ',') {
    // "Patrick Hale, vice president of planning for the utility, said"
    const r = readMentionForward(text, tokens, m.to + 1, Math.min(tokens.length, m.to + 14));
    const head = r?.role?.split(/\s+/)[0]?.toLowerCase() ?? '';
    if (
      r &&
      (r.kind === 'role' || r.kind === 'description') &&
      !ORG_WORDS.has(head) &&
      !DOCUMENT_WORDS.has(head)
    ) {
      return r.role;
    }
  }
  return undefined;
}

/** Is `b` in the same sentence as `a`, a few words after it? */
function sameSentence(ctx: CueContext, a: QuoteSpan, b: QuoteSpan): boolean {
  if (a.lastBlock !== b.block || b.open <= a.close) return false;
  const { tokens } = ctx;
  const from = tokenAt(tokens, a.close) + 1;
  const to = tokenAt(tokens, b.open);
  if (to - from > 40) return false;
  for (let k = from; k < to; k++) if (endsSentence(tokens[k])) return false;
  // a sentence may also end inside the first quote's marks: "…here." "Next…"
  return !/[.!?]$/.test(ctx.text.slice(a.open, a.close).trimEnd()) || to - from > 0;
}

const SPEAKER_LABEL = /^\p{Lu}[\p{Lu}.' -]{1,30}:\s/u;

/**
 * A transcript whose paragraphs each reopen the mark reads as one long quote; each
 * paragraph that starts with a speaker label ("PENCE: …") begins a quote of its own.
 */
function splitTranscripts(text: string, kept: Work[]): boolean {
  let split = false;
  for (let i = 0; i < kept.length; i++) {
    const w = kept[i] as Work;
    const parts = w.span.parts;
    if (parts.length < 2) continue;
    const cuts = [0];
    for (let j = 1; j < parts.length; j++) {
      const [s] = parts[j] as [number, number];
      if (SPEAKER_LABEL.test(text.slice(s, s + 40))) cuts.push(j);
    }
    if (cuts.length < 2) continue;
    const pieces: Work[] = cuts.map((c, n) => {
      const sub = parts.slice(c, cuts[n + 1] ?? parts.length);
      const first = sub[0] as [number, number];
      const last = sub[sub.length - 1] as [number, number];
      const span: QuoteSpan = {
        ...w.span,
        open: n === 0 ? w.span.open : first[0] - 1,
        close: n === cuts.length - 1 ? w.span.close : last[1],
        parts: sub,
        block: n === 0 ? w.span.block : blockOf(w.span, c),
      };
      return { ...w, span, text: sub.map(([a, b]) => text.slice(a, b)).join('\n') };
    });
    kept.splice(i, 1, ...pieces);
    i += pieces.length - 1;
    split = true;
  }
  return split;
}

/** Parents again after quotes were split: the innermost earlier quote that contains each one. */
function nestByContainment(kept: Work[]): void {
  const stack: number[] = [];
  kept.forEach((w, i) => {
    while (stack.length > 0) {
      const top = kept[stack[stack.length - 1] as number] as Work;
      if (w.span.open > top.span.open && w.span.close <= top.span.close && w.span.family !== 'bq')
        break;
      stack.pop();
    }
    w.parent = stack.length > 0 ? (stack[stack.length - 1] as number) : null;
    stack.push(i);
  });
}

function blockOf(span: QuoteSpan, partIndex: number): number {
  return span.block + partIndex;
}

/** Blocks before a quote that may hold its cue or its speaker's name. */
const CONTEXT_BLOCKS = 4;

/**
 * Tokens of the blocks near quotes only: cues and names sit within a few blocks of the quote,
 * so a long page with few quotes costs little. Gaps become one '\n' boundary token.
 */
function tokenizeAround(model: TextModel, kept: Work[]): Token[] {
  const { text, blocks } = model;
  const want = new Uint8Array(blocks.length);
  for (const w of kept) {
    const from = Math.max(0, w.span.block - CONTEXT_BLOCKS);
    const to = Math.min(blocks.length - 1, w.span.lastBlock + 1);
    want.fill(1, from, to + 1);
  }
  const out: Token[] = [];
  for (let b = 0; b < blocks.length; b++) {
    if (!want[b]) continue;
    let e = b;
    while (e + 1 < blocks.length && want[e + 1]) e++;
    const start = blocks[b]?.start ?? 0;
    const end = blocks[e]?.end ?? start;
    if (out.length > 0)
      out.push({ s: start, e: start, w: '\n', lo: '\n', word: false, cap: false });
    for (const t of tokenize(text, start, end)) out.push(t);
    b = e;
  }
  return out;
}

/**
 * A headline says who in its first words: "Pence: Trump Was 'Mocking' …",
 * "Obama on Climate: The Trends Are 'Terrifying'". Used for headline quotes with no cue.
 */
function headlineSubject(ctx: CueContext, model: TextModel, span: QuoteSpan): Cue | null {
  const blk = model.blocks[span.block];
  if (!blk) return null;
  const { text, tokens } = ctx;
  const from = tokenAt(tokens, blk.start);
  const to = tokenAt(tokens, span.open);
  let k = from;
  while (k < to && !tokens[k]?.word) k++;
  const m = readMentionForward(text, tokens, k, Math.min(to, k + 4));
  if (m?.kind !== 'name' || (m.name?.split(' ').length ?? 0) > 3) return null;
  const next = tokens[m.to];
  // the name must be the headline's subject: followed by a colon, a verb-like word, or "on"
  if (
    !next ||
    (next.w !== ':' &&
      !(next.word && /^(?:on|says?|calls?|slams?|rips?|warns?|tells?|to|was|is|:)$/i.test(next.w)))
  )
    return null;
  return { mention: m, kind: 'headline' };
}
