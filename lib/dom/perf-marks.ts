/**
 * QuoteLens's user-timing marks (`quotelens:start`, `quotelens:drawn`, `quotelens:error`) for
 * benchmarks, the sweep and the e2e suites. A mark lands in the page's own performance
 * timeline, where the page's scripts read it (quote counts, error text: issue 14), so none is
 * written unless the content script was told to (a dev build, or the developer flag in
 * extension storage, lib/dev-flags.ts): nothing in the page can turn them on.
 */

export const PERF_PREFIX = 'quotelens';

export type PerfMarkName = 'start' | 'drawn' | 'error';

let enabled = false;

export function setPerfMarks(on: boolean): void {
  enabled = on;
}

export function perfMarksOn(): boolean {
  return enabled;
}

/** Writes `quotelens:<name>` with `detail` when marks are on; best effort either way. */
export function perfMark(name: PerfMarkName, detail: unknown): void {
  if (!enabled) return;
  try {
    performance.mark(`${PERF_PREFIX}:${name}`, { detail });
  } catch {
    // performance marks are best effort
  }
}
