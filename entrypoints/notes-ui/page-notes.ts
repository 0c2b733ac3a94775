/**
 * The reader's notes on the live page, loaded into the content script's isolated world only
 * when a page has notes or the reader adds one (entrypoints/content/notes.ts starts it), so
 * the many pages without notes do not carry this code. Re-anchors the article's notes on the
 * page's text model (exact, then fuzzy, else orphaned), shows note badges on statement labels
 * and a subtle mark under noted passages, and hosts the note editor in a closed shadow root.
 *
 * Privacy: note text lives only in this isolated world and the closed shadow root — never in
 * the page's DOM attributes, localStorage, IndexedDB, URL or console. Rendered as text only.
 * Storage goes through the background (lib/messages.ts `notes:*`); a failed write keeps the
 * draft in the editor and says why.
 */
import { h, render } from 'preact';
import { browser } from 'wxt/browser';
import { noteToItem } from '../../components/notes/adapter';
import type { NoteDraft as ViewDraft } from '../../components/notes/note-item';
import {
  type Box,
  PageNotesLayer,
  type PageNotesLayerProps,
  type Passage,
} from '../../components/notes/PageNotesLayer';
import { PAGE_NOTES_CSS } from '../../components/notes/page-styles';
import { type Anchor, describeSpan, reanchor, selectorsFromRange } from '../../lib/dom/anchor';
import { findArticle } from '../../lib/dom/article';
import { quoteAt } from '../../lib/dom/note-quote';
import type { AddNoteRequest, AnnotatedPage } from '../../lib/dom/page-hooks';
import { buildTextModel, type PageText, rangeFromOffsets } from '../../lib/dom/text-model';
import {
  type AnchoredNoteInfo,
  isNotesChanged,
  NOTES_CHANGED_KEY,
  type NotesReply,
  type NotesRequest,
  type PageNotesState,
} from '../../lib/messages';
import { type Note, type NoteSelectors, noteSelectors } from '../../lib/notes/web-annotation';
import type { Quote } from '../../lib/quotes/types';

export const NOTES_HOST_TAG = 'quotelens-notes';

/** Unsaved drafts, in the extension's own storage (never the page's), so a reload loses nothing. */
const DRAFTS_KEY = 'notes:drafts';
const DRAFT_KEEP_MS = 30 * 24 * 60 * 60 * 1000;
type StoredDraft = ViewDraft & { at: number };

/** Events from the note editor that must not reach the page. */
const KEEP_INSIDE = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'compositionstart',
  'compositionupdate',
  'compositionend',
  'paste',
  'copy',
  'cut',
] as const;

/** What notes needs of the page: its text (and the statements, when the engine ran). */
interface PageModel extends PageText {
  quotes: readonly Quote[];
}

/** One passage or statement with notes, as shown on the page. */
interface Spot {
  key: string;
  start: number;
  end: number;
  quote: Quote | null;
  notes: Note[];
}

interface OpenPanel {
  key: string;
  /** Which opening this is: each opening gets a fresh editor. */
  seq: number;
  quoteText: string;
  speaker: string | null;
  selectors: NoteSelectors;
  start: 'new' | string | null;
  boxOf: () => Box | null;
  /** Where keyboard focus goes back to when the panel closes (what opened it). */
  returnFocus: (() => void) | null;
}

type Ok<R extends NotesRequest> = Extract<NotesReply<R>, { ok: true }>;

