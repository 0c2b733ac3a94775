/**
 * The language of a text whose page does not say: the share of each language's commonest
 * function words among its first words. Only a page's declared or guessed language lets the
 * ranker's confidence be trusted (it learned from English); an unsure guess says nothing.
 * Pure and cheap: one pass over at most SAMPLE characters.
 */

const SAMPLE = 3000;
/** A guess needs this many function-word hits, and this lead over the runner-up. */
const MIN_HITS = 8;
const MIN_LEAD = 2;

// Words frequent in one language and rare in the others listed (no "de", "la", "a", "en").
const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'the',
    'and',
    'of',
    'to',
    'is',
    'that',
    'with',
    'was',
    'for',
    'said',
    'have',
    'this',
    'from',
    'which',
    'were',
    'they',
  ],
  fr: [
    'le',
    'les',
    'des',
    'est',
    'et',
    'une',
    'dans',
    'pour',
    'qui',
    'pas',
    'sur',
    'au',
    'aux',
    'avec',
    'été',
    'ont',
  ],
  es: [
    'el',
    'los',
    'las',
    'del',
    'y',
    'que',
    'por',
    'una',
    'para',
    'con',
    'es',
    'al',
    'fue',
    'su',
    'sus',
    'pero',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ist',
    'nicht',
    'mit',
    'sich',
    'auf',
    'für',
    'dem',
    'den',
    'ein',
    'eine',
    'auch',
    'wird',
  ],
  pt: [
    'não',
    'uma',
    'os',
    'das',
    'dos',
    'com',
    'para',
    'foi',
    'ao',
    'mais',
    'também',
    'são',
    'pelo',
    'pela',
    'seu',
    'sua',
  ],
  it: [
    'il',
    'che',
    'della',
    'del',
    'non',
    'gli',
    'una',
    'sono',
    'per',
    'con',
    'anche',
    'alla',
    'nel',
    'questo',
    'stato',
    'ha',
  ],
};
const LANGS = Object.keys(FUNCTION_WORDS);
const WORD_LANGS = new Map<string, number[]>();
LANGS.forEach((lang, li) => {
  for (const w of FUNCTION_WORDS[lang] ?? []) WORD_LANGS.set(w, [...(WORD_LANGS.get(w) ?? []), li]);
});
const WORD = /[\p{L}]+/gu;
const CYRILLIC = /^\p{Script=Cyrillic}/u;
/** Code units read so far: 1 Cyrillic, 2 not (the regex once per code unit, not per word). */
const CYRILLIC_UNITS = new Uint8Array(0x10000);

/** Does s[i…] open with a Cyrillic letter (CYRILLIC.test of the word there)? */
function cyrillicAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  // (a surrogate pair is one character: the regex reads it whole)
  if (c >= 0xd800 && c <= 0xdfff) return CYRILLIC.test(s.slice(i, i + 2));
  let known = CYRILLIC_UNITS[c] as number;
  if (known === 0) {
    known = CYRILLIC.test(s[i] as string) ? 1 : 2;
    CYRILLIC_UNITS[c] = known;
  }
  return known === 1;
}

const LETTER = /^\p{L}$/u;
/** Code units read so far: 1 a letter, 2 not; and code points past the BMP. */
const LETTER_UNITS = new Uint8Array(0x10000);
const ASTRAL_LETTERS = new Map<number, boolean>();

/** How many code units the letter at s[i] takes (1, or 2 past the BMP); 0 if none is there. */
function letterAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? 1 : 0;
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = s.charCodeAt(i + 1);
    if (!(d >= 0xdc00 && d <= 0xdfff)) return 0;
    const cp = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
    let known = ASTRAL_LETTERS.get(cp);
    if (known === undefined) {
      known = LETTER.test(String.fromCodePoint(cp));
      ASTRAL_LETTERS.set(cp, known);
    }
    return known ? 2 : 0;
  }
  if (c >= 0xdc00 && c <= 0xdfff) return 0;
  let known = LETTER_UNITS[c] as number;
  if (known === 0) {
    known = LETTER.test(s[i] as string) ? 1 : 2;
    LETTER_UNITS[c] = known;
  }
  return known === 1 ? 1 : 0;
}

/** The longest function word: a longer word is counted, never looked up. */
const LONGEST = Math.max(...[...WORD_LANGS.keys()].map((w) => w.length));

/**
 * Each word of `sample` (a run of letters, as WORD matches them), lowercased, to `visit`: its
 * text where it is short enough to be a function word (else ''), and whether it opens with a
 * Cyrillic letter. The sample is lowercased once rather than word by word: the words are the
 * same, for a letter's lowercase is a letter, one character — but for İ (U+0130), whose
 * lowercase is i and a combining dot, no letter: such a sample is read word by word. (The only
 * other difference, Greek's final sigma read in the sample's context, names no function word
 * and no Cyrillic.) Long words are not cut out of the sample: most of the cost was theirs.
 */
function readWords(sample: string, visit: (w: string, cyrillic: boolean) => void): void {
  if (sample.includes('\u0130')) {
    for (const m of sample.match(WORD) ?? []) {
      const w = m.toLowerCase();
      visit(w, cyrillicAt(w, 0));
    }
    return;
  }
  const s = sample.toLowerCase();
  let i = 0;
  while (i < s.length) {
    const first = letterAt(s, i);
    if (first === 0) {
      i++;
      continue;
    }
    let j = i + first;
    for (let n = letterAt(s, j); n > 0; n = letterAt(s, j)) j += n;
    visit(j - i <= LONGEST ? s.slice(i, j) : '', cyrillicAt(s, i));
    i = j;
  }
}

/** 'en', 'fr', 'es', 'de', 'pt', 'it', 'ru' — or undefined where the text does not say clearly. */
export function guessLanguage(text: string): string | undefined {
  const sample = text.slice(0, SAMPLE);
  const hits = new Array<number>(LANGS.length).fill(0);
  let words = 0;
  let cyrillic = 0;
  readWords(sample, (w, cyr) => {
    words++;
    if (cyr) cyrillic++;
    if (w !== '') for (const li of WORD_LANGS.get(w) ?? []) hits[li] = (hits[li] as number) + 1;
  });
  if (words > 0 && cyrillic / words > 0.5) return 'ru';
  let best = -1;
  let second = 0;
  hits.forEach((h, li) => {
    if (best < 0 || h > (hits[best] as number)) {
      if (best >= 0) second = Math.max(second, hits[best] as number);
      best = li;
    } else second = Math.max(second, h);
  });
  const top = best >= 0 ? (hits[best] as number) : 0;
  return top >= MIN_HITS && top >= MIN_LEAD * second ? LANGS[best] : undefined;
}
