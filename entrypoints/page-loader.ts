/**
 * Content script (listed in the manifest by wxt.config.ts, at document_idle): the small part
 * every page loads. It reads the on/off switches (lib/settings)
 * and, where QuoteLens is on for the site, imports the rest (entrypoints/page-app: annotator,
 * labels, notes) into this isolated world and starts it once the page is idle. Where it is off,
 * the rest loads only when the reader asks something of the page (the popup, a note command)
 * or the page has notes. Answers the popup's ContentRequest messages (lib/messages) through it.
 *
 * Why two files: every page paid to parse, compile and run all of QuoteLens's code on the main
 * thread as it was injected (issue 12). An imported module is parsed and compiled on a
 * background thread, ahead of its first call (the build marks it `allFunctionsCalledOnLoad`),
 * so the page's main thread only runs it. The module is a web-accessible resource with a
 * per-session URL in Chromium (`use_dynamic_url`, wxt.config.ts): a page cannot guess its
 * address, and can only ever fetch the same code it could read from the store.
 *
 * It is an unlisted script, not a WXT content script: WXT's wrapper posts a message to the
 * page's window and fires a document event, both named with the extension's id, on every page
 * it starts on (so any page could tell QuoteLens is installed, even where it is off), and its
 * set-up cost the injection about 1 ms. What the wrapper did that QuoteLens needs is here: on
 * Firefox, which starts an updated add-on's content scripts in pages already open, the new
 * script tells the old one to leave the page, by an event whose name holds the add-on's
 * per-install UUID, which no page knows.
 */
import { browser } from 'wxt/browser';
import { DEV_FLAGS_KEY, type DevFlags, parseDevFlags } from '../lib/dev-flags';
import { whenIdle } from '../lib/dom/slicer';
import {
  type ContentRequest,
  isContentRequest,
  type NotesReply,
  type NotesRequest,
  type PageState,
} from '../lib/messages';
import { createSettingsStore, isActiveOn, type StorageLike, siteOf } from '../lib/settings';
import type { createPageApp, PageApp, PageReply } from './page-app/app';
import { PAGE_APP_GLOBAL } from './page-app/global';

