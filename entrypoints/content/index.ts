/**
 * Content script: wiring only. Starts the page annotator (lib/dom/annotator) once the page is
 * idle, renders labels with components/page, follows the on/off switches (lib/settings) live,
 * and answers the popup's ContentRequest messages (lib/messages). No business rule lives here.
 */
import { browser } from 'wxt/browser';
import { createOverlay } from '../../components/page/overlay';
import { DEV_FLAGS_KEY, parseDevFlags } from '../../lib/dev-flags';
import { Annotator, reportError } from '../../lib/dom/annotator';
import { sharedSheet } from '../../lib/dom/highlight-sheet';
import { canAddNote } from '../../lib/dom/page-hooks';
import { setPerfMarks } from '../../lib/dom/perf-marks';
import { remoteExtract } from '../../lib/dom/remote-engine';
import { whenIdle } from '../../lib/dom/slicer';
import {
  type ContentRequest,
  isContentRequest,
  type PageNotesState,
  type PageState,
} from '../../lib/messages';
import { createSettingsStore, isActiveOn, type StorageLike, siteOf } from '../../lib/settings';
import { startNotes, withNoteBadges } from './notes';

type Reply =
  | PageState
  | PageNotesState
  | { ok: true }
  | { ok: true; found: boolean }
  | { ok: true; shown: 'shown' | 'orphaned' | 'not-ready' }
  | { ok: false; error: string };

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const settings = createSettingsStore(browser.storage as unknown as StorageLike);
    const site = () => siteOf(location.href);
    let ready = false;

    const annotator: Annotator = new Annotator({
      doc: document,
      // The engine runs in the background: none of its work lands on the page's main thread.
      // The page's canonical link and title ride along for the reader's archive (issue 15).
      extract: remoteExtract((request) =>
        browser.runtime.sendMessage({ ...request, page: pageIdentity(document) }),
      ),
      // The `::highlight()` colours, attached at document_start where QuoteLens is on
      // (entrypoints/highlight-sheet.content.ts); never manifest CSS, which every page could read.
      highlightSheet: sharedSheet(),
      sheetTarget: import.meta.env.FIREFOX ? 'firefox' : 'chromium',
      // Test builds only (tests/e2e/wrap.spec.ts): the wrapping fallback in a real browser.
      forceWrap: import.meta.env.WXT_QL_FORCE_WRAP === '1',
      createView: (theme) =>
        withNoteBadges(
          createOverlay(
            document,
            {
              facts: (id) => annotator.facts(id),
              speakerIdOf: (id) => annotator.speakerIdOf(id),
              jump: (id) => annotator.jump(id),
              addNote: (id) => annotator.addNote(id),
              canAddNote,
            },
            theme,
          ),
        ),
    });

    // The reader's notes (entrypoints/content/notes.ts): anchored on the annotator's text model.
    const notes = startNotes(document, { enabled: () => annotator.isEnabled });

    async function handle(request: ContentRequest): Promise<Reply> {
      switch (request.type) {
        case 'page:get-state': {
          const state = annotator.getState();
          // Before the first run the switches are not read yet: say "working", not "ready".
          return ready ? state : { ...state, status: 'working' };
        }
        case 'page:jump':
          return annotator.jump(request.quoteId)
            ? { ok: true }
            : { ok: false, error: `No statement ${request.quoteId} on this page.` };
        case 'page:only-speaker':
          annotator.onlySpeaker(request.speakerId);
          return { ok: true };
        case 'page:reannotate':
          if (!annotator.isEnabled) return { ok: false, error: 'QuoteLens is off for this site.' };
          await annotator.run('request');
          return { ok: true };
        case 'page:note-selection':
          return notes.noteSelection();
        case 'page:show-note':
          return notes.showNote(request.id);
        case 'page:notes':
          return notes.state();
        case 'page:show-statement':
          return { ok: true, shown: annotator.showStatement(request.selectors) };
        case 'page:panel':
          notes.panelEvent(request.token, request.event, request.height);
          return { ok: true };
        case 'page:notes-changed':
          notes.changed();
          return { ok: true };
      }
    }

    // Answers through `sendResponse` (kept open by returning true), which Chromium's native API
    // and Firefox's both honour: the Chromium build carries no webextension-polyfill to turn a
    // returned promise into a reply (wxt.config.ts).
    const onMessage = (
      message: unknown,
      sender: { id?: string },
      sendResponse: (reply: Reply) => void,
    ): true | undefined => {
      if (sender.id !== browser.runtime.id || !isContentRequest(message)) return undefined;
      void handle(message)
        .catch((err: unknown) => ({
          ok: false as const,
          error: reportError(`message ${message.type}`, err),
        }))
        .then(sendResponse);
      return true;
    };
    browser.runtime.onMessage.addListener(onMessage);

    const unwatch = settings.watch((s) => {
      const active = isActiveOn(s, site());
      if (active !== annotator.isEnabled) void annotator.setEnabled(active);
    });

    ctx.onInvalidated(() => {
      // The extension was updated or removed: leave the page exactly as it was.
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
      notes.stop();
      annotator.destroy();
    });

    void (async () => {
      try {
        const [, flags] = await Promise.all([whenIdle(1500), devFlags()]);
        setPerfMarks(import.meta.env.DEV || flags.perfMarks);
        const active = await settings.isActiveOn(site());
        ready = true;
        if (ctx.isInvalid) return;
        if (active) await annotator.run('load');
        else await annotator.setEnabled(false);
      } catch (err) {
        reportError('start', err);
      }
    })();
  },
});

/** The developer switches (lib/dev-flags.ts); all off when storage cannot be read. */
async function devFlags() {
  try {
    return parseDevFlags((await browser.storage.local.get(DEV_FLAGS_KEY))[DEV_FLAGS_KEY]);
  } catch {
    return parseDevFlags(null);
  }
}

/** What the archive needs to know of the page beyond its text (issue 15). */
function pageIdentity(doc: Document): { canonical: string | null; title: string } {
  const canonical =
    doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href ?? null;
  const og = doc.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.content;
  return { canonical, title: (og || doc.title || '').trim().slice(0, 300) };
}
