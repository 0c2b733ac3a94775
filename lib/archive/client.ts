/**
 * One request to the background's archive from an extension page (popup, library): the typed
 * reply, or an Error with the background's reason. `send` is `browser.runtime.sendMessage`.
 */
import type { ArchiveReply, ArchiveRequest } from './messages';

export async function askArchive<R extends ArchiveRequest>(
  send: (request: R) => Promise<unknown>,
  request: R,
): Promise<Extract<ArchiveReply<R>, { ok: true }>> {
  const reply = (await send(request)) as ArchiveReply<R> | undefined;
  if (!reply) throw new Error('QuoteLens’s background did not answer; try reloading this page.');
  if (!reply.ok) throw new Error(reply.error);
  return reply as Extract<ArchiveReply<R>, { ok: true }>;
}
