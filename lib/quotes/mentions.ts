/**
 * Pass 4a: read the words that name a speaker (a mention), the way a reader does: full names
 * with their titles and roles ("political analyst Hikmat Mammadov"), initials (H.Mammadov),
 * pronouns (he, according to him), roles (the MP), organisations and unnamed descriptions
 * ("a spokesperson for the regional bus company"). Who a mention refers to is entities.ts's
 * and readings.ts's job. What each word is (a name word, a title, a role, a particle) is asked
 * of mention-words.ts.
 * Pure: works on tokens.
 */
import {
  DOCUMENT_WORDS,
  ENGLISH_ROLES,
  FEMALE_NOUNS,
  FIRST_PERSON,
  MALE_NOUNS,
  ORG_WORDS,
  PRONOUNS,
  TITLES,
  WEAK_VERBS,
} from './lexicon/index';
import {
  ADVERB_ENDING,
  ENGLISH_DETERMINERS,
  endsNameAt,
  genderOf,
  HONORIFICS,
  INDEFINITE,
  inCapitals,
  isAuxiliary,
  isDescriptor,
  isDescStop,
  isDeterminer,
  isFirstName,
  isInitial,
  isLink,
  isNameWord,
  isOfficeWord,
  isOrgWord,
  isPossessive,
  isPronounWord,
  isRankOrdinal,
  isRoleWord,
  isSpeechVerbToken,
  isSpeechVerbWord,
  isStopCap,
  isTitle,
  joinTokens,
  LINKS,
  LOWER_WORD_RE,
  modalOrMonthAsFirstName,
  nicknameEnd,
  nicknameStart,
  opensPlaceName,
  PARTICLES,
  PRE_NAME_ADJECTIVES,
  PREPOSITIONS,
  SUBJECT_CONTRACTION,
  TIME_WORDS,
  titleCaseAt,
} from './mention-words';
import { afterEndedQuote, endsSentence, opensSentence, type Token } from './tokens';
import { spaceSplitLength } from './words';

// the word tests other passes ask too, through the mention reader as before
export {
  DESC_STOP,
  DETERMINERS,
  INDEFINITE,
  isAllCaps,
  isAuxiliary,
  isDeterminer,
  isNameWord,
  isPossessive,
  isRoleWord,
  isSpeechVerbToken,
  isSpeechVerbWord,
  isStopCap,
  joinTokens,
  LINKS,
  modalOrMonthAsFirstName,
  nicknameEnd,
  PARTICLES,
  PREPOSITIONS,
} from './mention-words';

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

/**
 * A mention with every field present, in one order (the unset ones undefined): then all
 * mentions share one hidden class. With an object literal per reader there were ten, and the
 * loads of m.kind, m.from, m.to in the candidate code went megamorphic (V8's IC log). Built
 * through the three makers below, by kind; the fields are plain arguments, not an object of
 * options, whose shapes would differ from one maker to the next in turn.
 */
function mention(
  kind: MentionKind,
  from: number,
  to: number,
  text: string,
  name: string | undefined,
  role: string | undefined,
  gender: string | undefined,
  org: boolean | undefined,
): Mention {
  return { kind, from, to, text, name, role, gender, org };
}

export const nameMention = (
  from: number,
  to: number,
  text: string,
  name: string | undefined,
  role?: string,
  gender?: string,
  org?: boolean,
): Mention => mention('name', from, to, text, name, role, gender, org);

export const pronounMention = (from: number, to: number, text: string, gender: string) =>
  mention('pronoun', from, to, text, undefined, undefined, gender, undefined);

/** A role ("the MP") or a description ("a spokesperson for the city zoo"). */
export const roleMention = (
  kind: 'role' | 'description',
  from: number,
  to: number,
  text: string,
  role: string | undefined,
  gender?: string,
  org?: boolean,
): Mention => mention(kind, from, to, text, undefined, role, gender, org);

/** A copy of `m`, of the one shape. */
export const copyMention = (m: Mention): Mention =>
  mention(m.kind, m.from, m.to, m.text, m.name, m.role, m.gender, m.org);

