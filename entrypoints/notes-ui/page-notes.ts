/**
 * The reader's notes on the live page, loaded into the content script's isolated world only
 * when a page has notes or the reader adds one (entrypoints/content/notes.ts starts it), so
 * the many pages without notes do not carry this code. Re-anchors the article's notes on the
 * page's text model (lib/notes-view/spots.ts), shows note badges on statement labels and a
 * subtle mark under noted passages, and opens the note panel.
 *
 * Privacy: the note panel — the editor and every note's text — is the note frame, an
 * extension-origin page (entrypoints/note-frame) in an iframe inside a closed shadow root: the
 * page cannot script it, search it with window.find() or hear its keystrokes. Nothing of a
 * note's text is put in the page's document or shadow roots; QuoteLens's own words there are
 * CSS generated content. This module only knows where notes are, to draw their marks.
 */
import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import {
  type Box,
  PageNotesLayer,
  type PageNotesLayerProps,
  type Passage,
} from '../../components/notes/PageNotesLayer';
import { PAGE_NOTES_CSS } from '../../components/notes/page-styles';
import { type Anchor, describeSpan, selectorsFromRange } from '../../lib/dom/anchor';
import { findArticle } from '../../lib/dom/article';
import { quoteAt } from '../../lib/dom/note-quote';
import type { AddNoteRequest, AnnotatedPage } from '../../lib/dom/page-hooks';
import { buildTextModel, type PageText, rangeFromOffsets } from '../../lib/dom/text-model';
import type { AnchoredNoteInfo, PageNotesState, PanelEvent, PanelSpot } from '../../lib/messages';
import { notesClient } from '../../lib/notes/client';
import type { Note, NoteSelectors } from '../../lib/notes/web-annotation';
import { placeNotes, type Spot } from '../../lib/notes-view/spots';
import type { Quote } from '../../lib/quotes/types';

/** What notes needs of the page: its text (and the statements, when the engine ran). */
interface PageModel extends PageText {
  quotes: readonly Quote[];
}

interface OpenPanel {
  key: string;
  /** Which opening this is: each opening gets a fresh frame. */
  seq: number;
  /** The background's grant for this opening (null until it answers). */
  token: string | null;
  /** The frame's content height, as it reports it. */
  height: number;
  boxOf: () => Box | null;
  /** Where keyboard focus goes back to when the panel closes (what opened it). */
  returnFocus: (() => void) | null;
}

const ask = notesClient((m) => browser.runtime.sendMessage(m));

function canonicalHref(doc: Document): string | null {
  return doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]')?.href ?? null;
}

function articleTitle(doc: Document): string {
  const og = doc.querySelector('meta[property="og:title"]')?.getAttribute('content')?.trim();
  return og || doc.title.trim() || doc.location.href;
}

function boxOfRange(range: Range | null): Box | null {
  if (!range) return null;
  const rects = range.getClientRects();
  const first = rects[0];
  const last = rects[rects.length - 1];
  if (!first || !last) return null;
  return { top: first.top, left: first.left, bottom: last.bottom, right: last.right };
}

export interface NotesController {
  /** Opens the notes of the reader's current selection (context menu, keyboard command). */
  noteSelection(): Promise<{ ok: true } | { ok: false; error: string }>;
  /** Scrolls to a note and opens it (the notes page's "open article"). */
  showNote(id: string): Promise<{ ok: true; found: boolean } | { ok: false; error: string }>;
  /** The page's notes: where each was found, and those whose text is gone (for the popup). */
  state(): Promise<PageNotesState>;
  /** The note frame asked to close, or told its height (through the background). */
  panelEvent(token: string, event: PanelEvent, height?: number): void;
  /** This article's notes changed elsewhere (the background says so). */
  changed(): void;
  /** Draws again after the site's switch changed. */
  refresh(): void;
  stop(): void;
}

/** The annotator's registry (lib/dom/page-hooks), handed over: this module has no copy of it. */
export interface NotesHooks {
  currentPage(): AnnotatedPage | null;
  onAnnotated(listener: (page: AnnotatedPage | null) => void): () => void;
  setNoteBadges(counts: ReadonlyMap<number, number>): void;
}

export interface PageNotesOptions {
  hooks: NotesHooks;
  /** False while QuoteLens is switched off for this site: notes are then not drawn. */
  enabled?: () => boolean;
  /** How long to wait for the annotator's text model before building our own. */
  annotatorWaitMs?: number;
}

/** The controller the content script talks to once this module is loaded. */
export interface PageNotes extends NotesController {
  /** "Add note" on a statement's label card. */
  addNote(request: AddNoteRequest): void;
}

