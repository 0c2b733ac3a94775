import { describe, expect, it } from 'vitest';
import {
  cardFacts,
  estimateLabelWidth,
  LABEL_METRICS,
  labelSpecs,
  placeLabels,
  shortName,
  UNKNOWN_SPEAKER,
} from '../../../lib/dom/labels';
import { type Quote, type Speaker, SURE_CONFIDENCE } from '../../../lib/quotes/types';

function speaker(id: number, name: string, extra: Partial<Speaker> = {}): Speaker {
  return {
    id,
    name,
    aliases: [],
    role: null,
    kind: 'person',
    count: 0,
    fragmentCount: 0,
    ...extra,
  };
}

function quote(
  id: number,
  start: number,
  speakerId: number | null,
  extra: Partial<Quote> = {},
): Quote {
  return {
    id,
    text: `words ${id}`,
    start,
    end: start + 10,
    speaker: null,
    speakerId,
    mention: null,
    fragment: false,
    parent: null,
    confidence: 1,
    runnerUp: null,
    ...extra,
  };
}

const speakers = [
  speaker(0, 'Margit van der Berg', { role: 'harbour engineer', count: 3, fragmentCount: 1 }),
  speaker(1, 'Tobias Renfrew Jr.', { count: 1 }),
  speaker(2, 'Estuary Ferry Company', { kind: 'organisation', count: 1 }),
];

