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

const PRONOUN_LIKE =
  /^(?:he|she|they|it|him|her|them|il|elle|ils|elles|él|ella|er|sie|он|она|они)$/i;

/** Build the speakers list; returns it with the speaker index of each attributed quote. */
export function buildSpeakers(items: Attributed[]): {
  speakers: Speaker[];
  ids: Array<number | null>;
} {
  const byEntity = new Map<Entity, { sp: Speaker; mentions: Array<string | null> }>();
  const speakers: Speaker[] = [];
  const ids = items.map((it) => {
    const e = it.entity;
    if (!e) return null;
    let g = byEntity.get(e);
    if (!g) {
      const sp: Speaker = {
        id: speakers.length,
        name: e.name,
        aliases: [],
        role: e.role,
        kind: e.kind,
        count: 0,
        fragmentCount: 0,
      };
      g = { sp, mentions: [] };
      byEntity.set(e, g);
      speakers.push(sp);
    }
    g.sp.count++;
    if (it.fragment) g.sp.fragmentCount++;
    g.mentions.push(it.mention);
    return g.sp.id;
  });
  for (const [e, { sp, mentions }] of byEntity) {
    const seen = new Set<string>([e.name.toLowerCase()]);
    const add = (a: string | null) => {
      const t = a?.trim();
      if (!t || PRONOUN_LIKE.test(t) || seen.has(t.toLowerCase())) return;
      seen.add(t.toLowerCase());
      sp.aliases.push(t);
    };
    for (const a of e.aliases) add(a);
    for (const m of mentions) add(m);
  }
  return { speakers, ids };
}
