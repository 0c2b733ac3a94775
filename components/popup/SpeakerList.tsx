/**
 * The article's speakers: search, order switch, the list with keyboard
 * navigation (arrows, Home/End, Enter, Escape; N/P step, "/" searches), and the
 * "only this speaker" banner. Ordering, grouping, search and stepping come from
 * lib/popup-state.ts; this view keeps only which row is chosen or expanded.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { PageState } from '../../lib/messages';
import {
  filterGroups,
  groupBySpeaker,
  type SpeakerOrder,
  stepStatement,
} from '../../lib/popup-state';
import { navIdOfSpeaker, navIdOfStatement, SpeakerRow } from './SpeakerRow';

interface Props {
  page: PageState;
  only: number | null;
  initialOrder?: SpeakerOrder;
  onOrderChange?(order: SpeakerOrder): void;
  onJump(quoteId: number, note: string): void;
  onOnly(speakerId: number | null): void;
  /** The archive's "also in N articles you read" for a speaker id of this page. */
  seenElsewhere?(speakerId: number | null): { count: number; onOpen(): void } | null;
}

interface Selection {
  key: string;
  quoteId: number;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.isContentEditable);
}

export function SpeakerList({
  page,
  only,
  initialOrder,
  onOrderChange,
  onJump,
  onOnly,
  seenElsewhere,
}: Props) {
  const [order, setOrder] = useState<SpeakerOrder>(initialOrder ?? 'appearance');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<Selection | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [focusNav, setFocusNav] = useState<string | null>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  const groups = useMemo(
    () => groupBySpeaker(page.quotes, page.speakers, order),
    [page.quotes, page.speakers, order],
  );
  const shown = useMemo(() => filterGroups(groups, query), [groups, query]);
  const byKey = useMemo(() => new Map(groups.map((g) => [g.key, g])), [groups]);

  // A re-annotated page may no longer hold the chosen statement.
  const current =
    selected && byKey.get(selected.key)?.statements.some((s) => s.id === selected.quoteId)
      ? selected
      : null;

  // Roving focus: one list item is in the Tab order; default the first speaker.
  const navIds = shown.flatMap((g) => [
    navIdOfSpeaker(g.key),
    ...(expanded.has(g.key) || (query && g.matchedBy === 'statements')
      ? g.statements.map((s) => navIdOfStatement(g.key, s.id))
      : []),
  ]);
  const tabTarget = focusNav && navIds.includes(focusNav) ? focusNav : (navIds[0] ?? null);

  function choose(key: string, quoteId: number) {
    const group = byKey.get(key);
    if (!group) return;
    setSelected({ key, quoteId });
    const n = group.statements.findIndex((s) => s.id === quoteId) + 1;
    onJump(quoteId, `${group.name}: statement ${n} of ${group.statements.length}`);
  }

  function step(delta: number) {
    if (!current) return;
    const group = byKey.get(current.key);
    const next = group && stepStatement(group.statements, current.quoteId, delta);
    if (next) choose(current.key, next.id);
  }

  function toggleExpanded(key: string, open?: boolean) {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open ?? !next.has(key)) next.add(key);
      else next.delete(key);
      return next;
    });
  }

  function focusItem(id: string | undefined) {
    if (!id) return;
    setFocusNav(id);
    const el = listRef.current?.querySelector<HTMLElement>(`[data-nav-id="${id}"]`);
    el?.focus();
  }

  // Opening the popup lands in the search box: type to filter, ↓ to reach the list.
  useLayoutEffect(() => {
    searchRef.current?.focus();
  }, []);

  // After expanding with →, focus lands on the first statement once it renders.
  const pendingFocus = useRef<string | null>(null);
  useEffect(() => {
    if (pendingFocus.current && navIds.includes(pendingFocus.current)) {
      focusItem(pendingFocus.current);
      pendingFocus.current = null;
    }
  });

  function onListKey(e: KeyboardEvent) {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-nav-id]');
    const row = (e.target as HTMLElement).closest<HTMLElement>('.ql-speaker');
    const id = el?.dataset.navId ?? (row ? navIdOfSpeaker(row.dataset.key ?? '') : undefined);
    if (!id) return;
    const at = navIds.indexOf(id);
    const key = id.split('/')[0] ?? '';
    const onSpeaker = !id.includes('/');
    switch (e.key) {
      case 'ArrowDown':
        focusItem(navIds[Math.min(at + 1, navIds.length - 1)]);
        break;
      case 'ArrowUp':
        if (at <= 0) searchRef.current?.focus();
        else focusItem(navIds[at - 1]);
        break;
      case 'Home':
        focusItem(navIds[0]);
        break;
      case 'End':
        focusItem(navIds[navIds.length - 1]);
        break;
      case 'ArrowRight':
        if (!onSpeaker) return;
        if (!expanded.has(key)) toggleExpanded(key, true);
        else {
          const first = byKey.get(key)?.statements[0];
          if (first) pendingFocus.current = navIdOfStatement(key, first.id);
        }
        break;
      case 'ArrowLeft':
        if (onSpeaker) toggleExpanded(key, false);
        else focusItem(navIdOfSpeaker(key));
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  // Page-wide keys: N / P (or ] / [) step, "/" searches, Escape undoes one thing at a time.
  // Bound in a layout effect, once: a key pressed before the popup's first frame must count.
  const keyState = useRef({ query, only, current, step, onOnly });
  keyState.current = { query, only, current, step, onOnly };
  useLayoutEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const s = keyState.current;
      if (e.key === 'Escape') {
        if (s.query) {
          setQuery('');
          searchRef.current?.focus();
        } else if (s.only !== null) s.onOnly(null);
        else if (s.current) setSelected(null);
        else return; // nothing left to undo: let the browser close the popup
        e.preventDefault();
        return;
      }
      if (isTyping(e.target)) return;
      if (e.key === 'n' || e.key === 'N' || e.key === ']') s.step(1);
      else if (e.key === 'p' || e.key === 'P' || e.key === '[') s.step(-1);
      else if (e.key === '/') searchRef.current?.focus();
      else return;
      e.preventDefault();
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const total = page.quotes.length;
  const onlyName =
    only === null ? null : (page.speakers.find((s) => s.id === only)?.name ?? 'one speaker');
  const matchedStatements = shown.reduce((n, g) => n + g.statements.length, 0);
  const summary = query
    ? shown.length === 0
      ? `Nothing matches “${query.trim()}”.`
      : `${shown.length} ${shown.length === 1 ? 'speaker' : 'speakers'}, ${matchedStatements} of ${total} statements match`
    : `${groups.length} ${groups.length === 1 ? 'speaker' : 'speakers'} · ${total} ${total === 1 ? 'statement' : 'statements'}${page.status === 'working' ? ' so far…' : ''}`;

  return (
    <section class="ql-list-view" aria-label="Speakers in this article">
      <div class="ql-toolbar">
        <input
          ref={searchRef}
          type="search"
          class="ql-search"
          placeholder="Search speakers and statements"
          aria-label="Search speakers and statements"
          aria-controls="ql-speakers"
          value={query}
          onInput={(e) => setQuery((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              focusItem(navIds[0]);
            } else if (e.key === 'Enter') {
              // Enter goes to the first match, as a search box's first result would.
              const first = shown[0];
              const statement = first?.statements[0];
              if (first && statement) {
                e.preventDefault();
                choose(first.key, statement.id);
              }
            }
          }}
        />
        <fieldset class="ql-order">
          <legend class="ql-visually-hidden">Order speakers by</legend>
          {(
            [
              ['appearance', 'First appearance'],
              ['count', 'Most statements'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} class="ql-order-option">
              <input
                type="radio"
                name="ql-order"
                value={value}
                checked={order === value}
                onChange={() => {
                  setOrder(value);
                  onOrderChange?.(value);
                }}
              />
              <span>{label}</span>
            </label>
          ))}
        </fieldset>
      </div>
      {onlyName !== null && (
        <div class="ql-only-banner" role="status">
          <span>
            Only <strong>{onlyName}</strong> is highlighted on the page.
          </span>
          <button type="button" class="ql-link-button" onClick={() => onOnly(null)}>
            Show everyone
          </button>
        </div>
      )}
      <p class="ql-summary" aria-live="polite">
        {summary}
      </p>
      <ul
        id="ql-speakers"
        ref={listRef}
        class="ql-speakers"
        aria-label="Speakers"
        onKeyDown={onListKey}
        onFocusIn={(e) => {
          const id = (e.target as HTMLElement).dataset?.navId;
          if (id) setFocusNav(id);
        }}
      >
        {shown.map((g) => {
          const full = byKey.get(g.key) ?? g;
          return (
            <SpeakerRow
              key={g.key}
              group={full}
              shown={g.statements}
              query={query}
              expanded={expanded.has(g.key) || (!!query && g.matchedBy === 'statements')}
              currentId={current?.key === g.key ? current.quoteId : null}
              only={only !== null && only === g.speakerId}
              tabTarget={tabTarget}
              onChoose={() => {
                const first = full.statements[0];
                if (first) choose(g.key, first.id);
              }}
              onToggleExpanded={() => toggleExpanded(g.key)}
              onStatement={(id) => choose(g.key, id)}
              onStep={step}
              onOnly={(on) => onOnly(on ? g.speakerId : null)}
              seenElsewhere={seenElsewhere?.(g.speakerId) ?? null}
            />
          );
        })}
      </ul>
    </section>
  );
}
