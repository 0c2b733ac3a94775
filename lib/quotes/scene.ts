/**
 * The article as the attribution passes read it: tokens near the quotes, the quote marks that
 * bound every cue window, and the people and organisations named so far, read in order up to
 * the quote being attributed (a reader knows only what came before).
 * Pure: built from the text model and the kept quote spans; linear in the page.
 */
import { type CueContext, DASHES } from './cues';
import { type Entity, EntityIndex } from './entities';
import { FEMALE_NAMES, MALE_NAMES, STOP_CAPS, TITLES } from './lexicon/index';
import type { QuoteSpan } from './marks';
import { inCapitals, isOrgWord } from './mention-words';
import {
  addAppositiveRole,
  headOf,
  INDEFINITE,
  isRoleWord,
  isSpeechVerbToken,
  isStopCap,
  isSubjectMention,
  modalOrMonthAsFirstName,
  nicknameEnd,
  orgLink,
  PARTICLES,
  readMentionForward,
  saysNext,
} from './mentions';
import {
  afterEndedQuote,
  endsSentence,
  opensSentence,
  type Token,
  tokenAt,
  tokenizeAround,
} from './tokens';
import type { TextModel } from './types';
import { endsPossessive, spaceSplitLength, withoutPossessive } from './words';

/** A quote the passes have kept, as attribution sees it. */
export interface Work {
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
  /** Probability the ranker gave the chosen speaker, calibrated; 1 where nothing was weighed. */
  confidence: number;
  /** The next likeliest speaker weighed, if any. */
  runnerUp: string | null;
}

/** Prepositions that govern a place or a body: "in Ohio", "at Energy", "from the Pentagon". */
const PREPOSITION = /^(?:in|at|from|to|into|across|near|inside|outside|throughout|within|of)$/;

/** Capitalised words a name can follow without being part of it ("New" starts place names). */
const OPENERS = new Set([...STOP_CAPS].filter((w) => w !== 'new' && w !== 'old'));

/** Slots of the lowercase words' shape table. */
const LOWER_SHAPES = 4096;
/** A word's slot by its length and its first and last code units (no string hash). */
const shapeOf = (w: string) =>
  (w.length * 961 + w.charCodeAt(0) * 31 + w.charCodeAt(w.length - 1)) & (LOWER_SHAPES - 1);

export class Scene {
  readonly text: string;
  readonly tokens: Token[];
  readonly ctx: CueContext;
  /** 1 for tokens inside a top-level quote: names there are not the text's own mentions. */
  readonly inQuote: Uint8Array;
  /** 1 inside the marks of a title or a word mentioned ("on the radio show “Evening Ray”"). */
  readonly inTitle: Uint8Array;
  /** 1 for tokens of Title Case headings, where capitals say nothing about names. */
  readonly titleCase: Uint8Array;
  readonly ents = new EntityIndex();
  private cursor = 0;

