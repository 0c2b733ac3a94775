/**
 * The anchoring layer's vocabulary: how a span of an article's text is described so it can be
 * found again after the page changes (W3C Web Annotation selectors, as Hypothesis anchors:
 * the quote with some context, and its position as a hint). lib/dom/anchor.ts makes and
 * resolves them; notes (lib/notes/web-annotation.ts) store them. Types only.
 */

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  /** Offsets into the article's TextModel.text (lib/quotes/types.ts). */
  start: number;
  end: number;
}

export type Selector = TextQuoteSelector | TextPositionSelector;

/** The two selectors QuoteLens writes for every span; `position` may be absent on import. */
export interface NoteSelectors {
  quote: TextQuoteSelector;
  position?: TextPositionSelector;
}
