/**
 * Pass 3: find the attribution cue of a quote — the words that say who is speaking —
 * in the sentence around it: `"…," she said`, `"…" - Putin remarked`, `X said that …: "…"`,
 * `According to him, "…"`, headline style `Minister: "…"`, transcript `PENCE: …`.
 * Pure: reads tokens, returns the mention; resolving it to a person is entities.ts's job.
 * Windows are bounded, so the pass is linear in the page. The words after a quote are read in
 * cue-after.ts, with the helpers exported here.
 */

import {
  ACCORDING_TO,
  DOCUMENT_WORDS,
  ENGLISH_SPEECH_VERBS,
  LISTENER_VERBS,
  PERFECT_AUXILIARIES,
  POSSESSIVE_PRONOUNS,
  SPEECH_NOUNS,
  WEAK_VERBS,
} from './lexicon/index';
import type { QuoteSpan } from './marks';
import { memberBackward, memberForward } from './members';
import {
  isFirstName,
  isOfficeWord,
  isParticiple,
  isPossessive,
  isPronounWord,
  isTitle,
} from './mention-words';
import {
  extendDescription,
  finishDescription,
  INDEFINITE,
  isAuxiliary,
  isDeterminer,
  isSpeechVerbWord,
  type Mention,
  nameMention,
  PREPOSITIONS,
  pronounMention,
  readMentionBackward,
  readMentionForward,
} from './mentions';

export { PREPOSITIONS };

import { readNounPhraseBackward, readNounPhraseForward } from './noun-phrases';
import { endsSentence, type Token, tokenAt } from './tokens';

export type CueKind =
  | 'after'
  | 'before'
  | 'according'
  | 'headline'
  | 'transcript'
  | 'signature'
  | 'colon';

export interface Cue {
  mention: Mention;
  kind: CueKind;
}

/** How far (in tokens) a cue may sit from its quote. */
const BEFORE_WINDOW = 45;
const AFTER_WINDOW = 30;
/** How far before a one- or two-word fragment its verb may be ("called it 'x'"). */
const FRAGMENT_REACH = 20;
export const SKIP_AFTER_CLOSE = new Set([
  ',',
  '-',
  '—',
  '–',
  '―',
  ')',
  ';',
  '…',
  '(',
  ':',
  "'",
  '"',
  '”',
  '’',
]);

export interface CueContext {
  text: string;
  tokens: Token[];
  /** Offsets of every kept quote's marks, sorted, for window limits. */
  markStarts: Set<number>;
  markEnds: Set<number>;
  /**
   * Read speakers widely: also noun phrases ("the sender"), people after "a" as unnamed
   * ("a New Hampshire Republican"), and more nouns of saying after a possessive. A second
   * pass; its readings are candidates of their own beside the plain pass's.
   */
  wide?: boolean;
}

export const isAdverb = (t: Token | undefined) =>
  !!t && t.word && !t.cap && (isAuxiliary(t) || (t.lo.endsWith('ly') && t.lo.length > 4));

/** Words of a time phrase: "on Friday", "late Tuesday", "last week", "earlier this month". */
const TIME_NOUNS = new Set(
  (
    'monday tuesday wednesday thursday friday saturday sunday today yesterday tonight week ' +
    'weekend month year morning afternoon evening night day'
  ).split(' '),
);
const TIME_LEADS = new Set(['on', 'last', 'this', 'next', 'late', 'early', 'later', 'earlier']);
/** Where a time phrase ending at token `k` starts (k + 1 when there is none). */
function timeBefore(tokens: Token[], k: number, from: number): number {
  let j = k;
  while (j >= from && j > k - 2 && TIME_NOUNS.has(tokens[j]?.lo ?? '')) j--;
  if (j === k) return k + 1;
  while (j >= from && j > k - 4 && TIME_LEADS.has(tokens[j]?.lo ?? '')) j--;
  return j + 1;
}

/** A lowercase letter ("\p" regexes are hoisted: a bundler may compile them on every call). */
const LOWER_RE = /\p{Ll}/u;
const TWO_CAPS_RE = /\p{Lu}{2}/u;

/** Token index range [from, to) of the sentence part before the quote's opening mark. */
export function beforeWindow(ctx: CueContext, span: QuoteSpan): [number, number] {
  const { tokens } = ctx;
  const to = tokenAt(tokens, span.open);
  let from = to;
  let depth = 0;
  while (from > 0 && to - from < BEFORE_WINDOW) {
    const t = tokens[from - 1] as Token;
    if (t.w === '\n' || ctx.markEnds.has(t.s)) break;
    if (t.w === ')') depth++;
    else if (t.w === '(') depth = Math.max(0, depth - 1);
    else if (depth === 0 && endsSentence(t) && !LOWER_RE.test(tokens[from]?.w[0] ?? 'A')) break;
    from--;
  }
  return [from, to];
}

/** The first token after the quote's closing mark. */
const afterStart = (tokens: Token[], span: QuoteSpan): number =>
  span.family === 'q' || span.family === 'bq'
    ? tokenAt(tokens, span.close)
    : tokenAt(tokens, span.close) + 1;

/** Token index range [from, to) after the closing mark, to the end of the sentence. */
export function afterWindow(ctx: CueContext, span: QuoteSpan): [number, number] {
  const { tokens } = ctx;
  const from = afterStart(tokens, span);
  let to = from;
  let depth = 0;
  while (to < tokens.length && to - from < AFTER_WINDOW) {
    const t = tokens[to] as Token;
    if (t.w === '\n' || ctx.markStarts.has(t.s)) break;
    if (t.w === '(') depth++;
    else if (t.w === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && endsSentence(t)) break;
    to++;
  }
  return [from, to];
}

/** The "according to" phrases by their first word, in the lexicon's order (one lookup a token). */
const ACCORDING_BY_FIRST = new Map<string, (readonly string[])[]>();
for (const seq of ACCORDING_TO) {
  const first = seq[0] as string;
  const list = ACCORDING_BY_FIRST.get(first);
  if (list) list.push(seq);
  else ACCORDING_BY_FIRST.set(first, [seq]);
}

export function matchAccording(tokens: Token[], i: number, end: number): number {
  if (i >= end) return 0;
  const seqs = ACCORDING_BY_FIRST.get(tokens[i]?.lo as string);
  if (!seqs) return 0;
  for (const seq of seqs) {
    let ok = true;
    for (let k = 0; k < seq.length; k++) {
      if (i + k >= end || tokens[i + k]?.lo !== seq[k]) {
        ok = false;
        break;
      }
    }
    if (ok) return seq.length;
  }
  return 0;
}

export const isSpeechVerb = (t: Token | undefined, weakOk: boolean) =>
  !!t && t.word && !t.cap && isSpeechVerbWord(t) && (weakOk || !WEAK_VERBS.has(t.lo));

