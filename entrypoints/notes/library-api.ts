/**
 * The library page's archive wiring: LibraryApi over `archive:*` messages to the background,
 * downloads of exports, and opening an article at a statement. Wiring only.
 */
import { browser } from 'wxt/browser';
import type { LibraryApi } from '../../components/library/api';
import { askArchive } from '../../lib/archive/client';
import type { ArchiveRequest } from '../../lib/archive/messages';
import { downloadText } from '../../lib/download';
import { linkToStatement } from '../../lib/export';

const ask = <R extends ArchiveRequest>(request: R) =>
  askArchive((m: R) => browser.runtime.sendMessage(m), request);

export function createLibraryApi(): LibraryApi {
  return {
    settings: async () => (await ask({ type: 'archive:settings' })).settings,
    set: async (patch) => (await ask({ type: 'archive:set', patch })).settings,
    people: async (query) => (await ask({ type: 'archive:people', query })).people,
    search: async (query, after) => {
      const r = await ask({ type: 'archive:search', query, ...(after ? { after } : {}) });
      return { people: r.people, statements: r.statements, more: r.more };
    },
    speaker: async (id) => (await ask({ type: 'archive:speaker', id })).page,
    articles: async (site) =>
      (await ask({ type: 'archive:articles', ...(site ? { site } : {}) })).articles,
    merge: async (from, into) => (await ask({ type: 'archive:merge', from, into })).person,
    split: async (id, nameKey) => (await ask({ type: 'archive:split', id, nameKey })).person,
    forget: async (scope, key) => {
      await ask({ type: 'archive:forget', scope, ...(key ? { key } : {}) });
    },
    exportArchive: async (id, format) => {
      const r = await ask({ type: 'archive:export', id, format });
      downloadText(r.fileName, r.mime, r.text);
    },
    stats: async () => {
      const r = await ask({ type: 'archive:stats' });
      return { stats: r.stats, usage: r.usage };
    },
    async open(statement) {
      // A text fragment scrolls there even where QuoteLens does not run; where it runs, the
      // content script re-anchors the statement and shows it (or says its words are gone).
      const tab = await browser.tabs.create({
        url: linkToStatement(statement.articleUrl, statement.text),
        active: true,
      });
      if (tab.id === undefined) return 'unknown';
      for (let i = 0; i < 80; i++) {
        await new Promise((ok) => setTimeout(ok, 250));
        try {
          const reply = (await browser.tabs.sendMessage(tab.id, {
            type: 'page:show-statement',
            selectors: statement.selectors,
          })) as { ok: boolean; shown?: 'shown' | 'orphaned' | 'not-ready' } | undefined;
          if (reply?.ok && reply.shown && reply.shown !== 'not-ready') return reply.shown;
        } catch {
          // Not loaded yet (or no content script there): try again shortly.
        }
      }
      return 'unknown';
    },
  };
}
