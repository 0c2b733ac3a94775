/**
 * The notes page: every note from every article, grouped by article (title, site),
 * searchable over note text, quoted text, speaker and tags; open the article at the
 * note, edit, delete (with undo), export JSON-LD / Markdown, import JSON-LD.
 * The list is windowed (VirtualList) so 10,000 notes stay smooth.
 * Talks to storage only through the `NotesPageApi` it is given; renders text only.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { NoteEditor } from './NoteEditor';
import {
  formatTime,
  groupByArticle,
  type NoteDraft,
  type NoteItem,
  noteMatcher,
} from './note-item';
import { UndoToast } from './UndoToast';
import { VirtualList } from './VirtualList';

export interface ImportReport {
  added: number;
  updated: number;
  skipped: number;
  /** Notes kept as copies beside a note of yours with the same id (yours unchanged). */
  copies?: number;
}

/** Told as a long export or import goes on: done of total (notes, or bytes read). */
export type OnProgress = (done: number, total: number) => void;

export type ExportFormat = 'jsonld' | 'markdown';

export interface NotesPageApi {
  /** Every note. `onPartial` may be called with the notes read so far (first paint sooner). */
  list(onPartial?: (soFar: NoteItem[]) => void): Promise<NoteItem[]>;
  /**
   * Stores the reader's edit (only the changed fields, from the version `note` is, or from
   * `base` when the reader chose to keep theirs over a newer one); rejects with a reason to
   * show, or with an EditConflict when the note changed elsewhere meanwhile.
   */
  update(note: NoteItem, draft: NoteDraft, base?: string): Promise<void>;
  remove(note: NoteItem): Promise<void>;
  /** Puts a just-deleted note back exactly as it was (undo). */
  restore(note: NoteItem): Promise<void>;
  /** All notes as W3C Web Annotation JSON-LD text. */
  exportJsonLd(): Promise<string>;
  /** All notes as readable Markdown. */
  exportMarkdown(): Promise<string>;
  /** Rejects with the importer's message on a malformed file (nothing changed). */
  importJsonLd(text: string): Promise<ImportReport>;
  /**
   * A backup of any size, a chunk at a time: the file's text in pieces (for a Blob). Rejects
   * with an AbortError when `signal` aborts. Without it, exportJsonLd/exportMarkdown are used.
   */
  exportParts?(
    format: ExportFormat,
    onProgress: OnProgress,
    signal: AbortSignal,
  ): Promise<string[]>;
  /**
   * Imports a file of any size, streamed in chunks; changes nothing unless it all succeeds,
   * and nothing when `signal` aborts first (rejects with an AbortError).
   */
  importStream?(file: File, onProgress: OnProgress, signal: AbortSignal): Promise<ImportReport>;
  /** Opens the article and brings the note into view. */
  open(note: NoteItem): Promise<void>;
  /** Tells the page when notes change elsewhere (another tab). Returns an unsubscribe. */
  subscribe?(onChange: () => void): () => void;
  download?(filename: string, text: string, type: string): void;
}

type Row =
  | { kind: 'group'; key: string; title: string; site: string; url: string; count: number }
  | { kind: 'note'; note: NoteItem; pos: number };

export const GROUP_ROW_HEIGHT = 64;
export const NOTE_ROW_HEIGHT = 136;
const heightOf = (r: Row) => (r.kind === 'group' ? GROUP_ROW_HEIGHT : NOTE_ROW_HEIGHT);

type Flash = { kind: 'ok' | 'error'; text: string } | null;

interface Task {
  label: string;
  unit: 'notes' | 'bytes';
  done: number;
  total: number;
  cancel: () => void;
}