export default defineUnlistedScript(() => {
  const ctx = pageLife();
  const settings = createSettingsStore(browser.storage as unknown as StorageLike);
  const site = () => siteOf(location.href);
  const flags = devFlags();
  /** Whether QuoteLens is on for this site; null until the switches are read. */
  let active: boolean | null = null;
  let started = false;
  let app: Promise<PageApp> | null = null;

  function load(): Promise<PageApp> {
    if (app) return app;
    const loading = (async () => {
      const url = (browser.runtime.getURL as (p: string) => string)('/page-app.js');
      const [, { perfMarks }] = await Promise.all([import(/* @vite-ignore */ url), flags]);
      const factory = (globalThis as Record<string, unknown>)[PAGE_APP_GLOBAL] as
        | { createPageApp: typeof createPageApp }
        | undefined;
      if (!factory) throw new Error('QuoteLens could not load on this page; reload it.');
      const loaded = factory.createPageApp({ perfMarks });
      if (ctx.isInvalid) loaded.destroy();
      else if (active === false) await loaded.setActive(false);
      return loaded;
    })();
    app = loading;
    loading.catch(() => {
      if (app === loading) app = null; // a later action tries again
    });
    return loading;
  }

  /** Follows the switch once the first run has been asked for. */
  function apply(on: boolean): void {
    if (on) void load().then((a) => a.setActive(true), report('start'));
    else void app?.then((a) => a.setActive(false), report('stop'));
  }

  /** The state of a page QuoteLens has not loaded on: not read yet, or off for its site. */
  function idleState(): PageState {
    return {
      status: active === null ? 'working' : 'disabled',
      url: location.href,
      title: document.title,
      site: site(),
      quotes: [],
      speakers: [],
      onlySpeakerId: null,
    };
  }

  async function reply(request: ContentRequest): Promise<PageReply> {
    if (request.type === 'page:get-state' && !app && active !== true) return idleState();
    try {
      return await (await load()).handle(request);
    } catch (err) {
      return { ok: false, error: report(`message ${request.type}`)(err) };
    }
  }

  // Answers through `sendResponse` (kept open by returning true), which Chromium's native API
  // and Firefox's both honour: the Chromium build carries no webextension-polyfill to turn a
  // returned promise into a reply (wxt.config.ts).
  const onMessage = (
    message: unknown,
    sender: { id?: string },
    sendResponse: (reply: PageReply) => void,
  ): true | undefined => {
    if (sender.id !== browser.runtime.id || !isContentRequest(message)) return undefined;
    void reply(message).then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(onMessage);

  const unwatch = settings.watch((s) => {
    const on = isActiveOn(s, site());
    if (on === active) return;
    active = on;
    if (started) apply(on);
  });

  ctx.onInvalidated(() => {
    // The extension was updated or removed: leave the page exactly as it was.
    unwatch();
    browser.runtime.onMessage.removeListener(onMessage);
    void app?.then(
      (a) => a.destroy(),
      () => undefined,
    );
  });

  void (async () => {
    try {
      const on = await settings.isActiveOn(site());
      active ??= on;
      if (!active) {
        started = true;
        // Off here: only the reader's notes on this article (if any) bring the rest in.
        if (await hasNotes()) await load();
        return;
      }
      // Fetched and compiled off the main thread while the page settles.
      const loading = load();
      await Promise.all([whenIdle(1500), loading]);
      started = true;
      if (ctx.isInvalid) return;
      apply(active);
    } catch (err) {
      report('start')(err);
    }
  })();

  /** Error reporting before the rest is loaded: tagged, and as a mark when marks are on. */
  function report(where: string): (err: unknown) => string {
    return (err) => {
      const message = err instanceof Error ? err.message : String(err);
      console.error(`[QuoteLens] ${where}:`, err);
      void flags.then(({ perfMarks }) => {
        if (perfMarks) performance.mark('quotelens:error', { detail: { where, message } });
      });
      return message;
    };
  }
});

/**
 * This script's life on the page: it ends when the add-on is updated or removed (Firefox starts
 * the new version's scripts in open pages and they announce themselves; Chromium does not, and
 * there `runtime.id` goes when the add-on does). The event's name holds the per-install UUID
 * of Firefox's moz-extension:// address: no page can listen for it or send it.
 */
function pageLife(): {
  readonly isInvalid: boolean;
  onInvalidated(cb: () => void): void;
} {
  const callbacks: (() => void)[] = [];
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    for (const cb of callbacks.splice(0)) cb();
  };
  if (import.meta.env.FIREFOX) {
    const name = `quotelens-started-${new URL(browser.runtime.getURL('/')).host}`;
    document.dispatchEvent(new CustomEvent(name));
    const onStarted = () => end();
    // Listening only after announcing: the script hears the others, not itself.
    document.addEventListener(name, onStarted);
    callbacks.push(() => document.removeEventListener(name, onStarted));
  }
  return {
    get isInvalid() {
      if (browser.runtime?.id == null) end();
      return ended;
    },
    onInvalidated(cb) {
      if (ended) cb();
      else callbacks.push(cb);
    },
  };
}

/** The developer switches (lib/dev-flags.ts); all off when storage cannot be read. */
async function devFlags(): Promise<DevFlags> {
  try {
    return parseDevFlags((await browser.storage.local.get(DEV_FLAGS_KEY))[DEV_FLAGS_KEY]);
  } catch {
    return parseDevFlags(null);
  }
}

/** Whether the reader has notes on this article (the background keeps them). */
async function hasNotes(): Promise<boolean> {
  const request: NotesRequest = {
    type: 'notes:count-for-page',
    url: location.href,
    canonical:
      document.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href ?? null,
  };
  try {
    const reply = (await browser.runtime.sendMessage(request)) as
      | NotesReply<{ type: 'notes:count-for-page'; url: string }>
      | undefined;
    return !!reply?.ok && reply.count > 0;
  } catch {
    return false; // the background is restarting; an action of the reader loads it then
  }
}
