/**
 * Pass 3a, after the quote: the words that follow a quote and say who spoke it — `"…," she
 * said`, `"…," said X`, `"…" ― Jane Doe`, `"…," according to X`, `"…," another friend, X told`.
 * Pure: reads tokens through the cue readers' shared helpers (cues.ts).
 */
import {
  AFTER_NAME_CLAUSE,
  accordingFwd,
  afterWindow,
  beforeWindow,
  bwd,
  CLAUSE_WORDS,
  type Cue,
  type CueContext,
  DASHES,
  fwd,
  isAdverb,
  isModifierNoun,
  isSpeechVerb,
  matchAccording,
  ORG_LINKS,
  OWNED_SAYING,
  ownerBefore,
  ownerOf,
  PREPOSITIONS,
  SKIP_AFTER_CLOSE,
  SUBORDINATORS,
  skipParen,
} from './cues';
import { PERFECT_AUXILIARIES } from './lexicon/index';
import { isQuoteMark, type QuoteSpan } from './marks';
import { memberForward } from './members';
import { ENGLISH_DETERMINERS } from './mention-words';
import {
  addAppositiveRole,
  INDEFINITE,
  isDeterminer,
  isRoleWord,
  isSpeechVerbWord,
  type Mention,
  nameMention,
  readMentionForward,
} from './mentions';
import { readNounPhraseForward } from './noun-phrases';
import { endsSentence, type Token } from './tokens';

/**
 * The strict reading after a quote (a quote that ends its own sentence) reads a window shorter
 * than this many tokens, or nothing: where it reads, it reads as the plain one does.
 */
export const STRICT_AFTER = 10;

