/**
 * The popup's notes section for the open article: how many notes it has and, apart, those
 * "not found on this page" (orphans: their text changed or went). The popup passes a loader
 * that asks the tab's content script (`page:notes`, lib/messages.ts); this view only renders.
 */
import { useEffect, useState } from 'preact/hooks';
import type { PageNotesState } from '../../lib/messages';
import { OrphanList } from './OrphanList';

export interface PopupNotesProps {
  /** e.g. `() => browser.tabs.sendMessage(tabId, { type: 'page:notes' })`; null: no notes here. */
  load: () => Promise<PageNotesState | null | undefined>;
  notesPageUrl: string;
}

export function PopupNotes({ load, notesPageUrl }: PopupNotesProps) {
  const [state, setState] = useState<PageNotesState | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    load()
      .then((s) => live && setState(s ?? null))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [load]);
  if (failed || !state || state.count === 0) return null;
  const found = state.count - state.orphans.length;
  return (
    <div class="ql-popup-notes">
      <p class="ql-popup-notes-count">
        {state.count === 1 ? '1 note' : `${state.count} notes`} on this page
        {state.orphans.length ? ` (${found} found)` : ''}
      </p>
      <OrphanList orphans={state.orphans} notesPageUrl={notesPageUrl} />
    </div>
  );
}