describe('shortName', () => {
  it("keeps a person's surname with its particle and drops suffixes", () => {
    expect(shortName({ name: 'Margit van der Berg', kind: 'person' })).toBe('van der Berg');
    expect(shortName({ name: 'Tobias Renfrew Jr.', kind: 'person' })).toBe('Renfrew');
    expect(shortName({ name: 'Cher', kind: 'person' })).toBe('Cher');
  });
  it('clips organisations and descriptions instead of guessing a surname', () => {
    expect(shortName({ name: 'Estuary Ferry Company', kind: 'organisation' })).toBe(
      'Estuary Ferry Company',
    );
    const long = shortName({
      name: 'a spokesperson for the regional bus company',
      kind: 'description',
    });
    expect(long.length).toBeLessThanOrEqual(22);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('labelSpecs', () => {
  it('shows a speaker the engine is not sure of as a guess, and a sure one plainly', () => {
    const specs = labelSpecs(
      [
        quote(0, 10, 0, { speaker: 'Margit van der Berg', confidence: 0.95 }),
        quote(1, 50, 0, {
          speaker: 'Margit van der Berg',
          confidence: 0.6,
          runnerUp: 'Tobias Renfrew Jr.',
        }),
        quote(2, 90, 1, { speaker: 'Tobias Renfrew Jr.', confidence: 0.4 }),
        // Just at the threshold counts as sure; an unknown speaker is no claim, so no guess.
        quote(3, 130, 0, { speaker: 'Margit van der Berg', confidence: SURE_CONFIDENCE }),
        quote(4, 170, null, { confidence: 0.1 }),
      ],
      speakers,
    );
    expect(specs.map((s) => [s.text, s.guess])).toEqual([
      ['Margit van der Berg', false],
      ['van der Berg?', true],
      ['Tobias Renfrew Jr.?', true],
      ['van der Berg', false],
      [UNKNOWN_SPEAKER, false],
    ]);
    expect(specs[1]?.ariaLabel).toBe('Statement by Margit van der Berg');
    expect(specs[1]?.ariaDescription).toBe(
      'QuoteLens is not sure of the speaker: maybe Tobias Renfrew Jr.',
    );
    expect(specs[2]?.ariaDescription).toBe('QuoteLens is not sure of the speaker');
    expect(specs[0]?.ariaDescription).toBeNull();
  });

  it("marks a guessed outer speaker in a nested quote's label", () => {
    const specs = labelSpecs(
      [
        quote(0, 10, 0, { speaker: 'Margit van der Berg', confidence: 0.5 }),
        quote(1, 20, 1, { speaker: 'Tobias Renfrew Jr.', parent: 0 }),
      ],
      speakers,
    );
    expect(specs[1]?.text).toBe('Tobias Renfrew Jr. · quoted by van der Berg?');
    expect(specs[1]?.guess).toBe(false);
  });

  it('names a speaker in full once, then by the short form, in reading order', () => {
    // Given out of reading order on purpose.
    const specs = labelSpecs([quote(1, 50, 0), quote(0, 10, 0), quote(2, 90, 0)], speakers);
    expect(specs.map((s) => s.quoteId)).toEqual([0, 1, 2]);
    expect(specs.map((s) => s.text)).toEqual([
      'Margit van der Berg',
      'van der Berg',
      'van der Berg',
    ]);
    expect(specs.every((s) => s.ariaLabel === 'Statement by Margit van der Berg')).toBe(true);
  });

  it('says "unknown speaker" when there is none, and marks fragments', () => {
    const [s] = labelSpecs([quote(0, 0, null, { fragment: true })], speakers);
    expect(s?.text).toBe(UNKNOWN_SPEAKER);
    expect(s?.ariaLabel).toBe(`Statement by ${UNKNOWN_SPEAKER} (fragment)`);
    expect(s?.fragment).toBe(true);
  });

  it('a nested quote shows both speakers', () => {
    const specs = labelSpecs([quote(0, 0, 0), quote(1, 5, 1, { parent: 0 })], speakers);
    expect(specs[1]?.text).toBe('Tobias Renfrew Jr. · quoted by van der Berg');
    expect(specs[1]?.ariaLabel).toBe(
      'Statement by Tobias Renfrew Jr., quoted by Margit van der Berg',
    );
    expect(specs[1]?.nested).toBe(true);
  });

  it('keeps up with thousands of quotes', () => {
    const many = Array.from({ length: 5000 }, (_, i) => quote(i, i * 20, i % 3));
    const t = performance.now();
    const specs = labelSpecs(many, speakers);
    expect(performance.now() - t).toBeLessThan(50);
    expect(specs.length).toBe(5000);
  });
});

describe('cardFacts', () => {
  const quotes = [
    quote(0, 0, 0),
    quote(1, 20, 1),
    quote(2, 40, 0, { fragment: true }),
    quote(3, 60, 0),
  ];
  it('gives name, role, counts and the place among the speaker’s statements', () => {
    expect(cardFacts(quotes, speakers, 2)).toMatchObject({
      fullName: 'Margit van der Berg',
      role: 'harbour engineer',
      count: 3,
      fragmentCount: 1,
      position: 2,
      previousId: 0,
      nextId: 3,
    });
  });
  it('previous/next wrap around, and are null for a lone statement', () => {
    expect(cardFacts(quotes, speakers, 3)).toMatchObject({ previousId: 2, nextId: 0 });
    expect(cardFacts(quotes, speakers, 1)).toMatchObject({ previousId: null, nextId: null });
    expect(cardFacts(quotes, speakers, 99)).toBeNull();
  });
  it('says when the speaker is a guess and names the runner-up', () => {
    const unsure = [
      quote(0, 0, 0, {
        speaker: 'Margit van der Berg',
        confidence: 0.5,
        runnerUp: 'Tobias Renfrew Jr.',
      }),
      quote(1, 20, 0, {
        speaker: 'Margit van der Berg',
        confidence: 0.99,
        runnerUp: 'Tobias Renfrew Jr.',
      }),
    ];
    expect(cardFacts(unsure, speakers, 0)).toMatchObject({
      guess: true,
      runnerUp: 'Tobias Renfrew Jr.',
    });
    expect(cardFacts(unsure, speakers, 1)).toMatchObject({ guess: false, runnerUp: null });
  });
});

describe('placeLabels', () => {
  it('puts each label just above its first character', () => {
    const [p] = placeLabels([{ x: 100.4, y: 200, h: 20 }], ['Vale']);
    expect(p).toEqual({ x: 100, y: 200 - LABEL_METRICS.lift });
  });
  it('pushes labels that would overlap on one line to the right, and hides unplaced ones', () => {
    const out = placeLabels(
      [{ x: 100, y: 200, h: 20 }, null, { x: 110, y: 201, h: 20 }, { x: 110, y: 260, h: 20 }],
      ['Margit van der Berg', 'x', 'Renfrew', 'Renfrew'],
    );
    expect(out[1]).toBeNull();
    expect(out[2]!.x).toBeGreaterThanOrEqual(100 + estimateLabelWidth('Margit van der Berg'));
    expect(out[3]!.x).toBe(110); // another line: untouched
  });
});
