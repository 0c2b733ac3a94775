/**
 * What `npm run check:labels` counts, on boxes read from a page (page coordinates, px): a label
 * covers text when it overlaps a line box of the page's own text by at least 3 px in height and
 * 6 px in width (less is a descender or an antialiased edge, not a hidden word); two labels
 * overlap when their boxes share any area of at least 1 px by 1 px.
 */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const COVER_MIN = { h: 3, w: 6 } as const;

export function overlap(a: Box, b: Box): { w: number; h: number } {
  return {
    w: Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x),
    h: Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y),
  };
}

export function coversText(label: Box, line: Box): boolean {
  const o = overlap(label, line);
  return o.w >= COVER_MIN.w && o.h >= COVER_MIN.h;
}

/** Labels that cover at least one line of text. Lines are sorted by y once for speed. */
export function coveringLabels<T extends Box>(labels: readonly T[], lines: readonly Box[]): T[] {
  const sorted = [...lines].sort((a, b) => a.y - b.y);
  const tallest = sorted.reduce((m, l) => Math.max(m, l.h), 0);
  const out: T[] = [];
  for (const label of labels) {
    // Only lines starting between (label top − tallest line) and the label's bottom can meet it.
    let lo = 0;
    let hi = sorted.length;
    const from = label.y - tallest;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid]?.y ?? 0) < from) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < sorted.length; i++) {
      const line = sorted[i] as Box;
      if (line.y > label.y + label.h) break;
      if (coversText(label, line)) {
        out.push(label);
        break;
      }
    }
  }
  return out;
}

/** Pairs of labels whose boxes overlap. */
export function overlappingPairs<T extends Box>(labels: readonly T[]): Array<[T, T]> {
  const out: Array<[T, T]> = [];
  const sorted = [...labels].sort((a, b) => a.y - b.y);
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i] as T;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j] as T;
      if (b.y >= a.y + a.h) break;
      const o = overlap(a, b);
      if (o.w >= 1 && o.h >= 1) out.push([a, b]);
    }
  }
  return out;
}
