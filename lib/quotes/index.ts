/**
 * The quote engine's entry point: extractQuotes(model) runs the passes in the order a
 * reader works — marks → statements → cues → entities → speakers.
 * Pure: no DOM, no browser APIs; linear in the size of the page.
 */
import {
  contextSpeaker,
  headlineSubject,
  recentPerson,
  sameSentence,
  signatureCue,
} from './context';
import { type Cue, type CueContext, cueAfter, cueBefore, cueTranscript } from './cues';
import {
  appositiveRole,
  type Entity,
  EntityIndex,
  isSubjectMention,
  readMentionForward,
  resolveMention,
} from './entities';
import { STOP_CAPS, TITLES } from './lexicon/index';
import { findQuoteSpans, type QuoteSpan, spanText } from './marks';
import { buildSpeakers } from './speakers';
import { classifySpan, isTitleCase } from './statements';
import { endsSentence, type Token, tokenAt, tokenizeAround } from './tokens';
import { nestByContainment, splitTranscripts } from './transcripts';
import type { Extraction, Quote, TextModel } from './types';

export type { Extraction, Quote, Speaker, TextBlock, TextModel } from './types';
export { SURE_CONFIDENCE } from './types';

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
  /** Its own sentence names its speaker (a cue), rather than the context. */
  cued?: boolean;
}

