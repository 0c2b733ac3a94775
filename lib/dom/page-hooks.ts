/**
 * The seam between the page annotator and features built on it (notes): who may act when the
 * reader asks to add a note from a label's card, which statements carry note badges, and a
 * feed of each finished annotation (text model, offset map, quotes, live ranges).
 * One registry per content-script instance; plain TS, no WXT, never touches the page.
 */
import type { Extraction, Quote, Speaker, TextModel } from '../quotes/types';
import type { OffsetMap } from './text-model';

/** The page as annotated: what notes need to anchor and re-anchor. */
export interface AnnotatedPage {
  url: string;
  model: TextModel;
  map: OffsetMap;
  extraction: Extraction;
  /** The live DOM Range of a statement (null if its text is gone). */
  rangeOf(quoteId: number): Range | null;
}

export interface AddNoteRequest {
  quote: Quote;
  speaker: Speaker | null;
  page: AnnotatedPage;
  /** Puts keyboard focus back on what asked (the statement's label) when the editor closes. */
  returnFocus?: () => void;
}

type AnnotatedListener = (page: AnnotatedPage | null) => void;

let addNoteHandler: ((request: AddNoteRequest) => void) | null = null;
const annotatedListeners = new Set<AnnotatedListener>();
const badgeListeners = new Set<(counts: ReadonlyMap<number, number>) => void>();
let current: AnnotatedPage | null = null;
let badges: ReadonlyMap<number, number> = new Map();

/** The notes feature installs what "Add note" does; returns an uninstall. */
export function setAddNoteHandler(handler: (request: AddNoteRequest) => void): () => void {
  addNoteHandler = handler;
  return () => {
    if (addNoteHandler === handler) addNoteHandler = null;
  };
}

export function canAddNote(): boolean {
  return addNoteHandler !== null;
}

/** Called by the card. False when no notes feature is installed. */
export function requestAddNote(request: AddNoteRequest): boolean {
  if (!addNoteHandler) return false;
  addNoteHandler(request);
  return true;
}

/**
 * Called after every (re-)annotation with the page, and with null when the marks are cleared
 * (switched off, navigation). A new listener is told the current page at once.
 */
export function onAnnotated(listener: AnnotatedListener): () => void {
  annotatedListeners.add(listener);
  if (current) listener(current);
  return () => annotatedListeners.delete(listener);
}

export function currentPage(): AnnotatedPage | null {
  return current;
}

/** The annotator publishes here. */
export function publishAnnotated(page: AnnotatedPage | null): void {
  current = page;
  for (const l of annotatedListeners) {
    try {
      l(page);
    } catch (err) {
      console.error('[QuoteLens] annotated listener failed', err);
    }
  }
}

/** Note badges: how many notes each statement (quote id) has. Replaces the previous counts. */
export function setNoteBadges(counts: ReadonlyMap<number, number>): void {
  badges = new Map(counts);
  for (const l of badgeListeners) l(badges);
}

export function noteBadges(): ReadonlyMap<number, number> {
  return badges;
}

export function onNoteBadges(listener: (counts: ReadonlyMap<number, number>) => void): () => void {
  badgeListeners.add(listener);
  return () => badgeListeners.delete(listener);
}
