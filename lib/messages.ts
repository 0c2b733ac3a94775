/**
 * The one message vocabulary shared by every context (content script, popup,
 * background, notes page). Types only plus tiny guards: no browser APIs here.
 * Add a message by adding a member to the right union and its reply type.
 */
import type { Quote, Speaker } from './quotes/types';

/** What the content script knows about its page, as the popup shows it. */
export type PageStatus =
  | 'working' // the engine has not finished yet
  | 'ready' // annotated (quotes may be empty: "no statements found")
  | 'not-article' // the page does not look like an article
  | 'disabled' // switched off for this site or for all sites
  | 'error'; // the engine failed on this page; `error` says why

export interface PageState {
  status: PageStatus;
  url: string;
  title: string;
  /** Host the per-site switch applies to. */
  site: string;
  quotes: Quote[];
  speakers: Speaker[];
  error?: string;
}

/** Messages the popup (or background) sends to a tab's content script. */
export type ContentRequest =
  | { type: 'page:get-state' }
  | { type: 'page:jump'; quoteId: number }
  | { type: 'page:only-speaker'; speakerId: number | null }
  | { type: 'page:reannotate' };

export type ContentReply<R extends ContentRequest> = R extends { type: 'page:get-state' }
  ? PageState
  : { ok: true } | { ok: false; error: string };

export function isContentRequest(value: unknown): value is ContentRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    (value as { type: string }).type.startsWith('page:')
  );
}