/** Cue after the quote: `"…," she said`, `"…" - Putin remarked`, `"…," said X`, `"…", according to X`. */
export function cueAfter(ctx: CueContext, span: QuoteSpan, strict = false): Cue | null {
  const { text, tokens } = ctx;
  const [from, wEnd] = afterWindow(ctx, span);
  // After a quote that ends its own sentence, a cue must be short ("…." Jane Doe said.):
  // a new sentence that merely starts with a name is not one.
  const to = strict ? Math.min(wEnd, from + STRICT_AFTER) : wEnd;
  if (strict && wEnd >= from + STRICT_AFTER) return null;
  if (insideSaidClause(ctx, span, from)) return null;
  if (leadsIntoNextQuote(ctx, span, wEnd)) return null;
  let i = from;
  while (i < to && SKIP_AFTER_CLOSE.has(tokens[i]?.w ?? '')) i++;
  if (i >= to) return null;
  const dash = tokens[from]?.w ?? '';
  if (
    i <= from + 2 &&
    (DASHES.has(dash) || DASHES.has(tokens[from + 1]?.w ?? '')) &&
    tokens.slice(from, i).every((t) => !t.word)
  ) {
    // a signature: “…” ― Jane Doe
    const m = readMentionForward(text, tokens, i, to);
    const end = m ? skipParen(tokens, m.to, to) : -1;
    if (
      m &&
      m.kind === 'name' &&
      (end >= to || endsSentence(tokens[end]) || tokens[end]?.w === ',')
    )
      return { mention: m, kind: 'signature' };
  }
  const acc = matchAccording(tokens, i, to);
  if (acc > 0) {
    const m = accordingFwd(ctx, i + acc, to);
    return m ? { mention: m, kind: 'according' } : null;
  }
  const as = asSaid(ctx, i, to);
  if (as) return as;
  let v = i;
  while (v < to && (isAdverb(tokens[v]) || PERFECT_AUXILIARIES.has(tokens[v]?.lo ?? ''))) v++;
  if (isSpeechVerb(tokens[v], true)) {
    // "…," describing the team as …: a participle's object is not its subject, and the
    // participle's own subject comes before the quote
    if ((tokens[v] as Token).lo.endsWith('ing')) return null;
    let r = v + 1;
    while (r < to && isAdverb(tokens[r])) r++;
    // "…" suggests that Phoenix …: a clause follows, not the verb's subject
    if (tokens[r]?.lo === 'that') return null;
    const m = fwd(ctx, r, to);
    return m ? { mention: modifiedName(ctx, m, to) ?? m, kind: 'after' } : null;
  }
  if (tokens[i]?.lo === 'by' || tokens[i]?.lo === 'par' || tokens[i]?.lo === 'por') {
    // passive: described as "…" by the department
    const [bf, bt] = beforeWindow(ctx, span);
    for (let v = Math.max(bf, bt - 3); v < bt; v++) {
      // ("Called a "…" by its creators": the verb may open the sentence, capitalised)
      if (isSpeechVerb(tokens[v], true) || (ctx.wide && isSpeechVerbWord(tokens[v]))) {
        const m = fwd(ctx, i + 1, to);
        return m ? { mention: m, kind: 'after' } : null;
      }
    }
  }
  const unclosed = unclosedApposition(ctx, i, to) ?? qualifiedName(ctx, i, to);
  if (unclosed) return unclosed;
  let named =
    memberForward(text, tokens, i, to) ??
    readMentionForward(text, tokens, i, to) ??
    capitalisedBeforeVerb(ctx, span, i);
  if (named?.kind === 'name' && INDEFINITE.has(tokens[named.from]?.lo ?? '')) {
    // "…," an Iowa Republican said: read widely, someone unnamed; read plainly, a name after
    // "a" modifies a noun ("…" a Jo Hale tweet said) and is not who speaks
    if (!ctx.wide) return accordingLater(ctx, i, to) ?? cueAtSentenceEnd(ctx, i, to);
    named = readNounPhraseForward(text, tokens, named.from, to);
  }
  // "…," the sender said / "…," Elton John's publicist retorted
  const m = named ?? (ctx.wide ? readNounPhraseForward(text, tokens, i, to) : null);
  if (!m) return accordingLater(ctx, i, to) ?? cueAtSentenceEnd(ctx, i, to);
  let k = skipParen(tokens, m.to, to);
  if (m.kind === 'name' && (tokens[k]?.lo === 'of' || tokens[k]?.lo === 'from')) {
    // "…," Mr. Morgan of the Sierra Club said: the name's affiliation before the verb
    let j = k + 1;
    if (tokens[j]?.lo === 'the') j++;
    const orgFrom = j;
    // ("of the James Martin Center for Nonproliferation Studies wrote": lowercase links inside)
    while (
      j < to &&
      j - orgFrom < 9 &&
      tokens[j]?.word &&
      (tokens[j]?.cap || (ORG_LINKS.has(tokens[j]?.lo ?? '') && tokens[j + 1]?.cap))
    )
      j++;
    if (j > orgFrom && isSpeechVerb(tokens[j], true)) k = j;
  }
  if (tokens[k]?.w === ',') {
    // "X, a spokesman for Y, said" / "X, the attorney general of Y, one of Z, said"
    let closed = false;
    for (let c = k + 1; c < to && c - k < 26; c++) {
      if (tokens[c]?.w === ',' && isSpeechVerb(tokens[c + 1], true)) {
        k = c + 1;
        closed = true;
        break;
      }
    }
    if (!closed) k = relativeLeftOpen(tokens, k, to);
    // (only a name takes a description so: "the email threads, a source …" is no apposition)
    if (!closed && m.kind === 'name') k = descriptionLeftOpen(tokens, k, to);
  }
  let n = 0;
  while (k < to && isAdverb(tokens[k]) && n < 3) {
    k++;
    n++;
  }
  if (isSpeechVerb(tokens[k], true)) return { mention: m, kind: 'after' };
  return accordingLater(ctx, i, to) ?? cueAtSentenceEnd(ctx, i, to);
}

/**
 * "After Ruiz said that students might do better at "less advanced schools," Hale said: …": the
 * quote sits in an opening subordinate clause with a subject and a verb of saying of its own,
 * so the verb after the comma that closes the clause belongs to the main clause, not to it.
 * ("When asked, "…," Hale said" has no subject before its verb, and stays Hale's.)
 */
