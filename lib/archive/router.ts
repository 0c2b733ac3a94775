/**
 * The one switch from an `archive:*` message to the archive store, for the background.
 * Answers only this extension's own pages (popup, library page): never a content script,
 * a web page or another extension. Never throws: failures become `{ok: false, error}`.
 */
import { type ExtensionIdentity, type SenderLike, senderKind } from '../notes/router';
import type { StorageLike } from '../settings';
import { exportArchive } from './export';
import { type ArchiveReply, type ArchiveRequest, isArchiveRequest } from './messages';
import { readArchiveSettings, writeArchiveSettings } from './settings';
import type { ArchiveStore } from './store';

export interface ArchiveContext {
  store: ArchiveStore;
  storage: Pick<StorageLike, 'local'>;
  /** navigator.storage.estimate's usage, where the browser tells it. */
  usage?: () => Promise<number | null>;
  now?: () => Date;
}

/** Statements a page of search results shows. */
export const SEARCH_PAGE = 50;

async function dispatch(ctx: ArchiveContext, r: ArchiveRequest): Promise<Record<string, unknown>> {
  const { store } = ctx;
  switch (r.type) {
    case 'archive:settings':
      return { settings: await readArchiveSettings(ctx.storage) };
    case 'archive:set': {
      const settings = await writeArchiveSettings(ctx.storage, r.patch);
      return { settings };
    }
    case 'archive:lookup':
      return { hits: await store.lookup(r.speakers, r.url, r.canonical) };
    case 'archive:people':
      return { people: await store.people(r.query) };
    case 'archive:search': {
      // One more than a page: whether there is a next one. Speakers come with the first page.
      const [people, found] = await Promise.all([
        r.after === undefined ? store.people(r.query, 20) : Promise.resolve([]),
        store.search(r.query, SEARCH_PAGE + 1, r.after),
      ]);
      return {
        people,
        statements: found.slice(0, SEARCH_PAGE),
        more: found.length > SEARCH_PAGE,
      };
    }
    case 'archive:speaker':
      return { page: await store.speaker(r.id) };
    case 'archive:articles':
      return { articles: await store.articles(r.site) };
    case 'archive:merge':
      return { person: await store.merge(r.from, r.into) };
    case 'archive:split':
      return { person: await store.split(r.id, r.nameKey) };
    case 'archive:forget':
      if (r.scope === 'all') {
        await store.forgetAll();
        return { forgotten: -1 };
      }
      if (!r.key) throw new Error('Say which article or site to forget.');
      if (r.scope === 'site') return { forgotten: await store.forgetSite(r.key) };
      await store.forgetArticle(r.key);
      return { forgotten: 1 };
    case 'archive:export': {
      const data = await store.exportData(r.id);
      return {
        ...exportArchive(r.format, data.people, data.statements, ctx.now?.() ?? new Date()),
      };
    }
    case 'archive:stats':
      return { stats: await store.stats(), usage: (await ctx.usage?.()) ?? null };
  }
}

export async function routeArchiveMessage(
  ctx: ArchiveContext,
  message: unknown,
  sender: SenderLike,
  self: ExtensionIdentity,
): Promise<ArchiveReply<ArchiveRequest>> {
  if (senderKind(sender, self) !== 'extension-page') {
    return { ok: false, error: 'The archive is only available to QuoteLens’s own pages.' };
  }
  if (!isArchiveRequest(message)) return { ok: false, error: 'Malformed archive request.' };
  try {
    return { ok: true, ...(await dispatch(ctx, message)) } as ArchiveReply<ArchiveRequest>;
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
