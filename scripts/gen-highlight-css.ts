/**
 * Writes the content script's static highlight sheet (entrypoints/content/highlights.css) from
 * lib/dom/highlight-style.ts. `npm run gen:css`; a unit test fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { staticHighlightCss } from '../lib/dom/highlight-style';

export const HIGHLIGHT_CSS_PATH = resolve('entrypoints', 'content', 'highlights.css');

writeFileSync(HIGHLIGHT_CSS_PATH, staticHighlightCss());
console.log(`wrote ${HIGHLIGHT_CSS_PATH}`);