function insideSaidClause(ctx: CueContext, span: QuoteSpan, after: number): boolean {
  const { tokens } = ctx;
  // the comma that closes the clause, inside the marks ("schools,"") or after them
  const inner = ctx.text.slice(Math.max(span.open, span.close - 2), span.close).trim();
  if (!inner.endsWith(',') && tokens[after]?.w !== ',' && tokens[after + 1]?.w !== ',')
    return false;
  const [bf, bt] = beforeWindow(ctx, span);
  if (!CLAUSE_OPENERS.has(tokens[bf]?.lo ?? '')) return false;
  let said = false;
  for (let k = bf + 1; k < bt; k++) {
    const t = tokens[k] as Token;
    if (t.w === ',' || t.w === ';' || t.w === ':' || t.w === '\n') return false;
    if (k > bf + 1 && isSpeechVerb(t, true) && tokens[k - 1]?.word) said = true;
  }
  return said;
}

/** Most tokens in an apposition whose relative clause runs into the verb unclosed. */
const OPEN_RELATIVE_REACH = 16;

/**
 * "…," Dana Pike, the polling guru who founded pollpage.com tweeted: an apposition whose
 * relative clause is left without its closing comma. `c` is the comma after the name; returns
 * the verb of saying after the clause's own verb, or `c` where there is none.
 */
function relativeLeftOpen(tokens: Token[], c: number, to: number): number {
  let who = -1;
  for (let j = c + 1; j < to && j - c < OPEN_RELATIVE_REACH; j++) {
    const t = tokens[j] as Token;
    if (!t.word && t.w !== '.' && t.w !== '-') return c;
    if (who < 0 && (t.lo === 'who' || t.lo === 'that')) who = j;
    // (the clause's own verb comes first: "who founded … tweeted", not "who tweeted")
    else if (who >= 0 && j > who + 2 && isSpeechVerb(t, true)) return j;
  }
  return c;
}

/** Most tokens in a description left open before its verb: "a spokeswoman for Senator Lena Moritz". */
const OPEN_DESCRIPTION_REACH = 10;

/**
 * "…," Dana Okafor, a spokeswoman for Senator Lena Moritz told the Tribune: a description
 * opened by an article after the name's comma, left without its closing comma. `c` is the
 * comma; returns the verb of saying that ends the description, or `c` where none does.
 */
function descriptionLeftOpen(tokens: Token[], c: number, to: number): number {
  if (!ENGLISH_DETERMINERS.has(tokens[c + 1]?.lo ?? '')) return c;
  for (let j = c + 2; j < to && j - c <= OPEN_DESCRIPTION_REACH; j++) {
    const t = tokens[j] as Token;
    if (!t.word && t.w !== '.' && t.w !== '-') return c;
    if (CLAUSE_WORDS.has(t.lo)) return c;
    if (j > c + 2 && isSpeechVerb(t, true)) return j;
  }
  return c;
}

/** The subordinators, and "after"/"before" that open a clause as often as a phrase. */
const CLAUSE_OPENERS = new Set([...SUBORDINATORS, 'after', 'before']);

/**
 * "…," another friend, Mara Lind told CNN: a lowercase description, a comma, then the name it
 * describes right before the verb, the apposition left unclosed. The name speaks.
 */
function unclosedApposition(ctx: CueContext, i: number, to: number): Cue | null {
  const { text, tokens } = ctx;
  let c = i;
  // ("…," she said, Hale added: a cue already, not a description)
  while (
    c < to &&
    c < i + 6 &&
    tokens[c]?.word &&
    !tokens[c]?.cap &&
    !isSpeechVerb(tokens[c], true)
  )
    c++;
  if (c === i || tokens[c]?.w !== ',') return null;
  const m = readMentionForward(text, tokens, c + 1, to);
  if (m?.kind !== 'name') return null;
  let k = skipParen(tokens, m.to, to);
  while (k < to && isAdverb(tokens[k])) k++;
  if (!isSpeechVerb(tokens[k], true)) return null;
  let d = i;
  while (d < c - 1 && (isDeterminer(tokens[d]) || INDEFINITE.has(tokens[d]?.lo ?? ''))) d++;
  m.role = m.role ?? text.slice((tokens[d] as Token).s, (tokens[c - 1] as Token).e);
  addAppositiveRole(text, tokens, m);
  return { mention: m, kind: 'after' };
}

