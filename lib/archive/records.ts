/**
 * What the archive keeps (issue 15), as stored in the notes database (lib/notes/db.ts v4).
 * Types only, shared by the store, the background and the library page.
 */
import type { NoteSelectors } from '../notes/web-annotation';

/** One article read, keyed by its canonical URL (lib/notes/url.ts articleKey). */
export interface ArchiveArticle {
  key: string;
  /**
   * Its number in reading order (latest read: a re-read takes a new one); its statements' ids
   * start with it and the word index (lib/archive/postings) numbers them by it.
   */
  seq: number;
  /** The address to open (canonical when trusted, else the page's). */
  url: string;
  title: string;
  /** Host, as the per-site switch names it (lib/settings siteOf). */
  site: string;
  /** ISO times: first and latest reading. */
  firstRead: string;
  lastRead: string;
  statementCount: number;
  /** People quoted in it (multiEntry index: "also in N articles"). */
  personIds: string[];
}

/** One statement of one article. */
export interface ArchiveStatement {
  /**
   * `<article seq, base 36, 6 digits>.<n, base 36>` (lib/archive/postings statementId), n its
   * order in the article: short because every index entry repeats it.
   */
  id: string;
  articleKey: string;
  /** The archive person, or null where the engine named no one (or only a description). */
  personId: string | null;
  /** The speaker as the article's engine named them ("Vladimir Putin"). */
  speaker: string | null;
  /** The name key identity read from it (what a split moves). */
  nameKey: string | null;
  text: string;
  fragment: boolean;
  confidence: number;
  /** As stored, `quote.exact` is '' (it is `text`); reads put it back. */
  selectors: NoteSelectors;
  /** ISO time the article was (last) read: statements list and chart by it. */
  readAt: string;
}

/** A person (or organisation) of the archive; lib/archive/identity decides who joins. */
export interface ArchivePerson {
  id: string;
  kind: 'person' | 'organisation';
  display: string;
  given: string | null;
  initial: string | null;
  middles: string[];
  surname: string;
  keys: string[];
  roles: string[];
  statementCount: number;
  articleCount: number;
  /** ISO time of the latest statement. */
  lastSeen: string;
}

/** A reader's merge or split: this name key belongs to that person, in every later article. */
export interface ArchivePin {
  key: string;
  personId: string;
}
