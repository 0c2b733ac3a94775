/**
 * A subtle mark (a dotted underline) under passages that carry the reader's notes, drawn
 * with the CSS Custom Highlight API so the page's nodes are never touched. Where the API
 * is missing nothing is drawn (the note markers in the shadow root still show the notes).
 * Holds no note text: only Ranges under one highlight name.
 */
export const NOTE_HIGHLIGHT = 'quotelens-note';

const RULE = `::highlight(${NOTE_HIGHLIGHT}){text-decoration:underline dotted 2px;text-decoration-color:#c9a227;text-underline-offset:3px}`;

interface HighlightLike {
  add(range: AbstractRange): unknown;
  clear(): void;
}

export interface NoteMarks {
  set(ranges: readonly Range[]): void;
  clear(): void;
}

export function createNoteMarks(doc: Document): NoteMarks {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  const registry = (win?.CSS as { highlights?: Map<string, unknown> } | undefined)?.highlights;
  const Ctor = (win as unknown as { Highlight?: new () => HighlightLike } | null)?.Highlight;
  if (!registry || typeof Ctor !== 'function') return { set() {}, clear() {} };
  const highlight = new Ctor();
  let sheet: CSSStyleSheet | null = null;

  function ensureSheet() {
    if (sheet) return;
    try {
      const s = new (win as Window & typeof globalThis).CSSStyleSheet();
      s.insertRule(RULE);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, s];
      sheet = s;
    } catch {
      // Without the rule the highlight is simply invisible; the markers still show notes.
    }
  }

  return {
    set(ranges) {
      highlight.clear();
      for (const r of ranges) highlight.add(r);
      if (ranges.length) {
        ensureSheet();
        registry.set(NOTE_HIGHLIGHT, highlight);
      } else registry.delete(NOTE_HIGHLIGHT);
    },
    clear() {
      highlight.clear();
      registry.delete(NOTE_HIGHLIGHT);
      if (sheet) doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      sheet = null;
    },
  };
}
