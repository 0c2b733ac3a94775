/**
 * The notes of one statement (or one selected passage) on the live page: the quote,
 * its notes with their times, edit / delete in place, and a form for a new note.
 * Renders inside QuoteLens's closed shadow root; note text is rendered as text only.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { NoteEditor } from './NoteEditor';
import { formatTime, type NoteDraft, type NoteItem } from './note-item';

export interface NotePanelProps {
  quote: string;
  speaker: string | null;
  notes: readonly NoteItem[];
  /** Which note opens in the editor first: 'new', a note id, or nothing (list only). */
  start?: 'new' | string | null;
  onCreate: (draft: NoteDraft) => Promise<void>;
  /** `base`: the version the reader chose to keep theirs over (after a conflict). */
  onUpdate: (note: NoteItem, draft: NoteDraft, base?: string) => Promise<void>;
  onDelete: (note: NoteItem) => Promise<void>;
  onClose: () => void;
  /** Unsaved drafts by editor: 'new' or a note id (kept across reloads by the caller). */
  drafts?: ReadonlyMap<string, NoteDraft>;
  onDraft?: (editor: string, draft: NoteDraft | null) => void;
}

export function NotePanel(p: NotePanelProps) {
  const initial = p.start ?? (p.notes.length === 0 || p.drafts?.has('new') ? 'new' : null);
  const [editing, setEditing] = useState<string | null>(initial);
  const section = useRef<HTMLElement>(null);
  const wasEditing = useRef(editing);

  // An editor that closes (saved, cancelled) takes the focus with it: keep keyboard readers in
  // the panel, on its close button, so Escape or Tab go on from there.
  useEffect(() => {
    const closed = wasEditing.current !== null && editing === null;
    wasEditing.current = editing;
    const root = section.current;
    if (!closed || !root) return;
    const active = (root.getRootNode() as Document | ShadowRoot).activeElement;
    if (!active || !root.contains(active)) {
      root.querySelector<HTMLElement>('.ql-close')?.focus({ preventScroll: true });
    }
  }, [editing]);

  const close = () => {
    setEditing(null);
    p.onClose();
  };

  return (
    <section
      ref={section}
      class="ql-note-panel"
      role="dialog"
      aria-label={p.speaker ? `Notes on a statement by ${p.speaker}` : 'Notes on the selected text'}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && editing === null) {
          e.preventDefault();
          e.stopPropagation();
          close();
        }
      }}
    >
      {editing === 'new' ? (
        <NoteEditor
          quote={p.quote}
          speaker={p.speaker}
          restored={p.drafts?.get('new') ?? null}
          onDraft={(d) => p.onDraft?.('new', d)}
          onSave={async (d) => {
            await p.onCreate(d);
            setEditing(null);
          }}
          onCancel={() => (p.notes.length ? setEditing(null) : close())}
        />
      ) : (
        <>
          <header class="ql-panel-head">
            <h2 class="ql-note-title">
              {p.notes.length === 1 ? '1 note' : `${p.notes.length} notes`}
            </h2>
            <button type="button" class="ql-btn ql-close" aria-label="Close notes" onClick={close}>
              ×
            </button>
          </header>
          <blockquote class="ql-note-quote">
            <span class="ql-note-quote-text">{clip(p.quote, 280)}</span>
            {p.speaker ? <cite class="ql-note-speaker">— {p.speaker}</cite> : null}
          </blockquote>
        </>
      )}
      {p.notes.length ? (
        <ul class="ql-panel-notes">
          {p.notes.map((n) =>
            editing === n.id ? (
              <li key={n.id}>
                <NoteEditor
                  quote={p.quote}
                  speaker={p.speaker}
                  showQuote={false}
                  initial={{ body: n.body, tags: n.tags }}
                  restored={p.drafts?.get(n.id) ?? null}
                  onDraft={(d) => p.onDraft?.(n.id, d)}
                  created={n.created}
                  updated={n.updated}
                  onSave={async (d, base) => {
                    await (base === undefined ? p.onUpdate(n, d) : p.onUpdate(n, d, base));
                    setEditing(null);
                  }}
                  onCancel={() => setEditing(null)}
                  onDelete={async () => {
                    await p.onDelete(n);
                    setEditing(null);
                  }}
                />
              </li>
            ) : (
              <li key={n.id} class="ql-panel-note" data-note-id={n.id}>
                <p class="ql-note-text">{n.body}</p>
                {n.tags.length ? (
                  <p class="ql-panel-tags">{n.tags.map((t) => `#${t}`).join(' ')}</p>
                ) : null}
                <p class="ql-panel-foot">
                  <time dateTime={n.updated}>{formatTime(n.updated)}</time>
                  <button type="button" class="ql-btn ql-link" onClick={() => setEditing(n.id)}>
                    {p.drafts?.has(n.id) ? 'Edit (unsaved draft)' : 'Edit'}
                  </button>
                  <button
                    type="button"
                    class="ql-btn ql-link ql-danger"
                    onClick={() => p.onDelete(n)}
                  >
                    Delete
                  </button>
                </p>
              </li>
            ),
          )}
        </ul>
      ) : null}
      {editing === null ? (
        <p class="ql-panel-actions">
          <button type="button" class="ql-btn ql-primary" onClick={() => setEditing('new')}>
            {p.notes.length ? 'Add another note' : 'Add note'}
          </button>
        </p>
      ) : null}
    </section>
  );
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
