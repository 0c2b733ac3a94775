/**
 * The people of the archive in memory, indexed by surname and by name key, with the reader's
 * pins: turns a speaker of one article into a person id (lib/archive/identity decides). Used by
 * the store (loaded once from the `people` store) and by the identity evaluation.
 */
import {
  absorb,
  decide,
  type NameKind,
  type NameParts,
  nameAliases,
  type PersonRef,
  parseName,
  personFromName,
} from './identity';

export interface Person extends PersonRef {
  display: string;
}

export interface Resolution {
  person: Person;
  /** The name as read (its key is what a split works on). */
  name: NameParts;
  created: boolean;
}

export class Roster {
  readonly people = new Map<string, Person>();
  readonly pins = new Map<string, string>();
  private readonly bySurname = new Map<string, Set<string>>();
  private readonly byKey = new Map<string, Set<string>>();

  constructor(private readonly newId: () => string) {}

  /** Adds or replaces a person (indexes kept in step). */
  put(person: Person): void {
    this.remove(person.id);
    this.people.set(person.id, person);
    add(this.bySurname, person.surname, person.id);
    for (const k of person.keys) add(this.byKey, k, person.id);
  }

  remove(id: string): void {
    const old = this.people.get(id);
    if (!old) return;
    this.people.delete(id);
    this.bySurname.get(old.surname)?.delete(id);
    for (const k of old.keys) this.byKey.get(k)?.delete(id);
  }

  candidates(name: NameParts): Person[] {
    const ids = new Set([
      ...(this.bySurname.get(name.surname) ?? []),
      ...(this.byKey.get(name.key) ?? []),
    ]);
    const pinned = this.pins.get(`${name.kind === 'organisation' ? 'org' : 'person'}:${name.key}`);
    if (pinned) ids.add(pinned);
    return [...ids].map((id) => this.people.get(id)).filter((p): p is Person => p !== undefined);
  }

  /** Without changing anything: the person this speaker would be, or null. */
  peek(speaker: string, kind: NameKind = 'person', aliases: readonly string[] = []): Person | null {
    const name = fullestForm(speaker, aliases, kind);
    if (!name) return null;
    const d = decide(name, this.candidates(name), this.pins);
    return 'join' in d ? (this.people.get(d.join) ?? null) : null;
  }

  /** The person an article's speaker is (created if new); null for a description. */
  resolve(
    speaker: string,
    aliases: readonly string[] = [],
    kind: NameKind = 'person',
  ): Resolution | null {
    const name = fullestForm(speaker, aliases, kind);
    if (!name) return null;
    const d = decide(name, this.candidates(name), this.pins);
    const known = 'join' in d ? this.people.get(d.join) : undefined;
    const base = known ?? personFromName(this.newId(), name);
    const person = absorb(base, name, nameAliases(name, aliases));
    this.put(person);
    return { person, name, created: !known };
  }
}

const richness = (n: NameParts) => (n.given ? 4 : n.initial ? 2 : 0) + n.middles.length;

/**
 * The form of a speaker's name that says the most: the engine names a speaker by one form
 * ("Kowalczyk") and may have seen a fuller one of the same surname ("M. Kowalczyk").
 */
export function fullestForm(
  speaker: string,
  aliases: readonly string[],
  kind: NameKind,
): NameParts | null {
  const name = parseName(speaker, kind);
  if (name?.kind !== 'person') return name;
  let best = name;
  for (const a of aliases) {
    const p = parseName(a, kind);
    if (!p || p.surname !== name.surname) continue;
    // Never trade a given name for a different one ("Bill" under "Hillary Clinton").
    if (name.given && p.given !== name.given) continue;
    if (name.initial && p.initial && p.initial !== name.initial) continue;
    if (richness(p) > richness(best)) best = p;
  }
  return best;
}

function add(map: Map<string, Set<string>>, key: string, id: string): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(id);
}
