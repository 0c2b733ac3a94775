/**
 * The card a label opens on hover or focus: who the speaker is, how many statements they have
 * here, previous/next statement by them, and "Add note". View only: actions come in as props.
 * Text is rendered as text (Preact escapes it), never as HTML.
 */

import type { CardFacts } from '../../lib/dom/labels';
import { speakerColour } from '../../lib/palette';
import type { Theme } from './label-batch';

export interface CardActions {
  previous(): void;
  next(): void;
  addNote(): void;
  close(): void;
}

interface Props {
  facts: CardFacts;
  speakerId: number | null;
  theme: Theme;
  /** Where the card goes, in layer coordinates. */
  x: number;
  y: number;
  canAddNote: boolean;
  notes: number;
  actions: CardActions;
}

function statementsLine(f: CardFacts): string {
  const n = f.count;
  const base = n === 1 ? '1 statement here' : `${n} statements here`;
  const frag = f.fragmentCount > 0 ? ` (${f.fragmentCount} partial)` : '';
  return n > 1 ? `${base}${frag} · this is ${f.position} of ${n}` : `${base}${frag}`;
}

export function Card({ facts, speakerId, theme, x, y, canAddNote, notes, actions }: Props) {
  const colour = speakerColour(speakerId);
  const alone = facts.previousId === null;
  const short = facts.fullName;
  return (
    <div
      class={theme === 'dark' ? 'card dark' : 'card'}
      role="dialog"
      aria-label={`About ${facts.fullName}`}
      style={`transform:translate(${x}px,${y}px)`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          actions.close();
        }
      }}
    >
      <p class="name">
        <span class="swatch" style={`background:${colour.swatch}`} aria-hidden="true" />
        {facts.guess ? `Probably ${facts.fullName}` : facts.fullName}
      </p>
      {facts.guess ? (
        <p class="guess">
          {facts.runnerUp ? `— or maybe ${facts.runnerUp}. ` : ''}QuoteLens is not sure who said
          this.
        </p>
      ) : null}
      {facts.role ? <p class="role">{facts.role}</p> : null}
      {/* QuoteLens's own words are generated content (styles.ts .say): window.find() on the
          page cannot match them. */}
      <p
        class="count say"
        data-say={`${statementsLine(facts)}${notes > 0 ? ` · ${notes === 1 ? '1 note' : `${notes} notes`}` : ''}`}
      />
      <div class="row">
        <button
          type="button"
          data-act="previous"
          disabled={alone}
          aria-label={`Previous statement by ${short}`}
          onClick={actions.previous}
          class="say"
          data-say="← Previous"
        />
        <button
          type="button"
          data-act="next"
          disabled={alone}
          aria-label={`Next statement by ${short}`}
          onClick={actions.next}
          class="say"
          data-say="Next →"
        />
        {canAddNote ? (
          <button
            type="button"
            data-act="note"
            class="say"
            data-say="Add note"
            aria-label="Add note"
            onClick={actions.addNote}
          />
        ) : null}
      </div>
    </div>
  );
}
