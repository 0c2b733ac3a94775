/**
 * What the page highlights look like: the `::highlight()` names and their CSS. Pure (no DOM)
 * so the build script that writes the content script's static sheet and the highlighter share
 * one definition.
 *
 * Why one static sheet: adding rules to a live page makes the browser restyle it (1–8 ms on a
 * news page, measured by `npm run bench:page`), so every rule a page may need is added at once,
 * before the first paint (highlight-sheet.ts), and later paints add none. It is never manifest
 * CSS: that would be in every page, QuoteLens on or off, and a page could read its colours
 * (issue 14). The rules only name QuoteLens's own highlights (and, in Chromium, only the root
 * element: highlightSelector), so they cost the page nothing until it registers a highlight.
 */
import { speakerColour } from '../palette';

export type MarkStyle = 'statement' | 'fragment';
export type Theme = 'light' | 'dark';

const PREFIX = 'quotelens';

/** Speakers 0 … STATIC_SPEAKERS − 1 (and the unknown speaker) have rules in the static sheet. */
export const STATIC_SPEAKERS = 32;

/** Which engine a sheet is for: the two need different selectors (see highlightSelector). */
export type SheetTarget = 'chromium' | 'firefox';

/**
 * Chromium: every rule is set on the root element only: a highlight's style inherits from the
 * root down to every element (CSS highlight inheritance, all properties), so
 * `html::highlight(x)` colours `x` everywhere, and the browser tests the rule against one
 * element instead of each. Measured on a saved news page (full restyle of the page in Chromium
 * 156, 107 names): no rules 4.8 ms, `html::highlight()` 4.8 ms, bare `::highlight()` 40 ms,
 * `p::highlight()` 434 ms.
 *
 * Firefox (153 ESR) does not pass highlight styles from `<html>` down to its descendants'
 * text, so `html::highlight(x)` paints nothing there; the bare `::highlight(x)` does.
 */
export function highlightSelector(name: string, target: SheetTarget = 'chromium'): string {
  return target === 'firefox' ? `::highlight(${name})` : `html::highlight(${name})`;
}

/** Where each build's static sheet lives (the Firefox build swaps it in, wxt.config.ts). */
export const STATIC_SHEET_FILES: Record<SheetTarget, string> = {
  chromium: 'entrypoints/content/highlights.css',
  firefox: 'entrypoints/content/highlights.firefox.css',
};

const THEMES: readonly Theme[] = ['light', 'dark'];

/** The `::highlight()` name of a speaker/style pair on a light or dark page. */
export function highlightName(
  speakerId: number | null,
  style: MarkStyle,
  nested: boolean,
  theme: Theme = 'light',
): string {
  const who = speakerId === null ? 'u' : String(speakerId);
  return `${PREFIX}-${theme === 'dark' ? 'd' : 'l'}${style === 'fragment' ? 'f' : 's'}${nested ? 'n' : ''}-${who}`;
}

/** Whether `highlightName(speakerId, …)` has its rule in the static sheet. */
export function hasStaticRule(speakerId: number | null): boolean {
  return (
    speakerId === null ||
    (Number.isInteger(speakerId) && speakerId >= 0 && speakerId < STATIC_SPEAKERS)
  );
}

export function dimName(theme: Theme): string {
  return `${PREFIX}-dim-${theme}`;
}
export const FLASH_NAME = `${PREFIX}-flash`;

/** CSS declarations for one highlight: background, text colour, and the fragment underline. */
export function markDeclarations(
  speakerId: number | null,
  style: MarkStyle,
  nested: boolean,
  theme: Theme,
): string {
  const c = speakerColour(speakerId);
  const pair = theme === 'dark' ? c.dark : c.light;
  const h = c.hue;
  const sat = speakerId === null ? 0 : 1;
  if (style === 'fragment') {
    // Lighter than a statement: a paler wash and a dotted underline in the speaker's hue.
    const bg = theme === 'dark' ? `hsl(${h} ${35 * sat}% 20%)` : `hsl(${h} ${90 * sat}% 94%)`;
    return `background-color:${bg};color:${pair.text};text-decoration:underline dotted ${pair.border};text-decoration-thickness:2px;`;
  }
  const line = nested ? `text-decoration:underline solid ${pair.border};` : '';
  return `background-color:${pair.background};color:${pair.text};${line}`;
}

export function dimDeclarations(theme: Theme): string {
  return theme === 'dark'
    ? 'background-color:hsl(0 0% 18%);color:inherit;'
    : 'background-color:hsl(0 0% 95%);color:inherit;';
}

export const FLASH_DECLARATIONS =
  'background-color:hsl(50 100% 55%);color:hsl(0 0% 5%);text-decoration:underline solid hsl(0 0% 5%);';

/**
 * The static sheet: every name `hasStaticRule` admits, for both themes, plus dimming and the
 * flash.
 * `!important` on dimming keeps a dimmed statement's underline from showing through.
 */
export function staticHighlightCss(target: SheetTarget = 'chromium'): string {
  // Names sharing their declarations share one rule (a nested fragment looks like a fragment).
  const rules = new Map<string, string[]>();
  const add = (name: string, declarations: string) => {
    const names = rules.get(declarations);
    if (names) names.push(name);
    else rules.set(declarations, [name]);
  };
  const ids: (number | null)[] = [null];
  for (let i = 0; i < STATIC_SPEAKERS; i++) ids.push(i);
  for (const theme of THEMES) {
    for (const id of ids) {
      for (const style of ['statement', 'fragment'] as const) {
        for (const nested of [false, true]) {
          add(highlightName(id, style, nested, theme), markDeclarations(id, style, nested, theme));
        }
      }
    }
    add(dimName(theme), `${dimDeclarations(theme)}text-decoration:none!important;`);
  }
  add(FLASH_NAME, FLASH_DECLARATIONS);
  const lines = [
    '/* Generated by scripts/gen-highlight-css.ts from lib/dom/highlight-style.ts: do not edit. */',
  ];
  for (const [declarations, names] of rules) {
    lines.push(`${names.map((n) => highlightSelector(n, target)).join(',')}{${declarations}}`);
  }
  return `${lines.join('\n')}\n`;
}
