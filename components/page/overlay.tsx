/**
 * The label layer: one host element appended to <html> (so `body.innerHTML` never changes),
 * a closed shadow root holding the labels and the card, Preact for the views. Implements the
 * LabelView the annotator drives. Page CSS cannot reach inside (shadow root, `all: initial`
 * and `!important` inline styles on the host) and nothing here leaks out.
 */
import { render } from 'preact';
import type { CardFacts, LabelSpec, LabelView, Placement } from '../../lib/dom/labels';
import { Card } from './Card';
import { renderLabelBatch, type Theme } from './label-batch';
import { CARD_CSS, HOST_STYLE, SHADOW_CSS } from './styles';

export const HOST_TAG = 'quotelens-overlay';

export interface OverlayActions {
  facts(quoteId: number): CardFacts | null;
  speakerIdOf(quoteId: number): number | null;
  /** Scrolls to a statement, flashes it and focuses its label. */
  jump(quoteId: number): void;
  addNote(quoteId: number): void;
  canAddNote(): boolean;
}

const OPEN_DELAY_MS = 120;
const CLOSE_DELAY_MS = 280;
const CARD_WIDTH = 260;

interface Batch {
  el: HTMLElement;
  order: number;
  specs: readonly LabelSpec[];
}

/**
 * Our host element with its closed shadow root. A page that defined `quotelens-overlay` as its
 * own custom element first (its constructor throwing, or taking the shadow root) cannot break
 * QuoteLens: the host is then a plain <div>.
 */
function makeHost(doc: Document): { host: HTMLElement; shadow: ShadowRoot } {
  try {
    const host = doc.createElement(HOST_TAG);
    return { host, shadow: host.attachShadow({ mode: 'closed' }) };
  } catch {
    const host = doc.createElement('div');
    return { host, shadow: host.attachShadow({ mode: 'closed' }) };
  }
}

/**
 * Where the host's (0, 0) will be, in client coordinates, without inserting it and reading
 * layout: while <html> makes no containing block for it (static, no transform, filter,
 * containment…) the host sits at the document's origin, so at minus the scroll offset. Null on
 * pages whose root does make one (the host is then inserted and measured). A style read only.
 */
export function unpositionedRootOrigin(doc: Document): { left: number; top: number } | null {
  const root = doc.documentElement;
  const win = doc.defaultView;
  if (!root || !win) return null;
  const cs = win.getComputedStyle(root);
  const contained =
    cs.position !== 'static' ||
    cs.transform !== 'none' ||
    cs.translate !== 'none' ||
    cs.rotate !== 'none' ||
    cs.scale !== 'none' ||
    cs.perspective !== 'none' ||
    cs.filter !== 'none' ||
    (cs.getPropertyValue('backdrop-filter') || 'none') !== 'none' ||
    (cs.contain || 'none') !== 'none' ||
    (cs.getPropertyValue('container-type') || 'normal') !== 'normal' ||
    (cs.willChange || 'auto') !== 'auto' ||
    cs.writingMode !== 'horizontal-tb' ||
    (cs.getPropertyValue('zoom') || '1') !== '1';
  return contained ? null : { left: -win.scrollX, top: -win.scrollY };
}