/**
 * "Court records show the firm "…"", "the report found that …": a document speaks through
 * verbs of showing and finding, which say nothing when a person does them.
 */
const EVIDENCE_VERBS = new Set([
  'show',
  'shows',
  'showed',
  'shown',
  'reveal',
  'reveals',
  'revealed',
  'indicate',
  'indicates',
  'indicated',
  'found',
  'finds',
  'concluded',
  'concludes',
  'suggest',
  'suggests',
  'suggested',
]);
const documentShows = (tokens: Token[], v: number): boolean =>
  EVIDENCE_VERBS.has(tokens[v]?.lo ?? '') &&
  (DOCUMENT_WORDS.has(tokens[v - 1]?.lo ?? '') ||
    DOCUMENT_WORDS.has((tokens[v - 1]?.lo ?? '').replace(/s$/, '')) ||
    // "Last spring, the institute found that "…"": what a finding says, whoever found it
    // ("should show that" is no finding yet)
    (tokens[v + 1]?.lo === 'that' && /(?:ed|found)$/.test(tokens[v]?.lo ?? '')));

/** Determiners after which a word of saying can only be a noun ("her" may be an object). */
const NOUN_MARKERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'its',
  'his',
  'their',
  'our',
  'my',
  'your',
]);
/** Words that end a noun phrase before a verb: "and cry", "to counter", "who note". */
export const CLAUSE_WORDS = new Set([
  'and',
  'or',
  'but',
  'to',
  'who',
  'that',
  'which',
  'then',
  'not',
]);
/** Nouns of the press that make a word of saying after them a noun: "news reports". */
const PRESS_NOUNS = new Set(['news', 'media', 'press']);
/** Words of saying that are also nouns in their bare form: "the seafood counter". */
const BARE_NOUNS = new Set(['counter', 'note', 'report', 'cry', 'shout', 'whisper', 'word']);

/**
 * A word of saying used as a noun: "his reply", "the seafood counter", "a Facebook post".
 * Right after a determiner it can only be one. Further on, a verb would agree with a singular
 * subject ("the company counters"), so a bare noun form after "the" and a noun or two is a
 * noun too. (French "a annoncé" is the auxiliary "a", not the article.)
 */
export function nounUse(tokens: Token[], v: number): boolean {
  const t = tokens[v];
  const p = tokens[v - 1];
  if (!t || !p?.word || !ENGLISH_SPEECH_VERBS.has(t.lo)) return false;
  if (NOUN_MARKERS.has(p.lo) || afterAccording(tokens, v)) return true;
  // "news reports", "media reports": a noun of the press before it makes one noun of the two
  // ("Fox News reports" is a name and its verb)
  if (!p.cap && PRESS_NOUNS.has(p.lo)) return true;
  if (!(SPEECH_NOUNS.has(t.lo) || BARE_NOUNS.has(t.lo)) || /(?:s|ed|ing)$/.test(t.lo)) return false;
  if (/[^s]s$|^(?:men|women|people|children|police|staff)$/.test(p.lo)) return false;
  for (let k = v - 1; k >= v - 3 && k >= 0; k--) {
    const x = tokens[k] as Token;
    if (k < v - 1 && NOUN_MARKERS.has(x.lo)) return true;
    // only nouns and adjectives stand between: "and cry", "to counter" are verbs
    if (!x.word || isAuxiliary(x) || isSpeechVerbWord(x) || CLAUSE_WORDS.has(x.lo)) return false;
  }
  return false;
}

/**
 * Inside the noun phrase after "according to", where no verb can come before the phrase ends:
 * "according to the explanatory notes of the bill".
 */
function afterAccording(tokens: Token[], v: number): boolean {
  for (let k = v - 1; k >= v - 5 && k > 0; k--) {
    const x = tokens[k] as Token;
    if (x.lo === 'to' && tokens[k - 1]?.lo === 'according') return true;
    if (!x.word || isAuxiliary(x) || isSpeechVerbWord(x) || CLAUSE_WORDS.has(x.lo)) return false;
  }
  return false;
}

/** Words opening an amount: "add about twenty minutes", "added another $5 million". */
const AMOUNT_WORDS = new Set([
  'about',
  'another',
  'more',
  'some',
  'nearly',
  'almost',
  'roughly',
  'up',
  'over',
  'around',
]);

/** "add" counting, not saying: "the detour would add about twenty minutes to each trip". */
function addsAmount(tokens: Token[], v: number): boolean {
  if (!/^add(?:s|ed|ing)?$/.test(tokens[v]?.lo ?? '')) return false;
  const next = tokens[v + 1];
  return !!next && (AMOUNT_WORDS.has(next.lo) || /^[\d$£€]/.test(next.w));
}

/** A speaker read forwards: a name, pronoun or role, else one the page describes ("the sender"). */
export function speakerForward(
  text: string,
  tokens: Token[],
  i: number,
  ceil: number,
): Mention | null {
  const m = readMentionForward(text, tokens, i, ceil);
  // "another New Hampshire Republican": an indefinite article introduces someone unnamed
  if (m?.kind === 'name' && INDEFINITE.has(tokens[m.from]?.lo ?? ''))
    return readNounPhraseForward(text, tokens, m.from, ceil) ?? m;
  return m ?? readNounPhraseForward(text, tokens, i, ceil);
}

/** A speaker read backwards from token `end`, as speakerForward. */
export function speakerBackward(
  text: string,
  tokens: Token[],
  end: number,
  floor: number,
): Mention | null {
  const m = readMentionBackward(text, tokens, end, floor);
  if (m?.kind === 'name' && m.from > floor && INDEFINITE.has(tokens[m.from - 1]?.lo ?? ''))
    return finishDescription(text, tokens, m.from - 1, m.to);
  return m ?? readNounPhraseBackward(text, tokens, end, floor);
}

/** A speaker read forwards: the plain reader, or the wide one in a described pass. */
export const fwd = (ctx: CueContext, i: number, ceil: number) =>
  memberForward(ctx.text, ctx.tokens, i, ceil) ??
  (ctx.wide
    ? speakerForward(ctx.text, ctx.tokens, i, ceil)
    : readMentionForward(ctx.text, ctx.tokens, i, ceil));
export const bwd = (ctx: CueContext, end: number, floor: number) =>
  memberBackward(ctx.text, ctx.tokens, end, floor) ??
  (ctx.wide
    ? speakerBackward(ctx.text, ctx.tokens, end, floor)
    : readMentionBackward(ctx.text, ctx.tokens, end, floor));

/**
 * The speaker after "according to": a noun phrase, with no verb before it ends, so a word of
 * saying right after an unnamed speaker is that phrase's head, not its verb: "according to
 * the explanatory notes of the bill", "according to the court filings".
 */
