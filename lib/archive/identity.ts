/**
 * Who is who across articles: reads a speaker's name as printed ("Russian President Vladimir
 * Putin", "V. Putin", "Mrs Clinton's") into its parts, and decides, conservatively, whether it
 * names a person already in the archive. Pure: no storage, no browser.
 *
 * The rules, in order (a wrong merge mixes two people's words, so thin evidence keeps apart):
 * 1. the reader's own choice (a pin from a merge or a split) wins;
 * 2. a full name (given name + surname) joins the one person with that given name and surname
 *    (middle initials must agree where both have them); a nickname ("Bill" / "William") or an
 *    entry so far known by surname or initial only joins when exactly one person fits;
 * 3. an initial ("V. Putin") joins when exactly one person with that surname has a given name
 *    starting with that letter;
 * 4. a surname alone ("Putin", "Mr Putin") joins when exactly one person fits (titles' gender
 *    narrows: "Mrs Clinton" never joins a Bill); otherwise it stays an entry of its own.
 * Organisations join on their exact name only.
 */
import {
  FEMALE_NAMES,
  FEMALE_TITLES,
  MALE_NAMES,
  MALE_TITLES,
  ROLES,
  TITLES,
} from '../quotes/lexicon/index';

/** Words that may follow a role inside a title ("Secretary of State", "Foreign Minister"). */
const ROLE_WORDS = new Set([
  'former',
  'acting',
  'interim',
  'state',
  'defense',
  'defence',
  'foreign',
  'affairs',
  'interior',
  'finance',
  'treasury',
  'health',
  'energy',
  'commerce',
  'labor',
  'labour',
  'education',
  'homeland',
  'security',
  'house',
  'senate',
  'prime',
  'vice',
  'crown',
  'supreme',
  'white',
  'u.s.',
  'us',
  'u.k.',
  'uk',
  'un',
  'eu',
  'nato',
  'russian',
  'american',
  'british',
  'french',
  'german',
  'chinese',
  'ukrainian',
  'israeli',
  'iranian',
  'indian',
  'democratic',
  'republican',
  'labour',
  'conservative',
]);
/** Lower-case words that belong inside a name ("Ursula von der Leyen", "Mohammed bin Salman"). */
const PARTICLES = new Set([
  'de',
  'da',
  'del',
  'della',
  'di',
  'du',
  'dos',
  'das',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'ten',
  'bin',
  'ibn',
  'al',
  'el',
  'la',
  'le',
  'y',
]);
/** Title words that say nothing about which of two namesakes is meant. */
const GENERIC_ROLE_WORDS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'former', 'the', 'of', 'sir']);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'qc', 'kc', 'mp']);
/** Common short forms of given names (a nickname joins only when one person fits). */
const NICKNAMES: Record<string, string> = {
  bill: 'william',
  will: 'william',
  bob: 'robert',
  rob: 'robert',
  jim: 'james',
  jimmy: 'james',
  joe: 'joseph',
  mike: 'michael',
  tom: 'thomas',
  dick: 'richard',
  rick: 'richard',
  ted: 'edward',
  ed: 'edward',
  tony: 'anthony',
  chris: 'christopher',
  dan: 'daniel',
  dave: 'david',
  steve: 'stephen',
  alex: 'alexander',
  liz: 'elizabeth',
  beth: 'elizabeth',
  kate: 'katherine',
  kathy: 'katherine',
  sam: 'samuel',
  ben: 'benjamin',
  bibi: 'benjamin',
  nick: 'nicholas',
  matt: 'matthew',
  pat: 'patrick',
  andy: 'andrew',
  jeb: 'john',
};

export type NameKind = 'person' | 'organisation' | 'description';

/** A name read into its parts. Keys are folded (lower case, no accents). */
export interface NameParts {
  kind: 'person' | 'organisation';
  /** The name as it should be shown, titles and roles removed ("Vladimir Putin"). */
  display: string;
  /** Folded words of the name, e.g. "vladimir putin"; what pins and aliases are keyed on. */
  key: string;
  /** Folded given name, or null ("Putin", "V. Putin"). */
  given: string | null;
  /** Folded first letter of the given name (also from an initial), or null. */
  initial: string | null;
  /** Folded middle initials ("George W. Bush" → ["w"]). */
  middles: string[];
  /** Folded surname with its particles ("von der leyen"); organisations: the key. */
  surname: string;
  /** From a title: "Mrs Clinton" is female, "Mr Putin" male. */
  gender: 'f' | 'm' | null;
  /** Folded role words before the name ("Secretary Clinton" → ["secretary"]). */
  roles: string[];
}

