import { describe, expect, it } from 'vitest';
import { EntityIndex } from '../../../lib/quotes/entities';
import { buildSpeakers } from '../../../lib/quotes/speakers';

describe('buildSpeakers', () => {
  it('gives one speaker per entity with counts, fragments and aliases, no pronouns', () => {
    const idx = new EntityIndex();
    const e = idx.byName(
      { kind: 'name', from: 0, to: 2, text: 'Nora Field', name: 'Nora Field', role: 'analyst' },
      1,
      true,
    );
    const { speakers, ids } = buildSpeakers([
      { entity: e, mention: 'Nora Field', fragment: false },
      { entity: null, mention: null, fragment: false },
      { entity: e, mention: 'she', fragment: true },
      { entity: e, mention: 'N. Field', fragment: false },
    ]);
    expect(ids).toEqual([0, null, 0, 0]);
    expect(speakers).toEqual([
      {
        id: 0,
        name: 'Nora Field',
        aliases: ['N. Field'],
        role: 'analyst',
        kind: 'person',
        count: 3,
        fragmentCount: 1,
      },
    ]);
  });
});
