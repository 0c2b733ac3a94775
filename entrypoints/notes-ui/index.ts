/**
 * The notes view for news pages, as a separate file the content script imports only when a
 * page has notes or the reader adds one (entrypoints/content/notes.ts). Runs in the content
 * script's isolated world and hands its factory over there; the page never sees it.
 */
import { createPageNotes } from './page-notes';

export const NOTES_UI_GLOBAL = '__quotelensNotesUi';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[NOTES_UI_GLOBAL] = { createPageNotes };
});
