/**
 * Node-only: isotonic regression (pool adjacent violators) from the ranker's raw probability
 * to how often a choice at that probability was right, on quotes the model did not train on.
 * The fitted curve is a few knots; the engine interpolates between them (ranker.ts).
 */

/** At most this many knots are kept (adjacent blocks are merged, weighted by size). */
const MAX_KNOTS = 24;

/** Knots [probability, share right], increasing in both. */
export function fitCalibration(
  points: Array<{ p: number; right: boolean }>,
): Array<[number, number]> {
  const sorted = [...points].sort((a, b) => a.p - b.p);
  // blocks of (sum p, sum right, count), merged while a block is right more often than the next
  const blocks: Array<{ p: number; y: number; n: number }> = [];
  for (const pt of sorted) {
    blocks.push({ p: pt.p, y: pt.right ? 1 : 0, n: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1] as { p: number; y: number; n: number };
      const a = blocks[blocks.length - 2] as { p: number; y: number; n: number };
      if (a.y / a.n < b.y / b.n) break;
      blocks.splice(blocks.length - 2, 2, { p: a.p + b.p, y: a.y + b.y, n: a.n + b.n });
    }
  }
  // fewer knots: merge the smallest neighbouring pair until few enough
  while (blocks.length > MAX_KNOTS) {
    let k = 0;
    for (let i = 1; i < blocks.length - 1; i++)
      if (
        (blocks[i] as { n: number }).n + (blocks[i + 1] as { n: number }).n <
        (blocks[k] as { n: number }).n + (blocks[k + 1] as { n: number }).n
      )
        k = i;
    const a = blocks[k] as { p: number; y: number; n: number };
    const b = blocks[k + 1] as { p: number; y: number; n: number };
    blocks.splice(k, 2, { p: a.p + b.p, y: a.y + b.y, n: a.n + b.n });
  }
  const round = (x: number) => Math.round(x * 1e4) / 1e4;
  return blocks.map((b) => [round(b.p / b.n), round(b.y / b.n)]);
}
