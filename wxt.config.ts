import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Permissions are the minimum the features need; README "Permissions" says why each is there.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  webExt: { disabled: true },
  // Parallel builds (helpers, benchmarks) each get their own folder.
  outDir: process.env.QL_OUT_DIR ?? '.output',
  vite: (env) => ({
    plugins: [preact()],
    // Readable function names in CPU profiles (scripts/trace-drawing.ts): QL_NO_MINIFY=1.
    ...(process.env.QL_NO_MINIFY ? { build: { minify: false } } : {}),
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
    // The document_start script that attaches the highlight colours where QuoteLens is on
    // (entrypoints/highlight-sheet.ts): a plain script, so no polyfill rides along on every page.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        {
          matches: ['http://*/*', 'https://*/*'],
          js: ['highlight-sheet.js'],
          run_at: 'document_start',
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
