/**
 * Runs in the page (Playwright's or puppeteer's `page.evaluate(selectText, needle)`): selects
 * the first occurrence of `needle` in the article's text (the body's where there is no
 * <article>), as a reader's drag would. False where the text is not on the page.
 */
export function selectText(needle: string): boolean {
  const walker = document.createTreeWalker(
    document.querySelector('article') ?? document.body,
    NodeFilter.SHOW_TEXT,
  );
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + needle.length);
    const sel = getSelection();
    sel?.removeAllRanges();
    sel?.addRange(range);
    return true;
  }
  return false;
}
