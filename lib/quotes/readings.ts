/**
 * Who a mention may refer to. A reader weighs several readings of "he said" (the sentence's
 * subject, the latest man named, the last speaker) or of "the spokesman said" (someone already
 * given that role, or an unnamed spokesman); the engine lists them all, each tagged with the
 * rule that reads it so, and lets the ranker choose. Listing registers nothing in the entity
 * index: only the chosen reading is committed.
 * Pure: works on mentions and the entity index.
 */
import type { Entity, EntityIndex } from './entities';
import { DOCUMENT_WORDS } from './lexicon/index';
import { type Mention, nameMention, readMentionForward, roleMention } from './mentions';
import { tokenize } from './tokens';
import { withoutPossessive } from './words';

/** What a reading points at: an entity already met, or one it would introduce. */
export type Target =
  | { kind: 'entity'; entity: Entity }
  | { kind: 'name'; mention: Mention }
  | { kind: 'description'; words: string; org: boolean };

/** The rule behind a reading of a mention (a feature of the candidate it proposes). */
export type MentionRule =
  | 'named'
  | 'pronoun-subject'
  | 'pronoun-latest'
  | 'pronoun-any'
  | 'pronoun-last-speaker'
  | 'role-bearer'
  | 'role-unnamed'
  | 'role-last-speaker'
  | 'role-latest'
  | 'document-author'
  | 'described'
  | 'apposition';

export interface Reading {
  target: Target;
  rule: MentionRule;
  mention: Mention;
}

/** A stable key per target, so readings of the same speaker merge into one candidate. */
export function targetKey(t: Target): string {
  switch (t.kind) {
    case 'entity':
      return `e${t.entity.id}`;
    case 'name':
      return `n:${withoutPossessive((t.mention.name ?? t.mention.text).toLowerCase())}`;
    case 'description':
      return `d:${t.words
        .toLowerCase()
        .replace(/[.’'"]/g, '')
        .trim()}`;
  }
}

/** The name a target would show. */
export function targetName(t: Target): string {
  switch (t.kind) {
    case 'entity':
      return t.entity.name;
    case 'name':
      return withoutPossessive(t.mention.name ?? t.mention.text);
    case 'description':
      return t.words;
  }
}

/** A name's target: the entity it names, if met, else the one it would introduce. */
export const nameTarget = (ents: EntityIndex, m: Mention): Target => {
  const e = ents.peekName(m);
  return e ? { kind: 'entity', entity: e } : { kind: 'name', mention: m };
};

const describedTarget = (ents: EntityIndex, words: string, org: boolean): Target => {
  const e = ents.peekDescription(words);
  return e ? { kind: 'entity', entity: e } : { kind: 'description', words, org };
};

