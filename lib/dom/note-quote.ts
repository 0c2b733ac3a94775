/**
 * Which statement a note belongs to: notes anchored on (nearly) the span of a quote the
 * engine found are statement notes (badge on its label); the rest are passage notes
 * (a subtle mark). Pure: offsets only, no DOM.
 */

export interface Span {
  start: number;
  end: number;
}

/** The quote `span` (nearly) coincides with, or null. */
export function quoteAt<Q extends { id: number; start: number; end: number }>(
  quotes: readonly Q[],
  span: Span,
): Q | null {
  let best: Q | null = null;
  let bestScore = 0;
  for (const q of quotes) {
    const overlap = Math.min(q.end, span.end) - Math.max(q.start, span.start);
    if (overlap <= 0) continue;
    // Measured against the longer of the two: a few words inside a long statement are a
    // passage note, while a statement the engine now draws a little wider still matches.
    const score = overlap / Math.max(q.end - q.start, span.end - span.start);
    if (score > bestScore) {
      best = q;
      bestScore = score;
    }
  }
  return bestScore >= 0.8 ? best : null;
}