/** Lower case, accents off, typographic apostrophes straight. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘`´]/g, "'")
    .toLowerCase();
}

const bare = (token: string) => fold(token).replace(/\.$/, '');
const isInitial = (token: string) => /^(\p{Lu}\.)+$|^\p{Lu}$/u.test(token);
const isCapitalised = (token: string) => /^\p{Lu}/u.test(token);

function isRoleish(token: string): boolean {
  // "M. Kowalczyk": a capital and a dot is an initial here, even where French reads "Monsieur".
  if (isInitial(token)) return false;
  const t = fold(token);
  const b = t.replace(/\.$/, '');
  // "Bill Clinton": a known given name is a name even where it is also a noun.
  if (isCapitalised(token) && (MALE_NAMES.has(b) || FEMALE_NAMES.has(b)) && !TITLES.has(b)) {
    return false;
  }
  if (TITLES.has(t) || TITLES.has(b) || ROLES.has(b) || ROLE_WORDS.has(t) || ROLE_WORDS.has(b)) {
    return true;
  }
  // Lower-case words are the description around a name ("the", "of", "chief"), not the name.
  return !isCapitalised(token) && !PARTICLES.has(b) && !isInitial(token);
}

function titleGender(tokens: string[]): 'f' | 'm' | null {
  for (const t of tokens) {
    if (isInitial(t)) continue;
    const b = bare(t);
    if (FEMALE_TITLES.has(b) || FEMALE_TITLES.has(`${b}.`)) return 'f';
    if (MALE_TITLES.has(b) || MALE_TITLES.has(`${b}.`)) return 'm';
  }
  return null;
}

/**
 * Reads a speaker name. Returns null for what names no one ("the president", "officials",
 * empty). `kind` is the engine's SpeakerKind; descriptions are never archived as people.
 */
