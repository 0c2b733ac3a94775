/**
 * Everything QuoteLens does on a page once it runs there: the annotator (lib/dom/annotator),
 * the label view (components/page), the reader's notes (entrypoints/content/notes.ts) and the
 * answers to the popup's ContentRequest messages. The content script (entrypoints/content)
 * imports this file only where QuoteLens is on for the site, or when the reader asks something
 * of the page, so a page where it is off never parses or compiles it. Wiring only.
 */
import { browser } from 'wxt/browser';
import { createOverlay } from '../../components/page/overlay';
import { Annotator, reportError } from '../../lib/dom/annotator';
import { sharedSheet } from '../../lib/dom/highlight-sheet';
import { canAddNote } from '../../lib/dom/page-hooks';
import { setPerfMarks } from '../../lib/dom/perf-marks';
import { remoteExtract } from '../../lib/dom/remote-engine';
import { whenIdle } from '../../lib/dom/slicer';
import type { ContentRequest, PageNotesState, PageState } from '../../lib/messages';
import { startNotes, withNoteBadges } from '../content/notes';

/** What the page answers a ContentRequest with. */
export type PageReply =
  | PageState
  | PageNotesState
  | { ok: true }
  | { ok: true; found: boolean }
  | { ok: true; shown: 'shown' | 'orphaned' | 'not-ready' }
  | { ok: false; error: string };

export interface PageApp {
  handle(request: ContentRequest): Promise<PageReply>;
  /** Follows the site's switch: the first call with `true` reads and marks the page. */
  setActive(active: boolean): Promise<void>;
  destroy(): void;
}

export interface PageAppOptions {
  /** Whether the `quotelens:*` performance marks are written (lib/dev-flags.ts). */
  perfMarks: boolean;
}

export function createPageApp(options: PageAppOptions): PageApp {
  setPerfMarks(options.perfMarks);
  const annotator: Annotator = new Annotator({
    doc: document,
    // The engine runs in the background: none of its work lands on the page's main thread.
    // The page's canonical link and title ride along for the reader's archive (issue 15).
    extract: remoteExtract((request) =>
      browser.runtime.sendMessage({ ...request, page: pageIdentity(document) }),
    ),
    // The `::highlight()` colours, attached at document_start where QuoteLens is on
    // (entrypoints/highlight-sheet.ts); never manifest CSS, which every page could read.
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
  // Whether this article has notes is asked once the first run is drawn and the page is idle:
  // the question (and the notes view it may load) is not on the path to the first highlights.
  let firstRunDone = () => {};
  const firstRun = new Promise<void>((done) => {
    firstRunDone = done;
  }).then(() => whenIdle(2000));
  const notes = startNotes(document, { enabled: () => annotator.isEnabled }, firstRun);
  let started = false;

  async function handle(request: ContentRequest): Promise<PageReply> {
    switch (request.type) {
      case 'page:get-state':
        return annotator.getState();
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

  return {
    handle: (request) =>
      handle(request).catch((err: unknown) => ({
        ok: false as const,
        error: reportError(`message ${request.type}`, err),
      })),
    async setActive(active) {
      try {
        if (!started) {
          started = true;
          try {
            if (active) await annotator.run('load');
            else await annotator.setEnabled(false);
          } finally {
            firstRunDone();
          }
        } else if (active !== annotator.isEnabled) await annotator.setEnabled(active);
      } catch (err) {
        reportError('start', err);
      }
    },
    destroy() {
      notes.stop();
      annotator.destroy();
    },
  };
}

/** What the archive needs to know of the page beyond its text (issue 15). */
function pageIdentity(doc: Document): { canonical: string | null; title: string } {
  const canonical =
    doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href ?? null;
  const og = doc.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.content;
  return { canonical, title: (og || doc.title || '').trim().slice(0, 300) };
}