export function accordingFwd(ctx: CueContext, i: number, ceil: number): Mention | null {
  const m = fwd(ctx, i, ceil);
  if (!ctx.wide || !m || (m.kind !== 'role' && m.kind !== 'description') || m.to >= ceil) return m;
  const t = ctx.tokens[m.to];
  if (!t?.word || t.cap || !ENGLISH_SPEECH_VERBS.has(t.lo)) return m;
  return extendDescription(ctx.text, ctx.tokens, m.from, m.to + 1, ceil);
}

/** The noun a ", who" or ", which" between `from` and `v` refers to, the nearest such. */
function relativeAntecedent(ctx: CueContext, from: number, v: number): Mention | null {
  const { tokens } = ctx;
  for (let k = v - 1; k > from + 1; k--) {
    const t = tokens[k] as Token;
    if (t.w === ';' || t.w === ':') return null;
    if ((t.lo === 'who' || t.lo === 'which') && tokens[k - 1]?.w === ',') {
      const m = antecedentOf(ctx, k, from);
      return m && m.kind !== 'pronoun' ? m : null;
    }
  }
  return null;
}

/**
 * The noun before the relative word at token `k` ("the police department, which"), past a
 * comma, and past an apposition to the name it sets off (appositionHead).
 */
function antecedentOf(ctx: CueContext, k: number, from: number): Mention | null {
  const j = ctx.tokens[k - 1]?.w === ',' ? k - 2 : k - 1;
  const m = j >= from ? bwd(ctx, j, from) : null;
  if (!m || m.kind === 'pronoun') return m;
  return appositionHead(ctx, m, from) ?? m;
}

/** At most this many tokens in an apposition between a name and its ", who". */
const APPOSITION_REACH = 12;

/**
 * "Sen. Ana Ruiz of Ohio, the ranking member on the Budget Committee, who said": the name a
 * ", who" reaches back to over an apposition and the places and bodies governed by its
 * prepositions; null when `m` is not inside one.
 */
function appositionHead(ctx: CueContext, m: Mention, from: number): Mention | null {
  const { tokens } = ctx;
  let c = m.from - 1;
  while (c > from && m.from - c < APPOSITION_REACH && tokens[c]?.w !== ',') c--;
  if (tokens[c]?.w !== ',' || !isDeterminer(tokens[c + 1])) return null;
  const read = bwd(ctx, c - 1, from);
  const head = read && ownerBefore(ctx, read, from);
  return head?.kind === 'name' && !head.org ? head : null;
}

/**
 * "Sen. Ana Ruiz of Ohio", "Bishop Aris Tavan of the Church of Lyon": the name before the
 * places and bodies that "of" and "from" tie to it (two at most), or `m` itself.
 */
export function ownerBefore(ctx: CueContext, m: Mention, from: number): Mention {
  const { tokens } = ctx;
  let head = m;
  for (let hops = 0; head.kind === 'name' && hops < 2; hops++) {
    // ("of the Lowlands’ Arden Institute": past the place that owns the body)
    const owner = possessorBefore(ctx, head.from, from);
    const start = owner >= 0 ? owner : head.from;
    // ("of the Armenian Patriarchate": past the article the reader may leave out)
    const l = tokens[start - 1]?.lo === 'the' ? start - 2 : start - 1;
    const link = tokens[l]?.lo ?? '';
    if (link !== 'of' && link !== 'from') break;
    const before = bwd(ctx, l - 1, from);
    if (before?.kind !== 'name') break;
    head = before;
  }
  return head;
}

/**
 * Where the name owning the one at token `k` starts ("Ostria's Arden Bank", "the Lowlands’
 * Arden Institute"), or -1 where no possessive name comes right before it.
 */
function possessorBefore(ctx: CueContext, k: number, from: number): number {
  const { tokens } = ctx;
  const mark = tokens[k - 1];
  // ("Lowlands’" is two tokens, its mark apart; "Ostria's" one)
  const end = mark && !mark.word && (mark.w === '’' || mark.w === "'") ? k - 2 : k - 1;
  const t = tokens[end];
  if (!t?.cap || (end === k - 1 ? !isPossessive(t) : !/s$/.test(t.w))) return -1;
  const owner = bwd(ctx, end, from);
  return owner?.kind === 'name' && owner.to === end + 1 ? owner.from : -1;
}

/** At most this many words in a description left open between a name's comma and the verb. */
const OPEN_DESCRIPTION_REACH = 8;
/** Words that tie a description after a name to a body: "president of", "a lawyer for". */
const DESCRIPTION_LINKS = new Set(['of', 'for', 'at', 'with', 'from']);
/** Words opening a relative clause, which has a verb of its own: no description. */
const RELATIVES = new Set(['who', 'whom', 'which', 'that', 'whose']);

/**
 * "Dale Orvin, president and CEO of Arden Bakers said": the name opening the sentence, where
 * the description after its comma runs into the verb unclosed; `m` is what the verb's left
 * reads (the body, or the description itself). Null unless `m` is inside such a description.
 */
function openDescriptionHead(ctx: CueContext, m: Mention, from: number): Mention | null {
  const { tokens } = ctx;
  let c = m.from - 1;
  // (between the comma and a body: lowercase words, or an office, ending in "of", "for" …)
  while (c >= from && m.from - c <= OPEN_DESCRIPTION_REACH) {
    const t = tokens[c] as Token;
    if (!t.word || (t.cap && !isOfficeWord(t)) || isSpeechVerbWord(t) || RELATIVES.has(t.lo)) break;
    c--;
  }
  if (tokens[c]?.w !== ',') return null;
  // (a body right after the comma is a new subject, "In Arden, the Guild said"; a description
  // tied to no body may be an aside, "Ruiz, a top aide said, is …")
  if (m.kind === 'pronoun' || (m.kind === 'name' && c === m.from - 1)) return null;
  if (!tokens.slice(c + 1, m.to).some((t) => DESCRIPTION_LINKS.has(t.lo))) return null;
  const head = bwd(ctx, c - 1, from);
  if (head?.kind !== 'name' || head.org || head.to !== c) return null;
  const opener = tokens[head.from - 1];
  return head.from === from || !opener || endsSentence(opener) ? head : null;
}

/** Dashes that set a name or a lead-in apart: "― Jane Doe", "LEAD-IN - Name: ". */
export const DASHES = new Set(['-', '–', '—', '―']);

/**
 * Object pronouns that Spanish, French and Italian put between the subject and its verb ("una
 * fuente nos la resumió", "le ministre nous a dit"). Right before a verb none is an article.
 */
