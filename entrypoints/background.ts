import { browser } from 'wxt/browser';
import { isArchiveRequest } from '@/lib/archive/messages';
import { maybeRecord } from '@/lib/archive/recorder';
import { routeArchiveMessage } from '@/lib/archive/router';
import { readArchiveSettings } from '@/lib/archive/settings';
import { createArchiveStore } from '@/lib/archive/store';
import { runCommand } from '@/lib/commands';
import { serveEngineRequest } from '@/lib/dom/remote-engine';
import {
  isEngineRequest,
  looksLikeNotesMessage,
  NOTES_CHANGED_KEY,
  type NotesChanged,
} from '@/lib/messages';
import { createGrants, type KeyValue } from '@/lib/notes/grants';
import { type RouterContext, routeNotesMessage } from '@/lib/notes/router';
import { createNotesStore, type NotesChange } from '@/lib/notes/store';
import { extractQuotes } from '@/lib/quotes/index';
import { createSettingsStore, type StorageLike } from '@/lib/settings';

/** Context-menu item on selected text: "Add QuoteLens note to selection". */
const NOTE_MENU_ID = 'quotelens-note-selection';
const NOTE_SELECTION_COMMAND = 'note-selection';
/** Soft-deleted notes stay restorable (undo, a second tab) this long, then go for good. */
const DELETED_KEEP_MS = 7 * 24 * 60 * 60 * 1000;

export default defineBackground(() => {
  // Wiring only: routes typed messages (lib/messages.ts) to lib/ modules.
  // The background owns the notes database (extension origin, out of every page's reach).

  // Change notices and panel grants live in storage.session, which only the extension's own
  // pages may read (never a content script): no page learns which articles carry notes.
  const session = trustedSession();
  const grants = createGrants(session);
  const tell: RouterContext['tell'] = (tabId, frameId, message) => {
    // a closed tab or one without our script cannot be told; where the API itself throws
    // (not as a rejection) the same holds
    Promise.resolve()
      .then(() => browser.tabs.sendMessage(tabId, message, { frameId }))
      .catch(() => undefined);
  };

  // Increases across worker restarts too, so listeners always see a new value.
  let rev = Date.now();
  const broadcast = (change: NotesChange) => {
    const message: NotesChanged = { type: 'notes:changed', rev: ++rev, ...change };
    session?.set(NOTES_CHANGED_KEY, message).catch(() => undefined);
    // Tabs showing one of these articles hear of it; no other tab does.
    void grants.watchersOf(change.articleKeys).then((watchers) => {
      for (const w of watchers) tell(w.tabId, w.frameId, { type: 'page:notes-changed' });
    });
  };
  const store = createNotesStore({ onChange: broadcast });
  const self = () => ({ id: browser.runtime.id, origin: browser.runtime.getURL('/') });

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Other messages belong to other listeners: answer only notes requests.
    if (!looksLikeNotesMessage(message)) return undefined;
    return routeNotesMessage(store, message, sender, self(), { grants, tell });
  });
  browser.tabs.onRemoved.addListener((tabId) => void grants.unwatchTab(tabId));
  // Earlier versions kept drafts and change notices in storage.local, where every content
  // script could read them: move the drafts into the database (one record each) and clear both.
  void moveLegacyDrafts(store).catch(() => undefined);

  // Page annotation (issue 4): the quote engine runs here, off the page's main thread, and the
  // toggle-site command flips the switch for the active tab's site.
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isEngineRequest(message) || sender.id !== browser.runtime.id) return undefined;
    const reply = serveEngineRequest(message, extractQuotes);
    // The reader's archive (issue 15): recorded here, after the page has its answer.
    if (reply.ok) void maybeRecord(recorder, message, reply.extraction, sender);
    return Promise.resolve(reply);
  });

  // The archive of who said what (issue 15): only this extension's pages read it.
  const archive = createArchiveStore();
  const archiveStorage = browser.storage as unknown as StorageLike;
  const recorder = {
    store: archive,
    settings: () => readArchiveSettings(archiveStorage),
    selfId: browser.runtime.id,
  };
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isArchiveRequest(message)) return undefined;
    return routeArchiveMessage(
      {
        store: archive,
        storage: archiveStorage,
        usage: async () => (await globalThis.navigator?.storage?.estimate?.())?.usage ?? null,
      },
      message,
      sender,
      self(),
    );
  });
  const settings = createSettingsStore(browser.storage as unknown as StorageLike);
  browser.commands.onCommand.addListener((command, tab) => {
    runCommand(command, tab, {
      settings,
      activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0],
      sendToTab: (tabId, msg) => browser.tabs.sendMessage(tabId, msg),
    }).catch(() => undefined);
  });

  // Service workers have no persist(); extension pages ask too (notes page). Asked once.
  store.requestPersistence(globalThis.navigator?.storage).catch(() => undefined);
  store.purgeDeleted(DELETED_KEEP_MS).catch(() => undefined);
  // An import the worker was stopped in the middle of never half-lands.
  store.clearStagedImports().catch(() => undefined);

  // Context menu: created on install/start (removeAll first: ids must be unique).
  const createMenu = () =>
    browser.contextMenus
      .removeAll()
      .then(() =>
        browser.contextMenus.create({
          id: NOTE_MENU_ID,
          title: 'Add QuoteLens note to selection',
          contexts: ['selection'],
        }),
      )
      .catch(() => undefined);
  browser.runtime.onInstalled.addListener(createMenu);
  browser.runtime.onStartup.addListener(createMenu);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== NOTE_MENU_ID || tab?.id === undefined) return;
    noteSelectionInTab(tab.id, info.frameId, info.selectionText);
  });
  // The `note-selection` keyboard command (wxt.config.ts) does what the menu item does.
  browser.commands.onCommand.addListener(async (command, tab) => {
    if (command !== NOTE_SELECTION_COMMAND) return;
    const id = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    if (id !== undefined) noteSelectionInTab(id);
  });
});

