/**
 * Runs QuoteLens on the live page: article → text model → quote engine → highlights and
 * labels, in slices short enough that the page never stalls, and keeps the result current as
 * content arrives, the page navigates, or the reader switches QuoteLens off.
 * Owns the page state the popup asks for. The label view is injected (components/page), the
 * engine too (tests); no WXT, no extension APIs. `clear()` leaves the page as it found it.
 */

import type { PageState, PageStatus } from '../messages';
import type { NoteSelectors } from '../notes/web-annotation';
import type { Extraction, Quote, TextModel } from '../quotes/types';
import { siteOf } from '../settings';
import { reanchor } from './anchor';
import { type ArticleBlock, findArticleTask, looksLikeArticle } from './article';
import { createHighlighter, type Highlighter, type Mark, type Theme } from './highlight';
import type { SheetHandle } from './highlight-sheet';
import type { SheetTarget } from './highlight-style';
import { LabelLayer } from './label-layer';
import { anchorOf, cardFacts, type LabelSpec, type LabelView, labelSpecs } from './labels';
import { PageBudget } from './page-budget';
import { type AnnotatedPage, publishAnnotated, requestAddNote } from './page-hooks';
import { MAX_READ_ELEMENTS, tooManyElementsTask } from './page-size';
import { PageWatch } from './page-watch';
import { perfMark } from './perf-marks';
import { Cancelled, Slicer } from './slicer';
import { buildTextModelTask, type OffsetMap, rangeFromOffsets } from './text-model';
import { detectTheme } from './theme';

/** Longest wait after content changes on a page whose article text keeps not changing. */
const MAX_DEBOUNCE_MS = 8000;
/** Longest wait after content changes on a page that keeps QuoteLens over its budget. */
const MAX_BUDGET_DEBOUNCE_MS = 30_000;
/**
 * Busy ms one run may take finding the article and building its text (a page of a million
 * elements): past it, the page is left as it is, with a message, instead of being read on.
 */
export const RUN_READ_BUDGET_MS = 1500;
/** Tries at finding an article in a page that grows by script, before giving up. */
const MAX_LATE_ARTICLE_CHECKS = 6;

/** A page too large to read within one run's budget. */
class TooLarge extends Error {
  constructor(measure = `more than ${RUN_READ_BUDGET_MS / 1000} s of work`) {
    super(
      `This page is too large for QuoteLens to read without slowing it down (${measure}); it was left as it is.`,
    );
    this.name = 'TooLarge';
  }
}

export interface RunReport {
  run: number;
  reason: string;
  status: PageStatus;
  quotes: number;
  busy: number;
  longest: number;
  slices: number;
  mode: Highlighter['mode'] | 'none';
  /** Busy ms per phase. */
  phases: Record<string, number>;
}

export interface AnnotatorOptions {
  doc: Document;
  /** Builds the label view for a page theme (components/page/overlay). */
  createView: (theme: Theme) => LabelView;
  /**
   * The quote engine. The content script passes one that runs in the background
   * (remote-engine.ts); tests pass `extractQuotes` itself. Time spent awaiting it is not
   * main-thread time and is not counted as busy.
   */
  extract: (model: TextModel) => Extraction | Promise<Extraction>;
  /** Target length of one slice of work, ms. */
  sliceMs?: number;
  forceWrap?: boolean;
  /**
   * The sheet of static `::highlight()` rules (highlight-sheet.ts), usually attached before the
   * page was first styled: painting then adds no rules to the live page, which would restyle
   * it. Taken away when QuoteLens is switched off on the page, put back before the next paint.
   */
  highlightSheet?: SheetHandle | null;
  /** The engine the highlight rules are written for (Firefox needs bare `::highlight()`). */
  sheetTarget?: SheetTarget;
  /** Called whenever the state the popup shows changes. */
  onState?: (state: PageState) => void;
  /** Called after each run with its numbers (also performance marks, when on: perf-marks.ts). */
  onReport?: (report: RunReport) => void;
  /** Debounce of the content observer, ms. */
  debounceMs?: number;
  /** Elements beyond which a page is not read at all (page-size.ts; tests lower it). */
  maxElements?: number;
  pollMs?: number;
}