/** One typed request to the background's notes store; a failure becomes an Error to show. */
async function ask<R extends NotesRequest>(message: R): Promise<Ok<R>> {
  let reply: NotesReply<R> | undefined;
  try {
    reply = (await browser.runtime.sendMessage(message)) as NotesReply<R> | undefined;
  } catch (e) {
    throw new Error(
      `QuoteLens could not reach its storage (${e instanceof Error ? e.message : String(e)}). Reload the page and try again`,
    );
  }
  if (!reply) throw new Error('QuoteLens’s storage did not answer. Reload the page and try again');
  if (!reply.ok) throw new Error(reply.error);
  return reply as Ok<R>;
}

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
  let deleted: Note | null = null;
  let message: string | null = null;
  let messageTimer: ReturnType<typeof setTimeout> | undefined;
  let host: HTMLElement | null = null;
  let mount: HTMLElement | null = null;
  let frame = 0;
  let stopped = false;
  let drafts: Record<string, StoredDraft> = {};
  let draftTimer: ReturnType<typeof setTimeout> | undefined;

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
    anchors = new Map();
    const bySpan = new Map<string, Spot>();
    const badges = new Map<number, number>();
    for (const note of notes) {
      const a = reanchor(m.text, noteSelectors(note));
      anchors.set(note.id, a);
      if (a.status !== 'anchored') continue;
      const q = quoteAt(quotes, a);
      const key = q ? `q${q.id}` : `s${a.start}-${a.end}`;
      let spot = bySpan.get(key);
      if (!spot) {
        spot = q
          ? { key, start: q.start, end: q.end, quote: q, notes: [] }
          : { key, start: a.start, end: a.end, quote: null, notes: [] };
        bySpan.set(key, spot);
      }
      spot.notes.push(note);
      if (q) badges.set(q.id, (badges.get(q.id) ?? 0) + 1);
    }
    if (!enabled()) {
      clearDrawn();
      draw();
      return;
    }
    spots = [...bySpan.values()].sort((a, b) => a.start - b.start);
    setNoteBadges(badges);
    measurePassages();
    draw();
  }

  function ensureMount(): HTMLElement {
    if (mount?.isConnected) return mount;
    host = doc.createElement(NOTES_HOST_TAG);
    host.setAttribute(
      'style',
      'all: initial !important; position: absolute !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; display: block !important; z-index: 2147483646 !important; pointer-events: none !important;',
    );
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = PAGE_NOTES_CSS;
    mount = doc.createElement('div');
    // What the reader types into a note stays here: without this, keys and input events
    // would bubble out to the page (its shortcuts would fire, its key listeners would see
    // the note being typed). A page listener in the capture phase still runs before us: only
    // an editor in an extension-origin frame would hide keystrokes from that.
    for (const type of KEEP_INSIDE) mount.addEventListener(type, (e) => e.stopPropagation());
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

  function draw() {
    if (stopped) return;
    const hasSomething = panel || deleted || message || passages.length > 0;
    if (!hasSomething && !mount) return;
    const el = ensureMount();
    const p = panel;
    const props: PageNotesLayerProps = {
      panel: p
        ? {
            id: `${p.key}#${p.seq}`,
            box: p.boxOf(),
            quote: p.quoteText,
            speaker: p.speaker,
            notes: notesOf(p.key).map(noteToItem),
            start: p.start,
            onCreate: (d) => create(p, d),
            onUpdate: (n, d) => update(n.id, d),
            onDelete: (n) => remove(n.id),
            onClose: closePanel,
            drafts: panelDrafts(p),
            onDraft: (editor, d) => keepDraft(p, editor, d),
          }
        : null,
      passages,
      onMarker: (key) => openSpot(key, null),
      deleted: deleted ? noteToItem(deleted) : null,
      onUndo: undo,
      onDismissUndo: () => {
        deleted = null;
        draw();
      },
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

  function openSpot(key: string, start: 'new' | string | null) {
    const spot = spots.find((s) => s.key === key);
    if (!spot) return;
    const text = model().model.text;
    panel = {
      seq: ++panelSeq,
      key,
      quoteText: text.slice(spot.start, spot.end),
      speaker: spot.quote?.speaker ?? null,
      selectors: describeSpan(text, spot.start, spot.end),
      start,
      boxOf: () => boxOfRange(rangeOf(spot.start, spot.end)),
      returnFocus: focusBack(),
    };
    draw();
    focusPanel();
  }

  function openForQuote(
    q: Quote,
    start: 'new' | string | null = 'new',
    returnFocus: (() => void) | null = focusBack(),
  ) {
    const text = model().model.text;
    const key = `q${q.id}`;
    panel = {
      seq: ++panelSeq,
      key,
      quoteText: q.text || text.slice(q.start, q.end),
      speaker: q.speaker,
      selectors: describeSpan(text, q.start, q.end),
      start: notesOf(key).length && start === 'new' ? null : start,
      boxOf: () => boxOfRange(annotated?.rangeOf(q.id) ?? rangeOf(q.start, q.end)),
      returnFocus,
    };
    // With notes already there, the panel lists them and offers "Add another note".
    if (notesOf(key).length === 0) panel.start = 'new';
    draw();
    focusPanel();
  }

  function focusPanel() {
    // The editor focuses its textarea on mount; a list-only panel gets focus on its first button.
    requestAnimationFrame(() => {
      const root = mount?.querySelector<HTMLElement>('.ql-note-panel');
      if (root && !hasFocusIn(root)) root.querySelector<HTMLElement>('textarea, button')?.focus();
    });
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

  // ── Store operations (through the background) ──

  async function create(p: OpenPanel, d: ViewDraft) {
    const { note } = await ask({
      type: 'notes:add',
      draft: {
        url,
        canonical,
        title: articleTitle(doc),
        text: d.body,
        tags: d.tags,
        selectors: p.selectors,
        speaker: p.speaker,
      },
    });
    notes = [...notes.filter((n) => n.id !== note.id), note];
    reanchorAll();
  }

  async function update(id: string, d: ViewDraft) {
    const { note } = await ask({
      type: 'notes:update',
      id,
      patch: { text: d.body, tags: d.tags },
    });
    notes = notes.map((n) => (n.id === id ? note : n));
    reanchorAll();
  }

  async function remove(id: string) {
    const { note } = await ask({ type: 'notes:delete', id });
    notes = notes.filter((n) => n.id !== id);
    deleted = note;
    if (panel && notesOf(panel.key).length <= 1 && !panel.key.startsWith('q')) panel = null;
    reanchorAll();
  }

  async function undo() {
    const gone = deleted;
    deleted = null;
    if (!gone) return draw();
    try {
      const { note } = await ask({ type: 'notes:restore', id: gone.id });
      notes = [...notes.filter((n) => n.id !== note.id), note];
      reanchorAll();
    } catch (e) {
      say(`Could not restore the note: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  async function load() {
    try {
      const r = await ask({
        type: 'notes:list-for-page',
        url,
        canonical,
      });
      notes = r.notes;
      articleKey = r.articleKey;
    } catch (e) {
      say(`QuoteLens could not load your notes: ${e instanceof Error ? e.message : String(e)}`);
      notes = [];
    }
    loaded = true;
    reanchorAll();
  }

  const ready = Promise.all([load(), loadDrafts()]);

  async function loadDrafts() {
    try {
      const got = (await browser.storage.local.get(DRAFTS_KEY))[DRAFTS_KEY];
      const now = Date.now();
      if (got && typeof got === 'object') {
        for (const [k, d] of Object.entries(got as Record<string, StoredDraft>)) {
          if (typeof d?.body === 'string' && Array.isArray(d.tags) && now - d.at < DRAFT_KEEP_MS) {
            drafts[k] = d;
          }
        }
      }
    } catch {
      drafts = {};
    }
  }

  function newDraftKey(p: OpenPanel): string {
    const q = p.selectors.quote;
    return `new|${articleKey ?? url}|${q.prefix.slice(-16)}|${q.exact.slice(0, 300)}`;
  }

  function panelDrafts(p: OpenPanel): Map<string, ViewDraft> {
    const out = new Map<string, ViewDraft>();
    const fresh = drafts[newDraftKey(p)];
    if (fresh) out.set('new', fresh);
    for (const n of notesOf(p.key)) {
      const d = drafts[`edit|${n.id}`];
      if (d) out.set(n.id, d);
    }
    return out;
  }

  function keepDraft(p: OpenPanel, editor: string, draft: ViewDraft | null) {
    const key = editor === 'new' ? newDraftKey(p) : `edit|${editor}`;
    if (draft) drafts[key] = { ...draft, at: Date.now() };
    else delete drafts[key];
    clearTimeout(draftTimer);
    // Written a moment after typing stops, and at once when a draft is dropped.
    draftTimer = setTimeout(
      () => {
        draftTimer = undefined;
        browser.storage.local.set({ [DRAFTS_KEY]: drafts }).catch(() => undefined);
      },
      draft ? 250 : 0,
    );
  }

  function flushDrafts() {
    if (draftTimer === undefined) return;
    clearTimeout(draftTimer);
    draftTimer = undefined;
    browser.storage.local.set({ [DRAFTS_KEY]: drafts }).catch(() => undefined);
  }

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

  // Notes changed elsewhere (another tab, the notes page): reload this article's notes.
  let reloadTimer: ReturnType<typeof setTimeout> | undefined;
  const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[NOTES_CHANGED_KEY]?.newValue;
    if (area !== 'local' || !isNotesChanged(change)) return;
    if (articleKey && !change.articleKeys.includes(articleKey)) return;
    clearTimeout(reloadTimer);
    reloadTimer = setTimeout(() => void load(), 200);
  };
  browser.storage.onChanged.addListener(onStorage);

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
  // Leaving the page (reload, navigation) writes a draft still waiting to be kept.
  doc.defaultView?.addEventListener('pagehide', flushDrafts);

  return {
    addNote(req) {
      annotated = req.page;
      void ready.then(() => openForQuote(req.quote, 'new', req.returnFocus ?? focusBack()));
    },

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
      const key = `s${start}-${end}`;
      const box = boxOfRange(range);
      panel = {
        seq: ++panelSeq,
        key,
        quoteText: selectors.quote.exact,
        speaker: null,
        selectors,
        start: 'new',
        boxOf: () => boxOfRange(rangeOf(start, end)) ?? box,
        returnFocus: focusBack(),
      };
      draw();
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
      browser.storage.onChanged.removeListener(onStorage);
      offAnnotated();
      doc.defaultView?.removeEventListener('scroll', onViewChange, { capture: true });
      doc.defaultView?.removeEventListener('resize', onViewChange);
      doc.defaultView?.removeEventListener('pagehide', flushDrafts);
      flushDrafts();
      if (frame) cancelAnimationFrame(frame);
      setNoteBadges(new Map());
      if (mount) render(null, mount);
      host?.remove();
      host = mount = null;
    },
  };
}
