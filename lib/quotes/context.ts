/**
 * Pass 3b: attribution from context, for quotes whose own sentence names no speaker —
 * the speaker reported in the sentences just before, the person the paragraphs are about,
 * a blockquote's citation line, a headline's subject, an earlier quote of the same sentence.
 * Pure: reads tokens and the entity index; bounded windows keep it linear.
 */
import { type Cue, type CueContext, cueBefore, nounUse } from './cues';
import type { Entity, EntityIndex } from './entities';
import { FIRST_PERSON, LISTENER_VERBS } from './lexicon/index';
import { isSignatureBlock, type QuoteSpan } from './marks';
import { isOfficeWord, isOrgWord, isRoleWord } from './mention-words';
import { isSpeechVerbWord, type Mention, readMentionForward } from './mentions';
import { endsSentence, type Token, tokenAt } from './tokens';
import type { TextModel } from './types';
import { spaceSplitLength } from './words';

/** A speaker named in the sentences just before a quote that has no cue of its own. */
export function contextSpeaker(
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
    // ("according to a post from …": a word of saying used as a noun is no verb)
    if (t.word && !t.cap && isSpeechVerbWord(t) && !nounUse(tokens, k)) {
      const m = cueBefore(ctx, { ...span, open: t.e }, true);
      if (m) return { mention: m.mention, pos: t.s };
      // "When I observe leaders …, I think, "…"": the writer's own words; no one further back
      if (FIRST_PERSON.has(tokens[k - 1]?.lo ?? '')) return null;
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
    // "He's also a 17-year Energy employee.": a pronoun opening the sentence is its subject
    if (pronoun && j === prev) return pronoun;
    j = m.to - 1;
  }
  return pronoun;
}

/** For a quote that stands alone with no cue: the person the previous paragraphs were about. */
export function recentPerson(ents: EntityIndex, model: TextModel, span: QuoteSpan): Entity | null {
  const floor = model.blocks[Math.max(0, span.block - 3)]?.start ?? 0;
  let best: Entity | null = null;
  for (const e of ents.recent()) {
    if (e.last < floor || e.last >= span.open || !e.person) continue;
    if (!best || e.last > best.last) best = e;
  }
  return best;
}

/** A citation line: a dash, then at most a name and a few words ("- Ana Ruiz."). */
const DASH_LINE = /^\s*[-–—―]\s*\p{Lu}[^\n]{0,60}$/u;

/** A blockquote followed by its citation line ("— Jane Doe"): the cited name. */
export function signatureCue(ctx: CueContext, model: TextModel, span: QuoteSpan): Cue | null {
  const blk = model.blocks[span.lastBlock];
  const next = model.blocks[span.lastBlock + 1];
  if (!blk || !next) return null;
  const line = ctx.text.slice(next.start, next.end);
  if (blk.kind !== 'blockquote' || next.kind !== 'blockquote') {
    // a paragraph that ends with the quote, then "- Ana Ruiz." alone on the next line
    if (!DASH_LINE.test(line) || /\p{L}|\d/u.test(ctx.text.slice(span.close, blk.end))) return null;
  }
  const post = isSignatureBlock(ctx.text, next);
  if (!post && line.split(/\s+/).length > 8) return null;
  let i = tokenAt(ctx.tokens, next.start);
  while (ctx.tokens[i] && !ctx.tokens[i]?.word) i++;
  const m = readMentionForward(ctx.text, ctx.tokens, i, tokenAt(ctx.tokens, next.end));
  if (m && m.kind === 'name') return { mention: m, kind: 'signature' };
  // "— anna or whatever (@annapickard)": a display name that is no name; the handle may
  // spell the name the article gives
  const handle = post ? /\(@(\w+)\)/.exec(line)?.[1] : undefined;
  const named = handle
    ? nameSpelledBy(ctx, handle.toLowerCase(), tokenAt(ctx.tokens, next.start))
    : null;
  return named ? { mention: named, kind: 'signature' } : null;
}

/**
 * A quote of several paragraphs whose last one, inside the marks, is its citation alone:
 * ""… for her here. ¶ S.C. Rep. Jim Clyde."", ""… ¶ Dean Bakker, Center for Policy Research."".
 */
export function innerSignature(ctx: CueContext, model: TextModel, span: QuoteSpan): Cue | null {
  if (span.lastBlock <= span.block) return null;
  const blk = model.blocks[span.lastBlock];
  if (!blk) return null;
  const line = ctx.text.slice(blk.start, span.close);
  if (line.split(/\s+/).length > 8 || !/^\W*\p{Lu}/u.test(line)) return null;
  const { tokens } = ctx;
  let i = tokenAt(tokens, blk.start);
  while (tokens[i] && !tokens[i]?.word) i++;
  const end = tokenAt(tokens, span.close);
  const m = readMentionForward(ctx.text, tokens, i, end);
  if (m?.kind !== 'name' || !m.name || spaceSplitLength(m.name) < 2) return null;
  // (the name, then at most its body after a comma, then the end)
  const rest = tokens.slice(m.to, end);
  const closes =
    rest.every((t) => !t.word) ||
    (rest[0]?.w === ',' &&
      rest.every((t) => !t.word || t.cap || t.lo === 'for' || t.lo === 'of' || t.lo === 'and'));
  return closes ? { mention: m, kind: 'signature' } : null;
}

/** Letters a handle may add to a name: "paulcbetts" is Paul Betts with his initial. */
const HANDLE_SLACK = 2;

/**
 * The name, before token `end`, that a handle spells: first name then surname, with at most
 * a couple of letters between ("@annapickard", "@paulcbetts" → Paul Betts).
 */