/** Split a run of capitalised tokens into its title/role part and its name part. */
function splitName(text: string, tokens: Token[], from: number, to: number): Mention | null {
  let k = to - 1;
  // an organisation keeps its role-like words: "Farmers Union", "Transport Workers Council"
  const orgRun = tokens.slice(from, to).some((t) => isOrgWord(t));
  // the name: trailing run of name words, initials and particles (not titles)
  while (k >= from) {
    const t = tokens[k] as Token;
    const nick = nicknameStart(tokens, k);
    if (nick >= from) {
      k = nick;
      continue;
    }
    // a role word that is also a first name ("Bill", "Chase") starts the name when a surname follows
    const firstName = isFirstName(t);
    // "Jeffrey M. Jones": between two names "M." is an initial, not the French title
    const middleInitial = isInitial(t) && k > from && isNameWord(tokens[k - 1]);
    if (
      ((isTitle(t) && !middleInitial) ||
        isDescriptor(t) ||
        (isRoleWord(t) && !orgRun && !firstName)) &&
      k < to - 1
    )
      break;
    if (
      isNameWord(t) ||
      modalOrMonthAsFirstName(tokens, k) ||
      (k === to - 1 && endsNameAt(tokens, k)) ||
      (k === to - 1 && t.cap && PARTICLES.has(tokens[k - 1]?.lo ?? '')) ||
      isInitial(t) ||
      (k < to - 1 && opensPlaceName(t, tokens[k + 1])) ||
      (PARTICLES.has(t.lo) && k > from && k < to - 1) ||
      (orgRun && (t.lo === 'and' || t.w === '&') && k > from && k < to - 1)
    ) {
      k--;
      continue;
    }
    break;
  }
  let nameFrom = k + 1;
  if (nameFrom >= to) return null;
  // "Paris-based" alone describes someone; it names no one
  if (to - nameFrom === 1 && isDescriptor(tokens[nameFrom])) return null;
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
  // after an honorific only an English role is a role ("Mr. President"); another language's
  // role word there is a surname ("Mr. Autor")
  const honoured = HONORIFICS.has(tokens[nameFrom - 1]?.lo ?? '');
  const allRole = nameToks.every(
    (t) => isTitle(t) || (isRoleWord(t) && (!honoured || ENGLISH_ROLES.has(t.lo))),
  );
  const org = nameToks.some((t) => isOrgWord(t));
  // "The Transport Minister": a run that ends in a title or role word names a role, not a person
  const lastTok = tokens[to - 1] as Token;
  const definite = /^(?:the|le|la|el|der|die|das)$/.test(tokens[from - 1]?.lo ?? '');
  const endsInRole = definite && isOfficeWord(lastTok) && !isNameWord(tokens[to]);
  if ((allRole || endsInRole) && !org) {
    // "The Transport Minister": a role in capitals, not a name.
    const words = joinTokens(text, tokens, from, to);
    return roleMention('role', from, to, words, words);
  }
  if (isInitial(last)) return null;
  // an honorific (Mr, Dr, Mme) is not a role
  // neither is a descriptor: "Amazon-owned Whole Foods Market" is no one's role, no person
  const before = tokens.slice(from, nameFrom);
  const honorific = before.every((t) => HONORIFICS.has(t.lo) || isDescriptor(t));
  const role = nameFrom > from && !honorific ? joinTokens(text, tokens, from, nameFrom) : undefined;
  const name = joinTokens(text, tokens, nameFrom, to)
    .replace(/\s+\.$/, '')
    .replace(/['’]s$/, '');
  const gender = genderOf([
    ...tokens.slice(from, nameFrom).filter((t) => TITLES.has(t.lo) || isTitle(t)),
    ...nameToks,
  ]);
  return nameMention(from, to, joinTokens(text, tokens, from, to), name, role, gender, org);
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
    return pronounMention(i, i + 1, t.w, pg);
  }
  if (t.cap && (!isStopCap(t) || endsNameAt(tokens, i))) {
    let k = i;
    let ofOrg = false;
    let sawAnd = false;
    while (k - 1 >= floor) {
      const p = tokens[k - 1] as Token;
      if (isPossessive(p)) break;
      // "Department of Roads and Bridges": back over one "and" to the link of an organisation
      if (p.lo === 'and' && !sawAnd && andAfterOrgLink(tokens, k - 1, floor)) {
        k--;
        sawAnd = true;
        continue;
      }
      const nick = nicknameStart(tokens, k - 1);
      if (nick >= floor) {
        k = nick;
        continue;
      }
      if (
        (isNameWord(p) ||
          isInitial(p) ||
          isTitle(p) ||
          // "the First Lady", "the First Minister": one title of two words
          (p.lo === 'first' && p.cap && isTitle(tokens[k])) ||
          opensPlaceName(p, tokens[k]) ||
          (PARTICLES.has(p.lo) && isNameWord(tokens[k - 2]))) &&
        !verbOpener(tokens, k - 1)
      ) {
        k--;
        continue;
      }
      // "the Department of Energy", "the Church of the Nazarene": back over "of" to the org
      const of = p.lo === 'the' && tokens[k - 2]?.lo === 'of' ? k - 2 : k - 1;
      const o = tokens[of];
      if (
        o &&
        orgLink(o, tokens[of - 1]) &&
        of - 1 >= floor &&
        // "Bank of Arden CEO Brian Moyle": an office in the run makes it a person, read below
        !tokens.slice(k, i + 1).some(isOfficeWord) &&
        isOrgWord(tokens[of - 1]) &&
        isNameWord(tokens[of - 1])
      ) {
        k = of - 1;
        ofOrg = true;
        continue;
      }
      break;
    }
    if (ofOrg) {
      let from = k;
      // ("the Harbor Board's Committee on …": the owner is not part of the name)
      while (
        from - 1 >= floor &&
        isNameWord(tokens[from - 1]) &&
        !isTitle(tokens[from - 1]) &&
        !isPossessive(tokens[from - 1] as Token)
      )
        from--;
      const det = isDeterminer(tokens[from - 1]) ? from - 1 : from;
      return orgMention(text, tokens, det, from, i + 1);
    }
    // lowercase role words right before the name: "political analyst Hikmat Mammadov"
    let r = k;
    while (r - 1 >= floor && r > k - 4) {
      const p = tokens[r - 1] as Token;
      const atStart = r - 1 === floor || !tokens[r - 2]?.word;
      const adj =
        r < k &&
        isRoleWord(tokens[r]) &&
        !isDeterminer(p) &&
        !isAuxiliary(p) &&
        !isLink(p) &&
        !isStopCap(p);
      if (
        p.word &&
        ((!p.cap && (isRoleWord(p) || (adj && LOWER_WORD_RE.test(p.w)))) ||
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
      isOffice(tokens[k - 2])
    ) {
      r = k - 2;
      // "Deputy Secretary of Homeland Security Orla Brisk": the holder is read as the forward
      // reader reads it, not as one name of four words
      let o = k - 2;
      while (o - 1 >= floor && o > k - 4 && isOffice(tokens[o - 1])) o--;
      const holder = officeHolder(text, tokens, o, i + 1);
      if (holder?.to === i + 1) {
        holder.from = o;
        return holder;
      }
    }
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
    return describeBackward(text, tokens, roleMention('role', i, i + 1, t.w, t.w), floor);
  }
  // "a spokesperson for the city zoo": a role word, a link, then the words up to the verb
  // (ending in a noun: "the chair of the board authority to" ends on an infinitive's "to")
  if (PREPOSITIONS.has(t.lo) || t.lo === 'to') return null;
  for (let k = i - 1; k > floor && k >= i - 6; k--) {
    const p = tokens[k] as Token;
    if (!p.word || isDescStop(p)) break;
    // ("A study from the Harbor Institute examined this": a verb ends the description)
    if (pastAfterName(tokens, k)) break;
    if (isLink(p) && isRoleWord(tokens[k - 1])) {
      const head = describeBackward(text, tokens, roleMention('role', k - 1, k, '', ''), floor);
      return finishDescription(text, tokens, head.from, i + 1);
    }
  }
  return null;
}

/** Most words between a role's article and an "and" that joins a second role to it. */
const SHARED_ARTICLE_REACH = 4;

/** "The Green front-runner and …": plain words back from token `k` to an article. */
function sharesArticle(tokens: Token[], k: number, floor: number): boolean {
  for (let d = k; d >= floor && d > k - SHARED_ARTICLE_REACH; d--) {
    const t = tokens[d];
    if (!t?.word || isDescStop(t) || isAuxiliary(t) || isSpeechVerbWord(t)) return false;
    if (isDeterminer(t)) return d < k;
  }
  return false;
}

/** Grow a role mention leftwards to its determiner, and over "X for/of the Y" heads. */
function describeBackward(text: string, tokens: Token[], m: Mention, floor: number): Mention {
  let k = m.from;
  while (k - 1 >= floor && k > m.from - 6) {
    const p = tokens[k - 1] as Token;
    // "The Post and Courier newspaper": an "and" inside an organisation's name
    if (
      (p.lo === 'and' || p.w === '&') &&
      isNameWord(tokens[k - 2]) &&
      isNameWord(tokens[k]) &&
      tokens.slice(k - 2, m.to).some((t) => isOrgWord(t))
    ) {
      k--;
      continue;
    }
    // "the Green front-runner and former minister": two roles under one article are one person
    if (p.lo === 'and' && !isDeterminer(tokens[k]) && sharesArticle(tokens, k - 2, floor)) {
      k--;
      continue;
    }
    if (!p.word || isDescStop(p) || (isAuxiliary(p) && !isRoleWord(p))) break;
    if (isDeterminer(p)) {
      // "a spokesperson for the company": keep going over the link
      const link = tokens[k - 2];
      if (link && isLink(link) && isRoleWord(tokens[k - 3])) {
        k -= 2;
        continue;
      }
      k--;
      break;
    }
    if (isLink(p)) {
      if (isRoleWord(tokens[k - 2]) || tokens[k - 2]?.cap) {
        k--;
        continue;
      }
      break;
    }
    // ("a New Arden Post article": "New" opens the place's name, not a sentence)
    if (p.cap && isStopCap(p) && !opensPlaceName(p, tokens[k])) break;
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
  const org = tokens.slice(body, to).some((t) => isOrgWord(t) || DOCUMENT_WORDS.has(t.lo));
  const kind = indefinite ? 'description' : 'role';
  const gender = genderOf(tokens.slice(from, to));
  return roleMention(kind, from, to, joinTokens(text, tokens, from, to), words, gender, org);
}

/** Read a mention starting at token `start`, reading rightwards; null if none. */
export function readMentionForward(
  text: string,
  tokens: Token[],
  start: number,
  ceil: number,
): Mention | null {
  const t = tokens[start];
  if (!t || start >= ceil || !t.word) return null;
  // "He's also a 17-year employee": a subject pronoun with its verb joined on
  const pg = PRONOUNS.get(SUBJECT_CONTRACTION.exec(t.lo)?.[1] ?? t.lo);
  if (pg && !FIRST_PERSON.has(t.lo)) {
    const pronoun = pronounMention(start, start + 1, t.w, pg);
    // "said her cousin, Mara Lind": "her" owns the noun after it; the speaker is the cousin
    if (!ownsNextWord(t, tokens[start + 1])) return pronoun;
    return readOwnedMention(text, tokens, start, ceil) ?? pronoun;
  }
  return readOwnedMention(text, tokens, start, ceil);
}

/** "her" before a noun is a possessive ("her cousin"), not the object of a verb ("told her"). */
function ownsNextWord(t: Token, next: Token | undefined): boolean {
  if (t.lo !== 'her' || !next?.word) return false;
  if (next.cap) return isNameWord(next);
  return (
    !isAuxiliary(next) &&
    !isLink(next) &&
    !isDescStop(next) &&
    !isStopCap(next) &&
    !next.lo.endsWith('ly')
  );
}

/**
 * A capitalised verb opening a sentence before a name: "Replied Stephen", "Whispered Ana",
 * "Recovering, …" — fiction and features start sentences so; names do not start with verbs.
 */
function verbOpener(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t?.word || !t.cap || isFirstName(t)) return false;
  return (
    opensSentence(tokens, k) &&
    (isSpeechVerbWord(t) || (t.lo.length > 4 && (t.lo.endsWith('ed') || t.lo.endsWith('ing'))))
  );
}

/**
 * "The Post and Courier", "the Fish and Wildlife Service", "the Procter & Gamble company":
 * after a "the", an "and" or "&" inside one organisation's name, where a word of the run
 * after it heads an organisation's name. `n` is the "and".
 */
function joinsOrgName(tokens: Token[], n: number, ceil: number): boolean {
  const p = tokens[n] as Token;
  if (p.lo !== 'and' && p.w !== '&') return false;
  let j = n + 1;
  while (j < ceil && j < n + 5 && isNameWord(tokens[j])) j++;
  if (j === n + 1) return false;
  if (p.w === '&') return true;
  // the name's head comes last: an organisation word after the "and", or right after the name
  // ("the Post and Courier newspaper"); "the X Fund and Citizens for Y" are two
  const next = tokens[j];
  return (
    tokens.slice(n + 1, j).some((t) => isOrgWord(t)) ||
    (!!next?.word && !next.cap && (isOrgWord(next) || isRoleWord(next)))
  );
}

/**
 * "Pennsylvania Gov. and Party Chairman Ed Rendell": two offices of one person joined by "and"
 * (`n`), an abbreviated title before it and no honorific after ("Mr. King and Mr. Schultz").
 */
function twoOffices(tokens: Token[], n: number): boolean {
  const before = tokens[n - 1];
  const after = tokens[n + 1];
  return (
    !!before &&
    isTitle(before) &&
    before.w.endsWith('.') &&
    isNameWord(after) &&
    !HONORIFICS.has(after?.lo ?? '')
  );
}

/** An organisation named with "of": the whole run is its name ("Department of Energy"). */
function orgMention(
  text: string,
  tokens: Token[],
  from: number,
  nameFrom: number,
  to: number,
): Mention {
  const name = joinTokens(text, tokens, nameFrom, to);
  return nameMention(
    from,
    to,
    joinTokens(text, tokens, from, to),
    name,
    undefined,
    undefined,
    true,
  );
}

/**
 * "Union of Postal Workers President Lee Hart", "University of Tarn professor Ana Ruiz": the
 * person holding an office of an organisation named with "of", not the organisation's first
 * words. `from`–`to` is the name run read so far, ending before "of".
 */
function officerOf(
  text: string,
  tokens: Token[],
  from: number,
  to: number,
  ceil: number,
): Mention | null {
  const link = tokens[to]?.lo;
  if (link !== 'of' && link !== 'for') return null;
  if (!tokens.slice(from, to).some((t) => isOrgWord(t))) return null;
  let j = to + 1;
  if (tokens[j]?.lo === 'the') j++;
  const orgFrom = j;
  while (j < ceil && j < orgFrom + 6 && isNameWord(tokens[j]) && !isOfficeWord(tokens[j])) j++;
  if (j === orgFrom) return null;
  let r = j;
  while (r < ceil && r < j + 3 && isOfficeWord(tokens[r])) r++;
  if (r === j || !isNameWord(tokens[r]) || isOfficeWord(tokens[r])) return null;
  const inner = readMentionForward(text, tokens, r, ceil);
  if (inner?.kind !== 'name' || inner.org) return null;
  inner.role = joinTokens(text, tokens, from, r);
  return inner;
}

/** A capitalised title or role word: one word of an office's name. */
const isOffice = (t: Token | undefined) => !!t?.cap && isOfficeWord(t);

/**
 * "Secretary of State Jo Hale", "Chief of Staff Ana Ruiz": an office named with "of" before
 * its holder's name. The holder is the run's last two words, or from a known first name on.
 * `k` is the office's first word; null where the run is no such shape.
 */
function officeHolder(text: string, tokens: Token[], k: number, ceil: number): Mention | null {
  // "Deputy Secretary of …", "Acting Minister for …": an office of up to three words
  let o = k;
  while (o < k + 3 && isOffice(tokens[o])) o++;
  if (o === k) return null;
  const link = tokens[o]?.lo;
  if (link !== 'of' && link !== 'for') return null;
  let end = o + 1;
  while (end < ceil && end < o + 7 && isNameWord(tokens[end])) end++;
  // at least one word of the office's object and two of the name
  if (end - (o + 1) < 3) return null;
  let s = end - 2;
  for (let j = o + 2; j < end - 1; j++) {
    if (isFirstName(tokens[j])) {
      s = j;
      break;
    }
  }
  const holder = splitName(text, tokens, s, end);
  if (holder?.kind !== 'name' || holder.org) return null;
  holder.role = joinTokens(text, tokens, k, s);
  return holder;
}

/**
 * Does the name read from `k` go on over the "and" at `n`: the name's first "and", a word that
 * is no person's after it ("Guild of Millers and Bakers and Arden Farms" are two)?
 */
function andInOrgName(tokens: Token[], k: number, n: number): boolean {
  const t = tokens[n + 1];
  if (!isNameWord(t) || isTitle(t) || isFirstName(t)) return false;
  for (let j = k; j < n; j++) if (tokens[j]?.lo === 'and') return false;
  return true;
}

/**
 * The backward reading of andInOrgName: does the "and" at `a` follow an organisation's link
 * and the name words after it ("Department of Roads and")?
 */
function andAfterOrgLink(tokens: Token[], a: number, floor: number): boolean {
  let j = a;
  while (j - 1 >= floor && a - j < 4 && isNameWord(tokens[j - 1])) j--;
  const link = tokens[j - 1];
  return (
    j < a &&
    !!link &&
    orgLink(link, tokens[j - 2]) &&
    isOrgWord(tokens[j - 2]) &&
    andInOrgName(tokens, j, a)
  );
}

/** Bodies whose names go on with "on": "Committee on Foreign Relations". */
const ON_BODIES = new Set(['committee', 'subcommittee', 'commission']);

/**
 * A link inside an organisation's name after its kind word `kind`: "Department of Energy",
 * "Fund for Peace", "Committee on Foreign Relations" (but "the Harbor Council on Tuesday").
 */
export const orgLink = (t: Token, kind: Token | undefined): boolean =>
  t.lo === 'of' || t.lo === 'for' || (t.lo === 'on' && ON_BODIES.has(kind?.lo ?? ''));

/**
 * "the Harbor Institute examined this": a lowercase past tense right after a capitalised word,
 * a verb ("an aide involved in the talks": a participle before its preposition is not).
 */
const pastAfterName = (tokens: Token[], k: number): boolean => {
  const t = tokens[k];
  return (
    !!t?.word &&
    !t.cap &&
    !!tokens[k - 1]?.cap &&
    t.lo.endsWith('ed') &&
    !PREPOSITIONS.has(tokens[k + 1]?.lo ?? '')
  );
};

/** readMentionForward past its pronoun reading: a name, a role or a description. */
function readOwnedMention(
  text: string,
  tokens: Token[],
  start: number,
  ceil: number,
): Mention | null {
  let i = start;
  const t = tokens[i] as Token;
  const after = tokens[i + 1];
  // "CONGRESS HAS INVESTIGATED HIM —": a lead-in shouted in capitals, not a name
  const head = isDeterminer(t) ? i + 1 : i;
  const h0 = tokens[head];
  const h1 = tokens[head + 1];
  if (h0 && h1 && inCapitals(h0) && inCapitals(h1) && (isAuxiliary(h1) || isStopCap(h1)))
    return null;
  // "Following a late meeting, the council …": a sentence opening on a participle, not a name
  if (
    t.cap &&
    t.lo.endsWith('ing') &&
    (i === 0 || endsSentence(tokens[i - 1])) &&
    after?.word &&
    (isDeterminer(after) || isLink(after) || isPronounWord(after))
  )
    return null;
  const det = isDeterminer(t) ? i : -1;
  if (det >= 0) i++;
  // lowercase role words before a name: "shopkeeper Imran Sheikh", "the local MP"
  let k = i;
  while (k < ceil && k < i + 5) {
    const p = tokens[k] as Token;
    if (
      p.word &&
      !p.cap &&
      (!isStopCap(p) || PRE_NAME_ADJECTIVES.has(p.lo)) &&
      !isAuxiliary(p) &&
      !isDescStop(p) &&
      !isLink(p) &&
      // "tweets targeting former Miss …": a verb, not a role ("managing director" is one)
      !isIngVerb(p, tokens[k + 1])
    ) {
      k++;
      continue;
    }
    break;
  }
  const holder = officeHolder(text, tokens, k, ceil);
  if (holder) {
    holder.from = det >= 0 ? det : i;
    return holder;
  }
  // "Replied Stephen, …", "Whispered Ana": a verb opening the sentence is not the name's
  if (k === i && det < 0 && verbOpener(tokens, k) && isNameWord(tokens[k + 1])) {
    i++;
    k++;
  }
  let n = k;
  let ofOrg = false;
  while (n < ceil) {
    const p = tokens[n] as Token;
    // "Donald Trump Advises Boeing To Rebrand": in a Title Case line a first name and a
    // surname end the name; the capitalised words after them are the headline's
    if (
      n === k + 2 &&
      isFirstName(tokens[k]) &&
      !isFirstName(tokens[k + 1]) &&
      titleCaseAt(tokens, n)
    )
      break;
    // "Chris Christie Calls Hillary Clinton …", "Trump Says": in a headline a verb of saying
    // in capitals ends the name before it
    if (n >= k + 2 && p.cap && isHeadlineVerb(p)) break;
    const nick = n > k ? nicknameEnd(tokens, n) : -1;
    if (nick > 0 && nick < ceil) {
      n = nick;
      continue;
    }
    if (n > k && orgLink(p, tokens[n - 1] as Token) && isOrgWord(tokens[n - 1])) {
      // "Department of Energy", "Bank of Arden": an organisation named with "of" — or its
      // officer: "Union of Postal Workers President Lee Hart"
      const officer = officerOf(text, tokens, k, n, ceil);
      if (officer) {
        officer.from = det >= 0 ? det : i;
        return officer;
      }
      const j = tokens[n + 1]?.lo === 'the' ? n + 2 : n + 1;
      if (j < ceil && isNameWord(tokens[j]) && !isTitle(tokens[j])) {
        n = j;
        ofOrg = true;
        continue;
      }
    }
    if (
      isNameWord(p) ||
      (n === k && modalOrMonthAsFirstName(tokens, n)) ||
      (n > k && endsNameAt(tokens, n)) ||
      isInitial(p) ||
      isTitle(p) ||
      (p.lo === 'first' && p.cap && isTitle(tokens[n + 1])) ||
      opensPlaceName(p, tokens[n + 1]) ||
      (n > k && isRankOrdinal(p, tokens[n + 1])) ||
      // "Pennsylvania Gov. and Party Chairman Ed Rendell": two offices of one person
      (p.lo === 'and' && n > k && twoOffices(tokens, n)) ||
      (n > k && (det >= 0 || tokens[k - 1]?.lo === 'the') && joinsOrgName(tokens, n, ceil)) ||
      // "Department of Health and Human Services", "Committee on Ways and Means": past its link
      // an organisation's name goes on over "and"
      (ofOrg && p.lo === 'and' && andInOrgName(tokens, k, n)) ||
      // "Pierre de Vos", "Mr. de Vos": after a particle a capitalised word is a surname, even
      // one that is a word elsewhere ("vos")
      (PARTICLES.has(p.lo) &&
        (n > k || isTitle(tokens[k - 1])) &&
        (isNameWord(tokens[n + 1]) || !!tokens[n + 1]?.cap)) ||
      (n > k && p.cap && PARTICLES.has(tokens[n - 1]?.lo ?? '')) ||
      // "Human Rights Watch", "Judicial Watch President Tom Fitton": an organisation's last word
      (n > k && p.cap && isOrgWord(p) && isNameWord(tokens[n - 1]))
    ) {
      n++;
      if (isPossessive(p)) {
        // "NBC's Dante Chinni", "the Labour Party's Ann Ruiz": a possessive first word, or an
        // organisation, is the person's outlet or employer
        const employer =
          n - 1 === k || tokens.slice(k, n).some((x) => ORG_WORDS.has(x.lo.replace(/['’]s$/, '')));
        if (employer && isNameWord(tokens[n]) && isNameWord(tokens[n + 1])) {
          const inner = readMentionForward(text, tokens, n, ceil);
          if (inner?.kind === 'name' && !inner.org) {
            inner.role ??= joinTokens(text, tokens, k, n).replace(/['’]s$/, '');
            inner.from = det >= 0 ? det : i;
            return inner;
          }
        }
        // "Ruiz's deputy campaign manager": the possessor's role-holder, not the possessor
        let r = n;
        while (r < ceil && r < n + 5 && isPlainWord(tokens[r]) && !isIngVerb(tokens[r] as Token))
          r++;
        if (r > n && isRoleWord(tokens[r - 1]) && !tokens[r]?.cap)
          return extendDescription(text, tokens, det >= 0 ? det : i, r, ceil);
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
        !isAuxiliary(tokens[r]) &&
        !isDescStop(tokens[r]) &&
        !isLink(tokens[r]) &&
        !isDeterminer(tokens[r]) &&
        // "an Iranian journalist visiting Nice": a participle opens a phrase of its own
        !(roles > 0 && isIngVerb(tokens[r] as Token, tokens[r + 1]))) ||
      (tokens[r]?.lo === 'and' && roles > 0)
    ) {
      if (isRoleWord(tokens[r])) roles++;
      r++;
    }
    // "Blaze co-host Stu Burk", "Ohio realtor Shaun Lee": a word shaped like a role noun, not
    // in the lexicon, counts before a full name
    const guessed =
      roles === 0 &&
      r > n &&
      looksLikeRoleNoun(tokens[r - 1] as Token) &&
      !tokens.slice(n, r).some((x) => isSpeechVerbWord(x) || /ed$/.test(x.lo));
    if (
      r > n &&
      (roles > 0 || guessed) &&
      (isRoleWord(tokens[r - 1]) || guessed) &&
      (isNameWord(tokens[r]) || modalOrMonthAsFirstName(tokens, r)) &&
      !isInitial(tokens[r] as Token)
    ) {
      const inner = readMentionForward(text, tokens, r, ceil);
      const full = !!inner?.name && spaceSplitLength(inner.name) >= 2 && !inner.org;
      if (inner && inner.kind === 'name' && (!guessed || full)) {
        inner.role = joinTokens(text, tokens, i, r);
        inner.from = det >= 0 ? det : i;
        return inner;
      }
    }
    if (
      roles > 0 &&
      isRoleWord(tokens[r - 1]) &&
      !tokens[r]?.cap &&
      (det >= 0 || k > i) &&
      !ofOrg
    ) {
      // "the presumptive GOP mayoral nominee": a name modifying a role that names no one
      // after it; the phrase describes someone (an apposition may name them)
      return extendDescription(text, tokens, det >= 0 ? det : i, r, ceil);
    }
    if (ofOrg) return orgMention(text, tokens, det >= 0 ? det : i, k, n);
    const m = splitName(text, tokens, k, n);
    if (m && m.kind === 'name') {
      if (k > i)
        m.role = m.role
          ? `${joinTokens(text, tokens, i, k)} ${m.role}`
          : joinTokens(text, tokens, i, k);
      m.from = det >= 0 ? det : i;
      return m;
    }
    // "a speech Mrs." cut off before the name: an honorific alone is no one's role
    if (m?.kind === 'role' && tokens.slice(k, n).every((t) => HONORIFICS.has(t.lo))) return null;
    if (m && m.kind === 'role') return extendDescription(text, tokens, det >= 0 ? det : i, n, ceil);
  }
  // a role or description: "the MP", "a spokesperson for the regional bus company"
  // (""…" without reporters asking": a phrase opened by a preposition names no one)
  if (PREPOSITIONS.has(tokens[i]?.lo ?? '')) return null;
  let r = i;
  let sawRole = false;
  while (r < ceil && r < i + 5) {
    const p = tokens[r] as Token;
    if (!p.word || isDescStop(p) || isLink(p)) break;
    // "four hours after the police": a second determiner or a word of time starts another
    // phrase; the role is not this one's
    if (r > i && (isDeterminer(p) || TIME_WORDS.has(p.lo))) break;
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
  // "a statement from the Harbor Authority", "a letter by its lawyers": a document's author
  const authored =
    (link?.lo === 'from' || link?.lo === 'by') &&
    DOCUMENT_WORDS.has((tokens[to - 1]?.lo ?? '').replace(/s$/, ''));
  if (
    link &&
    (link.lo === 'for' || link.lo === 'of' || link.lo === 'at' || link.lo === 'in' || authored) &&
    e + 1 < ceil
  ) {
    // "deputy head of bridges and tunnels for the county council": up to a comma or a verb
    let k = e + 1;
    while (k < ceil && k < e + 12) {
      const p = tokens[k] as Token;
      if (p.lo === 'and' && tokens[k + 1]?.word && !isSpeechVerbWord(tokens[k + 1])) {
        k++;
        continue;
      }
      if (
        !p.word ||
        isDescStop(p) ||
        isAuxiliary(p) ||
        // a verb of saying ends it, unless a link shows it is a noun ("primary state of X")
        (!p.cap && isSpeechVerbWord(p) && !isLink(tokens[k + 1])) ||
        // so does a verb before "to" after a name: "lawyers for Hale seemed to", "declined to"
        (!p.cap && tokens[k - 1]?.cap && tokens[k + 1]?.lo === 'to')
      )
        break;
      k++;
    }
    if (k > e + 1) e = k;
  }
  return finishDescription(text, tokens, from, e);
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
    let roles = true;
    while (p > stop && tokens[p]?.word && !tokens[p]?.cap) {
      if (!isRoleWord(tokens[p])) roles = false;
      p--;
    }
    // "Former Pennsylvania governor Ed Rendell": so do the capitalised words before a role
    if (roles) for (let caps = 0; caps < 2 && tokens[p]?.word && tokens[p]?.cap; caps++) p--;
  }
  const opener = tokens[p];
  if (opener?.word && opener.cap && isStopCap(opener)) p--;
  // (or after a quote that ended its own sentence: "…read “15%!” Her father, Brad, worried")
  const ended = (q: number) => q < 0 || endsSentence(tokens[q]) || afterEndedQuote(tokens, q + 1);
  if (ended(p)) return true;
  if (sourceBefore(tokens, p)) return true;
  // "As for Tom Hale, he …": the topic the sentence then speaks of
  if (
    (tokens[p]?.lo === 'for' || tokens[p]?.lo === 'to') &&
    tokens[p - 1]?.lo === 'as' &&
    (p - 2 < 0 || endsSentence(tokens[p - 2])) &&
    tokens[to]?.w === ','
  )
    return true;
  if (tokens[p]?.w === ',') {
    // after an opening phrase: "In a statement on Tuesday, the nominee Jo Hale was …", "The
    // day before, at a rally in Beaumont, Tex., Mr. Hale was …"
    let q = p - 1;
    while (q >= 0 && p - q < 24 && (tokens[q]?.word || tokens[q]?.w === ',')) q--;
    const first = tokens[q + 1];
    if (q < p - 1 && ended(q) && first?.cap && isStopCap(first)) return true;
  }
  return saysNext(tokens, to);
}

/**
 * "…, according to a post from Ana Ruiz. "…," she wrote.": the source a sentence cites speaks
 * in it, as its subject would. `p` is the token before the mention.
 */
function sourceBefore(tokens: Token[], p: number): boolean {
  if (tokens[p]?.lo === 'to' && tokens[p - 1]?.lo === 'according') return true;
  if (tokens[p]?.lo !== 'from') return false;
  // "a post from Ana Ruiz" ("a decision by" names who decided, not who spoke)
  return DOCUMENT_WORDS.has(tokens[p - 1]?.lo ?? '');
}

/** Does a verb of saying follow a mention ending at `to`, past a party tag or an apposition? */
export function saysNext(tokens: Token[], to: number): boolean {
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
  !isDeterminer(t) &&
  !isDescStop(t) &&
  !isLink(t) &&
  !isAuxiliary(t) &&
  !isSpeechVerbWord(t);

/**
 * The gender a role's head noun says: "his son", "the widow of the senator", "party
 * chairwoman". Only the head: "a friend of her son" says nothing of the friend.
 */
export function roleGender(role: string): string | undefined {
  const words = role.toLowerCase().split(/\s+/);
  const cut = words.findIndex((w, i) => i > 0 && LINKS.has(w));
  const head = (cut > 0 ? words[cut - 1] : words[words.length - 1]) ?? '';
  if (FEMALE_NOUNS.has(head)) return 'f';
  if (MALE_NOUNS.has(head)) return 'm';
  return undefined;
}

/** "Says", "Calls", "Warned": a verb of saying as a headline writes it (not "Post", "Report"). */
const isHeadlineVerb = (t: Token) =>
  /(?:s|ed)$/.test(t.lo) &&
  (isSpeechVerbWord(t) || WEAK_VERBS.has(t.lo)) &&
  !isOrgWord(t) &&
  !ORG_WORDS.has(t.lo.replace(/s$/, ''));

/** A lowercase noun ending the way role nouns end: realtor, co-host, pollster, firefighter. */
const ROLE_NOUN_ENDING = /(?:er|or|ist|ian|ee|host|man|woman|person)$/;
/** Comparatives end so too: "older", "bigger", "earlier". */
const COMPARATIVE = /(?:ier|([bdgmnpt])\1er)$/;
/** Words shaped like role nouns that are not: links, comparatives, verbs before an object. */
const NOT_ROLE_NOUNS = new Set(
  (
    'after under over other another whether either neither rather together however whoever ' +
    'never later sooner longer older younger larger greater higher lower newer fewer further ' +
    'farther remember consider deliver discover wonder offer suffer enter gather register ' +
    'cover order alter counter refer prefer transfer confer differ render foster power ' +
    'empower usher monitor honor honour favor favour mirror'
  ).split(' '),
);
function looksLikeRoleNoun(t: Token): boolean {
  const last = t.lo.slice(t.lo.lastIndexOf('-') + 1);
  return (
    t.word &&
    !t.cap &&
    last.length >= 4 &&
    t.lo.length >= 5 &&
    ROLE_NOUN_ENDING.test(last) &&
    !COMPARATIVE.test(last) &&
    !NOT_ROLE_NOUNS.has(last) &&
    !isSpeechVerbWord(t) &&
    !ADVERB_ENDING.test(t.lo)
  );
}

/**
 * The head noun of a role or description read from `from` to `to`: the last word before
 * "of/for/at …" ("party elder", "head of sales", "a spokeswoman for the company").
 */
export function headOf(tokens: Token[], from: number, to: number): Token | undefined {
  let h = isDeterminer(tokens[from] as Token) ? from + 1 : from;
  while (h + 1 < to && !LINKS.has(tokens[h + 1]?.lo ?? '')) h++;
  return tokens[h];
}

/** Gives a name mention its role in apposition, where it has none, and the gender that role says. */
export function addAppositiveRole(text: string, tokens: Token[], m: Mention): void {
  if (!m.role) m.role = appositiveRole(text, tokens, m);
  if (!m.gender && m.role) m.gender = roleGender(m.role);
}

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
    // ("The committee chair, Halima Brennan,": a body's word inside, a person's role at the head)
    if (r && r.kind === 'role' && (!r.org || isRoleWord(tokens[r.to - 1]))) return r.role;
  }
  if (tokens[m.to]?.w === ',') {
    // "Patrick Hale, vice president of planning for the utility, said"
    const r = readMentionForward(text, tokens, m.to + 1, Math.min(tokens.length, m.to + 14));
    const head = r ? (headOf(tokens, r.from, r.to)?.lo ?? '') : '';
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

export { extendDescription, finishDescription };
