/**
 * Content script: wiring only. Starts the page annotator (lib/dom/annotator) once the page is
 * idle, renders labels with components/page, follows the on/off switches (lib/settings) live,
 * and answers the popup's ContentRequest messages (lib/messages). No business rule lives here.
 */
import { browser } from 'wxt/browser';
import { createOverlay } from '../../components/page/overlay';
import { Annotator, reportError } from '../../lib/dom/annotator';
import { canAddNote } from '../../lib/dom/page-hooks';
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
// The `::highlight()` rules, injected by the browser before the page is parsed (manifest CSS):
// adding them when the marks appear would restyle the whole page (lib/dom/highlight-style.ts).
// The Firefox build gets highlights.firefox.css in its place (wxt.config.ts).
import './highlights.css';

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
      staticSheet: true,
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

    const onMessage = (message: unknown, sender: { id?: string }): Promise<Reply> | undefined => {
      if (sender.id !== browser.runtime.id || !isContentRequest(message)) return undefined;
      return handle(message).catch((err: unknown) => ({
        ok: false as const,
        error: reportError(`message ${message.type}`, err),
      }));
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
        await whenIdle(1500);
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

/** What the archive needs to know of the page beyond its text (issue 15). */
function pageIdentity(doc: Document): { canonical: string | null; title: string } {
  const canonical =
    doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href ?? null;
  const og = doc.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.content;
  return { canonical, title: (og || doc.title || '').trim().slice(0, 300) };
}
