/**
 * Content script at document_start (listed in the manifest by wxt.config.ts): wiring only. Where QuoteLens is on for the site, attaches
 * the `::highlight()` colours before the page is first styled, when adding them costs nothing
 * (lib/dom/highlight-sheet.ts), and hands the sheet to the main content script, which runs at
 * document_idle and takes it away when the reader switches QuoteLens off. Where QuoteLens is
 * off it adds nothing at all. It runs on every page, so it is an unlisted script, not a WXT
 * content script: that wrapper brings webextension-polyfill along (3.7 ms median to evaluate
 * on the dev articles; this is well under 1 ms).
 */
import { documentIsSmall, HighlightSheet, shareSheet } from '../lib/dom/highlight-sheet';
import { isActiveOn, parseSettings, SETTINGS_KEY, siteOf } from '../lib/settings';
// The rules as text; the Firefox build gets highlights.firefox.css in its place (wxt.config.ts).
import highlightCss from './content/highlights.css?inline';

interface StorageArea {
  get(key: string): Promise<Record<string, unknown>>;
}

export default defineUnlistedScript(() => {
  const sheet = new HighlightSheet(document, highlightCss);
  shareSheet(sheet);
  // Firefox's promise-returning `browser`, or Chromium's `chrome` (promises in MV3).
  const g = globalThis as { browser?: { storage: { local: StorageArea } } };
  const local = (g.browser ?? (chrome as unknown as { storage: { local: StorageArea } })).storage
    .local;
  void local
    .get(SETTINGS_KEY)
    .then((stored) => {
      // free only while the page is small; later the annotator adopts it before it paints
      if (
        isActiveOn(parseSettings(stored[SETTINGS_KEY]), siteOf(location.href)) &&
        documentIsSmall(document)
      )
        sheet.attach();
    })
    .catch(() => {
      // No colours yet: the annotator attaches them before it paints (one restyle).
    });
});