/** "The MP", "the former secretary": a definite role without an owner (no "X's aide"). */
const definiteRole = (words: string) => /^the\s/i.test(words) && !/['’]s\b/.test(words);

/** The latest person met before `pos` (shown to be one where any is, else named like one). */
function latestPerson(ents: EntityIndex, pos: number): Entity | null {
  let best: Entity | null = null;
  for (const e of ents.recent()) {
    if (e.kind !== 'person' || e.last < 0 || e.last > pos) continue;
    if (!best || (e.person && !best.person) || (e.person === best.person && e.last > best.last))
      best = e;
  }
  return best;
}

/** "the tweet from Vulture magazine": a document and its author. */
const DOCUMENT_BY_RE = /^(\S+)\s+(?:from|by|of)\s+(?:the\s+)?(\p{Lu}.+)$/u;
const DOCUMENT_BY_UNNAMED_RE =
  /^(\S+)\s+(?:from|by)\s+(?:the|a|an|its|his|her|their)\s+(\p{Ll}[^,]*)$/u;
/** "an April 9 memo from …", "an open letter by …": words before the document's noun. */
const DOCUMENT_MODIFIERS_RE = /^(?:\S+\s+){1,3}?(?=\S+\s+(?:from|by)\s)/u;

/**
 * "the tweet from Vulture magazine", "a statement by the ministry": the author speaks; "the
 * lawsuit of Fox anchor Jo Hale": a person, with her role, where one is named.
 */
function documentAuthor(ents: EntityIndex, m: Mention, whole: string): Reading | null {
  const words = whole.replace(DOCUMENT_MODIFIERS_RE, '');
  const doc = DOCUMENT_BY_RE.exec(words);
  if (!doc || !DOCUMENT_WORDS.has((doc[1] ?? '').toLowerCase())) {
    // "an email by the company": an author the page does not name is described
    const unnamed = DOCUMENT_BY_UNNAMED_RE.exec(words);
    if (!unnamed || !DOCUMENT_WORDS.has((unnamed[1] ?? '').toLowerCase()) || !unnamed[2])
      return null;
    return {
      target: describedTarget(ents, unnamed[2], true),
      rule: 'document-author',
      mention: roleMention('description', m.from, m.to, unnamed[2], undefined, undefined, true),
    };
  }
  if (!doc[2]) return null;
  const tokens = tokenize(doc[2]);
  const person = readMentionForward(doc[2], tokens, 0, tokens.length);
  const named = person?.kind === 'name' && !person.org && person.to === tokens.length;
  const name = named ? person.name : doc[2];
  const role = named ? person.role : undefined;
  const author = nameMention(m.from, m.to, doc[2], name, role, undefined, !named);
  return { target: nameTarget(ents, author), rule: 'document-author', mention: author };
}

/**
 * Every reading of mention `m` at offset `pos`, and the one today's rules pick (`rules`),
 * in the order the rules try them. `last` is the latest speaker; a "he" or "she" may reach
 * back to a sentence's subject as far as `subjectFloor`.
 */
export function readingsOf(
  m: Mention,
  pos: number,
  ents: EntityIndex,
  last: Entity | null,
  subjectFloor = pos,
): { readings: Reading[]; rules: Reading | null } {
  const out: Reading[] = [];
  const add = (target: Target, rule: MentionRule) => {
    const r = { target, rule, mention: m };
    out.push(r);
    return r;
  };
  switch (m.kind) {
    case 'name': {
      const r = add(nameTarget(ents, m), 'named');
      return { readings: out, rules: r };
    }
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
        // ("A spokeswoman … said she …": someone unnamed, as a sentence's subject, counts too)
        const described = personal && e.kind === 'description' && e.subj >= 0;
        if (personal ? e.kind !== 'person' && !described : e.kind === 'person') continue;
        if (personal && e.gender && m.gender !== e.gender) continue;
        if ((e.person || !personal) && (!best || e.last > best.last)) best = e;
        if (!described && (!any || e.last > any.last)) any = e;
        if (
          personal &&
          (e.person || described) &&
          e.subj >= subjectFloor &&
          e.subj <= pos &&
          (!subject || e.subj > subject.subj)
        )
          subject = e;
      }
      const rs = subject ? add({ kind: 'entity', entity: subject }, 'pronoun-subject') : null;
      const rb = best ? add({ kind: 'entity', entity: best }, 'pronoun-latest') : null;
      const ra = any ? add({ kind: 'entity', entity: any }, 'pronoun-any') : null;
      const rl =
        last && personal ? add({ kind: 'entity', entity: last }, 'pronoun-last-speaker') : null;
      return { readings: out, rules: rs ?? rb ?? ra ?? (personal ? rl : null) };
    }
    case 'role': {
      const r = m.role ?? m.text;
      const ra = documentAuthor(ents, m, r);
      if (ra) {
        out.push(ra);
        return { readings: out, rules: ra };
      }
      const bearer = ents.byRole(r, pos + 1, !!m.org);
      const rb = bearer ? add({ kind: 'entity', entity: bearer }, 'role-bearer') : null;
      // "the MP said" after an MP was named is that MP: an unnamed MP is a reading only where
      // none was, or where the role names a body ("the department")
      // only "the MP" points back to someone already met; "Elton John's publicist" or
      // "a spokesman" brings someone new in. A reader reads "the MP added" after a quote as
      // its speaker, however the page introduced them (GUIDELINES.md); the training corpus
      // leaves that link out, so it cannot teach it
      const backRef = last?.kind === 'person' && !m.org && definiteRole(m.text);
      const ru =
        (!rb && !backRef) || m.org ? add(describedTarget(ents, r, !!m.org), 'role-unnamed') : null;
      const rl =
        backRef && last ? add({ kind: 'entity', entity: last }, 'role-last-speaker') : null;
      // "The nominee herself went on air" before anyone spoke: a definite role points back to
      // someone the text has met, most likely the latest person, as "she" would
      if (!rb && !rl && !m.org && definiteRole(m.text)) {
        const latest = latestPerson(ents, pos);
        if (latest) add({ kind: 'entity', entity: latest }, 'role-latest');
      }
      return { readings: out, rules: rb ?? (m.org ? ru : (rl ?? ru)) };
    }
    case 'description': {
      const ra = documentAuthor(ents, m, m.role ?? m.text);
      if (ra) {
        out.push(ra);
        return { readings: out, rules: ra };
      }
      const r = add(describedTarget(ents, m.role ?? m.text, !!m.org), 'described');
      return { readings: out, rules: r };
    }
  }
}

/**
 * Make a chosen reading real: register the entity it introduces, or note the new mention of
 * the one it names, and learn what the reading says ("she" said it, so she is a she).
 */
export function commitReading(r: Reading, pos: number, ents: EntityIndex): Entity {
  const { target, mention: m } = r;
  if (target.kind === 'description') return ents.byDescription(target.words, pos, target.org);
  if (
    target.kind === 'name' ||
    r.rule === 'named' ||
    r.rule === 'document-author' ||
    r.rule === 'apposition'
  )
    return ents.byName(target.kind === 'name' ? target.mention : m, pos, true);
  const e = target.entity;
  if (r.rule === 'role-unnamed') ents.touch(e, pos);
  const personal = m.kind === 'pronoun' && (m.gender === 'm' || m.gender === 'f');
  if (personal && !e.gender && e.kind === 'person') e.gender = m.gender;
  return e;
}
