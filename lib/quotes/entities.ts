/**
 * Pass 4b: the people, organisations and described speakers the text has named so far, and
 * how a later mention finds them: a surname or initials for a full name (Putin, H.Mammadov),
 * a role for its bearer (the MP), the same description for the same unnamed speaker.
 * Pure: an index over mentions; never reads the text itself.
 */
import { FEMALE_NAMES, MALE_NAMES, SURNAME_FIRST } from './lexicon/index';
import { LINKS } from './mention-words';
import type { Mention } from './mentions';
import type { SpeakerKind } from './types';

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
  /** How many times the text has mentioned it so far (outside quotes). */
  mentions: number;
  /** Of those, how many as a sentence's subject, and how many after a preposition ("in X"):
   * people are subjects, places and bodies are governed by prepositions. */
  asSubject: number;
  afterPreposition: number;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[.’'"]/g, '')
    .trim();
const splitParts = (name: string) =>
  name
    .split(/[\s.]+/)
    .map((p) => p.toLowerCase().replace(/[’']s$/, ''))
    .filter((p) => p.length > 0);
/** The same names are looked up again and again: their parts are kept (a copy each time). */
const partsMemo = new Map<string, string[]>();
const PARTS_MEMO_SIZE = 4096;
const nameParts = (name: string): string[] => {
  let parts = partsMemo.get(name);
  if (!parts) {
    if (partsMemo.size >= PARTS_MEMO_SIZE) partsMemo.clear();
    parts = splitParts(name);
    partsMemo.set(name, parts);
  }
  return parts.slice();
};

/** Words a description needs before a longer one that starts with it may be the same source. */
const MIN_DESCRIPTION_PREFIX = 3;
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
    e.mentions++;
    if (this.log[this.log.length - 1] !== e) this.log.push(e);
  }

  /** Note that `e` is a sentence's subject (or spoke) at `pos`: a later "he" most likely means them. */
  touchSubject(e: Entity, pos: number): void {
    this.touch(e, pos);
    if (pos > e.subj) e.subj = pos;
  }

  /**
   * Distinct entities, latest mentioned first, at most RECENT_REACH of them. Several passes ask
   * for every quote; the log only grows, so the list is kept until it does.
   */
  recent(): readonly Entity[] {
    if (this.recentAt === this.log.length) return this.recentList;
    const seen = new Set<Entity>();
    for (let i = this.log.length - 1; i >= 0 && seen.size < RECENT_REACH; i--)
      seen.add(this.log[i] as Entity);
    this.recentList = [...seen];
    this.recentAt = this.log.length;
    return this.recentList;
  }
  private recentList: Entity[] = [];
  private recentAt = 0;

  private indexParts(e: Entity): void {
    for (const p of e.parts) {
      const l = this.byPart.get(p);
      if (!l) this.byPart.set(p, [e]);
      else if (!l.includes(e)) l.push(e);
    }
  }

  /** Register or find the entity a name mention refers to. */
  byName(m: Mention, pos: number, outside: boolean): Entity {
    // an editor's brackets are no part of the name: "Tony [Stark]" is Tony Stark
    const raw = (m.name ?? m.text).replace(/[’']s$/, '').replace(/[[\]]/g, '');
    const parts = nameParts(raw);
    const found = this.matchName(parts, m.gender);
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
      mentions: 0,
      asSubject: 0,
      afterPreposition: 0,
    };
    this.list.push(e);
    this.indexParts(e);
    if (outside) this.touch(e, pos);
    return e;
  }

  /** The entity a name mention would resolve to, without registering or touching anything. */
  peekName(m: Mention): Entity | null {
    return this.matchName(nameParts((m.name ?? m.text).replace(/[’']s$/, '')), m.gender);
  }

  /** The described speaker these words name, if already met; registers nothing. */
  peekDescription(words: string): Entity | null {
    return this.describedAs(norm(words));
  }

  /**
   * The described speaker these words name: the same words, or the start of a longer
   * description met before ("a GOP insider in the primary" after "a GOP insider in the primary
   * state of X"), or a longer one that goes on from a description met before (which then takes
   * the longer words). Three words at least: "a spokesman" may be anyone's.
   */
  private describedAs(key: string, words?: string): Entity | null {
    const exact = this.byKey.get(key);
    if (exact || key.split(' ').length < MIN_DESCRIPTION_PREFIX) return exact ?? null;
    for (const [k, e] of this.byKey) {
      if (k.startsWith(`${key} `)) return e;
      if (key.startsWith(`${k} `) && k.split(' ').length >= MIN_DESCRIPTION_PREFIX) {
        if (words) e.name = words;
        this.byKey.set(key, e);
        return e;
      }
    }
    return null;
  }

  /** An entity whose name this one abbreviates or repeats: Putin, H.Mammadov, Mr Lindqvist. */
  matchName(parts: string[], gender?: string): Entity | null {
    if (parts.length === 0) return null;
    const sur = parts[parts.length - 1] as string;
    let best: Entity | null = null;
    let byFirst: Entity | null = null;
    for (const e of this.byPart.get(sur) ?? []) {
      if (e.kind === 'description') continue;
      const esur = e.parts[e.parts.length - 1];
      let ok = false;
      if (esur === sur) {
        // ("Hale" is not the Campaign for Hale: a body's last word after its link names what
        // the body is for, not the body)
        ok = !linkedBody(e, parts);
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
        if (e.parts[0] === sur && SURNAME_FIRST.has(sur)) {
          // "Geng said" after "Geng Shuang": a surname written first
          ok = true;
        } else if (e.parts[0] === sur) {
          // "Maria said" after "Maria Ostrova": a known first name alone is her, unless a
          // surname says otherwise (so she is kept aside until every entity is seen). The
          // first word of a company's name is not the company: "Clinton", "Democratic".
          if ((FEMALE_NAMES.has(sur) || MALE_NAMES.has(sur)) && (!byFirst || e.last > byFirst.last))
            byFirst = e;
          continue;
        }
        ok = true;
      } else if (
        parts.length > 1 &&
        e.parts.length === 1 &&
        parts[parts.length - 1] === e.parts[0]
      ) {
        ok = true;
      }
      // "Mrs. Clinton" is not Bill Clinton: a title's gender tells two of one surname apart
      if (!ok || (gender && e.gender && e.gender !== gender && e.kind === 'person')) continue;
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
    return best ?? byFirst;
  }

  /** An organisation or described speaker: "the ministry", "a spokesperson for the company". */
  byDescription(words: string, pos: number, org: boolean): Entity {
    const key = norm(words);
    const known = this.describedAs(key, words);
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
      // (written out: the entities of names have a gender field here; one shape for both)
      gender: undefined,
      last: -1,
      person: false,
      calls: new Set([key]),
      spoke: 0,
      subj: -1,
      mentions: 0,
      asSubject: 0,
      afterPreposition: 0,
    };
    this.list.push(e);
    this.byKey.set(key, e);
    this.touch(e, pos);
    return e;
  }

  /** The entity a definite role refers to: "the MP" → the latest entity with that role word. */
  byRole(role: string, before: number, orgOnly = false): Entity | null {
    // the head is the last word before a link: "secretary" of "former secretary of state"
    const words = role.toLowerCase().split(/\s+/);
    const link = words.findIndex((w, i) => i > 0 && LINKS.has(w));
    const head = (words[(link < 0 ? words.length : link) - 1] ?? '').replace(/s$/, '');
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

/** Links inside a body's name: "Campaign for Hale", "Bank of Arden". */
const BODY_LINKS = new Set(['for', 'of', 'on']);

/** Is `e` a body named by a link ("Campaign for Hale") that the shorter `parts` only end like? */
const linkedBody = (e: Entity, parts: string[]): boolean =>
  e.kind === 'organisation' &&
  parts.length < e.parts.length &&
  BODY_LINKS.has(e.parts[e.parts.length - 2] ?? '');
