/**
 * What the library page's Speakers view needs from the outside (the background's archive);
 * entrypoints/notes/main.tsx wires it, tests pass a fake. Views never touch `browser`.
 */
import type { ExportFormat } from '../../lib/archive/messages';
import type { ArchiveArticle } from '../../lib/archive/records';
import type { ArchiveSettings } from '../../lib/archive/settings';
import type {
  ArchiveStats,
  PersonSummary,
  SpeakerPage,
  StatementView,
} from '../../lib/archive/store';

export interface LibraryApi {
  settings(): Promise<ArchiveSettings>;
  set(patch: Partial<ArchiveSettings>): Promise<ArchiveSettings>;
  people(query: string): Promise<PersonSummary[]>;
  /** A page of results; `after` (the last statement shown) asks for the next one. */
  search(
    query: string,
    after?: string,
  ): Promise<{ people: PersonSummary[]; statements: StatementView[]; more: boolean }>;
  speaker(id: string): Promise<SpeakerPage>;
  articles(site?: string): Promise<ArchiveArticle[]>;
  merge(from: string, into: string): Promise<PersonSummary>;
  split(id: string, nameKey: string): Promise<PersonSummary>;
  forget(scope: 'article' | 'site' | 'all', key?: string): Promise<void>;
  exportArchive(id: string | null, format: ExportFormat): Promise<void>;
  stats(): Promise<{ stats: ArchiveStats; usage: number | null }>;
  /**
   * Opens the article at the statement, re-anchored as notes are: 'orphaned' when its words
   * are gone from the page (kept in the archive all the same), 'unknown' when no one answers.
   */
  open(statement: StatementView): Promise<'shown' | 'orphaned' | 'unknown'>;
}
