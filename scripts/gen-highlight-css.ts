/**
 * Writes the content script's static highlight sheets, one per engine (highlight-style.ts says
 * why they differ), from lib/dom/highlight-style.ts. `npm run gen:css`; a unit test fails when
 * either file is stale.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type SheetTarget,
  STATIC_SHEET_FILES,
  staticHighlightCss,
} from '../lib/dom/highlight-style';

for (const target of Object.keys(STATIC_SHEET_FILES) as SheetTarget[]) {
  const path = resolve(STATIC_SHEET_FILES[target]);
  writeFileSync(path, staticHighlightCss(target));
  console.log(`wrote ${path}`);
}
