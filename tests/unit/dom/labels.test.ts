import { describe, expect, it } from 'vitest';
import {
  type BlockSpace,
  cardFacts,
  estimateLabelWidth,
  LABEL_METRICS,
  labelSpecs,
  type Placement,
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
  const M = LABEL_METRICS;
  // A text column starting at x = 300 with 140 px of empty page to its left, 28 px lines.
  const roomy: BlockSpace = {
    columnLeft: 300,
    freeLeft: 140,
    top: 1000,
    right: 900,
    lineHeight: 28,
    marginTop: 16,
  };
  const line = (n: number, x = 300) => ({ x, y: 1000 + 4 + n * 28, h: 20 });
  const box = (p: Placement | null | undefined, text = '') => ({
    x: (p?.x ?? 0) - (p?.kind === 'margin' ? (p?.width ?? 0) : 0),
    y: p?.y ?? 0,
    w: p?.width ?? (p?.kind === 'gap' ? estimateLabelWidth(text) : M.markerWidth),
    h:
      p?.height ??
      (p?.kind === 'margin'
        ? M.height
        : p?.kind === 'gap'
          ? M.gapHeight
          : p?.kind === 'tick'
            ? M.tickHeight
            : M.markerHeight),
  });
  const meets = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

  it('puts labels in the margin beside their line, clear of the column', () => {
    const [p] = placeLabels([line(2, 420)], ['Vale'], roomy);
    expect(p?.kind).toBe('margin');
    expect(p?.x).toBe(300 - M.marginGap); // its right edge, by the column
    expect(p?.width).toBe(140 - M.marginGap); // as wide as its words, up to the margin
    // Vertically centred on the statement's first line.
    expect(Math.abs((p?.y ?? 0) + M.height / 2 - (line(2).y + 10))).toBeLessThanOrEqual(1);
  });

  it('stacks labels of statements starting on the same line down the margin', () => {
    const out = placeLabels(
      [line(1, 320), null, line(1, 600)],
      ['Margit van der Berg', 'x', 'Renfrew'],
      roomy,
    );
    expect(out[1]).toBeNull();
    expect(out.filter((p) => p?.kind === 'margin')).toHaveLength(2);
    expect(meets(box(out[0]), box(out[2]))).toBe(false);
    expect(out[2]!.y).toBeGreaterThan(out[0]!.y);
  });

  it('clips a long name to a narrow margin', () => {
    const [p] = placeLabels([line(0)], ['Margit van der Berg · quoted by Renfrew'], {
      ...roomy,
      freeLeft: 70,
    });
    expect(p?.kind).toBe('margin');
    expect(p?.width).toBe(70 - M.marginGap);
  });

  it('uses the gap between lines when there is no margin and the lines are far apart', () => {
    const spaced = { ...roomy, freeLeft: 0, lineHeight: 36 };
    const anchors = [
      { x: 420, y: 1000 + 8 + 3 * 36, h: 20 },
      { x: 440, y: 1000 + 8 + 3 * 36, h: 20 },
    ];
    const out = placeLabels(anchors, ['Vale', 'Renfrew'], spaced);
    expect(out.map((p) => p?.kind)).toEqual(['gap', 'gap']);
    // Inside the 16 px between the lines, not over either.
    for (const p of out) {
      expect(p!.y).toBeGreaterThanOrEqual(anchors[0]!.y - 16);
      expect(p!.y + M.gapHeight).toBeLessThanOrEqual(anchors[0]!.y);
    }
    expect(out[1]!.x).toBeGreaterThanOrEqual(420 + Math.ceil(4 * M.gapCharWidth + M.gapPadding));
  });

  it('falls back to a marker in a narrow margin, then to a marker or tick in a tight line gap', () => {
    const narrow = { ...roomy, freeLeft: 24 };
    expect(placeLabels([line(2)], ['Vale'], narrow)[0]).toMatchObject({
      kind: 'marker',
      x: 300 - 3 - M.markerWidth,
    });
    const tight = { ...roomy, freeLeft: 0, lineHeight: 30 };
    const marker = placeLabels([line(2)], ['Vale'], tight)[0];
    expect(marker?.kind).toBe('marker');
    expect(marker?.height).toBe(8);
    expect(marker!.y + 8).toBeLessThanOrEqual(line(2).y);
    const solid = { ...roomy, freeLeft: 0, lineHeight: 26 };
    const tick = placeLabels([line(2)], ['Vale'], solid)[0];
    expect(tick).toMatchObject({ kind: 'tick', y: line(2).y - M.tickHeight });
    // Leading too thin even for that: the tab shrinks to the leading, 3 px at least.
    const tightest = placeLabels([line(2)], ['Vale'], { ...solid, lineHeight: 21 })[0];
    expect(tightest).toMatchObject({ kind: 'tick', y: line(2).y - 3, height: 3 });
    // A few px of padding beside the column: an upright tab there instead.
    const side = placeLabels([line(2)], ['Vale'], { ...solid, freeLeft: 10 })[0];
    expect(side).toMatchObject({
      kind: 'tick',
      x: 300 - 2 - M.sideTickWidth,
      width: M.sideTickWidth,
    });
  });

  it('a first line may use the space above its block', () => {
    const tight = { ...roomy, freeLeft: 0, lineHeight: 24 };
    expect(placeLabels([line(0)], ['Vale'], tight)[0]?.kind).toBe('gap');
  });
});
