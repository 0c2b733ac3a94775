/**
 * The popup's PopupApi on the real browser (Chrome MV3 and Firefox, through the
 * webextension polyfill). Targets `?tab=ID` when given, else the active tab of
 * the current window. Wiring only: no decisions are made here.
 */
import { browser } from 'wxt/browser';
import type { PopupApi, TabLookup } from '../../components/popup/api';
import { askArchive as askArchiveVia } from '../../lib/archive/client';
import type { ArchiveRequest } from '../../lib/archive/messages';
import { downloadText } from '../../lib/download';
import {
  type ContentReply,
  type ContentRequest,
  NOTES_CHANGED_KEY,
  type NotesReply,
  type NotesRequest,
} from '../../lib/messages';
import { createSettingsStore, type StorageLike } from '../../lib/settings';

/** `?tab=ID` → that id; absent → null; present but not an id → NaN (treated as no tab). */
export function tabParam(search: string): number | null {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null) return null;
  return /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
}

function copyWithSelection(text: string): void {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('the browser refused to copy');
}

export function createBrowserApi(search = location.search): PopupApi {
  const wanted = tabParam(search);
  const settings = createSettingsStore(browser.storage as unknown as StorageLike);
  const notesPageUrl = (browser.runtime.getURL as (path: string) => string)('/notes.html');

  return {
    async findTab(): Promise<TabLookup> {
      if (wanted !== null) {
        if (Number.isNaN(wanted)) return { kind: 'no-tab' };
        try {
          const t = await browser.tabs.get(wanted);
          return { kind: 'tab', tab: { id: wanted, url: t.url, title: t.title } };
        } catch {
          return { kind: 'closed' };
        }
      }
      const [t] = await browser.tabs.query({ active: true, currentWindow: true });
      return t?.id === undefined
        ? { kind: 'no-tab' }
        : { kind: 'tab', tab: { id: t.id, url: t.url, title: t.title } };
    },
    send<R extends ContentRequest>(tabId: number, request: R) {
      return browser.tabs.sendMessage(tabId, request) as Promise<ContentReply<R>>;
    },
    getSettings: () => settings.get(),
    setAllEnabled: (enabled) => settings.setEnabled(enabled),
    setSiteEnabled: (site, enabled) => settings.setSiteEnabled(site, enabled),
    watchSettings: (cb) => settings.watch(cb),
    watchTab(tabId, events) {
      const onUpdated = (id: number, info: { status?: string; url?: string }) => {
        if (id === tabId && (info.status === 'complete' || info.url !== undefined))
          events.changed();
      };
      const onRemoved = (id: number) => {
        if (id === tabId) events.closed();
      };
      browser.tabs.onUpdated.addListener(onUpdated);
      browser.tabs.onRemoved.addListener(onRemoved);
      return () => {
        browser.tabs.onUpdated.removeListener(onUpdated);
        browser.tabs.onRemoved.removeListener(onRemoved);
      };
    },
    async notesFor(tabId, url) {
      // The page knows best (its canonical link, which notes it could not place) …
      try {
        const page = (await browser.tabs.sendMessage(tabId, {
          type: 'page:notes',
        } satisfies ContentRequest)) as ContentReply<{ type: 'page:notes' }> | undefined;
        if (page && typeof page.count === 'number') {
          return { count: page.count, orphans: page.orphans ?? [] };
        }
      } catch {
        // … and when it cannot answer, the store still can count.
      }
      const request: NotesRequest = { type: 'notes:count-for-page', url };
      const reply = (await browser.runtime.sendMessage(request)) as
        | NotesReply<{ type: 'notes:count-for-page'; url: string }>
        | undefined;
      return reply?.ok ? { count: reply.count } : null;
    },
    watchNotes(cb) {
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area === 'session' && NOTES_CHANGED_KEY in changes) cb();
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
    openNotesPage() {
      void browser.tabs.create({ url: notesPageUrl });
    },
    async reloadTab(tabId) {
      await browser.tabs.reload(tabId);
    },
    async copyText(text) {
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        copyWithSelection(text);
      }
    },
    archive: {
      async settings() {
        return (await askArchive({ type: 'archive:settings' })).settings;
      },
      async set(patch) {
        return (await askArchive({ type: 'archive:set', patch })).settings;
      },
      async lookup(url, speakers) {
        return (await askArchive({ type: 'archive:lookup', url, speakers })).hits;
      },
      openSpeaker(id) {
        void browser.tabs.create({ url: `${notesPageUrl}#speaker=${encodeURIComponent(id)}` });
      },
    },
    download: downloadText,
  };
}

/** One request to the background's archive; a failure becomes an Error. */
const askArchive = <R extends ArchiveRequest>(request: R) =>
  askArchiveVia((m: R) => browser.runtime.sendMessage(m), request);
