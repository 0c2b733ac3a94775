// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Annotator, type RunReport } from '../../../lib/dom/annotator';
import { WRAP_TAG } from '../../../lib/dom/highlight';
import type { LabelSpec, LabelView, Placement } from '../../../lib/dom/labels';
import { onAnnotated } from '../../../lib/dom/page-hooks';
import type { PageState } from '../../../lib/messages';
import { extractQuotes } from '../../../lib/quotes/index';

const ARTICLE = `<article>
  <h1>Quarry plan splits the valley</h1>
  <p>The county approved a new quarry on Tuesday after a long debate in the chamber.</p>
  <p>Planning chair Ada Whitcombe defended the vote. "We weighed every objection, and the jobs case was stronger," she said.</p>
  <p>Residents were unconvinced. Campaigner Luis Ferreira said the dust would reach the school. "Our children will breathe this for twenty years," Mr Ferreira said.</p>
  <p>The company said work would start in the spring and last at least a decade.</p>
</article>`;

/** A LabelView that records what the annotator asks of it. */
class FakeView implements LabelView {
  specs: LabelSpec[] = [];
  placed = new Map<number, Placement | null>();
  destroyed = false;
  add(_order: number, specs: readonly LabelSpec[]) {
    this.specs.push(...specs);
  }
  origin() {
    return { left: 0, top: 0 };
  }
  place(ids: readonly number[], at: readonly (Placement | null)[]) {
    ids.forEach((id, i) => {
      this.placed.set(id, at[i] ?? null);
    });
  }
  dimExcept() {}
  focus() {}
  setNoteCounts() {}
  clear() {
    this.specs = [];
    this.placed.clear();
  }
  destroy() {
    this.destroyed = true;
  }
  owns() {
    return false;
  }
}

let annotator: Annotator | null = null;
let views: FakeView[] = [];
let states: PageState[] = [];
let reports: RunReport[] = [];

