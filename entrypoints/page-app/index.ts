/**
 * QuoteLens on a page (entrypoints/page-app/app.ts), as a separate file that the content script
 * imports into its isolated world only where it runs (entrypoints/content). It hands its factory
 * over there, as the notes view does; the page never sees it. The build compiles all of it
 * ahead, off the main thread (wxt.config.ts, `allFunctionsCalledOnLoad`).
 */
import { createPageApp } from './app';
import { PAGE_APP_GLOBAL } from './global';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[PAGE_APP_GLOBAL] = { createPageApp };
});