export function parseName(raw: string, kind: NameKind = 'person'): NameParts | null {
  if (kind === 'description') return null;
  // "Vladimir Putin, Russia's president" / "Putin (Kremlin)": the name comes first.
  let text = raw.replace(/\s*[,(;–—].*$/s, '').trim();
  // Possessives: "Putin's", "Paris’".
  text = text.replace(/['’]s?\b/gu, (m, offset: number) =>
    offset + m.length === text.length || /\s/.test(text[offset + m.length] ?? '') ? '' : m,
  );
  if (kind === 'organisation') {
    const key = fold(text)
      .replace(/^the\s+/, '')
      .replace(/[^\p{L}\p{N}&]+/gu, ' ')
      .trim();
    if (!key) return null;
    return {
      kind: 'organisation',
      display: text.replace(/^the\s+/i, ''),
      key,
      given: null,
      initial: null,
      middles: [],
      surname: key,
      gender: null,
      roles: [],
    };
  }
  // "H.Mammadov" → "H. Mammadov"; "J.R.R. Tolkien" keeps its run of initials together.
  text = text.replace(/(\p{Lu}\.)(?=\p{Lu}\p{Ll})/gu, '$1 ');
  let tokens = text.split(/\s+/).filter(Boolean);
  const gender = titleGender(tokens);
  while (tokens.length > 0 && SUFFIXES.has(bare(tokens[tokens.length - 1] as string))) tokens.pop();
  // Titles and roles lead the name; the name is what follows the last of them. A role word
  // at the very end is part of the name ("Martin Luther King"), never cut.
  let cut = 0;
  for (let i = 0; i < tokens.length - 1; i++) {
    const t = tokens[i] as string;
    if (isRoleish(t)) cut = i + 1;
    else if (isCapitalised(t) && !isInitial(t) && !isRoleish(tokens[i + 1] as string)) {
      break;
    }
  }
  const roles = tokens
    .slice(0, cut)
    .map(bare)
    .filter((t) => !GENERIC_ROLE_WORDS.has(t) && (ROLES.has(t) || TITLES.has(t)));
  tokens = tokens.slice(cut);
  if (tokens.length === 0 || tokens.every(isRoleish)) return null;
  if (tokens.length === 1 && isRoleish(tokens[0] as string)) return null;
  // Surname: the last word with the particles before it ("von der Leyen", "bin Salman").
  let s = tokens.length - 1;
  while (s > 0 && PARTICLES.has(bare(tokens[s - 1] as string))) s--;
  const surnameTokens = tokens.slice(s);
  const front = tokens.slice(0, s);
  let given: string | null = null;
  let initial: string | null = null;
  const middles: string[] = [];
  for (const [i, t] of front.entries()) {
    const letters = isInitial(t) ? [...fold(t).replace(/\./g, '')] : null;
    if (i === 0) {
      if (letters) {
        initial = letters[0] ?? null;
        middles.push(...letters.slice(1));
      } else {
        given = bare(t);
        initial = given[0] ?? null;
      }
    } else if (letters) {
      middles.push(...letters);
    } else {
      middles.push(bare(t)[0] ?? '');
    }
  }
  const surname = surnameTokens.map(bare).join(' ');
  if (!/\p{L}/u.test(surname)) return null;
  const display = tokens.join(' ');
  return {
    kind: 'person',
    display,
    key: tokens.map(bare).join(' '),
    given,
    initial,
    middles,
    surname,
    gender,
    roles,
  };
}

/** What the decision needs to know of a person already in the archive. */
export interface PersonRef {
  id: string;
  kind: 'person' | 'organisation';
  given: string | null;
  initial: string | null;
  middles: string[];
  surname: string;
  /** Every key this person was named by (and aliases the engine tied to them in an article). */
  keys: string[];
  /** Role words seen before their name ("secretary", "president"). */
  roles: string[];
}

export type Decision = { join: string; why: string } | { create: true; why: string };

function genderOf(p: PersonRef): 'f' | 'm' | null {
  if (!p.given) return null;
  if (FEMALE_NAMES.has(p.given)) return 'f';
  if (MALE_NAMES.has(p.given)) return 'm';
  return null;
}

const formal = (given: string) => NICKNAMES[given] ?? given;

function middlesAgree(a: string[], b: string[]): boolean {
  if (a.length === 0 || b.length === 0) return true;
  return a.length === b.length && a.every((m, i) => m === b[i]);
}

/**
 * Same person or a new entry. `candidates` may be any superset of the people who could be
 * meant (the store passes those sharing the surname or a key); `pins` maps a name key to the
 * person the reader put it under.
 */
export function decide(
  name: NameParts,
  candidates: readonly PersonRef[],
  pins: ReadonlyMap<string, string> = new Map(),
): Decision {
  const pinned = pins.get(pinKey(name));
  if (pinned && candidates.some((c) => c.id === pinned)) return { join: pinned, why: 'pinned' };
  const sameKind = candidates.filter((c) => c.kind === name.kind);
  if (name.kind === 'organisation') {
    const hit = sameKind.find((c) => c.keys.includes(name.key));
    return hit
      ? { join: hit.id, why: 'same organisation' }
      : { create: true, why: 'new organisation' };
  }
  const people = sameKind;
  const bySurname = people.filter((c) => c.surname === name.surname);
  const genderOk = (c: PersonRef) => !name.gender || !genderOf(c) || genderOf(c) === name.gender;

  if (name.given) {
    const given = name.given;
    const exact = bySurname.filter(
      (c) => c.given === given && middlesAgree(c.middles, name.middles),
    );
    if (exact.length === 1) return { join: (exact[0] as PersonRef).id, why: 'same full name' };
    if (exact.length > 1) {
      // "George Bush" with two George Bushes known: the entry of that very form, else apart.
      const same = exact.find((c) => c.keys.includes(name.key) && c.middles.length === 0);
      return same
        ? { join: same.id, why: 'same ambiguous form' }
        : { create: true, why: 'ambiguous' };
    }
    // A nickname of exactly one person ("Bill" / "William Clinton")…
    const nick = bySurname.filter(
      (c) =>
        c.given &&
        c.given !== given &&
        formal(c.given) === formal(given) &&
        genderOk(c) &&
        middlesAgree(c.middles, name.middles),
    );
    if (nick.length === 1) return { join: (nick[0] as PersonRef).id, why: 'nickname fits one' };
    if (nick.length > 1) return { create: true, why: 'ambiguous' };
    // …or the entry so far known only by surname or initial, when no one else has the surname.
    const partial = bySurname.filter(
      (c) => !c.given && (!c.initial || c.initial === name.initial) && genderOk(c),
    );
    const otherGiven = bySurname.some((c) => c.given);
    if (partial.length === 1 && !otherGiven)
      return { join: (partial[0] as PersonRef).id, why: 'fills in a name' };
    return { create: true, why: partial.length > 1 || otherGiven ? 'ambiguous' : 'new person' };
  }
  if (name.initial) {
    const fits = bySurname.filter(
      (c) => c.initial === name.initial && middlesAgree(c.middles, name.middles) && genderOk(c),
    );
    const named = fits.filter((c) => c.given);
    if (named.length === 1) return { join: (named[0] as PersonRef).id, why: 'initial fits one' };
    if (named.length === 0 && fits.length === 1)
      return { join: (fits[0] as PersonRef).id, why: 'same initial' };
    const same = fits.find((c) => !c.given && c.keys.includes(name.key));
    return same
      ? { join: same.id, why: 'same ambiguous form' }
      : { create: true, why: 'ambiguous' };
  }
  // A single word: a surname, or an alias the engine tied to someone ("Xi" of "Xi Jinping").
  const fits = people.filter(
    (c) => genderOk(c) && (c.surname === name.surname || c.keys.includes(name.key)),
  );
  const named = fits.filter((c) => c.given || c.initial);
  if (named.length === 1) return { join: (named[0] as PersonRef).id, why: 'surname fits one' };
  // "Secretary Clinton": the one namesake seen with that role.
  const byRole = named.filter((c) => name.roles.some((r) => c.roles.includes(r)));
  if (named.length > 1 && byRole.length === 1)
    return { join: (byRole[0] as PersonRef).id, why: 'role fits one' };
  if (named.length === 0 && fits.length === 1)
    return { join: (fits[0] as PersonRef).id, why: 'same surname' };
  const placeholder = fits.find((c) => !c.given && !c.initial && c.keys.includes(name.key));
  return placeholder
    ? { join: placeholder.id, why: 'same ambiguous form' }
    : { create: true, why: fits.length > 1 ? 'ambiguous' : 'new person' };
}

/** The key a reader's pin is stored under (the kind keeps an organisation apart from a person). */
export function pinKey(name: Pick<NameParts, 'kind' | 'key'>): string {
  return `${name.kind === 'organisation' ? 'org' : 'person'}:${name.key}`;
}

/** A new person from a name. */
export function personFromName(id: string, name: NameParts): PersonRef & { display: string } {
  return {
    id,
    kind: name.kind,
    display: name.display,
    given: name.given,
    initial: name.initial,
    middles: [...name.middles],
    surname: name.surname,
    keys: [name.key],
    roles: [...name.roles],
  };
}

/**
 * What a person becomes after being named `name` (and `aliases` in the same article): a
 * fuller name fills in what was missing; the display name is the fullest seen.
 */
export function absorb<P extends PersonRef & { display: string }>(
  person: P,
  name: NameParts,
  aliases: readonly NameParts[] = [],
): P {
  const next: P = {
    ...person,
    keys: [...person.keys],
    middles: [...person.middles],
    roles: [...person.roles],
  };
  if (name.kind === 'person' && name.surname === next.surname) {
    if (!next.given && name.given) {
      next.given = name.given;
      next.initial = name.initial;
    }
    if (!next.initial && name.initial) next.initial = name.initial;
    if (next.middles.length === 0 && name.middles.length > 0) next.middles = [...name.middles];
    if (fullness(name) > fullnessOf(next.display)) next.display = name.display;
  }
  for (const k of [name, ...aliases]) {
    if (k.kind === name.kind && !next.keys.includes(k.key)) next.keys.push(k.key);
    // Only roles said with the full name are trusted to tell namesakes apart later.
    if (k.given || next.given === null) {
      for (const r of k.roles) if (!next.roles.includes(r)) next.roles.push(r);
    }
  }
  return next;
}

function fullness(n: NameParts): number {
  return (n.given ? 4 : n.initial ? 2 : 0) + n.middles.length + n.display.length / 1000;
}

function fullnessOf(display: string): number {
  const n = parseName(display);
  return n ? fullness(n) : 0;
}

/**
 * The aliases of a speaker that are really its name (a word of the full name, "Xi" of
 * "Xi Jinping"); descriptions ("the president", "he") are dropped.
 */
export function nameAliases(name: NameParts, aliases: readonly string[]): NameParts[] {
  const words = new Set(name.key.split(' '));
  const out: NameParts[] = [];
  for (const a of aliases) {
    const p = parseName(a, name.kind);
    if (!p || p.key === name.key) continue;
    if (p.key.split(' ').every((w) => words.has(w))) out.push(p);
  }
  return out;
}
