/**
 * The archive's messages: the popup and the library page → the background (the archive's
 * only reader and writer). Types and a guard; no browser APIs.
 */
import type { NameKind } from './identity';
import type { ArchiveArticle } from './records';
import type { ArchiveSettings } from './settings';
import type { ArchiveStats, LookupHit, PersonSummary, SpeakerPage, StatementView } from './store';

export type ExportFormat = 'markdown' | 'csv' | 'json';

export type ArchiveRequest =
  | { type: 'archive:settings' }
  | { type: 'archive:set'; patch: Partial<ArchiveSettings> }
  | {
      type: 'archive:lookup';
      url: string;
      canonical?: string | null;
      speakers: Array<{ name: string; kind: NameKind; aliases?: string[] }>;
    }
  | { type: 'archive:people'; query: string }
  /** `after`: the last statement id of the page shown, for the next page. */
  | { type: 'archive:search'; query: string; after?: string }
  | { type: 'archive:speaker'; id: string }
  | { type: 'archive:articles'; site?: string }
  | { type: 'archive:merge'; from: string; into: string }
  | { type: 'archive:split'; id: string; nameKey: string }
  | { type: 'archive:forget'; scope: 'article' | 'site' | 'all'; key?: string }
  | { type: 'archive:export'; id: string | null; format: ExportFormat }
  | { type: 'archive:stats' };

export interface ArchiveReplies {
  'archive:settings': { settings: ArchiveSettings };
  'archive:set': { settings: ArchiveSettings };
  'archive:lookup': { hits: Array<LookupHit | null> };
  'archive:people': { people: PersonSummary[] };
  'archive:search': { people: PersonSummary[]; statements: StatementView[]; more: boolean };
  'archive:speaker': { page: SpeakerPage };
  'archive:articles': { articles: ArchiveArticle[] };
  'archive:merge': { person: PersonSummary };
  'archive:split': { person: PersonSummary };
  'archive:forget': { forgotten: number };
  'archive:export': { text: string; fileName: string; mime: string };
  'archive:stats': { stats: ArchiveStats; usage: number | null };
}

export type ArchiveReply<R extends ArchiveRequest> =
  | ({ ok: true } & ArchiveReplies[R['type']])
  | { ok: false; error: string };

const TYPES = new Set<string>([
  'archive:settings',
  'archive:set',
  'archive:lookup',
  'archive:people',
  'archive:search',
  'archive:speaker',
  'archive:articles',
  'archive:merge',
  'archive:split',
  'archive:forget',
  'archive:export',
  'archive:stats',
]);

export function isArchiveRequest(value: unknown): value is ArchiveRequest {
  const type = (value as { type?: unknown } | null)?.type;
  return typeof type === 'string' && TYPES.has(type);
}
