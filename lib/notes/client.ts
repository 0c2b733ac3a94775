/**
 * The one way extension pages, the note frame and the content script ask the background's
 * notes store: a typed request, its typed reply, a failure turned into an Error to show (with
 * the store's code, and on a conflict the note as stored now). The sender is passed in
 * (browser.runtime.sendMessage), so this stays free of browser APIs.
 */
import type { NotesErrorCode, NotesReply, NotesRequest } from '../messages';
import type { Note } from './web-annotation';

export type Ok<R extends NotesRequest> = Extract<NotesReply<R>, { ok: true }>;

export class NotesRequestError extends Error {
  constructor(
    readonly code: NotesErrorCode | 'unreachable',
    message: string,
    readonly current?: Note,
  ) {
    super(message);
    this.name = 'NotesRequestError';
  }
}

export type Send = (message: unknown) => Promise<unknown>;

export function notesClient(send: Send) {
  return async function ask<R extends NotesRequest>(message: R): Promise<Ok<R>> {
    let reply: NotesReply<R> | undefined;
    try {
      reply = (await send(message)) as NotesReply<R> | undefined;
    } catch (e) {
      throw new NotesRequestError(
        'unreachable',
        `QuoteLens could not reach its storage (${e instanceof Error ? e.message : String(e)}). Reload and try again`,
      );
    }
    if (!reply) {
      throw new NotesRequestError('unreachable', 'QuoteLens’s storage did not answer. Try again');
    }
    if (!reply.ok) throw new NotesRequestError(reply.code, reply.error, reply.current);
    return reply as Ok<R>;
  };
}
