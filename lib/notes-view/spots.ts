/**
 * Where a page's notes are: each note re-anchored on the page's text (exact, then fuzzy, else
 * orphaned) and grouped into spots — the statement it is on, or its own passage — with the
 * note badge counts per statement. Pure: text and quotes in, spots out (no DOM).
 */
import { type Anchor, reanchor } from '../dom/anchor';
import { quoteAt } from '../dom/note-quote';
import { type Note, noteSelectors } from '../notes/web-annotation';
import type { Quote } from '../quotes/types';

/** One passage or statement with notes, as shown on the page. */
export interface Spot {
  key: string;
  start: number;
  end: number;
  quote: Quote | null;
  notes: Note[];
}

export interface PlacedNotes {
  anchors: Map<string, Anchor>;
  spots: Spot[];
  /** Notes per statement id (the label badges). */
  badges: Map<number, number>;
}

export function placeNotes(
  text: string,
  quotes: readonly Quote[],
  notes: readonly Note[],
): PlacedNotes {
  const anchors = new Map<string, Anchor>();
  const bySpan = new Map<string, Spot>();
  const badges = new Map<number, number>();
  for (const note of notes) {
    const a = reanchor(text, noteSelectors(note));
    anchors.set(note.id, a);
    if (a.status !== 'anchored') continue;
    const q = quoteAt(quotes, a);
    const key = q ? `q${q.id}` : `s${a.start}-${a.end}`;
    let spot = bySpan.get(key);
    if (!spot) {
      spot = q
        ? { key, start: q.start, end: q.end, quote: q, notes: [] }
        : { key, start: a.start, end: a.end, quote: null, notes: [] };
      bySpan.set(key, spot);
    }
    spot.notes.push(note);
    if (q) badges.set(q.id, (badges.get(q.id) ?? 0) + 1);
  }
  return { anchors, spots: [...bySpan.values()].sort((a, b) => a.start - b.start), badges };
}
