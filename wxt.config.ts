import { createRequire } from 'node:module';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';

/** WXT's own `browser` export, as it is without the polyfill module's alias (@wxt-dev/browser). */
const NATIVE_BROWSER = createRequire(import.meta.url).resolve('@wxt-dev/browser');
/** The browser being built for (set when WXT is ready). */
let target = 'chrome';
/** The scripts that run in every page's isolated world on Chromium: no polyfill in them. */
const PAGE_SCRIPTS = new Set(['page-loader', 'page-app']);
/**
 * V8's explicit compile hint (Chromium 136+; other engines read a comment): every function of
 * the file is compiled as it is parsed. The content script imports page-app.js as a module,
 * which Chromium parses and compiles on a background thread, so its functions no longer
 * compile lazily on the page's main thread at their first call (README, issue 12).
 */
const COMPILE_ALL = '//# allFunctionsCalledOnLoad\n';

/** Puts the compile hint first in page-app.js (its source map moved one line down). */
function compileAllHint(): Plugin {
  return {
    name: 'quotelens-compile-all',
    generateBundle(_options, bundle) {
      const out = bundle['page-app.js'];
      if (out?.type !== 'chunk') return;
      out.code = COMPILE_ALL + out.code;
      const map = bundle['page-app.js.map'];
      if (map?.type === 'asset' && typeof map.source === 'string') {
        const json = JSON.parse(map.source) as { mappings: string };
        json.mappings = `;${json.mappings}`;
        map.source = JSON.stringify(json);
      }
    },
  };
}

// Permissions are the minimum the features need; README "Permissions" says why each is there.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  webExt: { disabled: true },
  // Parallel builds (helpers, benchmarks) each get their own folder.
  outDir: process.env.QL_OUT_DIR ?? '.output',
  vite: (env) => ({
    plugins: [preact()],
    resolve: {
      // Firefox paints only bare `::highlight()` rules; Chromium's sheet keeps them on `html`,
      // which restyles far faster (lib/dom/highlight-style.ts).
      alias:
        env.browser === 'firefox'
          ? [
              {
                find: /^\.\/content\/highlights\.css\?inline$/,
                replacement: './content/highlights.firefox.css?inline',
              },
            ]
          : [],
    },
  }),
  hooks: {
    ready: (wxt) => {
      target = wxt.config.browser;
    },
    'vite:build:extendConfig': (entrypoints, viteConfig) => {
      // Source maps for CPU profiles by source file (scripts/profile-page.ts): QL_SOURCEMAP=1.
      if (process.env.QL_SOURCEMAP) viteConfig.build = { ...viteConfig.build, sourcemap: true };
      // The Chromium content script runs on every page load: it takes WXT's own `browser` (the
      // native `chrome`, whose MV3 calls already return promises) instead of
      // webextension-polyfill, whose set-up was the largest part of its injection (README,
      // issue 12), and so does the page-app.js it imports. Its message listener answers through
      // `sendResponse`, which both browsers honour. Firefox's build and every other entrypoint
      // keep the polyfill.
      if (entrypoints.some((e) => e.name === 'page-app')) {
        viteConfig.plugins = [...(viteConfig.plugins ?? []), compileAllHint()];
      }
      if (target === 'firefox' || !entrypoints.some((e) => PAGE_SCRIPTS.has(e.name))) return;
      const resolve = viteConfig.resolve ?? {};
      const alias = resolve.alias ?? [];
      const list = Array.isArray(alias)
        ? alias
        : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      viteConfig.resolve = {
        ...resolve,
        alias: [{ find: /^wxt\/browser$/, replacement: NATIVE_BROWSER }, ...list],
      };
    },
    // The document_start script that attaches the highlight colours where QuoteLens is on
    // (entrypoints/highlight-sheet.ts): a plain script, so no polyfill rides along on every page.
    // The content script proper (entrypoints/page-loader.ts) is a plain script too: WXT's
    // content-script wrapper announces itself to every page (see that file).
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        {
          matches: ['http://*/*', 'https://*/*'],
          js: ['highlight-sheet.js'],
          run_at: 'document_start',
        },
        {
          matches: ['http://*/*', 'https://*/*'],
          js: ['page-loader.js'],
          run_at: 'document_idle',
        },
      ];
    },
  },
  manifest: {
    name: 'QuoteLens',
    description:
      'See who said what: highlights every quoted statement in a news article, labels its speaker, and keeps your notes private.',
    permissions: ['storage', 'contextMenus', 'unlimitedStorage'],
    // The notes view, imported by the content script only on pages with notes. A per-session
    // URL (use_dynamic_url) so pages cannot probe for QuoteLens by fetching it.
    web_accessible_resources: [
      { resources: ['notes-ui.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
      // QuoteLens's code for a page (annotator, labels), imported by the content script where
      // it runs (entrypoints/content). Same per-session URL; a page that learnt it could only
      // fetch code it can read in the store anyway, and run it in its own world, not ours.
      {
        resources: ['page-app.js'],
        matches: ['http://*/*', 'https://*/*'],
        use_dynamic_url: true,
      },
      // The note editor's frame (extension origin: the page can neither script nor search it).
      {
        resources: ['note-frame.html'],
        matches: ['http://*/*', 'https://*/*'],
        use_dynamic_url: true,
      },
    ],
    commands: {
      'toggle-site': {
        suggested_key: { default: 'Alt+Shift+Q' },
        description: 'Switch QuoteLens off or on for this site',
      },
      'note-selection': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Add a note to the selected text',
      },
    },
    browser_specific_settings: {
      gecko: { id: 'quotelens@example.org', strict_min_version: '140.0' },
    },
  },
});
