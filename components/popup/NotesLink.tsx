/**
 * The count of the reader's notes on this article, with the way to the notes page.
 * View only. `info` null = the notes store has not answered (the link still works).
 */
import type { NotesInfo } from './api';

interface Props {
  info: NotesInfo | null;
  onOpen(): void;
}

export function notesCountLabel(info: NotesInfo | null): string {
  if (!info) return 'Your notes';
  const main =
    info.count === 0
      ? 'No notes on this page'
      : info.count === 1
        ? '1 note on this page'
        : `${info.count} notes on this page`;
  const lost = info.orphans?.length ?? 0;
  return lost > 0 ? `${main} (${lost} not found)` : main;
}

export function NotesLink({ info, onOpen }: Props) {
  return (
    <section class="ql-notes" aria-label="Notes">
      <span class="ql-notes-count" data-count={info ? info.count : undefined}>
        {notesCountLabel(info)}
      </span>
      <a
        class="ql-link"
        href="notes.html"
        onClick={(e) => {
          e.preventDefault();
          onOpen();
        }}
      >
        Open notes
      </a>
    </section>
  );
}