interface Painted {
  model: TextModel;
  map: OffsetMap;
  blocks: ArticleBlock[];
  extraction: Extraction;
  specs: LabelSpec[];
}

/** Reports an error of QuoteLens's own, tagged so it can be told from the page's. */
export function reportError(where: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  console.error(`[QuoteLens] ${where}:`, err);
  perfMark('error', { where, message });
  return message;
}

function commonAncestor(blocks: readonly ArticleBlock[]): Element | null {
  let root: Element | null = blocks[0]?.element ?? null;
  for (const b of blocks) {
    while (root && !root.contains(b.element)) root = root.parentElement;
  }
  return root;
}

export class Annotator {
  private status: PageStatus = 'working';
  private error: string | undefined;
  private enabled = true;
  private painted: Painted | null = null;
  private highlighter: Highlighter | null = null;
  private view: LabelView | null = null;
  private labels: LabelLayer | null = null;
  private theme: Theme = 'light';
  private viewTheme: Theme = 'light';
  private slicer: Slicer | null = null;
  private runs = 0;
  private onlySpeakerId: number | null = null;
  private lateChecks = 0;
  private navTimer: ReturnType<typeof setTimeout> | null = null;
  private layoutRun: Promise<void> | null = null;
  private layoutAgain = false;
  private readonly watch: PageWatch;
  private readonly doc: Document;
  private current: Promise<void> = Promise.resolve();
  /** Content-triggered runs in a row that found the same article text. */
  private quietStreak = 0;
  /** Main-thread time spent following the page's changes (lib/dom/page-budget.ts). */
  readonly budget = new PageBudget();
  /** The article text of the last run (whether or not it was painted). */
  private lastText: string | null = null;
  private readonly baseDebounce: number;
  /** The page's highlight colours: there only while QuoteLens is on for this page. */
  private readonly sheet: SheetHandle | null;

  constructor(private readonly options: AnnotatorOptions) {
    this.doc = options.doc;
    this.sheet = options.highlightSheet ?? null;
    this.baseDebounce = options.debounceMs ?? 400;
    this.watch = new PageWatch(
      this.doc,
      {
        contentChanged: () => this.onContentChanged(),
        navigated: () => this.onNavigated(),
        layoutChanged: () => void this.relayout(),
        isOwn: (node) => this.owns(node),
      },
      { debounceMs: this.baseDebounce, pollMs: options.pollMs ?? 1000 },
    );
  }

  getState(): PageState {
    const p = this.painted;
    const state: PageState = {
      status: this.status,
      url: this.doc.location?.href ?? '',
      title: this.doc.title,
      site: siteOf(this.doc.location?.href ?? ''),
      quotes: this.status === 'ready' && p ? p.extraction.quotes : [],
      speakers: this.status === 'ready' && p ? p.extraction.speakers : [],
      onlySpeakerId: this.onlySpeakerId,
    };
    if (this.error) state.error = this.error;
    return state;
  }

  /** Switches QuoteLens on or off for this page; off restores the page exactly. */
  setEnabled(enabled: boolean): Promise<void> {
    this.enabled = enabled;
    if (!enabled) {
      this.cancel();
      this.clear();
      // Off means nothing of ours stays in the document, not even the empty label host.
      this.view?.destroy();
      this.view = null;
      this.labels = null;
      this.sheet?.detach();
      this.watch.observe(null);
      this.setStatus('disabled');
      return Promise.resolve();
    }
    return this.run('enabled');
  }

  get isEnabled(): boolean {
    return this.enabled;
  }