/** Words of a party or a nation, never a surname after "an angry": "an Iowa Republican". */
const PARTY_OR_NATION = /(?:an|ian|ean|ese|ish|ic|i|crat|ist|ive|al)$/;

/**
 * "…," an angry Hollande retaliated: an article, one or two lowercase words that are no role,
 * then a name right before the verb. The name is the speaker, in a mood.
 */
function qualifiedName(ctx: CueContext, i: number, to: number): Cue | null {
  const { text, tokens } = ctx;
  const a = tokens[i]?.lo ?? '';
  if (a !== 'a' && a !== 'an' && a !== 'the') return null;
  let j = i + 1;
  while (j < i + 3 && tokens[j]?.word && !tokens[j]?.cap && !isRoleWord(tokens[j])) j++;
  if (j === i + 1 || !tokens[j]?.cap) return null;
  const m = readMentionForward(text, tokens, j, to);
  if (m?.kind !== 'name' || m.org || !m.name) return null;
  const words = m.name.split(/\s+/);
  if (PARTY_OR_NATION.test((words[words.length - 1] ?? '').toLowerCase())) return null;
  if (!isSpeechVerb(tokens[m.to], true)) return null;
  return { mention: m, kind: 'after' };
}

/**
 * "…," said Clinton ally James Carville.: a name, lowercase nouns, then a name that ends the
 * clause. The first name modifies the nouns ("ally" of Clinton's); the last one speaks. The
 * nouns need not be known roles, but may not be words that would end the subject ("said
 * Clinton on Monday", "said Clinton, who …").
 */
function modifiedName(ctx: CueContext, m: Mention, to: number): Mention | null {
  const { text, tokens } = ctx;
  if (m.kind !== 'name') return null;
  let j = m.to;
  while (j < to && j - m.to < 3 && isModifierNoun(tokens[j])) j++;
  if (j === m.to || !tokens[j]?.cap) return null;
  const n = readMentionForward(text, tokens, j, to);
  if (n?.kind !== 'name' || n.org) return null;
  const end = skipParen(tokens, n.to, to);
  const next = tokens[end];
  // (or goes on with a phrase of its own: "… Dan Golvach when asked", "… Jo Hale in a post")
  const closes =
    !next ||
    endsSentence(next) ||
    next.w === ',' ||
    AFTER_NAME_CLAUSE.has(next.lo) ||
    PREPOSITIONS.has(next.lo);
  return end >= to || closes ? n : null;
}

/**
 * "Why now?" Mills then writes back, "You look cute.": after a quote that ends its own
 * sentence, a clause ending in a comma or colon right before the next quote, which opens with
 * a capital, is that quote's lead-in, not this one's cue. ("…," she said, "and …" goes on in
 * lowercase and keeps its cue.)
 */
function leadsIntoNextQuote(ctx: CueContext, span: QuoteSpan, wEnd: number): boolean {
  const { text, tokens } = ctx;
  const next = tokens[wEnd];
  const mark = tokens[wEnd - 1]?.w;
  if (!next || !ctx.markStarts.has(next.s) || (mark !== ',' && mark !== ':')) return false;
  const markOrSpace = (ch: string) => isQuoteMark(ch) || /\s/.test(ch);
  let c = span.close - 1;
  while (c > span.open && markOrSpace(text[c] ?? '')) c--;
  if (!/[.?!…]/.test(text[c] ?? '')) return false;
  let o = next.s + 1;
  while (o < text.length && markOrSpace(text[o] ?? '')) o++;
  return /\p{Lu}/u.test(text[o] ?? '');
}

/**
 * "…," Will wrote. / "…," Read said.: after a quote that did not end its sentence, a word in
 * capitals right before a verb of saying is a name, though elsewhere it is a word ("will").
 */
function capitalisedBeforeVerb(ctx: CueContext, span: QuoteSpan, i: number): Mention | null {
  const { text, tokens } = ctx;
  // the quote's last character is a comma: the sentence goes on
  let c = span.close - 1;
  while (c > span.open && (text[c] === ' ' || text[c] === '\u00a0')) c--;
  if (text[c] !== ',') return null;
  const t = tokens[i];
  if (!t?.word || !t.cap || t.w === 'I' || !isSpeechVerb(tokens[i + 1], false)) return null;
  if (inCapitalsWord(t.w) || t.lo.length < 3) return null;
  return nameMention(i, i + 1, t.w, t.w);
}
const inCapitalsWord = (w: string) => w.length > 1 && w === w.toUpperCase();

