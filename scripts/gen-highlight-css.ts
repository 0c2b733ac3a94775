/**
 * Writes the content script's static highlight sheet (entrypoints/content/highlights.css) from
 * lib/dom/highlight-style.ts. `npm run gen:css`; a unit test fails when the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { staticHighlightCss } from '../lib/dom/highlight-style';

const path = resolve('entrypoints', 'content', 'highlights.css');
writeFileSync(path, staticHighlightCss());
console.log(`wrote ${path}`);
