/**
 * Is the article drawn light-on-dark or dark-on-light? Decides which half of the palette the
 * highlights and labels use. Reads computed styles of a handful of elements (no layout).
 */
import type { Theme } from './highlight';

/** Parses `rgb()`/`rgba()` as computed styles give them; null when transparent or unknown. */
export function parseRgb(value: string): { r: number; g: number; b: number; a: number } | null {
  const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(
    value,
  );
  if (!m) return null;
  let a = 1;
  if (m[4] !== undefined) a = m[4].endsWith('%') ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a };
}

/** Relative luminance (WCAG) of an sRGB colour, 0–1. */
export function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * The theme behind `el`: the first opaque-ish background up its ancestors (then <body>, <html>);
 * with none, the page's `color-scheme` decides, else light.
 */
export function detectTheme(el: Element | null, doc: Document): Theme {
  const win = doc.defaultView;
  if (!win) return 'light';
  const chain: Element[] = [];
  for (let e: Element | null = el; e; e = e.parentElement) chain.push(e);
  if (doc.body && !chain.includes(doc.body)) chain.push(doc.body);
  if (doc.documentElement && !chain.includes(doc.documentElement)) chain.push(doc.documentElement);
  for (const e of chain) {
    const bg = parseRgb(win.getComputedStyle(e).backgroundColor);
    if (bg && bg.a >= 0.5) return luminance(bg) < 0.25 ? 'dark' : 'light';
  }
  const scheme = win.getComputedStyle(doc.documentElement).colorScheme || '';
  if (/^\s*dark\b/.test(scheme) && win.matchMedia?.('(prefers-color-scheme: dark)').matches) {
    return 'dark';
  }
  return 'light';
}
