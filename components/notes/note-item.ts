/**
 * The notes views' own shape of a note (what a row, a card or the editor shows),
 * and the pure list logic of the notes page: grouping by article and search.
 * Pure: no DOM, no browser APIs, no storage — adapters map the store's records here.
 */

export interface NoteItem {
  id: string;
  /** The article the note belongs to (normalised URL): notes group by it. */
  articleKey: string;
  /** Where "open article" goes. */
  url: string;
  title: string;
  site: string;
  /** The quoted text the note is attached to (TextQuote exact). */
  exact: string;
  speaker: string | null;
  body: string;
  tags: string[];
  /** ISO 8601 times. */
  created: string;
  updated: string;
}

/** What the reader types: the editable part of a note. */
export interface NoteDraft {
  body: string;
  tags: string[];
}

export interface ArticleGroup {
  key: string;
  title: string;
  site: string;
  url: string;
  notes: NoteItem[];
  /** Newest `updated` among the notes: groups are ordered by it. */
  latest: string;
}

/** Tags as typed ("war, Economy  #eu") → unique, trimmed, without '#', in typed order. */
export function parseTags(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of input.split(/[,\n]/)) {
    const tag = raw.trim().replace(/^#+/, '').replace(/\s+/g, ' ');
    const key = tag.toLowerCase();
    if (tag && !seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

function fold(s: string): string {
  // Case- and accent-insensitive, so "Zelenskyy" finds "zelenskyy" and "café" finds "cafe".
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The text a note is searched over: its body, quoted text, speaker and tags. */
function haystack(note: NoteItem): string {
  return fold([note.body, note.exact, note.speaker ?? '', note.tags.join(' ')].join('\n'));
}

/** A search matcher: every word of the query must occur in the note (any field). */
export function noteMatcher(query: string): (note: NoteItem) => boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return () => true;
  const cache = new WeakMap<NoteItem, string>();
  return (note) => {
    let text = cache.get(note);
    if (text === undefined) {
      text = haystack(note);
      cache.set(note, text);
    }
    for (const w of words) if (!text.includes(w)) return false;
    return true;
  };
}

/** Groups notes by article, newest article first; within an article, newest note first. */
export function groupByArticle(notes: readonly NoteItem[]): ArticleGroup[] {
  const groups = new Map<string, ArticleGroup>();
  for (const note of notes) {
    let g = groups.get(note.articleKey);
    if (!g) {
      g = {
        key: note.articleKey,
        title: note.title,
        site: note.site,
        url: note.url,
        notes: [],
        latest: note.updated,
      };
      groups.set(note.articleKey, g);
    }
    g.notes.push(note);
    if (note.updated > g.latest) g.latest = note.updated;
    // The most recently seen title wins: articles get retitled.
    if (note.updated >= g.latest && note.title) g.title = note.title;
  }
  const list = [...groups.values()];
  for (const g of list) g.notes.sort((a, b) => cmpDesc(a.updated, b.updated) || cmp(a.id, b.id));
  list.sort((a, b) => cmpDesc(a.latest, b.latest) || cmp(a.key, b.key));
  return list;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
function cmpDesc(a: string, b: string): number {
  return cmp(b, a);
}

/** A short, locale-aware date and time for a note's created/updated stamp. */
export function formatTime(iso: string, locale?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return d.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * A save refused because the note was changed elsewhere (another tab, the notes page) since
 * this editor opened it. `theirs` is the stored version; the editor lets the reader choose.
 */
export class EditConflict extends Error {
  constructor(
    readonly theirs: NoteDraft,
    readonly theirsUpdated: string,
  ) {
    super('This note was changed elsewhere since you opened it.');
    this.name = 'EditConflict';
  }
}

/** An edit as sent to the store: only the fields that changed, and the version it started from. */
export function editPatch(
  before: NoteDraft,
  after: NoteDraft,
  base: string,
): { text?: string; tags?: string[]; base: string } {
  return {
    ...(after.body !== before.body ? { text: after.body } : {}),
    ...(after.tags.join('\n') !== before.tags.join('\n') ? { tags: after.tags } : {}),
    base,
  };
}