  constructor(
    readonly model: TextModel,
    kept: readonly Work[],
    titled: readonly QuoteSpan[] = [],
  ) {
    const { text } = model;
    this.text = text;
    const tokens = tokenizeAround(
      model,
      kept.map((w) => w.span),
    );
    this.tokens = tokens;
    // (`wide: false` written out: the wide copy, candidates.ts wideContext, has the same shape)
    this.ctx = { text, tokens, markStarts: new Set(), markEnds: new Set(), wide: false };
    this.inQuote = new Uint8Array(tokens.length);
    this.inTitle = new Uint8Array(tokens.length);
    for (const span of titled) {
      for (let k = tokenAt(tokens, span.open); (tokens[k]?.s ?? Infinity) < span.close; k++)
        this.inTitle[k] = 1;
    }
    for (const w of kept) {
      if (w.span.family !== 'q' && w.span.family !== 'bq') {
        this.ctx.markStarts.add(w.span.open);
        this.ctx.markEnds.add(w.span.close);
      }
      if (w.parent !== null) continue;
      for (
        let k = tokenAt(tokens, w.span.open);
        k < tokens.length && (tokens[k] as Token).s < w.span.close;
        k++
      )
        this.inQuote[k] = 1;
    }
    // Headlines in Title Case capitalise every word: no names can be read from them.
    this.titleCase = new Uint8Array(tokens.length);
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
      if (words >= 4 && caps / words > 0.7) this.titleCase.fill(1, from, to);
    }
    this.credit = creditMask(tokens);
  }

  /** 1 for tokens of a credit or a byline ("Chuck Burton/AP", "By Jo Hale"): no one speaks there. */
  readonly credit: Uint8Array;

  /**
   * What the passes remember of this page, each under its own key (memo). Kept on the scene:
   * a module's WeakMap keyed by the scene held every page's scene, tokens and all, through
   * the young generation's collections until a full one, and copying them there cost more
   * than the memos save.
   */
  private readonly memos = new Map<object, unknown>();

  /** The page's memo under `key` (one constant object per kind of memo), made when first asked. */
  memo<T>(key: object, make: () => T): T {
    let m = this.memos.get(key) as T | undefined;
    if (m === undefined) {
      m = make();
      this.memos.set(key, m);
    }
    return m;
  }

  /**
   * The page's lowercase words by shape (LOWER_SHAPES slots), one token for each word: in
   * `lowerHeads` 1 + the index of the last such token of each shape (0 for none), in
   * `lowerNext` 1 + the one before it of the same shape. Built when first asked, in one pass
   * that hashes no string.
   */
  private lowerHeads: Int32Array | null = null;
  private lowerNext: Int32Array | null = null;

  /**
   * Does the text write this (lowercase) word in lowercase somewhere: "oversight" is then no
   * one's name. Only the tokens of the word's shape (length and end letters) are compared: a
   * set of every word (each hashed) cost ~2 % of the engine, and searching the tokens per name
   * made a long page's cost grow with its length times its names.
   */
  writesLowercase(word: string): boolean {
    const { tokens } = this;
    let heads = this.lowerHeads;
    let next = this.lowerNext;
    if (!heads || !next) {
      heads = new Int32Array(LOWER_SHAPES);
      next = new Int32Array(tokens.length);
      for (let k = 0; k < tokens.length; k++) {
        const t = tokens[k] as Token;
        if (!t.word || t.cap) continue;
        const slot = shapeOf(t.lo);
        // one token per word: a long page's "the" would make every walk of its slot long
        if (!this.spellsAny(heads[slot] as number, next, t.lo)) {
          next[k] = heads[slot] as number;
          heads[slot] = k + 1;
        }
      }
      this.lowerHeads = heads;
      this.lowerNext = next;
    }
    return this.spellsAny(heads[shapeOf(word)] as number, next, word);
  }

  /** Is `word` the lowercase form of a token of the chain starting at 1 + `head`? */
  private spellsAny(head: number, next: Int32Array, word: string): boolean {
    for (let k = head - 1; k >= 0; k = (next[k] as number) - 1)
      if ((this.tokens[k] as Token).lo === word) return true;
    return false;
  }

  private bodyCaps: Set<string> | null = null;

  /**
   * A name read from a Title Case headline that the body never writes: there every word is
   * capitalised, so "Student Dies After …" reads as a name. A name counts when the body
   * capitalises its first or last word mid-sentence ("Trump", "Jones" of "Defiant Jones").
   */
  headlineOnly(m: { from: number; to: number }): boolean {
    if (!this.titleCase[m.from]) return false;
    const caps = this.capitalisedMidSentence();
    const first = this.tokens[m.from]?.lo ?? '';
    const lastLo = this.tokens[m.to - 1]?.lo;
    const last = lastLo === undefined ? '' : withoutPossessive(lastLo);
    return !caps.has(first) && !caps.has(last);
  }

  /**
   * A one-word name opening a sentence that the page never capitalises mid-sentence, that is
   * no known first name and no one met before: an adjective or an opener ("Cheeky horror
   * game …", "Recovering myself, I …").
   */
  openerOnly(m: { from: number; to: number; name?: string }): boolean {
    const name = m.name ?? '';
    // (an initial joined to a surname, "H.Mammadov", is a name whatever opens the sentence)
    if (name === '' || /[\s.]/.test(name)) return false;
    let k = -1;
    for (let i = m.from; i < m.to && k < 0; i++) if (this.tokens[i]?.w === name) k = i;
    if (k < 0 || !opensSentence(this.tokens, k)) return false;
    // ("Zbrowski said, "…"": no adjective or opener stands right before a verb of saying)
    if (isSpeechVerbToken(this.tokens[k + 1])) return false;
    const lo = name.toLowerCase();
    return (
      !this.capitalisedMidSentence().has(lo) &&
      !FEMALE_NAMES.has(lo) &&
      !MALE_NAMES.has(lo) &&
      // "H.Mammadov noted …" after "Hikmat Mammadov": someone already met
      !this.ents.matchName([lo])
    );
  }

  /** Words the page capitalises mid-sentence outside Title Case headlines: names, surely. */
  private capitalisedMidSentence(): Set<string> {
    if (!this.bodyCaps) {
      this.bodyCaps = new Set();
      const { tokens } = this;
      for (let k = 1; k < tokens.length; k++) {
        const t = tokens[k] as Token;
        if (!t.word || !t.cap || this.titleCase[k]) continue;
        const prev = tokens[k - 1] as Token;
        // a quote opening ("“Normalizing") or one that ended its sentence ("it.” Normalizing")
        // starts a sentence too
        const opens =
          endsSentence(prev) ||
          prev.w === ':' ||
          prev.w === '“' ||
          prev.w === '‘' ||
          afterEndedQuote(tokens, k);
        if (!opens) this.bodyCaps.add(withoutPossessive(t.lo));
      }
    }
    return this.bodyCaps;
  }

  /** Index of the block holding offset `pos`. */
  blockOf(pos: number): number {
    const { blocks } = this.model;
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((blocks[mid]?.start ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Token `k` is the text's own words: not inside a quote, nor inside a title's marks. */
  private ownText(k: number): boolean {
    return this.inQuote[k] === 0 && this.inTitle[k] === 0;
  }

  /** Read the names in the text up to offset `upto` into the entity index. */
  scanNames(upto: number): void {
    const { text, tokens, ents } = this;
    while (this.cursor < tokens.length && (tokens[this.cursor] as Token).s < upto) {
      const cursor = this.cursor;
      const t = tokens[cursor] as Token;
      const prev = tokens[cursor - 1];
      if (INDEFINITE.has(t.lo) && this.ownText(cursor) && opensSentence(tokens, cursor)) {
        this.describedSubject(cursor);
        this.cursor++;
        continue;
      }
      if (
        t.word &&
        t.cap &&
        (!isStopCap(t) || modalOrMonthAsFirstName(tokens, cursor)) &&
        // a name may follow a sentence-opening word or a possessive: "Former Gov. X", "NBC's X"
        !(prev?.word && prev.cap && !OPENERS.has(prev.lo) && !endsPossessive(prev.w)) &&
        !this.titleCase[cursor] &&
        !this.credit[cursor]
      ) {
        const next = tokens[cursor + 1];
        // "Luis de Miranda": a particle inside a name goes on with it
        const goesOn =
          (next?.word && next.cap) ||
          (PARTICLES.has(next?.lo ?? '') && tokens[cursor + 2]?.cap) ||
          // "Commission on Harbor Tides", "Department of Energy": one body's name
          (!!next && isOrgWord(t) && orgLink(next, t) && !!tokens[cursor + 2]?.cap) ||
          nicknameEnd(tokens, cursor + 1) > 0;
        if (!goesOn && !TITLES.has(t.lo) && !endsPossessive(t.w)) {
          // a lone capitalised word counts only as a later mention of someone already met
          const known = ents.matchName([t.lo]);
          if (known && this.ownText(cursor)) {
            if (isSubjectMention(tokens, cursor, cursor + 1)) {
              ents.touchSubject(known, t.s);
              known.asSubject++;
              // "Lopez-Cantera, a former legislator, said": a surname saying something
              if (known.kind === 'person' && saysNext(tokens, cursor + 1)) known.person = true;
            } else ents.touch(known, t.s);
            if (PREPOSITION.test(prev?.lo ?? '')) known.afterPreposition++;
          }
          // "Meanwhile Rihanna, who was honoured, …": "who" is said of a person, however named
          const who = followedByWho(tokens, cursor + 1) && loneWordBeforeWho(prev);
          if (known || (!apposedFirstName(tokens, cursor) && !who)) {
            this.cursor++;
            continue;
          }
        }
        const m = readMentionForward(text, tokens, cursor, Math.min(tokens.length, cursor + 8));
        if (m && m.kind === 'name' && m.name) {
          const n = spaceSplitLength(m.name);
          addAppositiveRole(text, tokens, m);
          // "Mr. King's show": a possessive name is rarely what a later "he" refers to
          const outside = this.ownText(cursor) && !endsPossessive(tokens[m.to - 1]?.w ?? '');
          // "Wilcox, an Orlando Republican": a name after an indefinite article, in apposition,
          // describes the one named before; it is no one's name
          const described = AN.has(prev?.lo ?? '') && tokens[cursor - 2]?.w === ',';
          if (
            (n >= 2 ||
              m.role ||
              m.gender ||
              ents.matchName([m.name.toLowerCase()]) ||
              (followedByWho(tokens, m.to) && loneWordBeforeWho(prev))) &&
            !(n === 1 && this.openerOnly(m)) &&
            !described
          ) {
            if (outside || n >= 2) {
              const e = ents.byName(m, t.s, outside);
              // "Dana Pike, who …": "who" is said of a person; so is "her father, Brad,"
              if (!m.org && followedByWho(tokens, m.to)) e.person = true;
              if (n === 1 && m.role && apposedFirstName(tokens, m.from)) e.person = true;
              // "His rival, Sam Ruiz,": someone's relation, set off by commas, is a person
              if (!m.org && ownedNounBefore(tokens, m.from)) e.person = true;
              if (outside && isSubjectMention(tokens, m.from, m.to)) {
                ents.touchSubject(e, t.s);
                e.asSubject++;
                // "realtor Shaun Ghulam said he's …": a full name saying something is a person
                if (n >= 2 && !m.org && isSpeechVerbToken(tokens[m.to])) e.person = true;
              }
              if (outside && PREPOSITION.test(tokens[m.from - 1]?.lo ?? '')) e.afterPreposition++;
            }
          }
          this.cursor = Math.max(cursor + 1, m.to);
          continue;
        }
      }
      this.cursor++;
    }
  }

  /**
   * "A spokeswoman for the company said she …": someone unnamed who opens a sentence and says
   * something is who a "she" after it most likely means, though no name is ever given.
   */
  private describedSubject(k: number): void {
    const { text, tokens, ents } = this;
    const m = readMentionForward(text, tokens, k, Math.min(tokens.length, k + 12));
    if (m?.kind !== 'description' || !m.role || !saysNext(tokens, m.to)) return;
    // ("A reporter asked Sanders …. He replied": the one asked answers)
    if (ASKING.has(tokens[m.to]?.lo ?? '')) return;
    // someone, not a body: the head noun (before "for the company") is a person's role
    if (!m.gender && !isRoleWord(headOf(tokens, k, m.to))) return;
    const e = ents.byDescription(m.role, (tokens[k] as Token).s, false);
    ents.touchSubject(e, (tokens[k] as Token).s);
    if (m.gender && !e.gender) e.gender = m.gender;
  }
}

/** "his rival, …", "her lawyer, …" before token `k`: someone's relation and a comma. */
function ownedNounBefore(tokens: readonly Token[], k: number): boolean {
  const noun = tokens[k - 2];
  return (
    tokens[k - 1]?.w === ',' && !!noun?.word && !noun.cap && OWNERS.has(tokens[k - 3]?.lo ?? '')
  );
}
const OWNERS = new Set(['his', 'her', 'their', 'my', 'our', 'your']);

/** Verbs of asking: the "he" after them is the one asked, not the asker. */
const ASKING = new Set(['asked', 'asks', 'questioned', 'pressed']);

/** "Her father, Brad, 39,": a known first name set off by commas after a lowercase word. */
function apposedFirstName(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  const before = tokens[k - 2];
  return (
    tokens[k - 1]?.w === ',' &&
    tokens[k + 1]?.w === ',' &&
    !!before?.word &&
    !before.cap &&
    // ("his wife, Jane,": after someone's relation any word in capitals is their name)
    (FEMALE_NAMES.has(t.lo) || MALE_NAMES.has(t.lo) || ownedNounBefore(tokens, k))
  );
}

const AN = new Set(['a', 'an', 'another']);
const AGENCY_AFTER_SLASH = 4;
/** Lowercase words a byline may hold: "By Jo Hale and Ana Ruiz, staff writers". */
const BYLINE_WORDS = new Set([
  'and',
  'of',
  'the',
  'in',
  'for',
  'at',
  'staff',
  'writer',
  'writers',
  'reporter',
  'reporters',
  'correspondent',
  'editor',
  'contributor',
]);
/** At most this many tokens on a byline's line. */
const BYLINE_TOKENS = 24;

/**
 * "By Tove Marsh · 9 May 2026": a line opening on "By" and two capitalised words, with no
 * lowercase word a sentence would need ("By Tuesday, the plan was dead" has them). The writer
 * is no speaker and no one a later "she" means. The line's end, or `k` where it is none.
 */
function bylineEnd(tokens: readonly Token[], k: number): number {
  if (!tokens[k + 1]?.cap || !tokens[k + 2]?.cap) return k;
  let e = k + 1;
  for (; e < tokens.length && tokens[e]?.w !== '\n'; e++) {
    const t = tokens[e] as Token;
    if (e - k > BYLINE_TOKENS || (t.word && !t.cap && !/\d/.test(t.w) && !BYLINE_WORDS.has(t.lo)))
      return k;
  }
  return e;
}

const CREDIT_OPENERS = new Set([
  '©',
  'photo',
  'photograph',
  'photos',
  'credit',
  'image',
  'illustration',
]);

/**
 * "ARDEN CITY, Ore. — …", "LAGOS (Reuters) -": a paragraph opening on a place in capitals and,
 * a few words on, a dash, is a dateline ("NATO, the alliance, …" is none). Its place's end, or
 * `k` where there is none.
 */
function datelineEnd(tokens: readonly Token[], k: number): number {
  let e = k;
  while (tokens[e]?.word && inCapitals(tokens[e]) && e - k < 4) e++;
  if (e === k) return k;
  for (let d = e; d < e + DATELINE_REACH && tokens[d]?.w !== '\n'; d++)
    if (DASHES.has(tokens[d]?.w ?? '')) return e;
  return k;
}
/** Tokens between a dateline's place and its dash: ", Fla. (AP)". */
const DATELINE_REACH = 7;

/**
 * Credits name photographers and bylines writers, not speakers: a byline's line (bylineEnd), a
 * name joined by a slash to an agency ("Win McNamee/Getty Images", "Chuck Burton/AP"), and what
 * follows "©" or "Photo:" on its line. A dateline's place (datelineEnd) is no one either.
 */
function creditMask(tokens: readonly Token[]): Uint8Array {
  const mask = new Uint8Array(tokens.length);
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    const opensLine = k === 0 || tokens[k - 1]?.w === '\n';
    if (t.lo === 'by' && opensLine) {
      const end = bylineEnd(tokens, k);
      if (end > k) mask.fill(1, k, end);
    }
    if (opensLine && t.cap) {
      const end = datelineEnd(tokens, k);
      if (end > k) mask.fill(1, k, end);
    }
    if (k === 0 || k === tokens.length - 1) continue;
    const prev = tokens[k - 1] as Token;
    const next = tokens[k + 1] as Token;
    if (t.w === '/' && prev.cap && next.cap && prev.e === t.s && next.s === t.e) {
      let a = k - 1;
      while (a > 0 && tokens[a - 1]?.cap && k - a < 4) a--;
      let b = k + 1;
      while (b + 1 < tokens.length && tokens[b + 1]?.cap && b - k < AGENCY_AFTER_SLASH) b++;
      mask.fill(1, a, b + 1);
    } else if (
      (t.w === '©' || ((next.w === ':' || next.lo === 'by') && CREDIT_OPENERS.has(t.lo))) &&
      (k === 0 || prev.w === '\n' || prev.w === '(' || prev.w === '©' || !prev.word)
    ) {
      let b = k;
      while (b + 1 < tokens.length && tokens[b + 1]?.w !== '\n' && b - k < 8) b++;
      mask.fill(1, k, b + 1);
    }
  }
  return mask;
}

/** ", who" at token `k`: what comes before it is a person. */
function followedByWho(tokens: Token[], k: number): boolean {
  return tokens[k]?.w === ',' && tokens[k + 1]?.lo === 'who';
}

/**
 * A lone capitalised word before ", who" names the one "who" is said of unless it is a place:
 * after a preposition or a comma ("a nurse from Brownsville, Texas, who").
 */
function loneWordBeforeWho(prev: Token | undefined): boolean {
  return prev?.w !== ',' && !PREPOSITION.test(prev?.lo ?? '');
}
