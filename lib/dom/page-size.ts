/**
 * Is a page too large to read at all? Asked before anything else looks at it, so a page of a
 * million elements is turned away for a few ms instead of after a whole read budget spent
 * walking it (and the garbage collector's time tracing the wrappers that walk made).
 * Counts natively (a live element collection, stepped by index, so nothing of ours visits each
 * element) and stops at the limit: the cost follows the limit, never the page.
 */

/**
 * Elements beyond which a page cannot be read and drawn within one run's read budget (1.5 s).
 * Measured in Chromium on the 2-core CI machine, a synthetic page of rows of spans: finding the
 * article took 175 ms at 100,000 elements and 515 ms at 300,000, and adopting the highlight
 * colours restyled it for as long again (184 and 565 ms); at 1.1 million the finder gave up
 * after the whole 1.5 s. The largest of the 271 real pages of ../shared/corpus/pages holds
 * about 13,000 elements.
 */
export const MAX_READ_ELEMENTS = 400_000;

/** Elements counted between checks of the slice's clock (about 2 ms of native walking). */
const COUNT_STEP = 25_000;

/**
 * Resolves to whether `doc` holds more than `limit` elements, yielding whenever `due()` says the
 * slice is used up. HTMLCollection keeps its last position, so each step walks on from there.
 */
export function* tooManyElementsTask(
  doc: Document,
  limit = MAX_READ_ELEMENTS,
  due: () => boolean = () => false,
): Generator<void, boolean, void> {
  const all = doc.getElementsByTagName('*');
  for (let at = COUNT_STEP; at < limit; at += COUNT_STEP) {
    if (all.item(at) === null) return false;
    if (due()) yield;
  }
  return all.item(limit) !== null;
}
