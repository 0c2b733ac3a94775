/**
 * One batch of speaker labels: small buttons naming the speaker at the start of each statement.
 * View only: positions are written later by the overlay (so a layout pass never re-renders),
 * and events are handled by delegation on the layer.
 */

import type { LabelSpec } from '../../lib/dom/labels';
import { speakerColour } from '../../lib/palette';

export type Theme = 'light' | 'dark';

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

interface Props {
  specs: readonly LabelSpec[];
  theme: Theme;
  noteCounts: ReadonlyMap<number, number>;
  register: (quoteId: number, el: HTMLElement | null) => void;
}

export function LabelBatch({ specs, theme, noteCounts, register }: Props) {
  return (
    <>
      {specs.map((spec) => {
        const notes = noteCounts.get(spec.quoteId) ?? 0;
        return (
          <button
            key={spec.quoteId}
            type="button"
            class={spec.fragment ? 'l frag' : 'l'}
            data-id={spec.quoteId}
            data-s={spec.speakerId === null ? 'u' : spec.speakerId}
            style={labelColours(spec.speakerId, theme)}
            aria-label={notes > 0 ? `${spec.ariaLabel}, ${noteWord(notes)}` : spec.ariaLabel}
            aria-haspopup="dialog"
            ref={(el: HTMLElement | null) => register(spec.quoteId, el)}
          >
            {spec.text}
            {notes > 0 ? (
              <span class="badge" aria-hidden="true">
                ✎{notes > 1 ? ` ${notes}` : ''}
              </span>
            ) : null}
          </button>
        );
      })}
    </>
  );
}
