/**
 * Pass 4: read the words that name a speaker (a mention) and resolve them to an entity,
 * the way a reader does: full names and later surnames, initials (H.Mammadov), titles and
 * roles (the MP), pronouns (he, according to him), organisations and unnamed descriptions.
 * Pure: works on tokens; never looks inside the quote being attributed for a pronoun's referent.
 */
import {
  AUXILIARIES,
  DOCUMENT_WORDS,
  FEMALE_NAMES,
  FEMALE_TITLES,
  FIRST_PERSON,
  MALE_NAMES,
  MALE_TITLES,
  ORG_WORDS,
  PRONOUNS,
  ROLES,
  SPEECH_VERBS,
  STOP_CAPS,
  TITLES,
} from './lexicon/index';
import { endsSentence, type Token } from './tokens';
import type { SpeakerKind } from './types';

export type MentionKind = 'name' | 'pronoun' | 'role' | 'description';

export interface Mention {
  kind: MentionKind;
  /** Token range [from, to) of the whole mention. */
  from: number;
  to: number;
  /** The words as written ("H.Mammadov", "he", "the MP"). */
  text: string;
  /** For names: the name tokens without titles ("Vladimir Putin"). */
  name?: string;
  /** A role the page gives in the mention itself ("political analyst", "Russian President"). */
  role?: string;
  /** 'm' | 'f' | 'p' | 'o' where known. */
  gender?: string;
  org?: boolean;
}

const PARTICLES = new Set([
  'de',
  'da',
  'van',
  'von',
  'der',
  'den',
  'al',
  'bin',
  'ibn',
  'le',
  'la',
  'du',
  'del',
  'dos',
  'di',
  'ter',
  'bint',
  'el',
]);
const ENGLISH_DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'its',
  'his',
  'her',
  'their',
  'our',
  'one',
  'another',
]);
const DETERMINERS = new Set([
  ...ENGLISH_DETERMINERS,
  'le',
  'la',
  'les',
  'l',
  'un',
  'une',
  'el',
  'los',
  'las',
  'der',
  'die',
  'das',
  'ein',
  'eine',
]);
/** Adjectives of a role before a name: "former governor Bill Tanner", "late president X". */
const PRE_NAME_ADJECTIVES = new Set([
  'former',
  'late',
  'new',
  'old',
  'current',
  'first',
  'second',
  'next',
  'last',
  'then',
  'acting',
  'outgoing',
  'incoming',
  'interim',
]);
const HONORIFICS = new Set([
  'mr',
  'mr.',
  'mrs',
  'mrs.',
  'ms',
  'ms.',
  'miss',
  'dr',
  'dr.',
  'prof',
  'prof.',
  'sir',
  'dame',
  'm.',
  'mme',
  'mme.',
  'mlle',
  'herr',
  'frau',
  'sr.',
  'sra.',
  'señor',
  'señora',
  'monsieur',
  'madame',
]);
export const INDEFINITE = new Set(['a', 'an', 'one', 'another', 'un', 'une', 'ein', 'eine']);
const LINKS = new Set(['of', 'for', 'at', 'with', 'in', 'from', 'on', 'to', 'de', 'du', 'des']);
/** Words of a description that stop it: verbs, conjunctions. */
const DESC_STOP = new Set([
  'who',
  'which',
  'that',
  'said',
  'says',
  'and',
  'but',
  'told',
  'when',
  'while',
  'as',
]);