function nameSpelledBy(ctx: CueContext, handle: string, end: number): Mention | null {
  const { tokens } = ctx;
  for (let k = end - 2; k >= 0; k--) {
    const first = tokens[k] as Token;
    const last = tokens[k + 1] as Token;
    if (!first.cap || !last.cap || !first.word || !last.word) continue;
    const f = first.lo;
    const l = last.lo.replace(/['’]s$/, '');
    if (
      handle.startsWith(f) &&
      handle.endsWith(l) &&
      handle.length - f.length - l.length <= HANDLE_SLACK &&
      handle.length >= f.length + l.length
    ) {
      const m = readMentionForward(ctx.text, tokens, k, Math.min(tokens.length, k + 4));
      if (m?.kind === 'name') return m;
    }
  }
  return null;
}

/** Is `b` in the same sentence as `a`, a few words after it? */
export function sameSentence(ctx: CueContext, a: QuoteSpan, b: QuoteSpan): boolean {
  if (a.lastBlock !== b.block || b.open <= a.close) return false;
  const { tokens } = ctx;
  const from = tokenAt(tokens, a.close) + 1;
  const to = tokenAt(tokens, b.open);
  if (to - from > 40) return false;
  for (let k = from; k < to; k++) if (endsSentence(tokens[k])) return false;
  // a sentence may also end inside the first quote's marks: "…here." Next …
  const endsInside = /[.!?]$/.test(ctx.text.slice(a.open, a.close).trimEnd());
  return !(endsInside && (tokens[from]?.cap ?? false));
}

/**
 * A headline says who in its first words: "Pence: Trump Was 'Mocking' …",
 * "Obama on Climate: The Trends Are 'Terrifying'", "Hale Addresses Harbor Attack: …". Used for
 * headline quotes with no cue, and to cut a headline's "Lead-in: "…"" back to its subject.
 */
export function headlineSubject(ctx: CueContext, model: TextModel, span: QuoteSpan): Cue | null {
  const blk = model.blocks[span.block];
  if (!blk) return null;
  const { text, tokens } = ctx;
  const from = tokenAt(tokens, blk.start);
  const to = tokenAt(tokens, span.open);
  let k = from;
  while (k < to && !tokens[k]?.word) k++;
  const verb = titleCaseVerb(ctx, blk.end, k, to);
  const m = readMentionForward(text, tokens, k, verb > k ? verb : Math.min(to, k + 4));
  if (m?.kind !== 'name' || (m.name?.split(' ').length ?? 0) > 3) return null;
  if (verb > k && m.to === verb) return { mention: m, kind: 'headline' };
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

/** A word that may be a verb in the present tense: letters only, ending in one "s". */
const VERB_S = /^[\p{L}-]{2,}[^s']s$/u;
/** Plural nouns of people: "Lawmakers", "Democrats", "Scientists", "Californians". */
const PLURAL_NOUN = /(?:ers|ors|ans|ats|ists)$/;
const POSSESSIVE_S = /['’]s$/;
/** (hoisted: a bundler may compile a "\p" regex literal on every call) */
const LETTER_FIRST = /^\p{L}/u;

/**
 * "Hale Addresses Harbor Attack: …": in a Title Case headline, a present-tense verb ("…s")
 * after the first words ends the subject. A word is taken for the verb only where the article
 * names the words before it without it ("Hale" alone, never "James" of "James Williams").
 * Returns the verb's token, or -1. `bodyFrom` is where the text after the headline starts.
 */
function titleCaseVerb(ctx: CueContext, bodyFrom: number, k: number, to: number): number {
  const { text, tokens } = ctx;
  for (let j = k + 1; j < Math.min(to - 1, k + 4); j++) {
    const t = tokens[j] as Token;
    // ("Trump’s Promises to …": after a possessive, a noun)
    if (!t.word || !t.cap || POSSESSIVE_S.test(tokens[j - 1]?.w ?? '')) return -1;
    // ("Black Lawmakers Rip …": a plural noun of people or bodies is no verb)
    if (!VERB_S.test(t.lo) || PLURAL_NOUN.test(t.lo) || isRoleWord(t) || isOrgWord(t)) continue;
    const subject = text.slice((tokens[k] as Token).s, (tokens[j - 1] as Token).e);
    for (const at of occurrences(text, subject, bodyFrom)) {
      const after = text.slice(at + subject.length, at + subject.length + t.w.length + 1);
      if (!after.trimStart().startsWith(t.w) && !LETTER_FIRST.test(after)) return j;
    }
  }
  return -1;
}

/**
 * "Harbor Chief On Strike: ‘…’" over "Harbor Chief Ana Ruiz is not giving in …": a headline
 * that names its speaker by an office names the one the article's body gives that office to.
 * `m` is the headline's mention, ending in a title or role word; null where the body names no
 * holder right after the same words.
 */
export function holderInBody(ctx: CueContext, m: Mention, bodyFrom: number): Mention | null {
  const { text, tokens } = ctx;
  const last = tokens[m.to - 1];
  if (m.kind !== 'name' || !isOfficeWord(last)) return null;
  const words = text.slice((tokens[m.from] as Token).s, (last as Token).e);
  for (const at of occurrences(text, words, bodyFrom)) {
    const k = tokenAt(tokens, at);
    if (tokens[k]?.s !== at) continue;
    const next = k + (m.to - m.from);
    if (!tokens[next]?.cap) continue;
    const held = readMentionForward(text, tokens, k, Math.min(tokens.length, next + 4));
    if (held?.kind === 'name' && held.to > next && !held.org) return held;
  }
  return null;
}

/** Every offset of `words` in `text` from `from` on: where the body writes a headline's words. */
function* occurrences(text: string, words: string, from: number): Generator<number> {
  for (let at = text.indexOf(words, from); at >= 0; at = text.indexOf(words, at + 1)) yield at;
}
