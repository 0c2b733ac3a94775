/**
 * Notes on the live page, the part every page carries: asks the background whether this
 * article has notes and, only when it has (or when the reader adds one: a label card's
 * "Add note", the context menu, the `note-selection` command), imports the notes view
 * (entrypoints/notes-ui) into this isolated world and hands over to it. Most pages have no
 * notes and so never load it. Never touches the page's DOM or storage itself.
 */
import { browser } from 'wxt/browser';
import type { LabelView } from '../../lib/dom/labels';
import {
  currentPage,
  noteBadges,
  onAnnotated,
  onNoteBadges,
  setAddNoteHandler,
  setNoteBadges,
} from '../../lib/dom/page-hooks';
import type { NotesReply, NotesRequest, PageNotesState } from '../../lib/messages';
import type {
  createPageNotes,
  NotesController,
  PageNotes,
  PageNotesOptions,
} from '../notes-ui/page-notes';

export type { NotesController } from '../notes-ui/page-notes';

/** Where entrypoints/notes-ui leaves its factory (in this isolated world's globalThis). */
const NOTES_UI_GLOBAL = '__quotelensNotesUi';

/** Keeps a label view's note badges in step with the notes on the page (lib/dom/page-hooks). */
export function withNoteBadges<V extends LabelView>(view: V): V {
  view.setNoteCounts(noteBadges());
  const off = onNoteBadges((counts) => view.setNoteCounts(counts));
  const destroy = view.destroy.bind(view);
  view.destroy = () => {
    off();
    destroy();
  };
  return view;
}

function canonicalHref(doc: Document): string | null {
  return doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href ?? null;
}

async function countNotes(doc: Document): Promise<{ count: number; articleKey: string } | null> {
  const request: NotesRequest = {
    type: 'notes:count-for-page',
    url: doc.location.href,
    canonical: canonicalHref(doc),
  };
  try {
    const reply = (await browser.runtime.sendMessage(request)) as
      | NotesReply<{ type: 'notes:count-for-page'; url: string }>
      | undefined;
    return reply?.ok ? { count: reply.count, articleKey: reply.articleKey } : null;
  } catch {
    return null; // the background is restarting; a later change or action tries again
  }
}

/**
 * Starts the notes of the page. `firstCheck` is when to ask the background whether this article
 * has notes (default: at once); the page app asks after its first run is drawn, when the page
 * is idle, so the question is not on the path to the first highlights.
 */
export function startNotes(
  doc: Document = document,
  options: Omit<PageNotesOptions, 'hooks'> = {},
  firstCheck: Promise<unknown> = Promise.resolve(),
): NotesController {
  let ui: PageNotes | null = null;
  let loading: Promise<PageNotes> | null = null;
  let stopped = false;
  let url = doc.location.href;

  function loadUi(): Promise<PageNotes> {
    loading ??= (async () => {
      const path = '/notes-ui.js';
      await import(/* @vite-ignore */ (browser.runtime.getURL as (p: string) => string)(path));
      const factory = (globalThis as Record<string, unknown>)[NOTES_UI_GLOBAL] as
        | { createPageNotes: typeof createPageNotes }
        | undefined;
      if (!factory) throw new Error('QuoteLens could not load its notes view; reload the page.');
      if (stopped) throw new Error('QuoteLens was stopped on this page.');
      unwatch();
      ui = factory.createPageNotes(doc, {
        ...options,
        hooks: { currentPage, onAnnotated, setNoteBadges },
      });
      return ui;
    })();
    loading.catch(() => {
      loading = null; // a later action tries again
    });
    return loading;
  }

  async function check() {
    url = doc.location.href;
    const r = await countNotes(doc);
    if (!r || stopped || ui) return;

    if (r.count > 0) await loadUi().catch((e) => console.warn('[QuoteLens] notes:', e));
  }

  // Until the view is loaded: watch for a single-page-app navigation to another article that
  // has notes. (Notes arriving from another tab: the background sends `page:notes-changed`.)
  const offAnnotated = onAnnotated((page) => {
    if (page && page.url.replace(/#.*$/, '') !== url.replace(/#.*$/, '')) void check();
  });
  function unwatch() {
    offAnnotated();
  }

  const offAddNote = setAddNoteHandler((request) => {
    void loadUi()
      .then((view) => view.addNote(request))
      .catch((e) => console.warn('[QuoteLens] notes:', e));
  });

  void firstCheck.then(() => {
    if (!stopped && !ui && !loading) void check();
  });

  const fail = (e: unknown) => ({
    ok: false as const,
    error: e instanceof Error ? e.message : String(e),
  });

  return {
    async noteSelection() {
      try {
        return await (await loadUi()).noteSelection();
      } catch (e) {
        return fail(e);
      }
    },
    async showNote(id) {
      try {
        return await (await loadUi()).showNote(id);
      } catch (e) {
        return fail(e);
      }
    },
    async state(): Promise<PageNotesState> {
      if (!ui && !loading) {
        const r = await countNotes(doc);
        if (!r?.count) return { count: 0, anchored: [], orphans: [] };
      }
      return (await loadUi()).state();
    },
    panelEvent(token, event, height) {
      ui?.panelEvent(token, event, height);
    },
    changed() {
      if (ui) ui.changed();
      else void check();
    },
    refresh() {
      ui?.refresh();
    },
    stop() {
      stopped = true;
      unwatch();
      offAddNote();
      ui?.stop();
    },
  };
}