/** "…," as the Ledger reported / as economist Tom Hale put it: the cue in an "as" clause. */
function asSaid(ctx: CueContext, i: number, to: number): Cue | null {
  const { tokens } = ctx;
  if (tokens[i]?.lo !== 'as') return null;
  const m = fwd(ctx, i + 1, to);
  if (!m || m.kind === 'pronoun') return null;
  let k = skipParen(tokens, m.to, to);
  while (k < to && isAdverb(tokens[k])) k++;
  const put = tokens[k]?.lo === 'put' && tokens[k + 1]?.lo === 'it';
  return put || isSpeechVerb(tokens[k], true) ? { mention: m, kind: 'after' } : null;
}

/**
 * "…" before the vote, Lindqvist said. / "…" in the primary, said professor Dana Pike. — a
 * short "X said" or ", said X" closing the sentence.
 */
function cueAtSentenceEnd(ctx: CueContext, from: number, to: number): Cue | null {
  const { tokens } = ctx;
  if (endsSentence(tokens[to])) {
    for (let k = to - 2; k > from; k--) {
      if (tokens[k - 1]?.w !== ',' || !isSpeechVerb(tokens[k], false)) continue;
      const m = fwd(ctx, k + 1, to);
      const end = m ? skipParen(tokens, m.to, to) : -1;
      if (m && m.kind !== 'pronoun' && (end >= to || tokens[end]?.w === ',')) {
        // ", said the bureau's director, Jo Hale.": the name in apposition to the role
        const named = m.kind !== 'name' && end < to ? fwd(ctx, end + 1, to) : null;
        if (named?.kind === 'name' && skipParen(tokens, named.to, to) >= to) {
          named.role = named.role ?? m.role;
          return { mention: named, kind: 'after' };
        }
        return { mention: m, kind: 'after' };
      }
      break;
    }
  }
  const v = verbBeforeTrailer(tokens, from, to);
  if (v <= from || !endsSentence(tokens[to]) || !isSpeechVerb(tokens[v], false)) return null;
  if (tokens[v - 1]?.w === ',') return null;
  const read = bwd(ctx, v - 1, from);
  if (!read || read.kind === 'description') return null;
  // ("…" on tuition, Ana Ruiz of Arden University writes.: the person, not the university)
  const m = ownerBefore(ctx, read, from);
  // (past a phrase after the verb, the subject opens its clause: "…" at the board, she said on
  // Sunday.)
  if (v < to - 1 && tokens[m.from - 1]?.w !== ',') return null;
  return { mention: m, kind: 'after' };
}

/** Most words in a phrase after the closing verb: "she said on Sunday at the town hall". */
const TRAILER_REACH = 6;

/**
 * The closing verb of "…" at the board, she said on Sunday.": the last token before `to`, or a
 * verb of saying followed only by a phrase a preposition opens.
 */
function verbBeforeTrailer(tokens: Token[], from: number, to: number): number {
  for (let j = to - 2; j > from && to - j <= TRAILER_REACH; j--) {
    if (!tokens[j]?.word) break;
    if (PREPOSITIONS.has(tokens[j + 1]?.lo ?? '') && isSpeechVerb(tokens[j], false)) return j;
  }
  return to - 1;
}

/**
 * "…" may all play a part, according to the department; "…" from trade to the budget, in
 * Ivo Marsh's view.
 */
function accordingLater(ctx: CueContext, from: number, to: number): Cue | null {
  for (let k = from; k < to; k++) {
    const acc = matchAccording(ctx.tokens, k, to);
    if (acc > 0) {
      const m = accordingFwd(ctx, k + acc, to);
      return m ? { mention: m, kind: 'according' } : null;
    }
    const t = ctx.tokens[k] as Token;
    if (OWNED_SAYING.has(t.lo)) {
      const owned = ownerOf(ctx, k, from);
      if (owned) return owned;
    }
  }
  return null;
}
