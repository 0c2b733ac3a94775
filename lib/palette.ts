/**
 * Speaker colours: one stable colour per speaker id, shared by the page highlights
 * and the popup so a speaker looks the same everywhere. Pure: no DOM, no browser APIs.
 * Every colour carries its own text colour, for light and for dark surroundings,
 * so a highlight stays readable whatever the page's own colours are.
 */

export interface ColourPair {
  /** Highlight background. */
  background: string;
  /** Text colour to set on top of `background` (contrast ≥ 7:1). */
  text: string;
  /** A stronger line colour (underline, label border). */
  border: string;
}

export interface SpeakerColour {
  /** Hue in degrees, 0–359 (null speaker: grey, hue 0, saturation 0). */
  hue: number;
  /** A solid mid-tone dot for lists and labels; readable on light and dark. */
  swatch: string;
  /** For light pages. */
  light: ColourPair;
  /** For dark pages. */
  dark: ColourPair;
}

/**
 * Hand-ordered hues: neighbours in the list (the first speakers of an article)
 * are as far apart as possible, and none relies on red/green alone.
 */
const HUES = [212, 28, 145, 330, 265, 48, 185, 5, 95, 290, 235, 70] as const;
const GOLDEN_ANGLE = 137.508;

function hueFor(id: number): number {
  if (id < HUES.length) return HUES[id] ?? 0;
  // Beyond the hand-picked set, the golden angle keeps successive hues apart.
  return (
    Math.round((HUES[id % HUES.length] ?? 0) + GOLDEN_ANGLE * Math.floor(id / HUES.length)) % 360
  );
}

/** The colour of speaker `id` (an index into `Extraction.speakers`); null = unknown speaker. */
export function speakerColour(id: number | null): SpeakerColour {
  if (id === null || !Number.isFinite(id) || id < 0) {
    return {
      hue: 0,
      swatch: 'hsl(0 0% 55%)',
      light: { background: 'hsl(0 0% 90%)', text: 'hsl(0 0% 8%)', border: 'hsl(0 0% 45%)' },
      dark: { background: 'hsl(0 0% 28%)', text: 'hsl(0 0% 98%)', border: 'hsl(0 0% 65%)' },
    };
  }
  const h = hueFor(Math.floor(id));
  return {
    hue: h,
    swatch: `hsl(${h} 70% 50%)`,
    light: { background: `hsl(${h} 90% 88%)`, text: 'hsl(0 0% 8%)', border: `hsl(${h} 70% 38%)` },
    dark: { background: `hsl(${h} 45% 26%)`, text: 'hsl(0 0% 98%)', border: `hsl(${h} 75% 65%)` },
  };
}