export function NotesPage({ api }: { api: NotesPageApi }) {
  const [task, setTask] = useState<Task | null>(null);
  const [notes, setNotes] = useState<NoteItem[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [complete, setComplete] = useState(true);
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<NoteItem | null>(null);
  const [deleted, setDeleted] = useState<NoteItem | null>(null);
  const [flash, setFlash] = useState<Flash>(null);
  const [active, setActive] = useState(-1);
  const searchRef = useRef<HTMLInputElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const loadedOnce = useRef(false);
  const reload = useCallback(async () => {
    try {
      // On first load, show the first notes while the rest are still being read.
      const partial = loadedOnce.current
        ? undefined
        : (soFar: NoteItem[]) => {
            setNotes(soFar);
            setComplete(false);
          };
      setNotes(await api.list(partial));
      setComplete(true);
      loadedOnce.current = true;
      setLoadError(null);
    } catch (e) {
      setLoadError(e instanceof Error ? e.message : String(e));
    }
  }, [api]);

  useEffect(() => {
    void reload();
    return api.subscribe?.(() => void reload());
  }, [api, reload]);

  const groups = useMemo(() => {
    const match = noteMatcher(query);
    return groupByArticle((notes ?? []).filter(match));
  }, [notes, query]);

  const rows = useMemo(() => {
    const out: Row[] = [];
    let pos = 0;
    for (const g of groups) {
      out.push({
        kind: 'group',
        key: g.key,
        title: g.title,
        site: g.site,
        url: g.url,
        count: g.notes.length,
      });
      for (const note of g.notes) out.push({ kind: 'note', note, pos: ++pos });
    }
    return out;
  }, [groups]);
  const shown = rows.length - groups.length;

  // Keyboard: the active row follows arrows; focus moves once it is rendered.
  useEffect(() => {
    if (active < 0) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-row="${active}"]`);
    el?.focus({ preventScroll: true });
    // Only when the active row changes: a list refresh (another tab) must not steal focus.
  }, [active]);

  // "/" anywhere (outside a text field) goes to the search box, from the first frame on.
  useLayoutEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
      if (t?.closest('input, textarea, [contenteditable=""], [contenteditable="true"]')) return;
      e.preventDefault();
      searchRef.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  // Closing the dialog puts focus back on the note it was opened from.
  const wasEditing = useRef(false);
  useEffect(() => {
    if (editing) {
      wasEditing.current = true;
      return;
    }
    if (!wasEditing.current) return;
    wasEditing.current = false;
    listRef.current?.querySelector<HTMLElement>(`[data-row="${active}"]`)?.focus();
  }, [editing, active]);

  function moveActive(delta: number) {
    let i = active;
    for (;;) {
      i += delta;
      if (i < 0 || i >= rows.length) return;
      if (rows[i]?.kind === 'note') break;
    }
    setActive(i);
  }

  function onListKey(e: KeyboardEvent, row: Row) {
    if (row.kind !== 'note') return;
    if (e.target !== e.currentTarget) return; // keys typed into a row's buttons stay theirs
    if (e.key === 'ArrowDown' || e.key === 'j') moveActive(1);
    else if (e.key === 'ArrowUp' || e.key === 'k') moveActive(-1);
    else if (e.key === 'Enter' || e.key === 'e') setEditing(row.note);
    else if (e.key === 'o') void openNote(row.note);
    else if (e.key === 'Delete') void removeNote(row.note);
    else return;
    e.preventDefault();
  }

  async function openNote(note: NoteItem) {
    try {
      await api.open(note);
    } catch (e) {
      setFlash({ kind: 'error', text: `Could not open the article: ${message(e)}` });
    }
  }

  async function saveEdit(note: NoteItem, draft: NoteDraft, base?: string) {
    // A rejection (or an EditConflict) stays in the editor with the draft.
    await (base === undefined ? api.update(note, draft) : api.update(note, draft, base)); // stays in the editor with the draft
    setEditing(null);
    await reload();
  }

  async function removeNote(note: NoteItem) {
    try {
      await api.remove(note);
      setEditing(null);
      setDeleted(note);
      await reload();
    } catch (e) {
      setFlash({ kind: 'error', text: `Could not delete the note: ${message(e)}` });
    }
  }

  async function undoDelete() {
    const note = deleted;
    setDeleted(null);
    if (!note) return;
    try {
      await api.restore(note);
      await reload();
    } catch (e) {
      setFlash({ kind: 'error', text: `Could not restore the note: ${message(e)}` });
    }
  }

  /** Runs a long export or import with a progress bar and a Cancel button. */
  async function withTask<T>(
    label: string,
    unit: 'notes' | 'bytes',
    work: (onProgress: OnProgress, signal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const controller = new AbortController();
    const show = (done: number, total: number) =>
      setTask({ label, unit, done, total, cancel: () => controller.abort() });
    show(0, 0);
    try {
      return await work(show, controller.signal);
    } finally {
      setTask(null);
    }
  }

  async function exportAs(format: ExportFormat) {
    const [ext, type] =
      format === 'jsonld' ? ['jsonld', 'application/ld+json'] : ['md', 'text/markdown'];
    const filename = `quotelens-notes-${today()}.${ext}`;
    try {
      const parts = api.exportParts
        ? await withTask('Exporting', 'notes', (p, signal) =>
            (api.exportParts as NonNullable<NotesPageApi['exportParts']>)(format, p, signal),
          )
        : [format === 'jsonld' ? await api.exportJsonLd() : await api.exportMarkdown()];
      save(api, filename, parts, type);
    } catch (e) {
      if (isAbort(e)) setFlash({ kind: 'ok', text: 'Export cancelled.' });
      else setFlash({ kind: 'error', text: `Export failed: ${message(e)}` });
    }
  }

  async function importFile(file: File) {
    try {
      let r: ImportReport;
      if (api.importStream) {
        const stream = api.importStream;
        r = await withTask(`Importing ${file.name}`, 'bytes', (p, signal) =>
          stream(file, p, signal),
        );
      } else {
        let text: string;
        try {
          text = await file.text();
        } catch (e) {
          setFlash({ kind: 'error', text: `Could not read ${file.name}: ${message(e)}` });
          return;
        }
        r = await api.importJsonLd(text);
      }
      setFlash({ kind: 'ok', text: importReport(file.name, r) });
      await reload();
    } catch (e) {
      if (isAbort(e)) {
        setFlash({ kind: 'ok', text: `Import of ${file.name} cancelled: nothing changed.` });
      } else {
        setFlash({ kind: 'error', text: `Nothing imported from ${file.name}: ${message(e)}` });
      }
    }
  }

  const total = notes?.length ?? 0;
  return (
    <div class="ql-page">
      {/* While the edit dialog is open the rest of the page is inert: focus stays in the dialog. */}
      <header class="ql-header" inert={editing !== null}>
        <h1>QuoteLens notes</h1>
        <p class="ql-count" aria-live="polite">
          {notes === null
            ? 'Loading…'
            : !complete
              ? `Loading… ${plural(total, 'note')} so far`
              : query
                ? `${shown} of ${plural(total, 'note')} match`
                : `${plural(total, 'note')} on ${plural(groups.length, 'article')}`}
        </p>
        <div class="ql-toolbar">
          <input
            ref={searchRef}
            type="search"
            class="ql-search"
            placeholder="Search notes, quotes, speakers, tags"
            aria-label="Search notes"
            value={query}
            onInput={(e) => {
              setQuery(e.currentTarget.value);
              setActive(-1);
            }}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown') {
                e.preventDefault();
                setActive(-1);
                const first = rows.findIndex((r) => r.kind === 'note');
                if (first >= 0) setActive(first);
              }
            }}
          />
          <button
            type="button"
            class="ql-btn"
            onClick={() => void exportAs('jsonld')}
            disabled={!total || task !== null}
          >
            Export JSON-LD
          </button>
          <button
            type="button"
            class="ql-btn"
            onClick={() => void exportAs('markdown')}
            disabled={!total || task !== null}
          >
            Export Markdown
          </button>
          <button
            type="button"
            class="ql-btn"
            onClick={() => fileRef.current?.click()}
            disabled={task !== null}
          >
            Import JSON-LD…
          </button>
          <input
            ref={fileRef}
            type="file"
            accept=".jsonld,.json,application/ld+json,application/json"
            hidden
            aria-label="JSON-LD file to import"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (file) void importFile(file);
            }}
          />
        </div>
        <p class="ql-keys-help" id="ql-keys-help">
          Keys: <kbd>/</kbd> search · <kbd>↑</kbd> <kbd>↓</kbd> move between notes ·{' '}
          <kbd>Enter</kbd> edit · <kbd>o</kbd> open article · <kbd>Delete</kbd> delete
        </p>
        {task ? (
          <div class="ql-progress" role="status" aria-live="polite">
            <progress
              max={task.total || undefined}
              value={task.total ? task.done : undefined}
              aria-label={task.label}
            />
            <span>
              {task.label}
              {task.total
                ? task.unit === 'notes'
                  ? ` — ${task.done.toLocaleString('en')} of ${plural(task.total, 'note')}`
                  : ` — ${Math.round((100 * task.done) / task.total)}%`
                : '…'}
            </span>
            <button type="button" class="ql-btn" onClick={task.cancel}>
              Cancel
            </button>
          </div>
        ) : null}
        {flash ? (
          <p class={`ql-flash ql-${flash.kind}`} role={flash.kind === 'error' ? 'alert' : 'status'}>
            {flash.text}
            <button
              type="button"
              class="ql-btn ql-link"
              aria-label="Dismiss message"
              onClick={() => setFlash(null)}
            >
              ×
            </button>
          </p>
        ) : null}
      </header>

      {loadError ? (
        <p class="ql-flash ql-error" role="alert">
          Could not load notes: {loadError}
        </p>
      ) : notes !== null && total === 0 ? (
        <p class="ql-empty">
          No notes yet. On an article, open a statement's label and choose “Add note”, or select
          text and press Alt+Shift+K.
        </p>
      ) : notes !== null && shown === 0 ? (
        <p class="ql-empty">No note matches “{query}”.</p>
      ) : (
        <div ref={listRef} class="ql-list-wrap" inert={editing !== null}>
          <VirtualList
            class="ql-list"
            label="Notes by article"
            rows={rows}
            heightOf={heightOf}
            scrollToIndex={active}
            renderRow={(row, i, style) =>
              row.kind === 'group' ? (
                <li key={`g:${row.key}`} class="ql-group" style={style}>
                  <h2 class="ql-group-title" title={row.title}>
                    <a href={safeHref(row.url)} target="_blank" rel="noreferrer">
                      {row.title || row.url}
                    </a>
                  </h2>
                  <p class="ql-group-meta">
                    <span class="ql-site">{row.site}</span> · {row.count}{' '}
                    {row.count === 1 ? 'note' : 'notes'}
                  </p>
                </li>
              ) : (
                <NoteRow
                  key={`n:${row.note.id}`}
                  note={row.note}
                  index={i}
                  pos={row.pos}
                  setSize={shown}
                  style={style}
                  active={active === i || (active < 0 && row.pos === 1)}
                  onKey={(e) => onListKey(e, row)}
                  onFocus={() => setActive(i)}
                  onOpen={() => openNote(row.note)}
                  onEdit={() => {
                    setActive(i);
                    setEditing(row.note);
                  }}
                  onDelete={() => removeNote(row.note)}
                  onTag={(t) => {
                    setQuery(t);
                    setActive(-1);
                  }}
                />
              )
            }
          />
        </div>
      )}

      {editing ? (
        // No close-on-backdrop-click: a stray click must not throw away a draft.
        <div class="ql-modal-backdrop">
          <div class="ql-modal" role="dialog" aria-modal="true" aria-label="Edit note">
            <NoteEditor
              key={editing.id}
              quote={editing.exact}
              speaker={editing.speaker}
              initial={{ body: editing.body, tags: editing.tags }}
              created={editing.created}
              updated={editing.updated}
              onSave={(d, base) => saveEdit(editing, d, base)}
              onCancel={() => setEditing(null)}
              onDelete={() => removeNote(editing)}
            />
          </div>
        </div>
      ) : null}

      {deleted ? (
        <UndoToast message="Note deleted." onUndo={undoDelete} onDismiss={() => setDeleted(null)} />
      ) : null}
    </div>
  );
}

interface NoteRowProps {
  note: NoteItem;
  index: number;
  pos: number;
  setSize: number;
  style: Record<string, string>;
  active: boolean;
  onKey: (e: KeyboardEvent) => void;
  onFocus: () => void;
  onOpen: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onTag: (tag: string) => void;
}

function NoteRow(p: NoteRowProps) {
  const { note } = p;
  return (
    <li
      class="ql-note-row"
      style={p.style}
      aria-posinset={p.pos}
      aria-setsize={p.setSize}
      aria-describedby="ql-keys-help"
      aria-label={`Note on ${note.speaker ? `${note.speaker}: ` : ''}${clip(note.exact, 60)}`}
      tabIndex={p.active ? 0 : -1}
      data-row={p.index}
      data-note-id={note.id}
      onKeyDown={p.onKey}
      onFocus={(e) => {
        if (e.target === e.currentTarget) p.onFocus();
      }}
    >
      <div class="ql-note">
        <p class="ql-note-q">
          <q>{note.exact}</q>
          {note.speaker ? <span class="ql-note-who"> — {note.speaker}</span> : null}
        </p>
        <p class="ql-note-text">{note.body}</p>
        <div class="ql-note-foot">
          {note.tags.length ? (
            <ul class="ql-tags" aria-label="Tags">
              {note.tags.map((t) => (
                <li key={t}>
                  <button
                    type="button"
                    class="ql-tag"
                    tabIndex={p.active ? 0 : -1}
                    aria-label={`Show notes tagged ${t}`}
                    onClick={() => p.onTag(t)}
                  >
                    #{t}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
          <time class="ql-time" dateTime={note.updated}>
            {formatTime(note.updated)}
          </time>
          <span class="ql-row-actions">
            <button
              type="button"
              class="ql-btn ql-link"
              onClick={p.onOpen}
              tabIndex={p.active ? 0 : -1}
            >
              Open article
            </button>
            <button
              type="button"
              class="ql-btn ql-link"
              onClick={p.onEdit}
              tabIndex={p.active ? 0 : -1}
            >
              Edit
            </button>
            <button
              type="button"
              class="ql-btn ql-link ql-danger"
              onClick={p.onDelete}
              tabIndex={p.active ? 0 : -1}
            >
              Delete
            </button>
          </span>
        </div>
      </div>
    </li>
  );
}

/** Only web addresses become links (an imported note could carry any IRI). */
function safeHref(url: string): string | undefined {
  return /^https?:\/\//i.test(url) ? url : undefined;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function isAbort(e: unknown): boolean {
  return (e as { name?: unknown } | null)?.name === 'AbortError';
}

/** What an import did, in words: nothing of yours is replaced, and copies are counted. */
export function importReport(name: string, r: ImportReport): string {
  const parts = [`${r.added} added`];
  if (r.copies) {
    parts.push(
      `${r.copies} kept as copies beside your own notes with the same id (yours unchanged)`,
    );
  }
  parts.push(`${r.updated} updated`, `${r.skipped} skipped`);
  return `Imported ${name}: ${parts.join(', ')}.`;
}

function save(api: NotesPageApi, filename: string, parts: string[], type: string) {
  if (api.download) return api.download(filename, parts.join(''), type);
  // A Blob of the pieces: a 200,000-note file is never one string.
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
