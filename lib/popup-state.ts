/**
 * The popup's logic, kept out of its views: grouping an article's statements by
 * speaker, ordering, search, stepping through a speaker's statements, and deciding
 * which state the popup is in. Pure: no DOM, no browser APIs, no Preact.
 */
import type { PageState } from './messages';
import type { Quote, Speaker } from './quotes/types';

export type SpeakerOrder = 'appearance' | 'count';

export interface StatementItem {
  id: number;
  text: string;
  fragment: boolean;
  start: number;
}

/** One row of the popup's list: a speaker, or the unknown-speaker group. */
export interface SpeakerGroup {
  /** Stable key: `speaker-<id>` or `unknown`. */
  key: string;
  speakerId: number | null;
  name: string;
  role: string | null;
  aliases: string[];
  /** Statements, fragments excluded. */
  fullCount: number;
  fragmentCount: number;
  /** In reading order. */
  statements: StatementItem[];
}

export const UNKNOWN_KEY = 'unknown';
export const UNKNOWN_NAME = 'Unknown speaker';

export function groupKey(speakerId: number | null): string {
  return speakerId === null ? UNKNOWN_KEY : `speaker-${speakerId}`;
}

function byReadingOrder(a: Quote, b: Quote): number {
  return a.start - b.start || a.id - b.id;
}

/**
 * Groups `quotes` by speaker, ordered by first appearance (or by number of
 * statements, ties by first appearance); unknown-speaker statements always last.
 * Counts come from the quotes themselves, so the list and the page agree.
 */
export function groupBySpeaker(
  quotes: readonly Quote[],
  speakers: readonly Speaker[],
  order: SpeakerOrder = 'appearance',
): SpeakerGroup[] {
  const byId = new Map<number, Speaker>(speakers.map((s) => [s.id, s]));
  const groups = new Map<string, SpeakerGroup>();
  for (const q of [...quotes].sort(byReadingOrder)) {
    // A quote naming a speaker id the extraction does not list is treated as unknown.
    const speaker = q.speakerId === null ? undefined : byId.get(q.speakerId);
    const speakerId = speaker ? speaker.id : null;
    const key = groupKey(speakerId);
    let group = groups.get(key);
    if (!group) {
      group = {
        key,
        speakerId,
        name: speaker?.name ?? UNKNOWN_NAME,
        role: speaker?.role ?? null,
        aliases: speaker?.aliases ?? [],
        fullCount: 0,
        fragmentCount: 0,
        statements: [],
      };
      groups.set(key, group);
    }
    group.statements.push({ id: q.id, text: q.text, fragment: q.fragment, start: q.start });
    if (q.fragment) group.fragmentCount++;
    else group.fullCount++;
  }
  const unknown = groups.get(UNKNOWN_KEY);
  const known = [...groups.values()].filter((g) => g.key !== UNKNOWN_KEY);
  // Map insertion order is first appearance; Array.sort is stable, so ties keep it.
  if (order === 'count') known.sort((a, b) => b.statements.length - a.statements.length);
  return unknown ? [...known, unknown] : known;
}

/** Lower case, no accents, straight quotes and single spaces: what search compares. */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″«»]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export interface FilteredGroup extends SpeakerGroup {
  /** 'speaker': the name/role matched, every statement kept; 'statements': only matching ones. */
  matchedBy: 'all' | 'speaker' | 'statements';
}

/**
 * Keeps the speakers whose name, alias or role match every word of `query` (with
 * all their statements), and otherwise the statements whose text — together with
 * their speaker's names — matches every word (so "okafor bridge" finds Okafor's
 * statements that mention a bridge). An empty query keeps everything.
 */
export function filterGroups(groups: readonly SpeakerGroup[], query: string): FilteredGroup[] {
  const terms = normaliseForSearch(query).split(' ').filter(Boolean);
  if (terms.length === 0) return groups.map((g) => ({ ...g, matchedBy: 'all' }));
  const out: FilteredGroup[] = [];
  for (const g of groups) {
    const who = normaliseForSearch([g.name, ...g.aliases, g.role ?? ''].join(' '));
    if (terms.every((t) => who.includes(t))) {
      out.push({ ...g, matchedBy: 'speaker' });
      continue;
    }
    const statements = g.statements.filter((s) => {
      const hay = `${who} ${normaliseForSearch(s.text)}`;
      return terms.every((t) => hay.includes(t));
    });
    if (statements.length > 0) {
      out.push({
        ...g,
        statements,
        fullCount: statements.filter((s) => !s.fragment).length,
        fragmentCount: statements.filter((s) => s.fragment).length,
        matchedBy: 'statements',
      });
    }
  }
  return out;
}

/**
 * The statement `delta` steps from `currentId` in `statements` (reading order),
 * wrapping at both ends. A `currentId` not in the list steps from "before the
 * first" (delta > 0) or "after the last" (delta < 0).
 */
