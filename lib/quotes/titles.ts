/**
 * Words in marks that name a work or a thing, not anyone's words: a game, a film, a book, a
 * product, a place ("Thumper", "The World of Tomorrow."). A short span in Title Case that the page
 * writes again, quoted or not, is one: titles and names come back, someone's words rarely do.
 * Pure: reads the scene's text only.
 */
import type { Scene, Work } from './scene';
import { quoteWords } from './statement-features';

/** Short spans whose other occurrences are counted, per page: enough for titles, bounded work. */
const ELSEWHERE_WORDS = 6;
const ELSEWHERE_LOOKUPS = 400;
/** The scene's memo of timesElsewhere (Scene.memo). */
const ELSEWHERE = {};
const newMemo = () => new Map<string, number>();
const STARTS_CAP_OR_DIGIT = /^[\p{Lu}\d]/u;

/**
 * How often the page writes a short span's words again, quoted or not (at most 3): a title, a
 * product or a name comes back ("Thumper" … the Thumper demo), someone's words rarely do.
 */
export function timesElsewhere(scene: Scene, words: number, body: string): number {
  const needle = body.replace(/[\s.,;:!?…]+$/u, '');
  if (words === 0 || words > ELSEWHERE_WORDS || needle.length < 3) return 0;
  const memo = scene.memo(ELSEWHERE, newMemo);
  const known = memo.get(needle);
  if (known !== undefined) return known;
  if (memo.size >= ELSEWHERE_LOOKUPS) return 0;
  const { text } = scene;
  let n = -1;
  for (
    let at = text.indexOf(needle);
    at >= 0 && n < 3;
    at = text.indexOf(needle, at + needle.length)
  )
    n++;
  memo.set(needle, n);
  return n;
}

/** Is this span a title or a name in marks rather than a statement? */
export function looksLikeTitle(scene: Scene, w: Work): boolean {
  const words = quoteWords(scene, w);
  if (words.length < 2 || words.length > ELSEWHERE_WORDS) return false;
  // Title Case: every word but short ones ("a", "of", "the") opens with a capital or a digit
  if (!STARTS_CAP_OR_DIGIT.test(words[0] ?? '')) return false;
  if (!words.every((x) => STARTS_CAP_OR_DIGIT.test(x) || x.length <= 3)) return false;
  return timesElsewhere(scene, words.length, w.text.trim()) >= 1;
}