export function createOverlay(doc: Document, actions: OverlayActions, theme: Theme): LabelView {
  const { host, shadow } = makeHost(doc);
  host.setAttribute('style', HOST_STYLE);
  const style = doc.createElement('style');
  style.textContent = SHADOW_CSS;
  const dimStyle = doc.createElement('style');
  const layer = doc.createElement('div');
  layer.className = 'layer';
  const cardSlot = doc.createElement('div');
  shadow.append(style, dimStyle, layer);
  layer.append(cardSlot);
  // Into the document only with the first labels, after they were measured: the reads then find
  // the page laid out already (no forced layout), and the host is styled and laid out once, in
  // the frame that shows the labels. Pages whose statements are all out of view get no host
  // until the reader scrolls to them.
  let attached = false;
  const attach = () => {
    if (attached) return;
    attached = true;
    (doc.documentElement ?? doc.body).appendChild(host);
  };

  const labels = new Map<number, HTMLElement>();
  const placements = new Map<number, Placement>();
  let batches: Batch[] = [];
  let noteCounts: ReadonlyMap<number, number> = new Map();
  let openId: number | null = null;
  let cardStyled = false;
  let openTimer: ReturnType<typeof setTimeout> | null = null;
  let closeTimer: ReturnType<typeof setTimeout> | null = null;

  const register = (id: number, el: HTMLElement) => {
    labels.set(id, el);
  };

  const renderBatch = (b: Batch) => renderLabelBatch(b.el, b.specs, theme, noteCounts, register);

  const clearTimers = () => {
    if (openTimer) clearTimeout(openTimer);
    if (closeTimer) clearTimeout(closeTimer);
    openTimer = closeTimer = null;
  };

  function closeCard(refocus = false) {
    clearTimers();
    const was = openId;
    openId = null;
    render(null, cardSlot);
    if (refocus && was !== null) labels.get(was)?.focus({ preventScroll: true });
  }

  function openCard(id: number) {
    clearTimers();
    const facts = actions.facts(id);
    const label = labels.get(id);
    const at = placements.get(id);
    if (!facts || !label || !at) return;
    if (!cardStyled) {
      cardStyled = true;
      const cardStyle = doc.createElement('style');
      cardStyle.textContent = CARD_CSS;
      style.after(cardStyle);
    }
    openId = id;
    // Below the label, kept inside the viewport's width.
    const viewWidth = doc.documentElement.clientWidth || 1024;
    const originLeft = layer.getBoundingClientRect().left;
    const maxX = viewWidth - originLeft - CARD_WIDTH - 8;
    const left = at.kind === 'margin' ? at.x - (at.width ?? 0) : at.x;
    const x = Math.max(8 - originLeft, Math.min(left, maxX));
    const step = (target: number | null) => () => {
      if (target === null) return;
      actions.jump(target);
    };
    render(
      <Card
        facts={facts}
        speakerId={actions.speakerIdOf(id)}
        theme={theme}
        x={x}
        y={at.y + (at.height ?? (at.kind === 'tick' ? 5 : at.kind === 'gap' ? 12 : 16)) + 3}
        canAddNote={actions.canAddNote()}
        notes={noteCounts.get(id) ?? 0}
        actions={{
          previous: step(facts.previousId),
          next: step(facts.nextId),
          addNote: () => {
            closeCard();
            actions.addNote(id);
          },
          close: () => closeCard(true),
        }}
      />,
      cardSlot,
    );
  }

  const labelOf = (target: EventTarget | null): HTMLElement | null => {
    const el = target as HTMLElement | null;
    return el?.closest?.('.l') ?? null;
  };
  const idOf = (el: HTMLElement): number => Number(el.dataset.id);
  const inCard = (target: EventTarget | null) => cardSlot.contains(target as Node);

  layer.addEventListener('mouseover', (e) => {
    const label = labelOf(e.target);
    if (label) {
      const id = idOf(label);
      if (closeTimer) clearTimeout(closeTimer);
      closeTimer = null;
      if (openId === id) return;
      if (openTimer) clearTimeout(openTimer);
      openTimer = setTimeout(() => openCard(id), OPEN_DELAY_MS);
    } else if (inCard(e.target) && closeTimer) {
      clearTimeout(closeTimer);
      closeTimer = null;
    }
  });
  layer.addEventListener('mouseout', (e) => {
    const to = e.relatedTarget as Node | null;
    if (to && (inCard(to) || labelOf(to))) return;
    if (openTimer) clearTimeout(openTimer);
    openTimer = null;
    if (openId !== null && !cardSlot.contains(shadow.activeElement)) {
      closeTimer = setTimeout(() => closeCard(), CLOSE_DELAY_MS);
    }
  });
  // A mouse click focuses the label first: the card that focus opened must survive the
  // click that follows, or a click would open and at once close it.
  let openedByFocus: { id: number; at: number } | null = null;
  layer.addEventListener('focusin', (e) => {
    const label = labelOf(e.target);
    if (label && openId !== idOf(label)) {
      openCard(idOf(label));
      openedByFocus = { id: idOf(label), at: performance.now() };
    }
  });
  layer.addEventListener('focusout', (e) => {
    const to = e.relatedTarget as Node | null;
    if (to && layer.contains(to)) return;
    closeCard();
  });
  layer.addEventListener('click', (e) => {
    const label = labelOf(e.target);
    if (!label) return;
    const id = idOf(label);
    const justOpened = openedByFocus?.id === id && performance.now() - openedByFocus.at < 600;
    openedByFocus = null;
    if (openId === id && !justOpened) closeCard();
    else if (openId !== id) openCard(id);
  });
  layer.addEventListener('keydown', (e) => {
    const label = labelOf(e.target);
    if (e.key === 'Escape' && openId !== null) {
      e.stopPropagation();
      closeCard(true);
      return;
    }
    if (e.key !== 'Tab' || openId === null) return;
    const buttons = [...cardSlot.querySelectorAll<HTMLElement>('button:not([disabled])')];
    if (buttons.length === 0) return;
    // The card sits after all labels in the shadow tree: step into and out of it by hand.
    if (label && !e.shiftKey && idOf(label) === openId) {
      e.preventDefault();
      buttons[0]?.focus();
    } else if (inCard(e.target)) {
      const at = buttons.indexOf(e.target as HTMLElement);
      const owner = labels.get(openId);
      if (e.shiftKey && at === 0 && owner) {
        e.preventDefault();
        owner.focus({ preventScroll: true });
      } else if (!e.shiftKey && at === buttons.length - 1 && owner) {
        const ordered = [...layer.querySelectorAll<HTMLElement>('.l.placed')];
        const next = ordered[ordered.indexOf(owner) + 1];
        if (next) {
          e.preventDefault();
          next.focus({ preventScroll: true });
        }
      }
    }
  });

  return {
    add(order, specs, font) {
      if (specs.length === 0) return;
      attach();
      const el = doc.createElement('div');
      el.className = 'batch';
      if (font) {
        el.style.fontFamily = font.family;
        el.style.fontWeight = font.weight;
        el.style.fontStyle = font.style;
      }
      // Batches arrive as the reader scrolls; keep them (and so the tab order) in reading order.
      let at = batches.length;
      while (at > 0 && (batches[at - 1]?.order ?? 0) > order) at--;
      const batch = { el, order, specs: [...specs] };
      renderBatch(batch);
      layer.insertBefore(el, batches[at]?.el ?? cardSlot);
      batches.splice(at, 0, batch);
    },
    origin() {
      if (!attached) {
        const at = unpositionedRootOrigin(doc);
        if (at) return at;
        attach();
      }
      const r = layer.getBoundingClientRect();
      return { left: r.left, top: r.top };
    },
    place(ids, at) {
      for (let i = 0; i < ids.length; i++) {
        const id = ids[i];
        if (id === undefined) continue;
        const el = labels.get(id);
        if (!el) continue;
        const p = at[i];
        if (p) {
          placements.set(id, p);
          // A margin label is placed by its right edge, by the text column (labels.ts).
          el.style.transform =
            p.kind === 'margin'
              ? `translate(${p.x}px,${p.y}px) translateX(-100%)`
              : `translate(${p.x}px,${p.y}px)`;
          el.style.maxWidth = p.kind === 'margin' && p.width !== undefined ? `${p.width}px` : '';
          el.style.width = p.kind !== 'margin' && p.width !== undefined ? `${p.width}px` : '';
          el.style.height = p.height === undefined ? '' : `${p.height}px`;
          el.dataset.k = p.kind;
          el.classList.add('placed');
        } else {
          placements.delete(id);
          el.classList.remove('placed');
        }
      }
    },
    dimExcept(speaker) {
      dimStyle.textContent = speaker
        ? `.l:not([data-s="${speaker.id === null ? 'u' : speaker.id}"]){opacity:.3}`
        : '';
    },
    focus(id) {
      const el = labels.get(id);
      if (!el) return;
      el.focus({ preventScroll: true });
      el.classList.remove('pulse');
      // Restart the animation: the class goes back on in the next frame.
      requestAnimationFrame(() => {
        el.classList.add('pulse');
        setTimeout(() => el.classList.remove('pulse'), 2000);
      });
    },
    setNoteCounts(counts) {
      noteCounts = new Map(counts);
      for (const b of batches) renderBatch(b);
      if (openId !== null) openCard(openId);
    },
    clear() {
      closeCard();
      for (const b of batches) b.el.remove();
      batches = [];
      labels.clear();
      placements.clear();
      dimStyle.textContent = '';
    },
    destroy() {
      this.clear();
      host.remove();
      attached = false;
    },
    owns(node) {
      return node === host || host.contains(node);
    },
  };
}