export function stepStatement(
  statements: readonly StatementItem[],
  currentId: number | null,
  delta: number,
): StatementItem | null {
  const n = statements.length;
  if (n === 0) return null;
  const at = currentId === null ? -1 : statements.findIndex((s) => s.id === currentId);
  const from = at >= 0 ? at : delta > 0 ? -1 : n;
  const index = (((from + delta) % n) + n) % n;
  return statements[index] ?? null;
}

/** "3 of 7" (1-based), or null when `id` is not among `statements`. */
export function positionLabel(
  statements: readonly StatementItem[],
  id: number | null,
): string | null {
  const at = id === null ? -1 : statements.findIndex((s) => s.id === id);
  return at < 0 ? null : `${at + 1} of ${statements.length}`;
}

/** The first `words` words of a statement, with an ellipsis when cut. */
export function openingWords(text: string, words = 10): string {
  const all = text.replace(/\s+/g, ' ').trim().split(' ');
  if (all.length <= words) return all.join(' ');
  return `${all
    .slice(0, words)
    .join(' ')
    .replace(/[,;:.!?—–-]+$/u, '')}…`;
}

/**
 * What to show of a statement in the list: its opening words, or — when the search's
 * first word is found only further in — a few words around that match, so the
 * reader sees why it is listed.
 */
export function statementSnippet(text: string, query: string, words = 10): string {
  const term = normaliseForSearch(query).split(' ').find(Boolean);
  const all = text.replace(/\s+/g, ' ').trim().split(' ');
  if (!term || all.length <= words) return openingWords(text, words);
  const at = all.findIndex((w) => normaliseForSearch(w).includes(term));
  if (at < 0 || at < words - 2) return openingWords(text, words);
  const from = Math.max(0, Math.min(at - 3, all.length - words));
  const to = Math.min(all.length, from + words);
  return `…${all.slice(from, to).join(' ')}${to < all.length ? '…' : ''}`;
}

/** "4 statements · 1 fragment", "1 statement", "2 fragments". */
export function countLabel(fullCount: number, fragmentCount: number): string {
  const parts: string[] = [];
  if (fullCount > 0 || fragmentCount === 0) {
    parts.push(`${fullCount} ${fullCount === 1 ? 'statement' : 'statements'}`);
  }
  if (fragmentCount > 0)
    parts.push(`${fragmentCount} ${fragmentCount === 1 ? 'fragment' : 'fragments'}`);
  return parts.join(' · ');
}

/** Pages no extension may read: the browser's own pages and its add-on stores. */
export function isRestrictedUrl(url: string | undefined): boolean {
  if (!url) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return true;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return true;
  const host = u.hostname;
  return (
    host === 'chromewebstore.google.com' ||
    (host === 'chrome.google.com' && u.pathname.startsWith('/webstore')) ||
    host === 'microsoftedge.microsoft.com' ||
    host === 'addons.mozilla.org' ||
    host === 'addons.opera.com'
  );
}

/** What the popup shows, decided from what it could learn about the tab. */
export type PopupView =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'closed' }
  | { kind: 'restricted'; url: string }
  | { kind: 'unreachable'; url: string }
  | { kind: 'unreadable' }
  | { kind: 'working'; page: PageState }
  | { kind: 'not-article'; page: PageState }
  | { kind: 'disabled'; page: PageState }
  | { kind: 'error'; page: PageState }
  | { kind: 'empty'; page: PageState }
  | { kind: 'list'; page: PageState };

export type TabProbe =
  | { kind: 'loading' }
  | { kind: 'no-tab' }
  | { kind: 'closed' }
  | { kind: 'unreachable'; url?: string }
  | { kind: 'page'; page: PageState };

export function decideView(probe: TabProbe): PopupView {
  switch (probe.kind) {
    case 'loading':
    case 'no-tab':
    case 'closed':
      return probe;
    case 'unreachable':
      // Without the `tabs` permission the browser hides the URL of a page we may not read,
      // so an unknown URL cannot be told apart: 'unreadable' says both things.
      if (probe.url === undefined) return { kind: 'unreadable' };
      // A page we could have read but whose content script does not answer (opened
      // before QuoteLens was installed, still loading) is told apart from a forbidden one.
      return isRestrictedUrl(probe.url)
        ? { kind: 'restricted', url: probe.url }
        : { kind: 'unreachable', url: probe.url };
    case 'page': {
      const page = probe.page;
      switch (page.status) {
        case 'working':
          // Statements already found are shown while the rest of the page is read.
          return page.quotes.length > 0 ? { kind: 'list', page } : { kind: 'working', page };
        case 'not-article':
          return { kind: 'not-article', page };
        case 'disabled':
          return { kind: 'disabled', page };
        case 'error':
          return { kind: 'error', page };
        default:
          return page.quotes.length === 0 ? { kind: 'empty', page } : { kind: 'list', page };
      }
    }
  }
}