  /** Looks at the page again from scratch (cancels a run in progress). */
  run(reason: string): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    this.cancel();
    const slicer = new Slicer(this.options.sliceMs ?? 8);
    this.slicer = slicer;
    const previous = this.current;
    const next = previous
      .catch(() => undefined)
      .then(() => this.annotate(slicer, reason))
      .catch((err) => {
        if (err instanceof Cancelled) {
          // A run overtaken by the next change still cost the page its time: charged too.
          if (reason === 'content') this.charge(slicer.stats.busy);
          return;
        }
        slicer.end();
        // Too large to read: not again on every change of the page either.
        if (err instanceof TooLarge) this.budget.exhaust();
        this.error = reportError('annotate', err);
        // Benchmarks and the sweep wait for this mark: a failed run says so and how long it took.
        perfMark('drawn', {
          run: this.runs,
          reason,
          status: 'error',
          error: this.error,
          quotes: 0,
          busy: slicer.stats.busy,
          longest: slicer.stats.longest,
          slices: slicer.stats.slices,
          mode: 'none',
          phases: {},
        });
        this.setStatus('error');
      });
    this.current = next;
    return next;
  }

  /** Removes every mark and label; the page's DOM is as before. */
  clear(): void {
    this.watch.suspend();
    try {
      this.highlighter?.clear();
      this.labels?.clear();
      this.view?.clear();
    } finally {
      this.watch.resume();
    }
    this.highlighter = null;
    if (this.painted) publishAnnotated(null);
    this.painted = null;
    this.onlySpeakerId = null;
  }

  /** Removes everything QuoteLens added, stops watching: the page is as it was. */
  destroy(): void {
    this.cancel();
    this.clear();
    this.view?.destroy();
    this.view = null;
    this.labels = null;
    this.sheet?.detach();
    this.watch.stop();
    if (this.navTimer) clearTimeout(this.navTimer);
  }

  /** Scrolls a statement into view, flashes it and focuses its label. */
  jump(quoteId: number): boolean {
    const range = this.highlighter?.rangeOf(quoteId);
    if (!range || !this.painted) return false;
    const win = this.doc.defaultView;
    const reduced = !!win?.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const behavior: ScrollBehavior = reduced ? 'auto' : 'smooth';
    const anchor = anchorOf(range);
    const rect = anchor.getBoundingClientRect();
    const el =
      range.startContainer.nodeType === 1
        ? (range.startContainer as Element)
        : range.startContainer.parentElement;
    const viewH = win?.innerHeight ?? 800;
    if (win && (rect.top < viewH * 0.1 || rect.bottom > viewH * 0.85)) {
      const before = win.scrollY;
      win.scrollTo({ top: win.scrollY + rect.top - viewH * 0.3, behavior });
      // The document did not scroll (an inner scroller holds the article): scroll that instead.
      if (behavior === 'auto' && win.scrollY === before) el?.scrollIntoView({ block: 'center' });
      else if (behavior === 'smooth') {
        setTimeout(() => {
          const r = anchor.getBoundingClientRect();
          if (r.top < 0 || r.bottom > viewH) el?.scrollIntoView({ block: 'center', behavior });
        }, 600);
      }
    }
    this.highlighter?.flash(quoteId);
    this.labels?.ensure(quoteId);
    this.view?.focus(quoteId);
    return true;
  }

  /**
   * Brings an archived statement into view (issue 15): its selectors are re-anchored on this
   * run's text as notes are; 'orphaned' when its words are no longer on the page.
   */
  showStatement(selectors: NoteSelectors): 'shown' | 'orphaned' | 'not-ready' {
    const p = this.painted;
    if (!p) return 'not-ready';
    const anchor = reanchor(p.model.text, selectors);
    if (anchor.status !== 'anchored') return 'orphaned';
    const quote = p.extraction.quotes.find((q) => q.start < anchor.end && anchor.start < q.end);
    return quote && this.jump(quote.id) ? 'shown' : 'orphaned';
  }

  /** Dims every other speaker's highlights and labels; null shows all again. */
  onlySpeaker(speakerId: number | null): void {
    this.onlySpeakerId = speakerId;
    if (speakerId === null) {
      this.highlighter?.dim(null);
      this.view?.dimExcept(null);
    } else {
      this.highlighter?.dim((m) => m.speakerId === speakerId);
      this.view?.dimExcept({ id: speakerId });
    }
    this.emitState();
  }

  /** Re-measures every label's anchor and moves the labels (read all, then write all). */
  relayout(): Promise<void> {
    if (this.layoutRun) {
      this.layoutAgain = true;
      return this.layoutRun;
    }
    if (!this.painted || !this.labels) return Promise.resolve();
    const slicer = new Slicer(this.options.sliceMs ?? 8);
    this.layoutRun = (async () => {
      try {
        slicer.begin();
        await this.labels?.relayout(slicer);
        slicer.end();
      } catch (err) {
        if (!(err instanceof Cancelled)) reportError('relayout', err);
      } finally {
        this.layoutRun = null;
        if (this.layoutAgain) {
          this.layoutAgain = false;
          void this.relayout();
        }
      }
    })();
    return this.layoutRun;
  }

  /** The promise of the run in progress (tests and benchmarks wait on it). */
  settled(): Promise<void> {
    return this.current;
  }

  owns(node: Node): boolean {
    return !!(this.view?.owns(node) || this.highlighter?.owns(node));
  }

  // -------------------------------------------------------------------------------------------

  /** Charges a content run to the page's budget and sets the wait before the next one. */
  private charge(busy: number): void {
    this.budget.spend(busy);
    const quiet = Math.min(this.baseDebounce * 2 ** this.quietStreak, MAX_DEBOUNCE_MS);
    this.watch.setDebounce(
      Math.max(quiet, this.budget.delay(this.baseDebounce, MAX_BUDGET_DEBOUNCE_MS)),
    );
  }

  private cancel(): void {
    this.slicer?.cancel();
    this.slicer = null;
  }

  private setStatus(status: PageStatus): void {
    this.status = status;
    if (status !== 'error') this.error = undefined;
    this.emitState();
  }

  private emitState(): void {
    try {
      this.options.onState?.(this.getState());
    } catch (err) {
      reportError('state listener', err);
    }
  }

  private onContentChanged(): void {
    if (!this.enabled) return;
    // Spent this page's allowance on its changes: the marks stay as they are (re-annotate asks).
    if (this.budget.exhausted) return;
    if (this.status === 'not-article') {
      if (this.lateChecks >= MAX_LATE_ARTICLE_CHECKS) return;
      this.lateChecks++;
    }
    void this.run('content');
  }

  private onNavigated(): void {
    // The old page's marks go at once; the new page is read once its DOM has settled.
    this.cancel();
    this.clear();
    this.lateChecks = 0;
    this.quietStreak = 0;
    this.budget.reset();
    this.watch.setDebounce(this.baseDebounce);
    if (!this.enabled) return;
    this.setStatus('working');
    if (this.navTimer) clearTimeout(this.navTimer);
    this.navTimer = setTimeout(() => {
      this.navTimer = null;
      void this.run('navigation');
    }, 500);
  }

  private async annotate(slicer: Slicer, reason: string): Promise<void> {
    const run = ++this.runs;
    const phases: Record<string, number> = {};
    let phaseStart = 0;
    const phase = (name: string) => {
      const now = slicer.elapsed();
      phases[name] = (phases[name] ?? 0) + (now - phaseStart);
      phaseStart = now;
    };
    perfMark('start', { run, reason });
    if (this.status !== 'ready') this.setStatus('working');
    slicer.begin();
    const doc = this.doc;
    const finish = (status: PageStatus, quotes: number) => {
      slicer.end();
      const report: RunReport = {
        run,
        reason,
        status,
        quotes,
        busy: slicer.stats.busy,
        longest: slicer.stats.longest,
        slices: slicer.stats.slices,
        mode: this.highlighter?.mode ?? 'none',
        phases,
      };
      perfMark('drawn', report);
      this.options.onReport?.(report);
      if (reason === 'content') this.charge(report.busy);
      this.setStatus(status);
    };

    const due = () => slicer.due();
    // A page too large to read is known by its size before it is looked at: nothing of it is
    // walked, styled or measured, and nothing is added to it.
    const maxElements = this.options.maxElements ?? MAX_READ_ELEMENTS;
    const sizeTask = tooManyElementsTask(doc, maxElements, due);
    let sized = sizeTask.next();
    while (!sized.done) {
      await slicer.pause();
      sized = sizeTask.next();
    }
    if (sized.value) {
      throw new TooLarge(`more than ${maxElements.toLocaleString('en')} elements`);
    }
    if (!doc.body || !looksLikeArticle(doc)) {
      this.clear();
      this.watch.observe(doc.body ?? null);
      phase('look');
      finish('not-article', 0);
      return;
    }
    phase('look');
    // Fallback wrappers split the page's text nodes: read the page as it is without them.
    if (this.highlighter?.mode === 'wrap') this.clear();
    // Both run in slices: on a big page the walk alone would be one long task.
    const articleTask = findArticleTask(doc, due);
    let found = articleTask.next();
    while (!found.done) {
      await slicer.pause();
      if (slicer.stats.busy > RUN_READ_BUDGET_MS) throw new TooLarge();
      found = articleTask.next();
    }
    const blocks = found.value;
    phase('article');
    if (slicer.due()) await slicer.pause();
    const modelTask = buildTextModelTask(blocks, doc, due);
    let built = modelTask.next();
    while (!built.done) {
      await slicer.pause();
      if (slicer.stats.busy > RUN_READ_BUDGET_MS) throw new TooLarge();
      built = modelTask.next();
    }
    const { model, map } = built.value;
    phase('model');
    if (blocks.length === 0 || model.text.length === 0) {
      this.clear();
      this.watch.observe(doc.body);
      finish('not-article', 0);
      return;
    }
    const root = commonAncestor(blocks);
    const sameText = model.text === this.lastText;
    this.lastText = model.text;
    if (reason === 'content') {
      // Page changes that leave the article's text as it was (ads, widgets, clocks): wait longer
      // before looking again each time, so a page that churns all the time costs little.
      this.quietStreak = sameText ? this.quietStreak + 1 : 0;
      this.watch.setDebounce(Math.min(this.baseDebounce * 2 ** this.quietStreak, MAX_DEBOUNCE_MS));
    }
    if (sameText && this.painted && this.highlighter) {
      // Same text: keep the marks, just move the labels.
      this.watch.observe(root);
      phase('compare');
      await this.labels?.relayout(slicer);
      phase('layout');
      finish('ready', this.painted.extraction.quotes.length);
      return;
    }
    // Posting the model (serialisation) is ours; the engine's own time is not on this thread.
    const pending = this.options.extract(model);
    phase('post');
    slicer.end();
    const extraction = await pending;
    slicer.begin();
    phase('engine');

    // Ranges for every quote, read from the offset map before any DOM is touched.
    const marks: Mark[] = [];
    const quotes = extraction.quotes;
    for (let i = 0; i < quotes.length; i++) {
      const q = quotes[i];
      const range = q ? rangeFromOffsets(map, q.start, q.end) : null;
      if (q && range) {
        marks.push({
          id: q.id,
          range,
          speakerId: q.speakerId,
          style: q.fragment ? 'fragment' : 'statement',
          nested: q.parent !== null,
        });
      }
      if ((i & 63) === 63) await slicer.maybePause();
    }
    phase('ranges');

    // Layout the page owed already (late images, fonts) is settled here, before painting, so
    // `style` below is what the highlights cost. Reported apart as `page-layout`: not ours.
    void doc.documentElement.getBoundingClientRect();
    phase('page-layout');
    // From here the old marks go and the new ones come: no await between clear and paint start.
    this.clear();
    this.theme = detectTheme(root, doc);
    const highlighter = createHighlighter(doc, {
      theme: this.theme,
      forceWrap: this.options.forceWrap,
      staticSheet: this.sheet !== null,
      sheetTarget: this.options.sheetTarget,
    });
    this.highlighter = highlighter;
    // Switched back on after being off: the colours come back (their restyle counted in `style`).
    if (highlighter.mode === 'highlight-api') this.sheet?.attach();
    if (this.view && this.viewTheme !== this.theme) {
      this.view.destroy();
      this.view = null;
      this.labels = null;
    }
    if (!this.view) {
      this.view = this.options.createView(this.theme);
      this.viewTheme = this.theme;
    }
    const view = this.view;
    if (highlighter.mode === 'wrap') {
      // Wrapping moves text nodes, collapsing the ranges not yet painted: paint all at once.
      this.watch.suspend();
      highlighter.paint(marks);
      this.watch.resume();
    } else {
      for (let i = 0; i < marks.length; i += 500) {
        highlighter.paint(marks.slice(i, i + 500));
        await slicer.maybePause();
      }
    }
    phase('paint');
    // Any restyle painting caused (a rule sheet added for speakers beyond the static sheet, the
    // wrapping fallback) is paid here, where it is counted.
    void doc.documentElement.getBoundingClientRect();
    phase('style');

    const specs = labelSpecs(quotes, extraction.speakers);
    const painted: Painted = { model, map, blocks, extraction, specs };
    this.painted = painted;
    if (!this.labels) this.labels = new LabelLayer(doc, view);
    await this.labels.set(specs, (id) => highlighter.rangeOf(id), slicer);
    if (this.onlySpeakerId !== null) this.onlySpeaker(this.onlySpeakerId);
    phase('labels');
    // Layout the page owed meanwhile (a page still loading: images, late styles) is settled
    // apart, as before painting: the labels' layout reads below would otherwise pay for it.
    void doc.documentElement.getBoundingClientRect();
    phase('page-layout');
    // Labels near the viewport now; the rest as the reader scrolls to them.
    await this.labels.firstDraw(slicer);
    phase('layout');
    this.watch.observe(root);
    this.lateChecks = 0;
    finish('ready', quotes.length);
    publishAnnotated(this.annotatedPage(painted));
  }

  private annotatedPage(p: Painted): AnnotatedPage {
    return {
      url: this.doc.location?.href ?? '',
      model: p.model,
      map: p.map,
      extraction: p.extraction,
      rangeOf: (id) => (this.painted === p ? (this.highlighter?.rangeOf(id) ?? null) : null),
    };
  }

  /** The card's facts for a label. */
  facts(quoteId: number) {
    const p = this.painted;
    return p ? cardFacts(p.extraction.quotes, p.extraction.speakers, quoteId) : null;
  }

  speakerIdOf(quoteId: number): number | null {
    return this.quote(quoteId)?.speakerId ?? null;
  }

  /** "Add note" on a label's card: hands the statement to the notes feature. */
  addNote(quoteId: number): boolean {
    const p = this.painted;
    const quote = this.quote(quoteId);
    if (!p || !quote) return false;
    const speaker =
      quote.speakerId === null
        ? null
        : (p.extraction.speakers.find((s) => s.id === quote.speakerId) ?? null);
    return requestAddNote({
      quote,
      speaker,
      page: this.annotatedPage(p),
      returnFocus: () => {
        if (this.painted === p) this.view?.focus(quoteId);
      },
    });
  }

  private quote(quoteId: number): Quote | undefined {
    return this.painted?.extraction.quotes.find((q) => q.id === quoteId);
  }
}
