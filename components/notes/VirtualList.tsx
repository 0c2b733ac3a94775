/**
 * A windowed list: only the rows in (or near) view are in the DOM, so 10,000
 * notes scroll as smoothly as 10. Rows must render as <li>. Rows have known heights (the views clamp their
 * text), so offsets are prefix sums and the visible window is a binary search.
 */
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';

export interface VirtualListProps<T> {
  rows: readonly T[];
  heightOf: (row: T) => number;
  renderRow: (row: T, index: number, style: Record<string, string>) => ComponentChildren;
  /** Extra pixels rendered above and below the view. */
  overscan?: number;
  /** Scroll this row into view (e.g. the keyboard-selected one). */
  scrollToIndex?: number;
  label: string;
  /** Used when the container has no layout yet (tests, first paint). */
  fallbackHeight?: number;
  class?: string;
}

export function VirtualList<T>(props: VirtualListProps<T>) {
  const { rows, heightOf, renderRow, overscan = 600, scrollToIndex, fallbackHeight = 900 } = props;
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(fallbackHeight);

  const offsets = useMemo(() => {
    const out = new Float64Array(rows.length + 1);
    for (let i = 0; i < rows.length; i++) out[i + 1] = (out[i] ?? 0) + heightOf(rows[i] as T);
    return out;
  }, [rows, heightOf]);
  const total = offsets[rows.length] ?? 0;

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || fallbackHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, [fallbackHeight]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el || scrollToIndex === undefined || scrollToIndex < 0) return;
    const top = offsets[scrollToIndex] ?? 0;
    const bottom = offsets[scrollToIndex + 1] ?? top;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + viewport) el.scrollTop = bottom - viewport;
    setScrollTop(el.scrollTop);
    // Only when the target changes: a refreshed list must not pull the reader back.
  }, [scrollToIndex]);

  const first = Math.max(0, upperBound(offsets, scrollTop - overscan) - 1);
  const last = Math.min(rows.length, upperBound(offsets, scrollTop + viewport + overscan));
  const items: ComponentChildren[] = [];
  for (let i = first; i < last; i++) {
    items.push(
      renderRow(rows[i] as T, i, {
        position: 'absolute',
        top: `${offsets[i]}px`,
        left: '0',
        right: '0',
        height: `${heightOf(rows[i] as T)}px`,
      }),
    );
  }

  return (
    <div
      ref={ref}
      class={props.class}
      style={{ overflowY: 'auto', position: 'relative' }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
    >
      <ul
        aria-label={props.label}
        style={{
          height: `${total}px`,
          position: 'relative',
          margin: 0,
          padding: 0,
          listStyle: 'none',
        }}
      >
        {items}
      </ul>
    </div>
  );
}

/** First index i with offsets[i] > value. */
function upperBound(offsets: Float64Array, value: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((offsets[mid] ?? 0) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
