/**
 * One speaker in the popup's list: colour, fullest name, role, counts; the
 * stepper (previous / "3 of 7" / next, "only this speaker") when chosen; and,
 * expanded, the opening words of each statement. View only.
 */
import { speakerColour } from '../../lib/palette';
import {
  countLabel,
  positionLabel,
  type SpeakerGroup,
  type StatementItem,
  statementSnippet,
} from '../../lib/popup-state';

interface Props {
  group: SpeakerGroup;
  /** The statements to list when expanded (search may narrow them). */
  shown: readonly StatementItem[];
  /** The search text, so listed statements show the words that matched. */
  query: string;
  expanded: boolean;
  /** The chosen statement when this speaker is the chosen one. */
  currentId: number | null;
  only: boolean;
  /** The roving-focus target: `data-nav-id` of the one list item in the Tab order. */
  tabTarget: string | null;
  onChoose(): void;
  onToggleExpanded(): void;
  onStatement(id: number): void;
  onStep(delta: number): void;
  onOnly(on: boolean): void;
  /** Where the reader met this speaker before (their archive), if anywhere. */
  seenElsewhere?: { count: number; onOpen(): void } | null;
}

export function navIdOfSpeaker(key: string): string {
  return `${key}`;
}

export function navIdOfStatement(key: string, id: number): string {
  return `${key}/q${id}`;
}

export function SpeakerRow(props: Props) {
  const { group, shown, expanded, currentId, only, tabTarget } = props;
  const chosen = currentId !== null;
  const colour = speakerColour(group.speakerId);
  const counts = countLabel(group.fullCount, group.fragmentCount);
  const listId = `ql-statements-${group.key}`;
  const speakerNav = navIdOfSpeaker(group.key);
  const position = chosen ? positionLabel(group.statements, currentId) : null;
  return (
    <li
      class="ql-speaker"
      data-key={group.key}
      data-chosen={chosen ? 'true' : undefined}
      style={{ '--ql-swatch': colour.swatch }}
    >
      <div class="ql-speaker-head">
        <button
          type="button"
          class="ql-speaker-main"
          data-nav-id={speakerNav}
          tabIndex={tabTarget === speakerNav ? 0 : -1}
          aria-current={chosen ? 'true' : undefined}
          aria-label={`${group.name}${group.role ? `, ${group.role}` : ''}: ${counts}. Go to the first statement.`}
          onClick={props.onChoose}
        >
          <span class="ql-swatch" aria-hidden="true" />
          <span
            class="ql-speaker-text"
            title={group.aliases.length > 0 ? `Also: ${group.aliases.join(', ')}` : undefined}
          >
            <span class="ql-speaker-name">{group.name}</span>
            {group.role && <span class="ql-speaker-role">{group.role}</span>}
          </span>
          {group.fullCount > 0 ? (
            <span class="ql-count" aria-hidden="true">
              <span class="ql-count-main">{group.fullCount}</span>
              {group.fragmentCount > 0 && (
                <span class="ql-count-frag">+{group.fragmentCount} frag.</span>
              )}
            </span>
          ) : (
            <span class="ql-count" aria-hidden="true">
              <span class="ql-count-main" data-fragments-only="">
                {group.fragmentCount}
              </span>
              <span class="ql-count-frag">
                {group.fragmentCount === 1 ? 'fragment' : 'fragments'}
              </span>
            </span>
          )}
        </button>
        <button
          type="button"
          class="ql-expand"
          tabIndex={-1}
          aria-expanded={expanded ? 'true' : 'false'}
          aria-controls={listId}
          aria-label={`${expanded ? 'Hide' : 'Show'} the statements of ${group.name}`}
          title={expanded ? 'Hide statements (←)' : 'Show statements (→)'}
          onClick={props.onToggleExpanded}
        >
          <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
            <path d="M5 3l5 5-5 5" fill="none" stroke="currentColor" stroke-width="2" />
          </svg>
        </button>
      </div>
      {props.seenElsewhere && props.seenElsewhere.count > 0 && (
        <button type="button" class="ql-seen" onClick={() => props.seenElsewhere?.onOpen()}>
          also in {props.seenElsewhere.count}{' '}
          {props.seenElsewhere.count === 1 ? 'article' : 'articles'} you read
        </button>
      )}
      {chosen && (
        <fieldset class="ql-stepper">
          <legend class="ql-visually-hidden">Step through the statements of {group.name}</legend>
          <button
            type="button"
            class="ql-icon-button"
            aria-label="Previous statement"
            title="Previous statement (P)"
            onClick={() => props.onStep(-1)}
          >
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path d="M10 3L5 8l5 5" fill="none" stroke="currentColor" stroke-width="2" />
            </svg>
          </button>
          <span class="ql-position" aria-live="polite" aria-atomic="true">
            {position}
          </span>
          <button
            type="button"
            class="ql-icon-button"
            aria-label="Next statement"
            title="Next statement (N)"
            onClick={() => props.onStep(1)}
          >
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
              <path d="M6 3l5 5-5 5" fill="none" stroke="currentColor" stroke-width="2" />
            </svg>
          </button>
          {group.speakerId !== null && (
            <button
              type="button"
              class="ql-only-toggle"
              aria-pressed={only ? 'true' : 'false'}
              onClick={() => props.onOnly(!only)}
            >
              Only this speaker
            </button>
          )}
        </fieldset>
      )}
      {expanded && (
        <ol id={listId} class="ql-statements" aria-label={`Statements of ${group.name}`}>
          {shown.map((s) => {
            const nav = navIdOfStatement(group.key, s.id);
            const n = group.statements.findIndex((x) => x.id === s.id) + 1;
            const words = statementSnippet(s.text, props.query);
            return (
              <li key={s.id}>
                <button
                  type="button"
                  class="ql-statement"
                  data-nav-id={nav}
                  data-quote-id={s.id}
                  tabIndex={tabTarget === nav ? 0 : -1}
                  aria-current={currentId === s.id ? 'true' : undefined}
                  aria-label={`${s.fragment ? 'Fragment' : 'Statement'} ${n} of ${group.statements.length}: ${words}`}
                  onClick={() => props.onStatement(s.id)}
                >
                  <span class="ql-statement-text">“{words}”</span>
                  {s.fragment && <span class="ql-tag">fragment</span>}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </li>
  );
}
