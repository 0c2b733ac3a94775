/** The content script's first, cheap look at a page: is there an article here at all? */

/** Cheap article signals, for the content script's first look at a page. */
const ARTICLE_OG_TYPE = 'article';
const ARTICLE_LD_TYPE =
  /"@type"\s*:\s*\[?\s*"(?:News|Reportage|Analysis|Opinion|Review|Background|Scholarly|Tech)?Article"|"@type"\s*:\s*\[?\s*"(?:BlogPosting|LiveBlogPosting)"/;
const MIN_ARTICLE_PARAGRAPHS = 4;
/** Microdata and microformats of a post or article body. */
const ARTICLE_STRUCTURE =
  '[itemtype*="Article"], [itemtype*="BlogPosting"], [itemprop~="articleBody"], .hentry, .h-entry, .entry-content, .post-body';
const MIN_ARTICLE_PARAGRAPH_CHARS = 80;

/**
 * A very cheap first look, for the content script before it runs anything heavier: does the
 * page declare itself an article, or hold enough running text to be one?
 */
export function looksLikeArticle(doc: Document): boolean {
  // Declarations first (a handful of tags), then structure, then running text.
  for (const meta of doc.getElementsByTagName('meta')) {
    const property = meta.getAttribute('property') || meta.getAttribute('name');
    if (
      property === 'og:type' &&
      (meta.getAttribute('content') || '').trim().toLowerCase() === ARTICLE_OG_TYPE
    ) {
      return true;
    }
  }
  for (const script of doc.getElementsByTagName('script')) {
    if (script.getAttribute('type') !== 'application/ld+json') continue;
    if (ARTICLE_LD_TYPE.test(script.textContent || '')) return true;
  }
  if (doc.getElementsByTagName('article').length > 0) return true;
  if (doc.querySelector(ARTICLE_STRUCTURE)) return true;
  let long = 0;
  for (const p of doc.getElementsByTagName('p')) {
    if ((p.textContent || '').length >= MIN_ARTICLE_PARAGRAPH_CHARS) {
      long++;
      if (long >= MIN_ARTICLE_PARAGRAPHS) return true;
    }
  }
  return false;
}