export function createPageNotes(doc: Document, options: PageNotesOptions): PageNotes {
  const enabled = options.enabled ?? (() => true);
  const { currentPage, onAnnotated, setNoteBadges } = options.hooks;
  // Both change on a single-page-app navigation (see onAnnotated below).
  let url = doc.location.href;
  let canonical = canonicalHref(doc);

  let notes: Note[] = [];
  let loaded = false;
  let articleKey: string | null = null;
  let waitedForAnnotator = false;
  let annotated: AnnotatedPage | null = currentPage();
  let ownModel: PageModel | null = null;
  let anchors = new Map<string, Anchor>();
  let spots: Spot[] = [];
  let passages: Passage[] = [];
  let panel: OpenPanel | null = null;
  let panelSeq = 0;
  let message: string | null = null;
  let messageTimer: ReturnType<typeof setTimeout> | undefined;
  let host: HTMLElement | null = null;
  let mount: HTMLElement | null = null;
  let frame = 0;
  let stopped = false;

  // ── The page's text ──

  function model(): PageModel {
    if (annotated) {
      return { model: annotated.model, map: annotated.map, quotes: annotated.extraction.quotes };
    }
    // No annotation published (engine still working, or not run on this page): our own
    // text model of the same article, so passage notes still work. Built once, on demand.
    ownModel ??= { ...buildTextModel(findArticle(doc), doc), quotes: [] };
    return ownModel;
  }

  function rangeOf(start: number, end: number): Range | null {
    return rangeFromOffsets(model().map, start, end);
  }

  // ── Anchoring and drawing ──

  function clearDrawn() {
    spots = [];
    passages = [];
    setNoteBadges(new Map());
  }

  /** Finds every note on the page's text, then draws them (when QuoteLens is on here). */
  function reanchorAll() {
    // Nothing to find, or not yet: no text model is built (most pages have no notes).
    if (notes.length === 0 || (!annotated && !waitedForAnnotator)) {
      anchors = new Map();
      clearDrawn();
      draw();
      return;
    }
    const { model: m, quotes } = model();
    const placed = placeNotes(m.text, quotes, notes);
    anchors = placed.anchors;
    const badges = placed.badges;
    if (!enabled()) {
      clearDrawn();
      draw();
      return;
    }
    spots = placed.spots;
    setNoteBadges(badges);
    measurePassages();
    draw();
  }

  function ensureMount(): HTMLElement {
    if (mount?.isConnected) return mount;
    // A plain <div>: a page that defines a custom element of ours first cannot break it.
    host = doc.createElement('div');
    host.setAttribute(
      'style',
      'all: initial !important; position: absolute !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; display: block !important; z-index: 2147483646 !important; pointer-events: none !important;',
    );
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = PAGE_NOTES_CSS;
    mount = doc.createElement('div');
    shadow.append(style, mount);
    // On <html>, not <body>: the page's body markup stays exactly its own.
    (doc.documentElement ?? doc.body).appendChild(host);
    return mount;
  }

  function viewport() {
    return {
      width: doc.documentElement.clientWidth || 1024,
      height: doc.documentElement.clientHeight || 768,
    };
  }

  /** Where the passage notes are, in document coordinates (statements use their label). */
  function measurePassages() {
    const win = doc.defaultView;
    const dx = win?.scrollX ?? 0;
    const dy = win?.scrollY ?? 0;
    const out: Passage[] = [];
    for (const s of spots) {
      if (s.quote) continue;
      const rects = [...(rangeOf(s.start, s.end)?.getClientRects() ?? [])].filter(
        (r) => r.width > 0 && r.height > 0,
      );
      const last = rects[rects.length - 1];
      if (!last) continue;
      const n = s.notes.length;
      out.push({
        key: s.key,
        lines: rects.map((r) => ({ left: r.left + dx, top: r.bottom + dy - 1, width: r.width })),
        // Like a footnote mark: raised at the passage's end, clear of the words that follow.
        marker: { left: last.right + dx - 5, top: last.top + dy - 10 },
        count: n,
        label: n === 1 ? 'Open your note on this passage' : `Open your ${n} notes on this passage`,
      });
    }
    passages = out;
  }

  function notesOf(key: string): Note[] {
    return spots.find((s) => s.key === key)?.notes ?? [];
  }

  function frameUrl(token: string): string {
    return `${(browser.runtime.getURL as (p: string) => string)('/note-frame.html')}#${token}`;
  }

  function draw() {
    if (stopped) return;
    const hasSomething = panel || message || passages.length > 0;
    if (!hasSomething && !mount) return;
    const el = ensureMount();
    const p = panel;
    const props: PageNotesLayerProps = {
      panel:
        p?.token != null
          ? {
              id: `${p.key}#${p.seq}`,
              box: p.boxOf(),
              src: frameUrl(p.token),
              height: p.height,
              onLoad: (iframe) => iframe.focus(),
            }
          : null,
      passages,
      onMarker: (key) => openSpot(key, null),
      message,
      onDismissMessage: () => {
        message = null;
        draw();
      },
      viewport: viewport(),
    };
    render(h(PageNotesLayer, props), el);
  }

  /** Tells the reader something (in the shadow root), for a while. Returns the text. */
  function say(text: string): string {
    message = text;
    clearTimeout(messageTimer);
    messageTimer = setTimeout(() => {
      message = null;
      draw();
    }, 10_000);
    draw();
    return text;
  }

  // ── Opening the editor ──

  /** Opens the note frame on a spot: the background keeps the spot under a fresh grant. */
  async function openPanel(
    key: string,
    spot: Omit<PanelSpot, 'noteIds'>,
    boxOf: () => Box | null,
    returnFocus: (() => void) | null,
  ): Promise<void> {
    const seq = ++panelSeq;
    const previous = panel?.token;
    if (previous)
      void ask({ type: 'notes:panel-ui', token: previous, event: 'close' }).catch(() => undefined);
    panel = { key, seq, token: null, height: 0, boxOf, returnFocus };
    draw();
    try {
      const { token } = await ask({
        type: 'notes:panel-open',
        url,
        canonical,
        title: articleTitle(doc),
        spot: { ...spot, noteIds: notesOf(key).map((n) => n.id) },
      });
      if (panel?.seq !== seq) return;
      panel.token = token;
      draw();
    } catch (e) {
      if (panel?.seq === seq) panel = null;
      say(`QuoteLens could not open the note: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  function openSpot(key: string, start: 'new' | string | null) {
    const spot = spots.find((s) => s.key === key);
    if (!spot) return;
    const text = model().model.text;
    void openPanel(
      key,
      {
        quote: text.slice(spot.start, spot.end),
        speaker: spot.quote?.speaker ?? null,
        selectors: describeSpan(text, spot.start, spot.end),
        start,
      },
      () => boxOfRange(rangeOf(spot.start, spot.end)),
      focusBack(),
    );
  }

  function openForQuote(
    q: Quote,
    start: 'new' | string | null = 'new',
    returnFocus: (() => void) | null = focusBack(),
  ) {
    const text = model().model.text;
    const key = `q${q.id}`;
    void openPanel(
      key,
      {
        quote: q.text || text.slice(q.start, q.end),
        speaker: q.speaker,
        selectors: describeSpan(text, q.start, q.end),
        // With notes already there, the panel lists them and offers "Add another note".
        start: notesOf(key).length && start === 'new' ? null : start,
      },
      () => boxOfRange(annotated?.rangeOf(q.id) ?? rangeOf(q.start, q.end)),
      returnFocus,
    );
  }

  function openSelection(selectors: NoteSelectors, start: number, end: number, box: Box | null) {
    void openPanel(
      `s${start}-${end}`,
      { quote: selectors.quote.exact, speaker: null, selectors, start: 'new' },
      () => boxOfRange(rangeOf(start, end)) ?? box,
      focusBack(),
    );
  }

  /** Gives focus back to the page element that had it (outside our panel), if still there. */
  function focusBack(): (() => void) | null {
    const before = doc.activeElement as HTMLElement | null;
    if (!before || before === doc.body || before === host) return null;
    return () => {
      if (before.isConnected) before.focus({ preventScroll: true });
    };
  }

  /** Whether keyboard focus is inside `el` (in our closed shadow root). */
  function hasFocusIn(el: Element | null): boolean {
    const root = mount?.getRootNode();
    const active = root instanceof ShadowRoot ? root.activeElement : null;
    return !!active && !!el?.contains(active);
  }

  function closePanel() {
    const back = panel?.returnFocus ?? null;
    // Only a reader working in the panel (keyboard, close button) is sent back where they were.
    const hadFocus = hasFocusIn(mount);
    panel = null;
    draw();
    if (hadFocus) back?.();
  }

  // ── The background's notes store ──

  async function load() {
    try {
      // The background answers for this page's own address, whatever `url` says.
      const r = await ask({ type: 'notes:list-for-page', url, canonical });
      notes = r.notes;
      articleKey = r.articleKey;
    } catch (e) {
      say(`QuoteLens could not load your notes: ${e instanceof Error ? e.message : String(e)}`);
      notes = [];
    }
    loaded = true;
    reanchorAll();
  }

  const ready = load();

  /** Resolves once this page's notes are loaded and anchored (or there are none). */
  async function settled(): Promise<void> {
    await ready;
    while (notes.length > 0 && !annotated && !waitedForAnnotator && !stopped) {
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }
  const waitTimer = setTimeout(() => {
    waitedForAnnotator = true;
    if (loaded && !annotated) reanchorAll();
  }, options.annotatorWaitMs ?? 2500);

  // Notes changed (here, another tab, the notes page): the background tells this tab.
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  function changed() {
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => void load(), 150);
  }

  // ── Wiring to the annotator, the page and the background ──

  const offAnnotated = onAnnotated((page) => {
    annotated = page;
    ownModel = null;
    if (page && sameDocumentMoved(page.url)) {
      // A single-page-app navigation: another article, its own notes.
      url = doc.location.href;
      canonical = canonicalHref(doc);
      const before = articleKey;
      // The same article under a new address (a tracking parameter added) keeps its panel.
      void load().then(() => {
        if (articleKey !== before && panel) {
          panel = null;
          draw();
        }
      });
      return;
    }
    if (loaded) reanchorAll();
  });

  function sameDocumentMoved(pageUrl: string): boolean {
    const strip = (u: string) => u.replace(/#.*$/, '');
    return strip(pageUrl) !== strip(url) || strip(doc.location.href) !== strip(url);
  }

  // Layout moves text (fonts, images, late content, resizing): measure again, at most once a
  // frame. The marks scroll with the page by themselves; the panel is placed in the viewport.
  const onViewChange = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (stopped) return;
      const before = JSON.stringify(passages);
      measurePassages();
      if (panel || JSON.stringify(passages) !== before) draw();
    });
  };
  doc.defaultView?.addEventListener('scroll', onViewChange, { passive: true, capture: true });
  doc.defaultView?.addEventListener('resize', onViewChange, { passive: true });

  return {
    addNote(req) {
      annotated = req.page;
      void ready.then(() => openForQuote(req.quote, 'new', req.returnFocus ?? focusBack()));
    },

    panelEvent(token, event, height) {
      if (panel?.token !== token) return;
      if (event === 'close') closePanel();
      else if (height !== undefined) {
        panel.height = height;
        draw();
      }
    },

    changed,

    async noteSelection() {
      await ready;
      const sel = doc.getSelection();
      const range = sel && sel.rangeCount > 0 && !sel.isCollapsed ? sel.getRangeAt(0) : null;
      if (!range) {
        const error = say('Select some of the article’s text first, then add a note.');
        return { ok: false, error };
      }
      const m = model();
      const selectors = selectorsFromRange(m, range);
      if (!selectors?.position) {
        const error = say(
          'QuoteLens keeps notes on the article’s own text; this selection is outside it.',
        );
        return { ok: false, error };
      }
      const { start, end } = selectors.position;
      const q = quoteAt(m.quotes, { start, end });
      if (q) {
        openForQuote(q);
        return { ok: true };
      }
      openSelection(selectors, start, end, boxOfRange(range));
      return { ok: true };
    },

    async showNote(id) {
      await settled();
      const note = notes.find((n) => n.id === id);
      if (!note) return { ok: false, error: 'That note is not on this page.' };
      const a = anchors.get(id);
      if (a?.status !== 'anchored') {
        say(
          'This note’s text was not found on this page (the article changed). The popup lists it under “not found on this page”.',
        );
        return { ok: true, found: false };
      }
      const spot = spots.find((s) => s.notes.some((n) => n.id === id));
      if (!spot) return { ok: true, found: false };
      const r = rangeOf(spot.start, spot.end);
      const el = r?.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
      // The panel lists the spot's notes (this one among them), ready to edit or delete.
      openSpot(spot.key, null);
      return { ok: true, found: true };
    },

    async state() {
      await settled();
      const text = model().model.text;
      const anchored: AnchoredNoteInfo[] = [];
      const orphans: Note[] = [];
      for (const n of notes) {
        const a = anchors.get(n.id);
        if (a?.status !== 'anchored') {
          orphans.push(n);
          continue;
        }
        const spot = spots.find((s) => s.notes.includes(n));
        anchored.push({
          id: n.id,
          start: a.start,
          end: a.end,
          text: text.slice(a.start, a.end),
          quoteId: spot?.quote?.id ?? null,
          method: a.method,
        });
      }
      return { count: notes.length, anchored, orphans };
    },

    refresh() {
      reanchorAll();
    },

    stop() {
      stopped = true;
      clearTimeout(waitTimer);
      clearTimeout(reloadTimer);
      clearTimeout(messageTimer);
      if (panel?.token) {
        void ask({ type: 'notes:panel-ui', token: panel.token, event: 'close' }).catch(
          () => undefined,
        );
      }
      offAnnotated();
      doc.defaultView?.removeEventListener('scroll', onViewChange, { capture: true });
      doc.defaultView?.removeEventListener('resize', onViewChange);
      if (frame) cancelAnimationFrame(frame);
      setNoteBadges(new Map());
      if (mount) render(null, mount);
      host?.remove();
      host = mount = null;
    },
  };
}
