/**
 * Maps the store's notes (W3C Web Annotations, lib/notes/web-annotation.ts) to the
 * views' NoteItem. Pure; the one place the views learn how a Note is shaped.
 */
import {
  type Note,
  noteQuote,
  noteSpeaker,
  noteTags,
  noteText,
} from '../../lib/notes/web-annotation';
import type { NoteItem } from './note-item';

export function noteToItem(note: Note): NoteItem {
  return {
    id: note.id,
    articleKey: note.target.source,
    // Open what the reader had open: the canonical URL may point elsewhere (another host, AMP).
    url: note.quotelens.pageUrl || note.target.source,
    title: note.quotelens.title,
    site: note.quotelens.site,
    exact: noteQuote(note),
    speaker: noteSpeaker(note),
    body: noteText(note),
    tags: noteTags(note),
    created: note.created,
    updated: note.modified,
  };
}