const isPossessive = (t: Token) => /['’]s$/.test(t.w);
const isInitial = (t: Token) => t.word && t.cap && /^\p{Lu}\.(?:\p{Lu}\.)*$/u.test(t.w);
/** A capitalised word that can be part of a name. */
function isNameWord(t: Token | undefined): boolean {
  if (!t?.word || !t.cap) return false;
  if (STOP_CAPS.has(t.lo)) return false;
  if (/^\d/.test(t.w)) return false;
  // "They'd", "Don't", "It's": a contraction opening a sentence, never a name
  if (CONTRACTION.test(t.lo)) return false;
  const base = t.lo.replace(/['’]s$/, '');
  if (base !== t.lo && (STOP_CAPS.has(base) || PRONOUNS.has(base))) return false;
  // "Accordingly Turkey …", "Reportedly …": a sentence adverb
  if (ADVERB_ENDING.test(t.lo)) return false;
  return true;
}
const CONTRACTION = /['’](?:ve|ll|d|re|m)$|n['’]t$/;
const ADVERB_ENDING = /(?:ingly|edly|ously|ively|fully|lessly|ately|ically|ently|antly|ibly|ably)$/;
const isTitle = (t: Token | undefined) =>
  (!!t && t.word && TITLES.has(t.lo.replace(/\.$/, ''))) || (!!t && TITLES.has(t.lo));
const isRoleWord = (t: Token | undefined) =>
  !!t && t.word && (ROLES.has(t.lo) || ROLES.has(t.lo.replace(/s$/, '')));
const isAllCaps = (w: string) => w.length > 1 && w === w.toUpperCase() && /\p{Lu}/u.test(w);

function genderOf(words: Token[]): string | undefined {
  for (const t of words) {
    if (FEMALE_TITLES.has(t.lo)) return 'f';
    if (MALE_TITLES.has(t.lo)) return 'm';
  }
  // the first name, when it is a common one
  for (const t of words) {
    if (!t.cap || TITLES.has(t.lo) || ROLES.has(t.lo)) continue;
    if (FEMALE_NAMES.has(t.lo)) return 'f';
    if (MALE_NAMES.has(t.lo)) return 'm';
    break;
  }
  return undefined;
}

function joinTokens(text: string, tokens: Token[], from: number, to: number): string {
  const a = tokens[from];
  const b = tokens[to - 1];
  if (!a || !b || to <= from) return '';
  return text.slice(a.s, b.e).replace(/\s+/g, ' ');
}

const isFirstName = (t: Token | undefined) =>
  !!t && (FEMALE_NAMES.has(t.lo) || MALE_NAMES.has(t.lo));

/** Split a run of capitalised tokens into its title/role part and its name part. */
function splitName(text: string, tokens: Token[], from: number, to: number): Mention | null {
  let k = to - 1;
  // an organisation keeps its role-like words: "Farmers Union", "Transport Workers Council"
  const orgRun = tokens.slice(from, to).some((t) => ORG_WORDS.has(t.lo));
  // the name: trailing run of name words, initials and particles (not titles)
  while (k >= from) {
    const t = tokens[k] as Token;
    // a role word that is also a first name ("Bill", "Chase") starts the name when a surname follows
    const firstName = FEMALE_NAMES.has(t.lo) || MALE_NAMES.has(t.lo);
    if ((isTitle(t) || (isRoleWord(t) && !orgRun && !firstName)) && k < to - 1) break;
    if (isNameWord(t) || isInitial(t) || (PARTICLES.has(t.lo) && k > from && k < to - 1)) {
      k--;
      continue;
    }
    break;
  }
  let nameFrom = k + 1;
  if (nameFrom >= to) return null;
  // "State John F. Kerry", "Pennsylvania Ed Rendell": a known first name starts the name
  if (!isFirstName(tokens[nameFrom]) && to - nameFrom >= 3) {
    for (let j = nameFrom + 1; j < to - 1; j++) {
      if (isFirstName(tokens[j]) && !isInitial(tokens[j] as Token)) {
        nameFrom = j;
        break;
      }
    }
  }
  const nameToks = tokens.slice(nameFrom, to);
  const last = nameToks[nameToks.length - 1] as Token;
  const allRole = nameToks.every((t) => isTitle(t) || isRoleWord(t));
  const org = nameToks.some((t) => ORG_WORDS.has(t.lo));
  // "The Transport Minister": a run that ends in a title or role word names a role, not a person
  const lastTok = tokens[to - 1] as Token;
  const definite = /^(?:the|le|la|el|der|die|das)$/.test(tokens[from - 1]?.lo ?? '');
  const endsInRole =
    definite && (isTitle(lastTok) || isRoleWord(lastTok)) && !isNameWord(tokens[to]);
  if ((allRole || endsInRole) && !org) {
    // "The Transport Minister": a role in capitals, not a name.
    return {
      kind: 'role',
      from,
      to,
      text: joinTokens(text, tokens, from, to),
      role: joinTokens(text, tokens, from, to),
    };
  }
  if (isInitial(last)) return null;
  // an honorific (Mr, Dr, Mme) is not a role
  const honorific = tokens.slice(from, nameFrom).every((t) => HONORIFICS.has(t.lo));
  const role = nameFrom > from && !honorific ? joinTokens(text, tokens, from, nameFrom) : undefined;
  return {
    kind: 'name',
    from,
    to,
    text: joinTokens(text, tokens, from, to),
    name: joinTokens(text, tokens, nameFrom, to)
      .replace(/\s+\.$/, '')
      .replace(/['’]s$/, ''),
    role,
    gender: genderOf([
      ...tokens.slice(from, nameFrom).filter((t) => TITLES.has(t.lo) || isTitle(t)),
      ...nameToks,
    ]),
    org,
  };
}

/** Read a mention that ends at token `end` (inclusive), reading leftwards; null if none. */
export function readMentionBackward(
  text: string,
  tokens: Token[],
  end: number,
  floor: number,
): Mention | null {
  let i = end;
  // skip a parenthesis "(R-IN)"
  if (tokens[i]?.w === ')') {
    let k = i - 1;
    while (k > floor && tokens[k]?.w !== '(' && i - k < 8) k--;
    if (tokens[k]?.w === '(') i = k - 1;
  }
  const t = tokens[i];
  if (!t || i < floor || !t.word) return null;
  const pg = PRONOUNS.get(t.lo);
  if (
    pg &&
    (t.lo === 'he' ||
      t.lo === 'she' ||
      t.lo === 'they' ||
      t.lo === 'it' ||
      !['him', 'her', 'them'].includes(t.lo))
  ) {
    return { kind: 'pronoun', from: i, to: i + 1, text: t.w, gender: pg };
  }
  if (t.cap && !STOP_CAPS.has(t.lo)) {
    let k = i;
    while (k - 1 >= floor) {
      const p = tokens[k - 1] as Token;
      if (isPossessive(p)) break;
      if (
        isNameWord(p) ||
        isInitial(p) ||
        isTitle(p) ||
        (PARTICLES.has(p.lo) && isNameWord(tokens[k - 2]))
      ) {
        k--;
        continue;
      }
      break;
    }
    // lowercase role words right before the name: "political analyst Hikmat Mammadov"
    let r = k;
    while (r - 1 >= floor && r > k - 4) {
      const p = tokens[r - 1] as Token;
      const atStart = r - 1 === floor || !tokens[r - 2]?.word;
      const adj =
        r < k &&
        isRoleWord(tokens[r]) &&
        !DETERMINERS.has(p.lo) &&
        !AUXILIARIES.has(p.lo) &&
        !LINKS.has(p.lo) &&
        !STOP_CAPS.has(p.lo);
      if (
        p.word &&
        ((!p.cap && (isRoleWord(p) || (adj && /^[\p{Ll}-]+$/u.test(p.w)))) ||
          (p.cap && atStart && adj))
      ) {
        r--;
        continue;
      }
      break;
    }
    // "Secretary of State John Kerry", "Minister for Health Ana Diaz": an office before the run
    if (
      r === k &&
      (tokens[k - 1]?.lo === 'of' || tokens[k - 1]?.lo === 'for') &&
      k - 2 >= floor &&
      tokens[k - 2]?.cap &&
      (isTitle(tokens[k - 2]) || isRoleWord(tokens[k - 2]))
    )
      r = k - 2;
    const m = splitName(text, tokens, k, i + 1);
    if (!m) return null;
    if (r < k) {
      const pre = joinTokens(text, tokens, r, k);
      m.role = m.role ? `${pre} ${m.role}` : pre;
      m.from = r;
    }
    if (m.kind === 'role') return describeBackward(text, tokens, m, floor);
    return m;
  }
  if (isRoleWord(t)) {
    return describeBackward(
      text,
      tokens,
      { kind: 'role', from: i, to: i + 1, text: t.w, role: t.w },
      floor,
    );
  }
  // "a spokesperson for the city zoo": a role word, a link, then the words up to the verb
  for (let k = i - 1; k > floor && k >= i - 6; k--) {
    const p = tokens[k] as Token;
    if (!p.word || DESC_STOP.has(p.lo)) break;
    if (LINKS.has(p.lo) && isRoleWord(tokens[k - 1])) {
      const head = describeBackward(
        text,
        tokens,
        { kind: 'role', from: k - 1, to: k, text: '', role: '' },
        floor,
      );
      return finishDescription(text, tokens, head.from, i + 1);
    }
  }
  return null;
}

/** Grow a role mention leftwards to its determiner, and over "X for/of the Y" heads. */
function describeBackward(text: string, tokens: Token[], m: Mention, floor: number): Mention {
  let k = m.from;
  while (k - 1 >= floor && k > m.from - 6) {
    const p = tokens[k - 1] as Token;
    if (!p.word || DESC_STOP.has(p.lo) || (AUXILIARIES.has(p.lo) && !isRoleWord(p))) break;
    if (DETERMINERS.has(p.lo)) {
      // "a spokesperson for the company": keep going over the link
      const link = tokens[k - 2];
      if (link && LINKS.has(link.lo) && isRoleWord(tokens[k - 3])) {
        k -= 2;
        continue;
      }
      k--;
      break;
    }
    if (LINKS.has(p.lo)) {
      if (isRoleWord(tokens[k - 2]) || tokens[k - 2]?.cap) {
        k--;
        continue;
      }
      break;
    }
    if (p.cap && STOP_CAPS.has(p.lo)) break;
    k--;
  }
  return finishDescription(text, tokens, k, m.to);
}

function finishDescription(text: string, tokens: Token[], from: number, to: number): Mention {
  const first = tokens[from];
  const indefinite = !!first && INDEFINITE.has(first.lo);
  // English articles are left off ("spokesperson for the ministry"); others are kept,
  // as a French page names its speaker "le gouvernement", "le projet de loi".
  const body = first && ENGLISH_DETERMINERS.has(first.lo) ? from + 1 : from;
  const words = joinTokens(text, tokens, body, to);
  const org = tokens.slice(body, to).some((t) => ORG_WORDS.has(t.lo) || DOCUMENT_WORDS.has(t.lo));
  return {
    kind: indefinite ? 'description' : 'role',
    from,
    to,
    text: joinTokens(text, tokens, from, to),
    role: words,
    org,
    gender: genderOf(tokens.slice(from, to)),
  };
}

/** Read a mention starting at token `start`, reading rightwards; null if none. */
export function readMentionForward(
  text: string,
  tokens: Token[],
  start: number,
  ceil: number,
): Mention | null {
  let i = start;
  const t = tokens[i];
  if (!t || i >= ceil || !t.word) return null;
  const pg = PRONOUNS.get(t.lo);
  if (pg && !FIRST_PERSON.has(t.lo))
    return { kind: 'pronoun', from: i, to: i + 1, text: t.w, gender: pg };
  const after = tokens[i + 1];
  // "CONGRESS HAS INVESTIGATED HIM —": a lead-in shouted in capitals, not a name
  const head = DETERMINERS.has(t.lo) ? i + 1 : i;
  const h0 = tokens[head];
  const h1 = tokens[head + 1];
  if (
    h0 &&
    h1 &&
    isAllCaps(h0.w) &&
    isAllCaps(h1.w) &&
    (AUXILIARIES.has(h1.lo) || STOP_CAPS.has(h1.lo))
  )
    return null;
  // "Following a late meeting, the council …": a sentence opening on a participle, not a name
  if (
    t.cap &&
    /ing$/.test(t.lo) &&
    (i === 0 || endsSentence(tokens[i - 1])) &&
    after?.word &&
    (DETERMINERS.has(after.lo) || LINKS.has(after.lo) || PRONOUNS.has(after.lo))
  )
    return null;
  const det = DETERMINERS.has(t.lo) ? i : -1;
  if (det >= 0) i++;
  // lowercase role words before a name: "shopkeeper Imran Sheikh", "the local MP"
  let k = i;
  while (k < ceil && k < i + 5) {
    const p = tokens[k] as Token;
    if (
      p.word &&
      !p.cap &&
      (!STOP_CAPS.has(p.lo) || PRE_NAME_ADJECTIVES.has(p.lo)) &&
      !AUXILIARIES.has(p.lo) &&
      !DESC_STOP.has(p.lo) &&
      !LINKS.has(p.lo) &&
      // "tweets targeting former Miss …": a verb, not a role ("managing director" is one)
      !isIngVerb(p, tokens[k + 1])
    ) {
      k++;
      continue;
    }
    break;
  }
  let n = k;
  while (n < ceil) {
    const p = tokens[n] as Token;
    if (
      isNameWord(p) ||
      isInitial(p) ||
      isTitle(p) ||
      (PARTICLES.has(p.lo) && n > k && isNameWord(tokens[n + 1]))
    ) {
      n++;
      if (isPossessive(p)) {
        // "NBC's Dante Chinni": a possessive first word is the person's outlet or employer
        if (n - 1 === k && isNameWord(tokens[n]) && isNameWord(tokens[n + 1])) {
          const inner = readMentionForward(text, tokens, n, ceil);
          if (inner?.kind === 'name' && !inner.org) {
            inner.role ??= p.w.replace(/['’]s$/, '');
            inner.from = det >= 0 ? det : i;
            return inner;
          }
        }
        break; // "Mr. King's Russia Today": the name ends at the 's
      }
      continue;
    }
    break;
  }
  if (n > k) {
    // "Trump lawyer Marc Kasowitz": a name used as a modifier of a role before the real name
    let r = n;
    let roles = 0;
    while (
      (r < ceil &&
        r < n + 6 &&
        tokens[r]?.word &&
        !tokens[r]?.cap &&
        !AUXILIARIES.has(tokens[r]?.lo ?? '') &&
        !DESC_STOP.has(tokens[r]?.lo ?? '') &&
        !LINKS.has(tokens[r]?.lo ?? '') &&
        !DETERMINERS.has(tokens[r]?.lo ?? '')) ||
      (tokens[r]?.lo === 'and' && roles > 0)
    ) {
      if (isRoleWord(tokens[r])) roles++;
      r++;
    }
    if (
      r > n &&
      roles > 0 &&
      isRoleWord(tokens[r - 1]) &&
      isNameWord(tokens[r]) &&
      !isInitial(tokens[r] as Token)
    ) {
      const inner = readMentionForward(text, tokens, r, ceil);
      if (inner && inner.kind === 'name') {
        inner.role = joinTokens(text, tokens, i, r);
        inner.from = det >= 0 ? det : i;
        return inner;
      }
    }
    const m = splitName(text, tokens, k, n);
    if (m && m.kind === 'name') {
      if (k > i)
        m.role = m.role
          ? `${joinTokens(text, tokens, i, k)} ${m.role}`
          : joinTokens(text, tokens, i, k);
      m.from = det >= 0 ? det : i;
      return m;
    }
    if (m && m.kind === 'role') return extendDescription(text, tokens, det >= 0 ? det : i, n, ceil);
  }
  // a role or description: "the MP", "a spokesperson for the regional bus company"
  let r = i;
  let sawRole = false;
  while (r < ceil && r < i + 5) {
    const p = tokens[r] as Token;
    if (!p.word || DESC_STOP.has(p.lo) || LINKS.has(p.lo)) break;
    if (r === i && !p.cap && isIngVerb(p)) return null;
    if (isRoleWord(p)) sawRole = true;
    r++;
    if (
      sawRole &&
      !isRoleWord(tokens[r]) &&
      !(tokens[r]?.word && !tokens[r]?.cap && tokens[r + 1] && isRoleWord(tokens[r + 1]))
    )
      break;
  }
  if (!sawRole) return null;
  return extendDescription(text, tokens, det >= 0 ? det : i, r, ceil);
}

/** "spokesperson" + "for the regional bus company" */
function extendDescription(
  text: string,
  tokens: Token[],
  from: number,
  to: number,
  ceil: number,
): Mention {
  let e = to;
  const link = tokens[e];
  if (link && (link.lo === 'for' || link.lo === 'of' || link.lo === 'at') && e + 1 < ceil) {
    // "deputy head of bridges and tunnels for the county council": up to a comma or a verb
    let k = e + 1;
    while (k < ceil && k < e + 12) {
      const p = tokens[k] as Token;
      if (p.lo === 'and' && tokens[k + 1]?.word && !SPEECH_VERBS.has(tokens[k + 1]?.lo ?? '')) {
        k++;
        continue;
      }
      if (
        !p.word ||
        DESC_STOP.has(p.lo) ||
        AUXILIARIES.has(p.lo) ||
        (!p.cap && SPEECH_VERBS.has(p.lo))
      )
        break;
      k++;
    }
    if (k > e + 1) e = k;
  }
  return finishDescription(text, tokens, from, e);
}

// ---------------------------------------------------------------------------------------------
// Entities: who the mentions refer to.

export interface Entity {
  id: number;
  /** Fullest name seen so far. */
  name: string;
  /** Name tokens, lowercase, for surname and initial matching. */
  parts: string[];
  aliases: Set<string>;
  role: string | null;
  kind: SpeakerKind;
  gender?: string;
  /** Offset of the latest mention. */
  last: number;
  /** Something says this is a person: a title, a role, a gender, or they spoke. */
  person: boolean;
  /** Lowercase forms of the name and every alias, for quick "was it called this?" checks. */
  calls: Set<string>;
  /** How many quotes were attributed to this entity so far. */
  spoke: number;
  /** Offset of the latest mention as a sentence's subject or a speaker; -1 if none. */
  subj: number;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[.’'"]/g, '')
    .trim();
const nameParts = (name: string) =>
  name
    .split(/[\s.]+/)
    .map((p) => p.toLowerCase().replace(/[’']s$/, ''))
    .filter((p) => p.length > 0);

/** How many recently mentioned entities a pronoun or a role may reach back to. */
const RECENT_REACH = 60;

export class EntityIndex {
  readonly list: Entity[] = [];
  /** Every entity under each of its name parts, so lookups stay constant-time. */
  private readonly byPart = new Map<string, Entity[]>();
  private readonly byKey = new Map<string, Entity>();
  /** Entities in the order they were last mentioned (with repeats). */
  private readonly log: Entity[] = [];

  /** Note a mention of `e` at `pos`. */
  touch(e: Entity, pos: number): void {
    if (pos > e.last) e.last = pos;
    if (this.log[this.log.length - 1] !== e) this.log.push(e);
  }

  /** Note that `e` is a sentence's subject (or spoke) at `pos`: a later "he" most likely means them. */
  touchSubject(e: Entity, pos: number): void {
    this.touch(e, pos);
    if (pos > e.subj) e.subj = pos;
  }

  /** Distinct entities, latest mentioned first, at most RECENT_REACH of them. */
  *recent(): Generator<Entity> {
    const seen = new Set<Entity>();
    for (let i = this.log.length - 1; i >= 0 && seen.size < RECENT_REACH; i--) {
      const e = this.log[i] as Entity;
      if (seen.has(e)) continue;
      seen.add(e);
      yield e;
    }
  }

  private indexParts(e: Entity): void {
    for (const p of e.parts) {
      const l = this.byPart.get(p);
      if (!l) this.byPart.set(p, [e]);
      else if (!l.includes(e)) l.push(e);
    }
  }

  /** Register or find the entity a name mention refers to. */
  byName(m: Mention, pos: number, outside: boolean): Entity {
    const raw = (m.name ?? m.text).replace(/[’']s$/, '');
    const parts = nameParts(raw);
    const found = this.matchName(parts);
    const kind: SpeakerKind = m.org ? 'organisation' : 'person';
    if (found) {
      if (
        parts.length > found.parts.length &&
        parts[parts.length - 1] === found.parts[found.parts.length - 1]
      ) {
        found.aliases.add(found.name);
        found.name = raw;
        found.parts = parts;
        this.indexParts(found);
      } else if (norm(raw) !== norm(found.name)) found.aliases.add(raw);
      const said = m.text.replace(/['’]s$/, '');
      if (said !== raw && said !== found.name) found.aliases.add(said);
      found.calls.add(said.toLowerCase());
      found.calls.add(raw.toLowerCase());
      if (m.role && !found.role) found.role = m.role;
      if (m.gender && !found.gender) found.gender = m.gender;
      if (m.role || m.gender) found.person = true;
      if (outside) this.touch(found, pos);
      return found;
    }
    const e: Entity = {
      id: this.list.length,
      name: raw,
      parts,
      aliases: new Set(m.text.replace(/['’]s$/, '') !== raw ? [m.text.replace(/['’]s$/, '')] : []),
      role: m.role ?? null,
      kind,
      gender: m.gender,
      last: -1,
      person: !!(m.role || m.gender) && !m.org,
      calls: new Set([raw.toLowerCase()]),
      spoke: 0,
      subj: -1,
    };
    this.list.push(e);
    this.indexParts(e);
    if (outside) this.touch(e, pos);
    return e;
  }

  /** An entity whose name this one abbreviates or repeats: Putin, H.Mammadov, Mr Lindqvist. */
  matchName(parts: string[]): Entity | null {
    if (parts.length === 0) return null;
    const sur = parts[parts.length - 1] as string;
    let best: Entity | null = null;
    for (const e of this.byPart.get(sur) ?? []) {
      if (e.kind === 'description') continue;
      const esur = e.parts[e.parts.length - 1];
      let ok = false;
      if (esur === sur) {
        ok = true;
        // first names or initials must agree where both are given
        if (parts.length > 1 && e.parts.length > 1) {
          const a = parts[0] as string;
          const b = e.parts[0] as string;
          ok =
            a === b ||
            (a.length === 1 && b.startsWith(a)) ||
            (b.length === 1 && a.startsWith(b)) ||
            (parts.length === 2 && e.parts.length > 2 && e.parts.includes(a));
        }
      } else if (parts.length === 1 && e.parts.length > 1 && e.kind === 'person') {
        ok = e.parts[0] !== sur;
      } else if (
        parts.length > 1 &&
        e.parts.length === 1 &&
        parts[parts.length - 1] === e.parts[0]
      ) {
        ok = true;
      }
      if (!ok) continue;
      if (parts.length === 1 && best) {
        // a bare surname shared by two people: the one already called by it, else the one
        // who has spoken, else the first met
        const called = (x: Entity) => x.calls.has(sur);
        if (called(best) !== called(e)) {
          if (called(e)) best = e;
          continue;
        }
        if (e.spoke > best.spoke) best = e;
        continue;
      }
      if (!best || e.last > best.last) best = e;
    }
    return best;
  }

  /** An organisation or described speaker: "the ministry", "a spokesperson for the company". */
  byDescription(words: string, pos: number, org: boolean): Entity {
    const key = norm(words);
    const known = this.byKey.get(key);
    if (known) {
      this.touch(known, pos);
      return known;
    }
    const e: Entity = {
      id: this.list.length,
      name: words,
      parts: nameParts(words),
      aliases: new Set(),
      role: null,
      kind: org ? 'organisation' : 'description',
      last: -1,
      person: false,
      calls: new Set([key]),
      spoke: 0,
      subj: -1,
    };
    this.list.push(e);
    this.byKey.set(key, e);
    this.touch(e, pos);
    return e;
  }

  /** The entity a definite role refers to: "the MP" → the latest entity with that role word. */
  byRole(role: string, before: number, orgOnly = false): Entity | null {
    const head = (role.toLowerCase().split(/\s+/).pop() ?? '').replace(/s$/, '');
    if (!head) return null;
    for (const e of this.recent()) {
      if (e.last < 0 || e.last >= before) continue;
      // "the department" is an organisation, not the person whose role mentions one
      if (orgOnly && e.kind !== 'organisation') continue;
      if (!orgOnly && e.role?.toLowerCase().includes(head)) return e;
      for (const c of e.calls) if (c.includes(head)) return e;
    }
    return null;
  }
}

/** Resolve a cue's mention to an entity; `last` is the latest speaker, for roles with no bearer. */
export function resolveMention(
  m: Mention,
  pos: number,
  ents: EntityIndex,
  last: Entity | null,
  subjectFloor = pos,
): Entity | null {
  switch (m.kind) {
    case 'name':
      return ents.byName(m, pos, true);
    case 'pronoun': {
      // The latest person the text has shown to be one (titled, given a role, or a speaker),
      // else the latest name of any kind. Names inside quotes do not count (last < 0).
      // A subject of the last paragraphs outranks a more recent name in an object's place:
      // "Ryan said he backs McConnell on this. "…," he said." is Ryan speaking.
      let best: Entity | null = null;
      let any: Entity | null = null;
      let subject: Entity | null = null;
      const personal = m.gender === 'm' || m.gender === 'f';
      for (const e of ents.recent()) {
        if (e.last < 0 || e.last > pos) continue;
        if (personal ? e.kind !== 'person' : e.kind === 'person') continue;
        if (personal && e.gender && m.gender !== e.gender) continue;
        if ((e.person || !personal) && (!best || e.last > best.last)) best = e;
        if (!any || e.last > any.last) any = e;
        if (
          personal &&
          e.person &&
          e.subj >= subjectFloor &&
          e.subj <= pos &&
          (!subject || e.subj > subject.subj)
        )
          subject = e;
      }
      const found = subject ?? best ?? any ?? (personal ? last : null);
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

/**
 * Is the mention at tokens [from, to) its sentence's subject? It opens the sentence ("But
 * Ryan …" too) or a speech verb follows it, maybe past an appositive ("X, a senator, said").
 */
export function isSubjectMention(tokens: Token[], from: number, to: number): boolean {
  let p = from - 1;
  if (isRoleWord(tokens[p])) {
    // "presidential nominee Jo Hale": the role words belong to the mention
    const stop = p - 4;
    while (p > stop && tokens[p]?.word && !tokens[p]?.cap) p--;
  }
  const opener = tokens[p];
  if (opener?.word && opener.cap && STOP_CAPS.has(opener.lo)) p--;
  if (p < 0 || endsSentence(tokens[p])) return true;
  if (tokens[p]?.w === ',') {
    // after an opening phrase: "In a statement on Tuesday, the nominee Jo Hale was …"
    let q = p - 1;
    while (q >= 0 && p - q < 14 && tokens[q]?.word) q--;
    const first = tokens[q + 1];
    if (q < p - 1 && (q < 0 || endsSentence(tokens[q])) && first?.cap && STOP_CAPS.has(first.lo))
      return true;
  }
  let k = to;
  if (tokens[k]?.w === '(') {
    while (k < to + 10 && tokens[k] && tokens[k]?.w !== ')') k++;
    k++;
  }
  if (tokens[k]?.w === ',') {
    for (let c = k + 1; c < k + 26 && c < tokens.length; c++) {
      const t = tokens[c] as Token;
      if (endsSentence(t)) break;
      if (t.w === ',' && isSpeechVerbToken(tokens[c + 1])) return true;
    }
  }
  return isSpeechVerbToken(tokens[k]);
}

/** A verb in -ing, not a role word nor the modifier of one ("managing director"). */
const isIngVerb = (t: Token, next?: Token) =>
  t.lo.endsWith('ing') && !isRoleWord(t) && !isRoleWord(next);

const isPlainWord = (t: Token | undefined) =>
  !!t &&
  t.word &&
  !t.cap &&
  !DETERMINERS.has(t.lo) &&
  !DESC_STOP.has(t.lo) &&
  !LINKS.has(t.lo) &&
  !AUXILIARIES.has(t.lo) &&
  !SPEECH_VERBS.has(t.lo);

const isSpeechVerbToken = (t: Token | undefined) =>
  !!t && t.word && !t.cap && SPEECH_VERBS.has(t.lo);

/** "The local MP, Sara Quist," / "Sara Quist, the local MP,": the role in apposition to a name. */
export function appositiveRole(text: string, tokens: Token[], m: Mention): string | undefined {
  const before = tokens[m.from - 1];
  if (before && !before.cap && isRoleWord(before)) {
    // "party nominee Joanna Hale": lowercase role words just before the name
    let k = m.from - 1;
    while (k > m.from - 4) {
      const p = tokens[k - 1];
      // a verb ends the run: "messages targeting former mayor X"
      const modifier = isPlainWord(p) && (isRoleWord(p) || !/(?:ing|ed)$/.test(p?.lo ?? ''));
      // "Political analyst X" opening the sentence
      const opener = !!p?.cap && isNameWord(p) && (k - 1 === 0 || endsSentence(tokens[k - 2]));
      if (!modifier && !opener) break;
      k--;
      if (opener) break;
    }
    return joinTokens(text, tokens, k, m.from);
  }
  if (before?.w === ',') {
    const r = readMentionBackward(text, tokens, m.from - 2, Math.max(0, m.from - 12));
    if (r && r.kind === 'role' && !r.org) return r.role;
  }
  if (tokens[m.to]?.w === ',') {
    // "Patrick Hale, vice president of planning for the utility, said"
    const r = readMentionForward(text, tokens, m.to + 1, Math.min(tokens.length, m.to + 14));
    // the head noun is the last word before "of/for/at …": "party elder", "head of sales"
    const words = (r?.role ?? '').toLowerCase().split(/\s+/);
    const cut = words.findIndex((w, i) => i > 0 && LINKS.has(w));
    const head = (cut > 0 ? words[cut - 1] : words[words.length - 1]) ?? '';
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

export { isAllCaps, joinTokens };
