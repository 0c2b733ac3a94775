/**
 * The note editor: body (multi-line plain text), optional tags, created/updated
 * times, save / cancel / delete. Used in the page's closed shadow root and on the
 * notes page. Note text is only ever rendered as text (JSX children, form values),
 * never as HTML. A failed save (quota, storage) is shown and the draft is kept.
 */
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { EditConflict, formatTime, type NoteDraft, parseTags } from './note-item';

export interface NoteEditorProps {
  /** The statement or selected text the note is on. */
  quote: string;
  speaker?: string | null;
  initial?: NoteDraft;
  created?: string;
  updated?: string;
  /**
   * Resolves when stored; rejects with the reason to show (the draft stays), or with an
   * EditConflict when the note changed elsewhere. `base` is given when the reader chose to keep
   * their version over that newer one (the save then starts from it).
   */
  onSave: (draft: NoteDraft, base?: string) => Promise<void>;
  onCancel: () => void;
  /** Present for an existing note. */
  onDelete?: () => Promise<void>;
  autoFocus?: boolean;
  /** False where the quote is already on screen just above (the notes panel). */
  showQuote?: boolean;
  /** An unsaved draft kept from before (a reload, a closed editor): the editor starts with it. */
  restored?: NoteDraft | null;
  /** Told of every change to the draft (to keep it), and null once it is saved or discarded. */
  onDraft?: (draft: NoteDraft | null) => void;
}

export function NoteEditor(props: NoteEditorProps) {
  const { quote, speaker, initial, created, updated, onSave, onCancel, onDelete } = props;
  const start = props.restored ?? initial;
  const [body, setBody] = useState(start?.body ?? '');
  const [tagText, setTagText] = useState((start?.tags ?? []).join(', '));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const [conflict, setConflict] = useState<EditConflict | null>(null);
  const [showBoth, setShowBoth] = useState(false);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const id = useId();

  useEffect(() => {
    if (props.autoFocus !== false) bodyRef.current?.focus();
  }, []);

  const tags = parseTags(tagText);
  const dirty =
    body !== (initial?.body ?? '') || tags.join('\n') !== (initial?.tags ?? []).join('\n');
  const empty = body.trim() === '' && tags.length === 0;

  async function save(base?: string) {
    if (busy || empty) return;
    setBusy(true);
    setError(null);
    try {
      await (base === undefined ? onSave({ body, tags }) : onSave({ body, tags }, base));
      setConflict(null);
      props.onDraft?.(null);
    } catch (e) {
      if (e instanceof EditConflict) {
        setConflict(e);
      } else {
        setError(describeError(e));
      }
    } finally {
      setBusy(false);
    }
  }

  function keepTheirs() {
    // Their version stays as stored; this editor's text is dropped, on the reader's word.
    setConflict(null);
    props.onDraft?.(null);
    onCancel();
  }

  async function remove() {
    if (!onDelete || busy) return;
    setBusy(true);
    setError(null);
    try {
      await onDelete();
      props.onDraft?.(null);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  function cancel() {
    // A typed draft is never thrown away by one stray Escape.
    if (dirty && !confirmDiscard) {
      setConfirmDiscard(true);
      return;
    }
    props.onDraft?.(null);
    onCancel();
  }

  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      cancel();
    }
  }

  return (
    <form
      class="ql-note-editor"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={onKeyDown}
    >
      <h2 class="ql-note-title" id={`${id}-title`}>
        {onDelete ? 'Edit note' : 'New note'}
      </h2>
      {props.showQuote === false ? null : (
        <blockquote class="ql-note-quote">
          <span class="ql-note-quote-text">{clip(quote, 280)}</span>
          {speaker ? <cite class="ql-note-speaker">— {speaker}</cite> : null}
        </blockquote>
      )}
      <label class="ql-field" for={`${id}-body`}>
        Note
      </label>
      <textarea
        id={`${id}-body`}
        ref={bodyRef}
        class="ql-note-body"
        rows={4}
        value={body}
        onInput={(e) => {
          setBody(e.currentTarget.value);
          setConfirmDiscard(false);
          props.onDraft?.({ body: e.currentTarget.value, tags });
        }}
        placeholder="Your note (plain text)"
      />
      <label class="ql-field" for={`${id}-tags`}>
        Tags <span class="ql-hint">(optional, comma-separated)</span>
      </label>
      <input
        id={`${id}-tags`}
        class="ql-note-tags"
        type="text"
        value={tagText}
        onInput={(e) => {
          setTagText(e.currentTarget.value);
          setConfirmDiscard(false);
          props.onDraft?.({ body, tags: parseTags(e.currentTarget.value) });
        }}
        autocomplete="off"
        spellcheck={false}
      />
      {created ? (
        <p class="ql-note-times">
          Created <time dateTime={created}>{formatTime(created)}</time>
          {updated && updated !== created ? (
            <>
              {' · '}edited <time dateTime={updated}>{formatTime(updated)}</time>
            </>
          ) : null}
        </p>
      ) : null}
      {props.restored ? (
        <p class="ql-note-warn" role="status">
          Your unsaved draft was kept and is back here.
        </p>
      ) : null}
      {error ? (
        <p class="ql-note-error" role="alert">
          Not saved: {error} Your text is kept here — try again.
        </p>
      ) : null}
      {conflict ? (
        <div class="ql-note-conflict" role="alert">
          <p>
            Changed elsewhere since you opened it (
            <time dateTime={conflict.theirsUpdated}>{formatTime(conflict.theirsUpdated)}</time>).
            Nothing was saved.
          </p>
          {showBoth ? (
            <div class="ql-note-theirs">
              <p class="ql-field">Their version</p>
              <p class="ql-note-text">{conflict.theirs.body}</p>
              {conflict.theirs.tags.length ? (
                <p class="ql-panel-tags">{conflict.theirs.tags.map((t) => `#${t}`).join(' ')}</p>
              ) : null}
              <p class="ql-field">Yours is in the editor above.</p>
            </div>
          ) : null}
          <p class="ql-note-actions">
            <button
              type="button"
              class="ql-btn ql-primary"
              disabled={busy}
              onClick={() => void save(conflict.theirsUpdated)}
            >
              Keep mine
            </button>
            <button type="button" class="ql-btn" disabled={busy} onClick={keepTheirs}>
              Keep theirs
            </button>
            <button
              type="button"
              class="ql-btn"
              aria-pressed={showBoth}
              onClick={() => setShowBoth(!showBoth)}
            >
              {showBoth ? 'Hide theirs' : 'See both'}
            </button>
          </p>
        </div>
      ) : null}
      {confirmDiscard ? (
        <p class="ql-note-warn" role="status">
          Unsaved changes. Press Escape or Cancel again to discard them.
        </p>
      ) : null}
      <div class="ql-note-actions">
        <button type="submit" class="ql-btn ql-primary" disabled={busy || empty}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" class="ql-btn" onClick={cancel} disabled={busy}>
          Cancel
        </button>
        {onDelete ? (
          <button type="button" class="ql-btn ql-danger" onClick={remove} disabled={busy}>
            Delete
          </button>
        ) : null}
        <span class="ql-hint ql-keys">Ctrl+Enter to save</span>
      </div>
    </form>
  );
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** A reader-facing reason; storage quota errors get plain words. */
export function describeError(e: unknown): string {
  const name = (e as { name?: unknown })?.name;
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return 'the browser has no storage space left for QuoteLens.';
  }
  const text = message.trim() || 'storage error.';
  return /[.!?]$/.test(text) ? text : `${text}.`;
}