function start(extract = extractQuotes, maxElements?: number): Annotator {
  annotator = new Annotator({
    doc: document,
    extract,
    maxElements,
    forceWrap: true,
    debounceMs: 20,
    pollMs: 20,
    createView: () => {
      const v = new FakeView();
      views.push(v);
      return v;
    },
    onState: (s) => states.push(s),
    onReport: (r) => reports.push(r),
  });
  return annotator;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeEach(() => {
  document.head.innerHTML = '<meta property="og:type" content="article">';
  document.body.innerHTML = ARTICLE;
  document.adoptedStyleSheets = [];
  views = [];
  states = [];
  reports = [];
  // No IntersectionObserver: every label is drawn at once (the fallback path).
  Object.defineProperty(window, 'IntersectionObserver', { value: undefined, configurable: true });
});

afterEach(() => {
  annotator?.destroy();
  annotator = null;
});

describe('Annotator', () => {
  it('highlights and labels every statement, then restores the page exactly when off', async () => {
    const before = document.body.innerHTML;
    const a = start();
    await a.run('test');
    const state = a.getState();
    expect(state.status).toBe('ready');
    expect(state.quotes.map((q) => q.speaker)).toEqual(['Ada Whitcombe', 'Luis Ferreira']);
    expect(document.querySelectorAll(WRAP_TAG).length).toBeGreaterThanOrEqual(2);
    const view = views[0]!;
    expect(view.specs.map((s) => s.ariaLabel)).toEqual([
      'Statement by Ada Whitcombe',
      'Statement by Luis Ferreira',
    ]);
    expect(view.placed.size).toBe(2);
    expect(reports.at(-1)).toMatchObject({ status: 'ready', quotes: 2, mode: 'wrap' });

    await a.setEnabled(false);
    expect(document.body.innerHTML).toBe(before);
    expect(document.adoptedStyleSheets.length).toBe(0);
    expect(view.destroyed).toBe(true);
    expect(a.getState()).toMatchObject({ status: 'disabled', quotes: [] });
  });

  it('publishes each annotation to the page hooks, and null when cleared', async () => {
    const seen: (number | null)[] = [];
    const stop = onAnnotated((p) => seen.push(p ? p.extraction.quotes.length : null));
    const a = start();
    await a.run('test');
    const page = seen.length > 0 ? seen.at(-1) : undefined;
    expect(page).toBe(2);
    await a.setEnabled(false);
    expect(seen.at(-1)).toBeNull();
    stop();
  });

  it('annotates paragraphs that arrive later, ignoring its own wrappers', async () => {
    const a = start();
    await a.run('test');
    const runs = reports.length;
    document
      .querySelector('article')!
      .insertAdjacentHTML(
        'beforeend',
        '<p>Later, the mayor Rhea Castellan weighed in. "This is not the last word on the quarry," Ms Castellan said.</p>',
      );
    await wait(150);
    await a.settled();
    expect(a.getState().quotes.map((q) => q.speaker)).toContain('Rhea Castellan');
    // Its own wrapping did not set off another round.
    const after = reports.length;
    expect(after).toBe(runs + 1);
    await wait(100);
    expect(reports.length).toBe(after);
  });

  it('backs off on a page that keeps changing without changing its article text', async () => {
    const a = start();
    await a.run('test');
    const text = document.querySelector('article p')?.firstChild as Text;
    const touch = () => {
      text.data = `${text.data}`; // a mutation with the same text (a ticking widget, say)
    };
    touch();
    await wait(60); // base debounce 20 ms: looked again, found the same text
    await a.settled();
    const runs = reports.length;
    expect(reports.at(-1)?.reason).toBe('content');
    touch();
    await wait(30); // now 40 ms: not yet
    expect(reports.length).toBe(runs);
    await wait(60);
    await a.settled();
    expect(reports.length).toBe(runs + 1);
  });

  it('says "not-article" on a page that is not one, and leaves it alone', async () => {
    document.head.innerHTML = '';
    document.body.innerHTML = '<form><label>Email <input></label><button>Sign in</button></form>';
    const before = document.body.innerHTML;
    const a = start();
    await a.run('test');
    expect(a.getState().status).toBe('not-article');
    expect(document.body.innerHTML).toBe(before);
    expect(views.length).toBe(0);
  });

  it('turns a page too large to read away by its size: no engine, nothing added, no following', async () => {
    const before = document.body.innerHTML;
    let engineCalls = 0;
    const a = start((model) => {
      engineCalls++;
      return extractQuotes(model);
    }, 8);
    await a.run('test');
    expect(a.getState().status).toBe('error');
    expect(a.getState().error).toMatch(/too large .*more than 8 elements/);
    expect(engineCalls).toBe(0);
    expect(views.length).toBe(0);
    expect(document.body.innerHTML).toBe(before);
    expect(reports.length).toBe(0);
    expect(a.budget.exhausted).toBe(true);
  });

  it('an engine failure is an error state with its reason, and the page is untouched', async () => {
    const before = document.body.innerHTML;
    const a = start(() => {
      throw new Error('engine exploded');
    });
    await a.run('test');
    expect(a.getState()).toMatchObject({ status: 'error', error: 'engine exploded' });
    expect(document.body.innerHTML).toBe(before);
  });

  it('a history.pushState navigation clears the old marks and reads the new page', async () => {
    const a = start();
    await a.run('test');
    document.body.innerHTML = ARTICLE.replace('Ada Whitcombe', 'Noor Haddad').replace(
      'Planning chair',
      'Deputy chair',
    );
    history.pushState({}, '', '?next=1');
    await wait(60); // the URL poll notices
    expect(a.getState().status).toBe('working');
    await wait(700);
    await a.settled();
    expect(a.getState().quotes.map((q) => q.speaker)).toContain('Noor Haddad');
  });

  it('only-speaker dims the others and is part of the state', async () => {
    const a = start();
    await a.run('test');
    const ferreira = a.getState().speakers.find((s) => s.name === 'Luis Ferreira')!;
    a.onlySpeaker(ferreira.id);
    expect(a.getState().onlySpeakerId).toBe(ferreira.id);
    const dimmed = [...document.querySelectorAll(`${WRAP_TAG}[data-dim]`)].map(
      (w) => w.textContent,
    );
    expect(dimmed.join('')).toContain('jobs case');
    expect(dimmed.join('')).not.toContain('twenty years');
    a.onlySpeaker(null);
    expect(document.querySelectorAll(`${WRAP_TAG}[data-dim]`).length).toBe(0);
  });
});

describe('Annotator highlight sheet (issue 14: no colours where QuoteLens is off)', () => {
  it('puts the colours back before painting, and takes them away when switched off', async () => {
    // A Highlight API for happy-dom, so the annotator paints through it.
    class FakeHighlight {
      priority = 0;
      add() {}
      delete() {}
      clear() {}
    }
    const win = document.defaultView as unknown as Record<string, unknown>;
    const saved = {
      Highlight: Object.getOwnPropertyDescriptor(win, 'Highlight'),
      CSS: Object.getOwnPropertyDescriptor(win, 'CSS'),
    };
    Object.defineProperty(win, 'Highlight', { value: FakeHighlight, configurable: true });
    Object.defineProperty(win, 'CSS', { value: { highlights: new Map() }, configurable: true });
    try {
      const log: string[] = [];
      let attached = false;
      const sheet = {
        get attached() {
          return attached;
        },
        attach() {
          if (!attached) log.push('attach');
          attached = true;
        },
        detach() {
          if (attached) log.push('detach');
          attached = false;
        },
      };
      annotator = new Annotator({
        doc: document,
        extract: extractQuotes,
        highlightSheet: sheet,
        createView: () => new FakeView(),
        debounceMs: 20,
        pollMs: 0,
      });
      await annotator.run('test');
      expect(annotator.getState().status).toBe('ready');
      expect(log).toEqual(['attach']);
      await annotator.setEnabled(false);
      expect(log).toEqual(['attach', 'detach']);
      await annotator.setEnabled(true);
      expect(log).toEqual(['attach', 'detach', 'attach']);
      annotator.destroy();
      expect(log).toEqual(['attach', 'detach', 'attach', 'detach']);
    } finally {
      for (const [key, d] of Object.entries(saved)) {
        if (d) Object.defineProperty(win, key, d);
        else delete win[key];
      }
    }
  });
});