const CLITICS = new Set([
  'nos',
  'os',
  'la',
  'las',
  'lo',
  'los',
  'le',
  'les',
  'se',
  'te',
  'nous',
  'vous',
  'lui',
  'leur',
  'ci',
  'vi',
  'gli',
  'ne',
]);

/** Auxiliaries of a passive: "has been described", "was called", "is said". */
export const PASSIVE_AUX = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'being']);

/** Verbs that carry a participle: "is saying", "kept insisting". */
const BE = /^(?:is|was|are|were|been|be|am|'s|’s|keeps|kept|started|began)$/;

/** The subject of the speech verb at `v`, reading left (with appositives) then right. */
function subjectOf(ctx: CueContext, v: number, from: number, to: number): Mention | null {
  const { text, tokens } = ctx;
  // "(Lemkin, who coined the word, once said, "…")": a verb inside a parenthesis has its subject
  // inside it
  from = openParenBefore(tokens, from, v) + 1;
  // "Ames was asked by host Bill Marsh, "…"": the agent of a passive verb of address speaks
  if (
    tokens[v + 1]?.lo === 'by' &&
    LISTENER_VERBS.has(tokens[v]?.lo ?? '') &&
    PASSIVE_BE.has(tokens[v - 1]?.lo ?? '')
  ) {
    const agent = fwd(ctx, v + 2, to);
    if (agent) return agent;
  }
  let k = v - 1;
  let skipped = 0;
  // "Hale is insisting that …", "Hale was also saying": the subject before a progressive
  let progressive = false;
  let passive = false;
  while (
    k >= from &&
    (isAdverb(tokens[k]) ||
      PERFECT_AUXILIARIES.has(tokens[k]?.lo ?? '') ||
      CLITICS.has(tokens[k]?.lo ?? '')) &&
    skipped < 4
  ) {
    if (BE.test(tokens[k]?.lo ?? '')) progressive = true;
    if (PASSIVE_AUX.has(tokens[k]?.lo ?? '')) passive = true;
    k--;
    skipped++;
  }
  progressive &&= (tokens[v] as Token).lo.endsWith('ing');
  // "The spate of strandings has been described as "…" by the department": the subject of a
  // passive is what is spoken of; the speaker is the agent after "by" ("was quoted as saying"
  // keeps its subject)
  if (passive && !progressive && (tokens[v] as Token).lo !== 'quoted') return null;
  // "Ana Ruiz on Friday said", "Priebus later Thursday told": a time between subject and verb
  const timeFrom = timeBefore(tokens, k, from);
  if (timeFrom <= k) k = timeFrom - 1;
  const verb = tokens[v] as Token;
  const before = tokens[v - 1];
  // (French "a annoncé" has the auxiliary "a", not the article)
  const frenchA = before?.lo === 'a' && !ENGLISH_SPEECH_VERBS.has(verb.lo);
  if (
    before &&
    !frenchA &&
    (/['’]s?$/.test(before.w) ||
      /^(?:the|a|an|his|her|their|its|our|my|your|these|those|this|that)$/.test(before.lo))
  ) {
    return null; // "Obama's remarks", "the comments": a noun, not a verb
  }
  if (progressive && k >= from && tokens[k]?.word) {
    // (a name only: "for decades some critics had been predicting" reads no one)
    const own = bwd(ctx, k, from);
    if (own?.kind === 'name') return own;
  }
  if (
    verb.lo.endsWith('ing') &&
    !BE.test(tokens[k]?.lo ?? '') &&
    (tokens[v - 1]?.w === ',' || tokens[v - 1]?.word)
  ) {
    // "with Trump reportedly yelling: "…"": the participle's own subject after "with"
    const own = k >= from && tokens[k]?.word ? bwd(ctx, k, from) : null;
    if (own && own.kind !== 'pronoun' && tokens[own.from - 1]?.lo === 'with') return own;
    // "both issued a statement – Ruiz saying she was "…" and Hale calling it a "…"": an absolute
    // clause after a dash or a comma, its name right before the participle, speaks
    if (
      own?.kind === 'name' &&
      own.to === v &&
      ABSOLUTE_OPENERS.has(tokens[own.from - 1]?.lo ?? '')
    )
      return own;
    // "…, Pike said, adding, "…"": the participle goes on from the verb of saying right before
    // its comma; its subject, not the sentence's first name, speaks
    if (tokens[v - 1]?.w === ',' && isSpeechVerb(tokens[v - 2], true) && v - 2 > from) {
      // (a subject that opens its clause: in "recites the usual campaign points, calling" the words
      // before "points" are no clause's subject)
      const said = subjectOf(ctx, v - 2, from, v - 1);
      const before = said ? tokens[said.from - 1] : undefined;
      if (said && (said.from <= from || !before?.word || endsSentence(before))) return said;
    }
    // "the Likud party, which tried to rally voters by saying "…"": the relative clause's own
    // subject, the noun before ", which"
    const rel = relativeAntecedent(ctx, from, v);
    if (rel) return rel;
    // "Trump attacked Clinton for it, saying, "…"": the subject of the main clause
    const m = clauseSubject(ctx, from, v - 1);
    if (m) return m;
  }
  if (before?.lo === 'to' && (tokens[v - 2]?.lo === 'and' || tokens[v - 2]?.lo === 'or')) {
    // "… to fight "…" and to counter "…"": a second infinitive has the first one's subject,
    // which opens the sentence, before any quote in it
    const m = subjectBeforeQuote(ctx, from) ?? clauseSubject(ctx, from, v - 2);
    if (m) return m;
  }
  if (k >= from && /^(?:and|but|then|et|y|und)$/.test(tokens[k]?.lo ?? '')) {
    const m = clauseSubject(ctx, from, k) ?? subjectBeforeQuote(ctx, from);
    if (m) return m;
  }
  if (k >= from && /^(?:who|which|that)$/.test(tokens[k]?.lo ?? '')) {
    // "the police department, which reported "…""
    const m = antecedentOf(ctx, k, from);
    if (m) return m;
  }
  if (k >= from) {
    const t = tokens[k] as Token;
    const aside = DASHES.has(t.w) ? beforeDashAside(ctx, k, from) : null;
    if (aside) return aside;
    if (t.w === ',' || t.w === ')') {
      // "Jo Hale (R-Wis.) said": the name before a party tag
      const tagged = t.w === ')' ? readMentionBackward(text, tokens, k, from) : null;
      if (tagged?.kind === 'name') return tagged;
      // "X, the leader of Y, said" / "X, who …, said": the first mention of the clause.
      const m = appositiveSubject(ctx, from, k);
      if (m) return m;
    } else {
      const m = bwd(ctx, k, from);
      // "A memo from the tenants obtained by Radio Nine states": the agent of a participle
      // that modifies the subject is not the subject; the clause's first mention is
      const agent = m ? participleAgent(tokens, m) : -1;
      if (agent >= 0) {
        const s = clauseSubject(ctx, from, agent);
        if (s) return s;
      }
      // "Dale Orvin, president of the guild said": the name its unclosed description follows
      const open = m ? openDescriptionHead(ctx, m, from) : null;
      if (open) return open;
      // "as Bishop Aris Tavan of the Church of Lyon told …": the bishop, not the church
      if (m) return ownerBefore(ctx, m, from);
    }
  }
  // inverted: "said Imran Sheikh", "added the MP" — but "told reporters" names the listener,
  // and after a participle the name is its object ("In declaring Trump has "…", they …")
  if (LISTENER_VERBS.has(verb.lo)) return null;
  if (verb.lo.endsWith('ing') && verb.lo !== 'according') return null;
  // "told the class to write down thoughts": an infinitive has no subject after it
  if (before?.lo === 'to') return null;
  // "said that Mayor Ruiz …": "that" opens the reported clause; its subject is not the speaker
  if (tokens[v + 1]?.lo === 'that') return null;
  let r = v + 1;
  while (r < to && (isAdverb(tokens[r]) || tokens[r]?.lo === 'by')) r++;
  const inv = fwd(ctx, r, to);
  // "wrote they found …": a pronoun after the verb starts a new clause, it is not the speaker
  if (
    inv &&
    inv.kind === 'pronoun' &&
    !(tokens[inv.to]?.w === ',' || endsSentence(tokens[inv.to]) || inv.to >= to)
  )
    return null;
  return inv;
}

/**
 * Where the participle is when `m` is its agent ("obtained by The Ledger", "seen by the
 * Times"), the participle right before "by" with no auxiliary before it; -1 otherwise.
 */
function participleAgent(tokens: Token[], m: Mention): number {
  const by = tokens[m.from - 1]?.lo === 'the' ? m.from - 2 : m.from - 1;
  if (tokens[by]?.lo !== 'by') return -1;
  const p = tokens[by - 1];
  if (!p?.word || p.cap || !isParticiple(p)) return -1;
  return PASSIVE_AUX.has(tokens[by - 2]?.lo ?? '') ? -1 : by - 1;
}

/**
 * The verb of saying (maybe with "that") right before `m`, so that `m` opens what is said; -1
 * where there is none.
 */
function reportingVerb(tokens: Token[], m: Mention): number {
  const p = tokens[m.from - 1]?.lo === 'that' ? m.from - 2 : m.from - 1;
  const t = tokens[p];
  // ("asked Hale if": a listener is no clause; "the note that Hale posted": a noun)
  const reports =
    !!t?.word &&
    !t.cap &&
    isSpeechVerbWord(t) &&
    t.lo !== 'according' &&
    !LISTENER_VERBS.has(t.lo) &&
    !nounUse(tokens, p);
  return reports ? p : -1;
}

/** At most this many tokens between the dashes of an aside. */
const ASIDE_REACH = 25;

/**
 * "Hale — named by the paper as a likely pick — told …": the subject before an aside set off
 * by dashes, `close` being the closing dash; null unless a mention ends right at the opening one
 * (past an auxiliary: "Hale has — to no one's surprise — said").
 */
function beforeDashAside(ctx: CueContext, close: number, from: number): Mention | null {
  const { tokens } = ctx;
  // ("--" is two tokens)
  while (close > from && DASHES.has(tokens[close - 1]?.w ?? '')) close--;
  let d = close - 1;
  while (d > from && close - d < ASIDE_REACH && !DASHES.has(tokens[d]?.w ?? '')) {
    if (endsSentence(tokens[d])) return null;
    d--;
  }
  if (d <= from || !DASHES.has(tokens[d]?.w ?? '')) return null;
  const open = d;
  while (d > from && DASHES.has(tokens[d - 1]?.w ?? '')) d--;
  let e = d - 1;
  while (e > from && isAdverb(tokens[e])) e--;
  if (!tokens[e]?.word) return null;
  const m = bwd(ctx, e, from);
  if (!m || m.to !== e + 1) return null;
  if (m.kind === 'name') return ownerBefore(ctx, m, from);
  // "A rival bidder — Jo Hale, who lost the tender — said": the aside names the one described
  const named = fwd(ctx, open + 1, close);
  const sep = tokens[named?.to ?? close]?.w ?? '';
  return named?.kind === 'name' && (sep === ',' || DASHES.has(sep)) ? named : m;
}

/**
 * "Lena Graham said that Tripp was “decent,” and said …": the window before the second quote
 * stops at the first; the coordinated verb's subject opens the sentence, before any quote.
 */
function subjectBeforeQuote(ctx: CueContext, from: number): Mention | null {
  const { tokens } = ctx;
  let start = from;
  while (start > 0 && from - start < 60) {
    const t = tokens[start - 1] as Token;
    if (t.w === '\n' || endsSentence(t)) break;
    start--;
  }
  let firstOpen = start;
  while (firstOpen < from && !ctx.markStarts.has(tokens[firstOpen]?.s ?? -1)) firstOpen++;
  if (firstOpen === start || firstOpen >= from) return null;
  return clauseSubject(ctx, start, firstOpen);
}

/** The first person named in a clause, after any introductory phrase ("During the rally, …"). */
const QUANTIFIERS = new Set([
  'many',
  'several',
  'some',
  'all',
  'these',
  'those',
  'such',
  'other',
  'of',
  'their',
  'his',
  'her',
  'its',
  'our',
  'your',
  'my',
  'few',
  'most',
  'both',
  'two',
  'three',
  'numerous',
]);

/** Lowercase words inside an organisation's name: "Center for …", "Bureau of …". */
export const ORG_LINKS = new Set(['for', 'of', 'and', 'on', 'the']);

const PASSIVE_BE = new Set(['was', 'were', 'is', 'are', 'be', 'been', 'being', 'got', 'gets']);

/** Words that end an opening time phrase: "Hours later, …", "Two days earlier, …". */
const TIME_ENDS = new Set(['later', 'earlier', 'ago', 'afterward', 'afterwards']);

/** Words that open a subordinate clause before the main one: "When she said no, Roof told her". */
export const SUBORDINATORS = new Set([
  'when',
  'while',
  'although',
  'though',
  'because',
  'since',
  'once',
  'until',
  'unless',
  'whereas',
  'whenever',
]);

export function clauseSubject(ctx: CueContext, from: number, to: number): Mention | null {
  const { text, tokens } = ctx;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (!t.word) continue;
    if (k === from) {
      // "Hours later, Ames returned …": an opening time phrase holds no subject
      let j = k;
      while (j < to && j < k + 4 && tokens[j]?.word && !TIME_ENDS.has(tokens[j]?.lo ?? '')) j++;
      if (TIME_ENDS.has(tokens[j]?.lo ?? '') && tokens[j + 1]?.w === ',' && j + 2 < to) {
        k = j + 1;
        continue;
      }
    }
    if (k === from && (SUBORDINATORS.has(t.lo) || PREPOSITIONS.has(t.lo) || t.lo === 'as')) {
      // the subordinate clause's subject is not the sentence's, nor is a name inside an opening
      // phrase ("At the meeting in Boston the summer after, Priebus …"): go on after its comma
      let j = k + 1;
      while (j < to && tokens[j]?.w !== ',') j++;
      if (SUBORDINATORS.has(t.lo) && onlyName(ctx, k + 1, j)) {
        // "When Dana Okafor, the senator's campaign manager was asked …, she said": a name alone
        // is no clause, so its comma opens an apposition, and the clause ends at the next comma
        j++;
        while (j < to && tokens[j]?.w !== ',') j++;
      }
      if (j < to - 1) {
        k = placeApposition(tokens, j, to);
        continue;
      }
    }
    if (PREPOSITIONS.has(t.lo)) {
      // "On one Facebook page …": a prepositional phrase holds no subject; skip its noun phrase
      let j = k + 1;
      while (
        j < to &&
        tokens[j]?.word &&
        !(tokens[j]?.lo === 'a' || tokens[j]?.lo === 'an') &&
        j < k + 5
      )
        j++;
      k = (tokens[j]?.w === ',' ? placeApposition(tokens, j, to) : j) - 1;
      continue;
    }
    const m = readMentionForward(text, tokens, k, to);
    const object = m?.kind === 'pronoun' && /^(?:him|her|them|lui|la|le|les)$/i.test(m.text);
    if (m && !object) {
      // skip a mention inside an introductory phrase that ends at a comma before the verb
      // ("Roy Cooper (D), the attorney general, …": past a party tag)
      const next = tokens[skipParen(tokens, m.to, to)];
      if (next?.word) return m;
      if (next?.w === ',' && m.kind === 'name') return m;
    }
    if (m) k = m.to - 1;
  }
  return null;
}

/** What opens an absolute clause: "– Ruiz saying …" ("Ruiz and Hale saying" is one subject). */
const ABSOLUTE_OPENERS = new Set([...DASHES, ',']);

/** A preposition whose object is not who speaks ("with", "against"; not "from"). */
const nonSourcePreposition = (t: Token | undefined): boolean =>
  !!t && PREPOSITIONS.has(t.lo) && t.lo !== 'from';

/** Is the stretch `from`–`to` one name and nothing else? */
function onlyName(ctx: CueContext, from: number, to: number): boolean {
  const m = readMentionForward(ctx.text, ctx.tokens, from, to);
  return m?.kind === 'name' && m.from === from && m.to === to;
}

/** Words that open a second clause after a comma: "…, while Ana Ruiz proposed …". */
const CLAUSE_JOINS = new Set(['while', 'whereas', 'but', 'although', 'though', 'yet']);

/**
 * Where the clause that holds a quote starts in the sentence part before it (`from`–`to`): after
 * the last ", while"-like join or semicolon, so the subject read is that clause's, not the
 * sentence's first ("Gov. Tom Hale signed …, while Ana Ruiz proposed "…"").
 */
export function lastClauseStart(tokens: Token[], from: number, to: number): number {
  for (let k = to - 1; k > from; k--) {
    const t = tokens[k] as Token;
    if (t.w !== ';' && !(CLAUSE_JOINS.has(t.lo) && tokens[k - 1]?.w === ',')) continue;
    // ("Hale used to back Ruiz, but now said …": a second verb of the same subject)
    let j = k + 1;
    while (j < to && isAdverb(tokens[j])) j++;
    const s = tokens[j];
    return s?.word && (s.cap || isDeterminer(s) || isPronounWord(s)) ? k + 1 : from;
  }
  return from;
}

/**
 * "In Salem, Oregon, Ruiz went …", "in Ames, Iowa, on Sunday, …": the state or country after a
 * place, set off by commas, belongs to the opening phrase. `c` is the comma after the place;
 * returns the comma that ends the phrase. A run that starts with a known first name or is
 * followed by an article ("in Boston, Ruiz, the mayor,") is someone, not a place.
 */
function placeApposition(tokens: Token[], c: number, to: number): number {
  if (!tokens[c - 1]?.cap) return c;
  let e = c + 1;
  while (e < to && e < c + 3 && tokens[e]?.word && tokens[e]?.cap) e++;
  if (e === c + 1 || tokens[e]?.w !== ',' || e + 1 >= to) return c;
  if (isFirstName(tokens[c + 1]) || isTitle(tokens[c + 1]) || isDeterminer(tokens[e + 1])) return c;
  return e;
}

/** The last "(" between `from` and `to` that is still open at `to`; from - 1 when none. */
function openParenBefore(tokens: Token[], from: number, to: number): number {
  let depth = 0;
  for (let k = to - 1; k >= from; k--) {
    const w = (tokens[k] as Token).w;
    if (w === ')') depth++;
    else if (w === '(' && depth-- === 0) return k;
  }
  return from - 1;
}

/** Index just past a parenthesis "(R-Fla.)" starting at `i`, or `i`. */
export function skipParen(tokens: Token[], i: number, to: number): number {
  if (tokens[i]?.w !== '(') return i;
  for (let k = i + 1; k < to && k < i + 10; k++) if (tokens[k]?.w === ')') return k + 1;
  return i;
}

/**
 * The subject of a clause whose verb follows an appositive or a relative clause:
 * "X, the leader of Y, said", "The local MP, Tomasz Lindqvist, who …, said".
 * Candidates are mentions that start the clause or follow a comma or dash and end at a comma;
 * the last named one wins, else the first of any kind.
 */
function appositiveSubject(ctx: CueContext, from: number, to: number): Mention | null {
  const { text, tokens } = ctx;
  const cands: Mention[] = [];
  for (let k = from; k < to; k++) {
    const p = tokens[k - 1];
    if (k > from && !(p && (p.w === ',' || p.w === '—' || p.w === '–' || p.w === '-'))) continue;
    if (!tokens[k]?.word) continue;
    const m = readMentionForward(text, tokens, k, to);
    if (!m) continue;
    const after = skipParen(tokens, m.to, to);
    if (after < to && tokens[after]?.w !== ',') continue;
    cands.push(m);
    k = after;
  }
  const [first, second] = cands;
  if (!first) return null;
  // "The Mandan, North Dakota, police chief, Jon Velde, …": places, then a bare role, then the
  // name of the one who holds it (a role with its own article, "the chief", is an apposition)
  const bare = cands.findIndex(
    (m, i) =>
      i > 0 &&
      m.kind === 'role' &&
      cands[i + 1]?.kind === 'name' &&
      !isDeterminer(tokens[m.from]) &&
      cands.slice(0, i).every((c) => c.kind === 'name'),
  );
  const holder = bare > 0 ? cands[bare + 1] : undefined;
  if (holder) {
    holder.role = holder.role ?? cands[bare]?.role;
    return holder;
  }
  // "John Dickey, the chief executive of …, told me": the clause opens with the subject
  if (first.kind === 'name' && first.from === from) return first;
  // "The local MP, Tomasz Lindqvist, …": a role, then the name in apposition
  if (
    first.kind !== 'name' &&
    second &&
    second.kind === 'name' &&
    second.from <= skipParen(tokens, first.to, to) + 1
  ) {
    second.role = second.role ?? first.role;
    return second;
  }
  return cands.find((m) => m.kind === 'name') ?? first;
}

/** Subordinators whose clause, once closed by a comma, leaves its verb out of the main clause. */
const CLOSED_SUBORDINATORS = new Set([...SUBORDINATORS, 'if', 'after', 'before']);

/**
 * Is the verb at `v` inside a subordinate clause ("when Hale railed against the banks,") that a
 * comma closes, with words after the verb, before the quote at `to`?
 */
function inClosedSubordinate(tokens: Token[], v: number, from: number, to: number): boolean {
  let c = to - 1;
  while (c > v + 1 && tokens[c]?.w !== ',') c--;
  if (c <= v + 1) return false;
  // the comma that closes the verb's own clause, and whether a main clause follows it
  let first = v + 1;
  while (first < c && tokens[first]?.w !== ',') first++;
  const mainClause = first < to - 1;
  for (let k = v - 1; k >= from; k--) {
    const t = tokens[k] as Token;
    if (!t.word) return false;
    if (CLOSED_SUBORDINATORS.has(t.lo)) return true;
    // "As Blumenthal spoke, the NRA was …": but "As Hale told reporters, "…"" is Hale's
    if (t.lo === 'as') return mainClause;
  }
  return false;
}

/** Nouns whose owner is the speaker of what they hold: "in Shadlen's words", "in his view". */
export const OWNED_SAYING = new Set(['words', 'view', 'phrase']);

/** The owner of the noun at token `v` ("Dr. Shadlen's", "his"), as an "according to" cue. */
export function ownerOf(ctx: CueContext, v: number, from: number): Cue | null {
  // "in Ruiz's own words", "Hale's catch phrase": a word or two may modify the noun
  for (let k = 0; k < 2 && isModifierNoun(ctx.tokens[v - 1]); k++) v--;
  const owner = ctx.tokens[v - 1];
  if (!owner || v - 1 < from) return null;
  const pronoun = POSSESSIVE_PRONOUNS[owner.lo];
  if (pronoun)
    return {
      mention: pronounMention(v - 1, v, owner.w, pronoun),
      kind: 'according',
    };
  if (!/['’]s?$/.test(owner.w) || owner.w === "'" || owner.w === '’') return null;
  const m = bwd(ctx, v - 1, from);
  if (!m) return null;
  const clean = (x: string | undefined) => x?.replace(/['’]s?$/, '');
  m.text = clean(m.text) ?? m.text;
  m.name = clean(m.name);
  if (m.role) m.role = clean(m.role);
  return { mention: m, kind: 'according' };
}

/**
 * A lowercase noun or adjective that modifies the noun after it: "Clinton ally" in "said
 * Clinton ally James Carville", "own" and "catch" in "Ruiz's own words", "Hale's catch phrase".
 */
export const isModifierNoun = (t: Token | undefined): boolean =>
  !!t?.word &&
  !t.cap &&
  /^\p{Ll}+$/u.test(t.w) &&
  !isAdverb(t) &&
  !isDeterminer(t) &&
  !isAuxiliary(t) &&
  !isSpeechVerb(t, true) &&
  !PREPOSITIONS.has(t.lo) &&
  !AFTER_NAME_CLAUSE.has(t.lo);

/** Words after a name that open a clause or a phrase of its own, not a noun it modifies. */
export const AFTER_NAME_CLAUSE = new Set([
  ...CLAUSE_WORDS,
  'whose',
  'as',
  'than',
  'when',
  'while',
  'because',
  'if',
  'since',
]);

/** Cue before the quote in its sentence: `X said (that …): "…"`, `According to X, "…"`, `X: "…"`. */
export function cueBefore(
  ctx: CueContext,
  span: QuoteSpan,
  fragment: boolean,
  short = false,
  reach = Infinity,
): Cue | null {
  const { text, tokens } = ctx;
  const [from, to] = beforeWindow(ctx, span);
  if (to <= from) return null;
  // "… Mitt Romney -- "…" --": a name set off by a dash right before the quote speaks it,
  // whatever verb the sentence had before
  let d = to - 1;
  while (d > from && (tokens[d]?.w === '-' || tokens[d]?.w === '—' || tokens[d]?.w === '–')) d--;
  if (d < to - 1 && d >= from) {
    const m = readMentionBackward(text, tokens, d, from);
    // "supportive of Mr. Trump -- "…"": the object of a preposition is not who speaks
    if (m?.kind === 'name' && !PREPOSITIONS.has(tokens[m.from - 1]?.lo ?? ''))
      return { mention: m, kind: 'before' };
  }
  // "Hale's "read my lips" pledge", "his "keep your plan" promise": an owner right before the
  // quote and a noun of saying right after it
  const next = tokens[afterStart(tokens, span)];
  if (next?.word && SPEECH_NOUNS.has(next.lo)) {
    const owned = ownerOf(ctx, to, from);
    if (owned) return owned;
  }
  // Headline style: "Minister: "…"" — a bare mention, a colon, the quote; also after a
  // dash that ends a lead-in, whatever verb the lead-in has ("Pollsters agree - Dana Pike: "…"")
  if (tokens[to - 1]?.w === ':' && to - 1 > from) {
    const m = readMentionBackward(text, tokens, to - 2, from);
    // (", with Ana Ruiz: "…"" after a quote ends the sentence's own clause; the object of a
    // preposition is no label, but "From the report: "…"" names its source)
    const bare =
      m && (m.from === from || (m.from === from + 1 && !nonSourcePreposition(tokens[from])));
    if (m && (bare || DASHES.has(tokens[m.from - 1]?.w ?? '')) && !namedVerbEnds(tokens, m))
      return { mention: m, kind: 'headline' };
  }
  let itCue: Cue | null = null;
  let toCue: Cue | null = null;
  for (let v = to - 1; v >= from; v--) {
    const t = tokens[v] as Token;
    if (!t.word) continue;
    const noun = ctx.wide ? SPEECH_NOUNS.has(t.lo) : OWNED_SAYING.has(t.lo);
    if (noun && v > from) {
      // "In Dr. Shadlen's words, "…"", "the transition team's request to "…"", "in his phrase"
      const owned = ownerOf(ctx, v, from);
      if (owned) return owned;
    }
    const acc = matchAccording(tokens, v, to);
    if (acc > 0) {
      const m = accordingFwd(ctx, v + acc, to);
      if (m) return { mention: m, kind: 'according' };
    }
    if ((t.lo === 'put' || t.lo === 'puts') && tokens[v + 1]?.lo === 'it') {
      // "As Jo Hale, a tax lawyer, recently put it, "…"": an idiom for saying
      let as = v - 1;
      while (as > from && tokens[as]?.lo !== 'as') as--;
      const m =
        (tokens[as]?.lo === 'as' ? clauseSubject(ctx, as + 1, v) : null) ??
        subjectOf(ctx, v, from, to);
      if (m && m.kind !== 'pronoun') return { mention: m, kind: 'before' };
    }
    if (
      (isSpeechVerb(t, fragment || to - v <= 3) || documentShows(tokens, v)) &&
      !nounUse(tokens, v) &&
      !addsAmount(tokens, v) &&
      (!fragment || to - v <= FRAGMENT_REACH || !short) &&
      to - v <= reach
    ) {
      // "Ruiz said that when Hale railed against the banks, "…"": the verb of a subordinate
      // clause closed before the quote does not introduce it
      if (inClosedSubordinate(tokens, v, from, to)) continue;
      const m = subjectOf(ctx, v, from, to);
      // "said it would tell …": a thing as the subject of an inner verb; the speaker is further left
      if (m && m.kind === 'pronoun' && m.gender === 'o') {
        itCue = itCue ?? { mention: m, kind: 'before' };
        continue;
      }
      // "so many Republican claims": a name after a quantifier modifies a noun, it is no subject
      if (m?.kind === 'name' && QUANTIFIERS.has(tokens[m.from - 1]?.lo ?? '')) continue;
      // "…, saying the plan goes "…"": the reported clause's subject; the speaker is further left
      // (a pronoun there is mostly the speaker, "Ruiz says she thinks …", and a name may speak
      // in it: "corrected to say that Hale wrote "…"")
      const reporter = m && m.kind !== 'pronoun' && m.to <= v ? reportingVerb(tokens, m) : -1;
      if (m && reporter >= 0) {
        if (m.kind !== 'name') continue;
        // "Rep. Hale said Ruiz told the members they "would not …"": words woven into a
        // reported clause are the reporting name's, where a name or pronoun reports them
        const outer = fragment ? subjectOf(ctx, reporter, from, to) : null;
        if (outer?.kind === 'name' || outer?.kind === 'pronoun')
          return { mention: outer, kind: 'before' };
      }
      // "… said the president "offered no changes"": the phrase after the verb runs into a
      // fragment that is its predicate; it is the reported clause's subject, not the speaker
      if (m && fragment && m.from > v && m.to >= to) {
        const s = clauseSubject(ctx, from, v);
        if (s && s.kind !== 'pronoun') return { mention: s, kind: 'before' };
        continue;
      }
      if (m) return { mention: m, kind: 'before' };
      if (!toCue && tokens[v - 1]?.lo === 'to' && v - 1 > from) {
        // "Hale took to the radio to accuse them of being "duped"": the main clause's subject,
        // unless a verb further back names someone
        const s = clauseSubject(ctx, from, v - 1);
        if (s && s.kind !== 'pronoun') toCue = { mention: s, kind: 'before' };
      }
    }
  }
  if (!toCue && !itCue && tokens[to - 1]?.w === ':' && to - 1 > from) {
    // "Ana Ruiz didn't mince words: "…"", "Hale had a message for voters: "…"": a clause that
    // introduces the quote with a colon, its subject the speaker
    const s = clauseSubject(ctx, from, to - 1);
    if (s && (s.kind !== 'pronoun' || s.gender !== 'o')) return { mention: s, kind: 'colon' };
  }
  return toCue ?? itCue;
}

/**
 * "The Arden Ledger reports:": a name and its verb of saying in the present read as one
 * description; the verb's own reading (its subject) is the cue. ("Ruiz's Tumblr post:" is a
 * noun phrase: the verb is no bare form after an owner.)
 */
function namedVerbEnds(tokens: Token[], m: Mention): boolean {
  const verb = tokens[m.to - 1] as Token;
  return (
    m.kind !== 'name' &&
    m.to - m.from >= 2 &&
    verb.lo.endsWith('s') &&
    isSpeechVerbWord(verb) &&
    !!tokens[m.to - 2]?.cap &&
    !tokens.slice(m.from, m.to).some(isPossessive)
  );
}

/** Transcript style: the quote begins with a speaker label, `PENCE: Well, look…`. */
export function cueTranscript(ctx: CueContext, span: QuoteSpan): Cue | null {
  const { tokens } = ctx;
  const first = span.parts[0];
  if (!first) return null;
  const c0 = ctx.text.charCodeAt(first[0]);
  const c1 = ctx.text.charCodeAt(first[0] + 1);
  // fast exit: a label starts with two capitals
  if (!(c0 >= 65 && c0 <= 90) || !((c1 >= 65 && c1 <= 90) || c1 > 127)) return null;
  const i = tokenAt(tokens, first[0]);
  let k = i;
  while (
    k < i + 4 &&
    tokens[k]?.word &&
    tokens[k]?.w === tokens[k]?.w.toUpperCase() &&
    TWO_CAPS_RE.test(tokens[k]?.w ?? '')
  )
    k++;
  if (k === i || tokens[k]?.w !== ':') return null;
  const words = tokens.slice(i, k).map((t) => t.w[0] + t.w.slice(1).toLowerCase());
  const name = words.join(' ');
  const said = tokens
    .slice(i, k)
    .map((t) => t.w)
    .join(' ');
  return { mention: nameMention(i, k, said, name), kind: 'transcript' };
}

/**
 * The nearest person named before the quote in its sentence who is not the object of a
 * preposition: "… y el jurista Carlos Nino llamó a la Argentina "…"", whatever the verb.
 */
export function nearestSubject(ctx: CueContext, span: QuoteSpan): Mention | null {
  const { text, tokens } = ctx;
  const [from, to] = beforeWindow(ctx, span);
  for (let k = to - 1; k >= from; k--) {
    const t = tokens[k] as Token;
    if (!t.word || !t.cap) continue;
    const m = readMentionBackward(text, tokens, k, from);
    if (m?.kind !== 'name') continue;
    if (PREPOSITIONS.has(tokens[m.from - 1]?.lo ?? '')) {
      k = m.from;
      continue;
    }
    return m;
  }
  return null;
}
