/**
 * Everything the popup's views need from the outside world, as one interface:
 * the browser wiring lives in entrypoints/popup/browser-api.ts, tests pass a fake.
 * Views never touch `browser` directly.
 */
import type { NameKind } from '../../lib/archive/identity';
import type { ArchiveSettings } from '../../lib/archive/settings';
import type { LookupHit } from '../../lib/archive/store';
import type { ContentReply, ContentRequest } from '../../lib/messages';
import type { Note } from '../../lib/notes/web-annotation';
import type { Settings } from '../../lib/settings';

export interface TargetTab {
  id: number;
  /** Undefined when the browser does not let us see it. */
  url?: string;
  title?: string;
}

/** The tab the popup works on: found, closed (a `?tab=ID` that is gone), or none at all. */
export type TabLookup = { kind: 'tab'; tab: TargetTab } | { kind: 'closed' } | { kind: 'no-tab' };

/** Notes on the current article, for the count and the link to the notes page. */
export interface NotesInfo {
  count: number;
  /** The notes whose text is no longer found on the page (listed, never dropped). */
  orphans?: Note[];
}

export interface PopupApi {
  findTab(): Promise<TabLookup>;
  /** Sends a request to the tab's content script; rejects when nothing answers. */
  send<R extends ContentRequest>(tabId: number, request: R): Promise<ContentReply<R>>;
  getSettings(): Promise<Settings>;
  setAllEnabled(enabled: boolean): Promise<Settings>;
  setSiteEnabled(site: string, enabled: boolean): Promise<Settings>;
  /** Calls back on any change to the switches (from any context); returns an unsubscribe. */
  watchSettings(cb: (settings: Settings) => void): () => void;
  /** Calls back when the tab navigates or finishes loading, and when it is closed. */
  watchTab(tabId: number, events: { changed: () => void; closed: () => void }): () => void;
  /** Notes on the article at `url` shown in tab `tabId`; null when nobody can say. */
  notesFor(tabId: number, url: string): Promise<NotesInfo | null>;
  /** Calls back whenever notes change anywhere (to refresh the count); returns an unsubscribe. */
  watchNotes?(cb: () => void): () => void;
  openNotesPage(): void;
  reloadTab(tabId: number): Promise<void>;
  copyText(text: string): Promise<void>;
  download(fileName: string, mime: string, text: string): void;
  /** The reader's archive of who said what (issue 15); absent where there is none. */
  archive?: PopupArchiveApi;
}

export interface PopupArchiveApi {
  settings(): Promise<ArchiveSettings>;
  set(patch: Partial<ArchiveSettings>): Promise<ArchiveSettings>;
  /** For each speaker: who the archive knows them as, and in how many other articles. */
  lookup(
    url: string,
    speakers: Array<{ name: string; kind: NameKind; aliases?: string[] }>,
  ): Promise<Array<LookupHit | null>>;
  openSpeaker(personId: string): void;
}
