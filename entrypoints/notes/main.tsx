/**
 * The notes page (notes.html): wiring only. Feeds components/notes/NotesPage with the
 * background's notes store (lib/messages.ts `notes:*`), opens articles at a note, and
 * follows changes made elsewhere (other tabs) through the store's change signal.
 */
import './style.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { LibraryPage } from '../../components/library/LibraryPage';
import { noteToItem } from '../../components/notes/adapter';
import type { NotesPageApi } from '../../components/notes/NotesPage';
import { EditConflict, editPatch, type NoteItem } from '../../components/notes/note-item';
import { NOTES_CHANGED_KEY } from '../../lib/messages';
import { readBackup } from '../../lib/notes/backup-reader';
import { NotesRequestError, notesClient } from '../../lib/notes/client';
import type { Note } from '../../lib/notes/web-annotation';
import { createLibraryApi } from './library-api';

const ask = notesClient((m) => browser.runtime.sendMessage(m));

/** The first page is small so the list shows at once; the rest come in large pages. */
const FIRST_PAGE = 100;
const PAGE_SIZE = 1000;

async function listAll(onPartial?: (soFar: NoteItem[]) => void): Promise<NoteItem[]> {
  const out: NoteItem[] = [];
  let cursor: string | null = null;
  // Paged so one message never carries the whole database.
  for (;;) {
    const page: { notes: Note[]; next: string | null } = await ask({
      type: 'notes:list-all',
      limit: cursor ? PAGE_SIZE : FIRST_PAGE,
      order: 'recent',
      ...(cursor ? { cursor } : {}),
    });
    for (const n of page.notes) out.push(noteToItem(n));
    if (!page.next || page.notes.length === 0) return out;
    onPartial?.(out.slice());
    cursor = page.next;
  }
}

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Opens the article in a new tab and asks its content script to bring the note into view. */
async function openAt(note: NoteItem): Promise<void> {
  const tab = await browser.tabs.create({ url: note.url, active: true });
  if (tab.id === undefined) return;
  // The content script answers once the page has loaded and its notes are anchored.
  for (let i = 0; i < 60; i++) {
    await sleep(250);
    try {
      const r = await browser.tabs.sendMessage(tab.id, { type: 'page:show-note', id: note.id });
      if (r) return;
    } catch {
      // Not loaded yet (or no content script on that page): try again shortly.
    }
  }
}

const api: NotesPageApi = {
  list: listAll,
  async update(note, draft, base) {
    const patch = editPatch(note, draft, base ?? note.updated);
    try {
      await ask({ type: 'notes:update', id: note.id, patch });
    } catch (e) {
      if (e instanceof NotesRequestError && e.code === 'conflict' && e.current) {
        const theirs = noteToItem(e.current);
        throw new EditConflict({ body: theirs.body, tags: theirs.tags }, theirs.updated);
      }
      throw e;
    }
  },
  async remove(note) {
    await ask({ type: 'notes:delete', id: note.id });
  },
  async restore(note) {
    await ask({ type: 'notes:restore', id: note.id });
  },
  async exportJsonLd() {
    return (await ask({ type: 'notes:export', format: 'jsonld' })).text;
  },
  async exportMarkdown() {
    return (await ask({ type: 'notes:export', format: 'markdown' })).text;
  },
  async exportParts(format, onProgress, signal) {
    const parts: string[] = [];
    let cursor: string | null = null;
    do {
      if (signal.aborted) throw new DOMException('Export cancelled', 'AbortError');
      const chunk: { text: string; next: string | null; done: number; total: number } = await ask({
        type: 'notes:export-chunk',
        format,
        cursor,
      });
      parts.push(chunk.text);
      onProgress(chunk.done, chunk.total);
      cursor = chunk.next;
    } while (cursor);
    return parts;
  },
  importStream(file, onProgress, signal) {
    return readBackup(file, {
      ask: (m) => ask(m as never),
      onProgress,
      signal,
    });
  },
  async importJsonLd(text) {
    return ask({ type: 'notes:import', text });
  },
  open: openAt,
  subscribe(onChange) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area !== 'session' || !(NOTES_CHANGED_KEY in changes)) return;
      clearTimeout(timer);
      timer = setTimeout(onChange, 150);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
};

// Keep notes through storage pressure: an extension page may ask where the worker cannot.
navigator.storage?.persist?.().catch(() => undefined);

const root = document.getElementById('app');
if (root) render(<LibraryPage notes={api} archive={createLibraryApi()} />, root);
