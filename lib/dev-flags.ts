/**
 * Developer switches, kept in the extension's own storage.local: only the extension's contexts
 * (its service worker, its pages, a test driving them) can set them, never a web page, which
 * has no way into extension storage. Read-only for the product: no UI sets them.
 *
 * `perfMarks`: the content script writes its `quotelens:*` performance marks (run numbers,
 * quote counts, phase times, error text) into the page's timeline, where the page's own scripts
 * can read them; off unless asked for (`npm run bench:page`, the sweep, the e2e suites).
 */

export const DEV_FLAGS_KEY = 'quotelens.dev.v1';

export interface DevFlags {
  perfMarks: boolean;
}

/** Only a literal `true` turns a flag on; anything else stored there reads as off. */
export function parseDevFlags(raw: unknown): DevFlags {
  const value = typeof raw === 'object' && raw !== null ? (raw as { perfMarks?: unknown }) : {};
  return { perfMarks: value.perfMarks === true };
}