export function extractQuotes(model: TextModel): Extraction {
  const { text } = model;
  const spans = findQuoteSpans(model);
  const kept: Work[] = [];
  const keptIndex = new Map<number, number>();
  spans.forEach((span, i) => {
    const body = spanText(text, span);
    const cls = classifySpan(text, span, body, isTitleCase(text, model.blocks[span.block]));
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
  const tokens = tokenizeAround(
    model,
    kept.map((w) => w.span),
  );
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
        // a name may follow a sentence-opening word or a possessive: "Former Gov. X", "NBC's X"
        !(prev?.word && prev.cap && !OPENERS.has(prev.lo) && !/['’]s$/.test(prev.w)) &&
        !titleCase[cursor]
      ) {
        const next = tokens[cursor + 1];
        if (!(next?.word && next.cap) && !TITLES.has(t.lo) && !/['’]s$/.test(t.w)) {
          // a lone capitalised word counts only as a later mention of someone already met
          const known = ents.matchName([t.lo]);
          if (known && inQuote[cursor] === 0) {
            if (isSubjectMention(tokens, cursor, cursor + 1)) ents.touchSubject(known, t.s);
            else ents.touch(known, t.s);
          }
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
            if (outside || n >= 2) {
              const e = ents.byName(m, t.s, outside);
              if (outside && isSubjectMention(tokens, m.from, m.to)) ents.touchSubject(e, t.s);
            }
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
    /** The quote was a full statement, not a few words or a title. */
    full: boolean;
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
    const parentSpan = w.parent !== null ? kept[w.parent]?.span : undefined;
    if (cue && parentSpan && (tokens[cue.mention.from]?.s ?? 0) < parentSpan.open) {
      // a quote inside a quote is attributed by words inside it; the outer cue is the outer's
      cue = null;
    }
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
    // a "he" or "she" may reach back to a sentence's subject this far
    const floor = model.blocks[Math.max(0, w.span.block - SUBJECT_BLOCKS)]?.start ?? 0;
    const blockKind = model.blocks[w.span.block]?.kind;
    const headline = blockKind === 'headline' || blockKind === 'standfirst';
    if (!cue && headline) cue = headlineSubject(ctx, model, w.span);
    // a few words quoted inside someone's quote, with no cue of their own, are theirs: not a quote
    const innerScare =
      !cue && w.fragment && w.parent !== null && kept[w.parent]?.span.family !== 'bq';
    const echo =
      !cue && w.fragment && !w.scareLike && w.parent === null && w.text.split(/\s+/).length >= 2
        ? echoedQuote(kept, qi)
        : null;
    if (echo) {
      // 'This "mathematical trick" was …' right after a quote that said it: the speaker's words
      w.entity = echo.entity;
      w.mention = echo.mention;
      prevKept = { w, index: qi };
      continue;
    }
    if (!cue && (innerScare || (short && !headline) || w.scareLike) && w.span.family !== 'bq') {
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
        const e = resolveMention(said.mention, w.span.open, ents, null);
        if (
          e &&
          e.kind === 'person' &&
          e.person &&
          (!e.gender || e.gender === cue.mention.gender) &&
          !newSubject(ents, e, said.pos, w.span.open, cue.mention.gender)
        ) {
          w.entity = e;
          w.mention = cue.mention.text;
        }
      }
    }
    if (w.entity) {
      // resolved above
    } else if (cue) {
      w.cued = true;
      if (cue.mention.kind === 'name' && !cue.mention.role)
        cue.mention.role = appositiveRole(text, tokens, cue.mention);
      w.entity = resolveMention(cue.mention, w.span.open, ents, lastSpeaker?.entity ?? null, floor);
      w.mention = cue.mention.text;
    } else {
      const prev = lastSpeaker;
      const ctxCue = contextSpeaker(ctx, w.span);
      const sameHe =
        ctxCue?.mention.kind === 'pronoun' &&
        prev?.entity?.kind === 'person' &&
        w.span.block - prev.block <= 1 &&
        (!prev.entity.gender || prev.entity.gender === ctxCue.mention.gender) &&
        !newSubject(ents, prev.entity, prev.pos, w.span.open, ctxCue.mention.gender);
      if (prev?.entity && prev.full && continuesQuote(ctx, prev.pos, w.span)) {
        // ""…," Ann Lee said at the gala, where others spoke. "…"": Ann Lee goes on
        w.entity = prev.entity;
        w.mention = null;
      } else if (sameHe && prev) {
        // ""…," he said, referring to … "…"": the pronoun is the last speaker
        w.entity = prev.entity;
        w.mention = ctxCue?.mention.text ?? null;
      } else if (ctxCue && (!prev || ctxCue.pos > prev.pos)) {
        w.entity = resolveMention(ctxCue.mention, w.span.open, ents, prev?.entity ?? null, floor);
        w.mention = ctxCue.mention.text;
      } else {
        w.entity =
          recentPerson(ents, model, w.span) ??
          (prev && w.span.block - prev.block <= 1 ? prev.entity : null);
      }
      if (!w.entity && w.fragment && !headline && w.span.family !== 'bq') {
        // words woven into a sentence with nobody to say them: an idiom in marks, not a quote
        w.dropped = true;
        continue;
      }
    }
    prevKept = { w, index: qi };
    if (w.entity) {
      ents.touchSubject(w.entity, w.span.open);
      w.entity.spoke++;
      if (w.entity.kind === 'person') w.entity.person = true;
      lastSpeaker = {
        entity: w.entity,
        block: w.span.lastBlock,
        pos: w.span.close,
        full: !w.fragment,
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
    // a headline's own subject ("Jo Hale: Rival Has 'Grudge'") outranks the body's echo
    if (w.entity && (!display || w.cued)) return;
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
        w.mention = o.mention;
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
    // provisional until the learned model lands: a quote its own sentence attributes is surer
    confidence: w.entity ? (w.cued ? 0.9 : 0.6) : 0.5,
    runnerUp: null,
  }));
  return { quotes, speakers };
}

/** How many paragraphs back a sentence's subject stays the likeliest "he" or "she". */
const SUBJECT_BLOCKS = 2;

/** Capitalised words a name can follow without being part of it ("New" starts place names). */
const OPENERS = new Set([...STOP_CAPS].filter((w) => w !== 'new' && w !== 'old'));

/**
 * Does this quote open the sentence right after the one that closed the previous quote, in the
 * same paragraph? Reporters write ""…," she said on Friday. "…"" for one speaker going on.
 */
function continuesQuote(ctx: CueContext, prevClose: number, span: QuoteSpan): boolean {
  const { tokens } = ctx;
  const from = tokenAt(tokens, prevClose);
  const to = tokenAt(tokens, span.open);
  if (to <= from || to - from > 40) return false;
  let ends = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (t.w === '\n' || ctx.markStarts.has(t.s)) return false;
    if (endsSentence(t)) ends++;
  }
  return ends === 1 && endsSentence(tokens[to - 1]);
}

/** Has someone else of this gender become a sentence's subject since the last speaker spoke? */
function newSubject(
  ents: EntityIndex,
  last: Entity,
  since: number,
  before: number,
  gender: string | undefined,
): boolean {
  for (const e of ents.recent()) {
    if (e.last < since) break;
    if (
      e !== last &&
      e.kind === 'person' &&
      e.subj > since &&
      e.subj < before &&
      (!e.gender || e.gender === gender)
    )
      return true;
  }
  return false;
}

/** How many quotes back a reporter's echo of a speaker's phrase may reach. */
const ECHO_REACH = 4;

/** A recent attributed quote whose words contain this fragment's words. */
function echoedQuote(kept: Work[], qi: number): Work | null {
  const words = (x: string) =>
    ` ${x
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()} `;
  const mine = words((kept[qi] as Work).text);
  if (mine.trim().length < 3) return null;
  for (let j = qi - 1; j >= 0 && j >= qi - ECHO_REACH; j--) {
    const o = kept[j] as Work;
    if (o.dropped || !o.entity || o.fragment) continue;
    if (words(o.text).includes(mine)) return o;
  }
  return null;
}
