/**
 * "Not found on this page": the notes of this article whose text is gone.
 * A small view the popup renders; orphans are kept and listed, never dropped.
 * Note text is rendered as text only.
 */
import type { Note } from '../../lib/notes/web-annotation';
import { noteToItem } from './adapter';

export interface OrphanListProps {
  /** `PageNotesState.orphans` from the tab's content script (`page:notes`). */
  orphans: readonly Note[];
  /** Where the reader can see and edit every note (the notes page). */
  notesPageUrl?: string;
}

export function OrphanList({ orphans, notesPageUrl }: OrphanListProps) {
  if (orphans.length === 0) return null;
  return (
    <section class="ql-orphans" aria-labelledby="ql-orphans-title">
      <h3 id="ql-orphans-title">Not found on this page ({orphans.length})</h3>
      <p class="ql-hint">
        The text these notes were on has changed or gone. They are kept; edit or delete them on the
        notes page.
      </p>
      <ul>
        {orphans.map(noteToItem).map((n) => (
          <li key={n.id} class="ql-orphan">
            <q class="ql-orphan-quote">{clip(n.exact, 140)}</q>
            {n.speaker ? <span class="ql-orphan-speaker"> — {n.speaker}</span> : null}
            <p class="ql-orphan-body">{clip(n.body, 240)}</p>
            {n.tags.length ? (
              <p class="ql-orphan-tags">{n.tags.map((t) => `#${t}`).join(' ')}</p>
            ) : null}
          </li>
        ))}
      </ul>
      {notesPageUrl ? (
        <a href={notesPageUrl} target="_blank" rel="noreferrer">
          Open the notes page
        </a>
      ) : null}
    </section>
  );
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