/** storage.session restricted to the extension's own pages (Chromium); Firefox's is already. */
function trustedSession(): KeyValue | null {
  const area = (browser.storage as { session?: typeof browser.storage.local }).session;
  if (!area) return null;
  const restrict = (area as { setAccessLevel?: (o: { accessLevel: string }) => Promise<void> })
    .setAccessLevel;
  restrict?.call(area, { accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);
  return {
    get: async (key) => (await area.get(key))[key],
    set: (key, value) => area.set({ [key]: value }),
    remove: (key) => area.remove(key),
  };
}

const LEGACY_DRAFTS_KEY = 'notes:drafts';

async function moveLegacyDrafts(store: ReturnType<typeof createNotesStore>): Promise<void> {
  const got = await browser.storage.local.get([LEGACY_DRAFTS_KEY, NOTES_CHANGED_KEY]);
  const drafts = got[LEGACY_DRAFTS_KEY] as
    | Record<string, { body?: unknown; tags?: unknown }>
    | undefined;
  if (drafts && typeof drafts === 'object') {
    for (const [key, d] of Object.entries(drafts)) {
      if (typeof d?.body === 'string' && Array.isArray(d.tags)) {
        await store.putDraft(key, {
          body: d.body,
          tags: d.tags.filter((t) => typeof t === 'string'),
        });
      }
    }
  }
  if (LEGACY_DRAFTS_KEY in got || NOTES_CHANGED_KEY in got) {
    await browser.storage.local.remove([LEGACY_DRAFTS_KEY, NOTES_CHANGED_KEY]);
  }
}

/** Asks the tab's content script to open the note editor on its selection (frame: where it is). */
function noteSelectionInTab(tabId: number, frameId?: number, selectionText?: string): void {
  browser.tabs
    .sendMessage(
      tabId,
      { type: 'page:note-selection', ...(selectionText ? { selectionText } : {}) },
      frameId !== undefined ? { frameId } : undefined,
    )
    // No content script there (browser pages, the web store): nothing to do.
    .catch(() => undefined);
}
