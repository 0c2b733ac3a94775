/**
 * Pass 5: merge the entities that quotes were attributed to into the speakers list:
 * one entry per person or organisation, with the fullest name, every other way the page
 * refers to them, the role the page gives, and how many quotes (and fragments) are theirs.
 * Pure data in, data out.
 */
import type { Entity } from './entities';
import type { Speaker } from './types';

export interface Attributed {
  entity: Entity | null;
  mention: string | null;
  fragment: boolean;
}

const PRONOUN_LIKE = /^(?:he|she|they|it|him|her|them|il|elle|ils|elles|él|ella|er|sie|он|она|они)$/i;

/** Build the speakers list; returns it with the speaker index of each attributed quote. */
export function buildSpeakers(items: Attributed[]): { speakers: Speaker[]; ids: Array<number | null> } {
  const byEntity = new Map<number, Speaker>();
  const speakers: Speaker[] = [];
  const ids = items.map((it) => {
    const e = it.entity;
    if (!e) return null;
    let sp = byEntity.get(e.id);
    if (!sp) {
      sp = { id: speakers.length, name: e.name, aliases: [], role: e.role, kind: e.kind, count: 0, fragmentCount: 0 };
      byEntity.set(e.id, sp);
      speakers.push(sp);
    }
    sp.count++;
    if (it.fragment) sp.fragmentCount++;
    return sp.id;
  });
  for (const [eid, sp] of byEntity) {
    const e = items.find((it) => it.entity?.id === eid)?.entity;
    if (!e) continue;
    const seen = new Set<string>([e.name.toLowerCase()]);
    const add = (a: string | null) => {
      if (!a) return;
      const t = a.trim();
      if (!t || PRONOUN_LIKE.test(t) || seen.has(t.toLowerCase())) return;
      seen.add(t.toLowerCase());
      sp.aliases.push(t);
    };
    for (const a of e.aliases) add(a);
    for (const it of items) if (it.entity?.id === eid) add(it.mention);
  }
  return { speakers, ids };
}
