import { describe, expect, it } from 'vitest';
import { coveringLabels, coversText, overlappingPairs } from '../../../scripts/labels/overlap';

describe('label overlap counting (check:labels)', () => {
  const line = { x: 100, y: 100, w: 400, h: 20 };
  it('counts a label as covering text from 3 px tall and 6 px wide', () => {
    expect(coversText({ x: 120, y: 90, w: 50, h: 13 }, line)).toBe(true); // 3 px into the line
    expect(coversText({ x: 120, y: 89, w: 50, h: 13 }, line)).toBe(false); // 2 px: an edge
    expect(coversText({ x: 95, y: 105, w: 10, h: 10 }, line)).toBe(false); // 5 px wide
    expect(coversText({ x: 94, y: 105, w: 12, h: 10 }, line)).toBe(true);
    expect(coversText({ x: 20, y: 100, w: 70, h: 16 }, line)).toBe(false); // in the margin
  });
  it('finds covering labels among many lines', () => {
    const lines = Array.from({ length: 50 }, (_, i) => ({ x: 100, y: i * 30, w: 400, h: 20 }));
    const labels = [
      { id: 'gap', x: 100, y: 21, w: 60, h: 8 }, // between two lines
      { id: 'on', x: 100, y: 305, w: 60, h: 12 },
      { id: 'margin', x: 10, y: 305, w: 80, h: 12 },
    ];
    expect(coveringLabels(labels, lines).map((l) => l.id)).toEqual(['on']);
  });
  it('pairs labels that overlap each other', () => {
    const a = { x: 0, y: 0, w: 50, h: 16 };
    const b = { x: 49, y: 15, w: 50, h: 16 };
    const c = { x: 0, y: 16, w: 50, h: 16 };
    expect(overlappingPairs([a, b, c])).toEqual([
      [a, b],
      [b, c],
    ]);
  });
});
