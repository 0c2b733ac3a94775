import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dimName,
  FLASH_NAME,
  hasStaticRule,
  highlightName,
  STATIC_SHEET_FILES,
  STATIC_SPEAKERS,
  staticHighlightCss,
} from '../../../lib/dom/highlight-style';

describe('static highlight sheet', () => {
  const css = staticHighlightCss();

  it('is what the content script ships (run `npm run gen:css` after changing the palette)', () => {
    const shipped = readFileSync(resolve(STATIC_SHEET_FILES.chromium), 'utf8');
    expect(shipped).toBe(css);
    const firefox = readFileSync(resolve(STATIC_SHEET_FILES.firefox), 'utf8');
    expect(firefox).toBe(staticHighlightCss('firefox'));
  });

  it('writes bare ::highlight() rules for Firefox, the same names and declarations', () => {
    const firefox = staticHighlightCss('firefox');
    expect(firefox).not.toContain('html::highlight');
    expect(firefox.replace(/(^|[,}\n])::highlight/g, '$1html::highlight')).toBe(css);
  });

  it('styles every name it claims, for both themes, on the root element only', () => {
    const names: string[] = [dimName('light'), dimName('dark'), FLASH_NAME];
    for (const theme of ['light', 'dark'] as const) {
      for (const id of [null, 0, STATIC_SPEAKERS - 1]) {
        expect(hasStaticRule(id)).toBe(true);
        for (const style of ['statement', 'fragment'] as const) {
          for (const nested of [false, true]) names.push(highlightName(id, style, nested, theme));
        }
      }
    }
    for (const name of names) expect(css).toContain(`html::highlight(${name})`);
    // Only the root: a rule on any other selector is tested against many elements of every page.
    expect(css.match(/[^,{}\n]*::highlight/g)?.every((s) => s === 'html::highlight')).toBe(true);
    expect(hasStaticRule(STATIC_SPEAKERS)).toBe(false);
    expect(hasStaticRule(1.5)).toBe(false);
  });

  it('gives light and dark pages different names and colours', () => {
    expect(highlightName(0, 'statement', false, 'light')).not.toBe(
      highlightName(0, 'statement', false, 'dark'),
    );
    const ruleOf = (name: string) =>
      css.split('\n').find((line) => line.includes(`html::highlight(${name})`)) ?? '';
    expect(ruleOf(highlightName(0, 'statement', false, 'light'))).not.toBe(
      ruleOf(highlightName(0, 'statement', false, 'dark')),
    );
  });
});
