/**
 * One batch of speaker labels: small buttons naming the speaker at the start of each statement.
 * Built with plain DOM calls, not Preact: labels are drawn on every article page as it loads,
 * when the renderer's code is still cold, and the first Preact render of a batch cost about
 * 1–2 ms more there (`npm run bench:page`). The card, drawn on demand, stays a Preact view.
 * Positions are written later by the overlay; events are handled by delegation on the layer.
 */
import type { Theme } from '../../lib/dom/highlight-style';
import type { LabelSpec } from '../../lib/dom/labels';
import { speakerColour } from '../../lib/palette';

export type { Theme };

export function labelColours(speakerId: number | null, theme: Theme): string {
  const c = speakerColour(speakerId);
  const strong = theme === 'dark' ? c.dark.border : c.light.border;
  const fg = theme === 'dark' ? 'hsl(0 0% 6%)' : 'hsl(0 0% 100%)';
  const soft = theme === 'dark' ? c.dark : c.light;
  return `--bg:${strong};--fg:${fg};--bg-soft:${soft.background};--fg-soft:${soft.text}`;
}

function noteWord(n: number): string {
  return n === 1 ? '1 note' : `${n} notes`;
}

/** Shows a label's note count (accessible name and badge); the button itself stays. */
function setNotes(button: HTMLElement, spec: LabelSpec, notes: number): void {
  button.setAttribute(
    'aria-label',
    notes > 0 ? `${spec.ariaLabel}, ${noteWord(notes)}` : spec.ariaLabel,
  );
  let badge = button.querySelector<HTMLElement>('.badge');
  if (notes <= 0) {
    badge?.remove();
    return;
  }
  if (!badge) {
    badge = button.ownerDocument.createElement('span');
    badge.className = 'badge';
    badge.setAttribute('aria-hidden', 'true');
    button.append(badge);
  }
  badge.textContent = `✎${notes > 1 ? ` ${notes}` : ''}`;
}

/**
 * Fills `container` with the batch's labels, or, when it holds them already, updates their note
 * counts in place (so a focused label keeps focus). `register` learns each label's element.
 */
export function renderLabelBatch(
  container: HTMLElement,
  specs: readonly LabelSpec[],
  theme: Theme,
  noteCounts: ReadonlyMap<number, number>,
  register: (quoteId: number, el: HTMLElement) => void,
): void {
  const existing = container.children;
  if (existing.length === specs.length && specs.length > 0) {
    specs.forEach((spec, i) => {
      setNotes(existing[i] as HTMLElement, spec, noteCounts.get(spec.quoteId) ?? 0);
    });
    return;
  }
  container.textContent = '';
  const doc = container.ownerDocument;
  // Built apart and put in at once: one insertion into the live tree, not one per label.
  const built = doc.createDocumentFragment();
  const colours = new Map<number | null, string>();
  for (const spec of specs) {
    const button = doc.createElement('button');
    button.setAttribute('type', 'button');
    button.className = `l${spec.fragment ? ' frag' : ''}${spec.guess ? ' guess' : ''}`;
    button.setAttribute('data-id', String(spec.quoteId));
    button.setAttribute('data-s', spec.speakerId === null ? 'u' : String(spec.speakerId));
    let colour = colours.get(spec.speakerId);
    if (colour === undefined) {
      colour = labelColours(spec.speakerId, theme);
      colours.set(spec.speakerId, colour);
    }
    button.setAttribute('style', colour);
    button.setAttribute('aria-haspopup', 'dialog');
    if (spec.ariaDescription) button.setAttribute('aria-description', spec.ariaDescription);
    // The words come from CSS (`content: attr(data-t)`), not text nodes: the page's find-in-page
    // and window.find() then never match a speaker's name in a label instead of the article.
    button.setAttribute('data-t', spec.text);
    button.setAttribute('data-i', spec.initial);
    const notes = noteCounts.get(spec.quoteId) ?? 0;
    if (notes > 0) setNotes(button, spec, notes);
    else button.setAttribute('aria-label', spec.ariaLabel);
    built.append(button);
    register(spec.quoteId, button);
  }
  container.append(built);
}
