/**
 * The note panel as the note frame shows it: loads its spot and notes from the background
 * (through the frame's grant token), saves, edits (only the changed fields, from the version
 * the editor opened; a conflict is shown, never resolved silently), deletes with undo, and
 * keeps drafts while the reader types (one record each, in the background's database).
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { NotesRequest, PanelView } from '../../lib/messages';
import { NotesRequestError, type Ok } from '../../lib/notes/client';
import type { Note } from '../../lib/notes/web-annotation';
import { noteToItem } from './adapter';
import { NotePanel } from './NotePanel';
import { EditConflict, editPatch, type NoteDraft } from './note-item';
import { UndoToast } from './UndoToast';

export interface FramePanelProps {
  token: string;
  ask: <R extends NotesRequest>(message: R) => Promise<Ok<R>>;
  /** Calls back when notes changed anywhere; returns an unsubscribe. */
  subscribe: (onChange: () => void) => () => void;
}

/** Drafts are written a moment after typing stops. */
const DRAFT_DELAY_MS = 250;

export function FramePanel({ token, ask, subscribe }: FramePanelProps) {
  const [view, setView] = useState<PanelView | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Note | null>(null);
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const load = async () => {
    try {
      setView(await ask({ type: 'notes:panel-load', token }));
      setProblem(null);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };

  useEffect(() => {
    void load();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(), 150);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [token]);

  const close = () => {
    void ask({ type: 'notes:panel-ui', token, event: 'close' }).catch(() => undefined);
  };

  const keepDraft = (editor: string, draft: NoteDraft | null) => {
    const send = () => {
      timers.current.delete(editor);
      void ask({ type: 'notes:panel-draft', token, editor, draft }).catch(() => undefined);
    };
    clearTimeout(timers.current.get(editor));
    if (draft) timers.current.set(editor, setTimeout(send, DRAFT_DELAY_MS));
    else send();
  };

  if (problem && !view) {
    return (
      <div class="ql-notes-layer">
        <p class="ql-note-error" role="alert">
          {problem}
        </p>
        <button type="button" class="ql-btn" onClick={close}>
          Close
        </button>
      </div>
    );
  }
  if (!view) return <div class="ql-notes-layer" aria-busy="true" />;

  const drafts = new Map(Object.entries(view.drafts));
  return (
    <div class="ql-notes-layer">
      <NotePanel
        quote={view.quote}
        speaker={view.speaker}
        notes={view.notes.map(noteToItem)}
        start={view.start}
        drafts={drafts}
        onDraft={keepDraft}
        onClose={close}
        onCreate={async (d) => {
          await ask({ type: 'notes:panel-add', token, text: d.body, tags: d.tags });
          await load();
        }}
        onUpdate={async (n, d, base) => {
          try {
            await ask({
              type: 'notes:panel-update',
              token,
              id: n.id,
              patch: editPatch(n, d, base ?? n.updated),
            });
          } catch (e) {
            if (e instanceof NotesRequestError && e.code === 'conflict' && e.current) {
              const theirs = noteToItem(e.current);
              throw new EditConflict({ body: theirs.body, tags: theirs.tags }, theirs.updated);
            }
            throw e;
          }
          await load();
        }}
        onDelete={async (n) => {
          const { note } = await ask({ type: 'notes:panel-delete', token, id: n.id });
          setDeleted(note);
          await load();
        }}
      />
      {problem ? (
        <p class="ql-note-error" role="alert">
          {problem}
        </p>
      ) : null}
      {deleted ? (
        <UndoToast
          message="Note deleted."
          onUndo={async () => {
            const gone = deleted;
            setDeleted(null);
            try {
              await ask({ type: 'notes:panel-restore', token, id: gone.id });
              await load();
            } catch (e) {
              setProblem(`Could not restore the note: ${e instanceof Error ? e.message : e}`);
            }
          }}
          onDismiss={() => setDeleted(null)}
        />
      ) : null}
    </div>
  );
}
