/**
 * A headline glues a word to a name ("Defiant Jones: "…"", "Angry Hale vows to "…""), and the
 * body then names the person in full ("Mayor Tom Jones"). The headline is read before the
 * body's names are met, so the glued name stood as a person of its own. Once every name is
 * met, a speaker whose name the page writes in headlines only, whose first word is no known
 * first name, becomes the one person of the body with that surname. Pure.
 */
import type { Entity, EntityIndex } from './entities';
import { FEMALE_NAMES, MALE_NAMES } from './lexicon/index';
import type { Work } from './scene';
import type { TextModel } from './types';

export function mergeGluedHeadlineNames(kept: Work[], ents: EntityIndex, model: TextModel): void {
  const headlines = model.blocks.filter((b) => b.kind === 'headline');
  if (headlines.length === 0) return;
  const inHeadline = (pos: number) => headlines.some((b) => b.start <= pos && pos < b.end);
  const merged = new Map<Entity, Entity | null>();
  for (const w of kept) {
    const e = w.entity;
    if (!e || model.blocks[w.span.block]?.kind !== 'headline') continue;
    if (!merged.has(e)) merged.set(e, gluedTo(e, ents, model.text, inHeadline));
    const to = merged.get(e);
    if (to) w.entity = to;
  }
}

function gluedTo(
  e: Entity,
  ents: EntityIndex,
  text: string,
  inHeadline: (pos: number) => boolean,
): Entity | null {
  const [first, surname] = e.parts;
  if (e.kind !== 'person' || e.parts.length !== 2 || !first || !surname || first.length < 3)
    return null;
  if (FEMALE_NAMES.has(first) || MALE_NAMES.has(first)) return null;
  // written out anywhere but a headline, it is the page's own name for someone
  for (let at = text.indexOf(e.name); at >= 0; at = text.indexOf(e.name, at + 1))
    if (!inHeadline(at)) return null;
  let found: Entity | null = null;
  for (const f of ents.list) {
    if (f === e || f.kind !== 'person' || f.parts.length < 2) continue;
    if (f.parts[f.parts.length - 1] !== surname) continue;
    if (found) return null;
    found = f;
  }
  return found;
}
