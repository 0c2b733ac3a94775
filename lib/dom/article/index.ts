/**
 * Finds the main article of a Document the way a careful reader does: the headline, the
 * standfirst, the body paragraphs, captions, pull quotes and embedded posts, in reading order;
 * navigation, teasers, comments, newsletters, footers, banners and hidden text are left out.
 *
 * Ideas from Mozilla Readability (paragraph scores flowing to ancestors, class weights, link
 * density, sibling joining), but NON-DESTRUCTIVE: it never mutates the DOM, because it runs on
 * the live page in the content script as well as over a linkedom document in Node. It must also
 * never read layout (no getComputedStyle / offsetHeight): everything is decided from tags,
 * attributes and text, in a few linear passes. On the live page it runs cold, once per page,
 * within a main-thread budget: `findArticleTask` is the same work in resumable steps, and the
 * hot loops use native string operations rather than JavaScript per character.
 *
 * The passes, one file each: measure.ts (pass one, with boilerplate-names.ts and
 * visibility.ts), scoring.ts and siblings.ts (pass two), headline.ts, blocks.ts and intro.ts
 * (pass three, with bylines-dates.ts).
 */
import { BlockCollector, dropRepeats } from './blocks';
import { chooseHeadline } from './headline';
import { collectIntro, relabelIntro } from './intro';
import { Analyser } from './measure';
import { chooseScope, type Scope } from './scope';
import { chooseTopCandidate } from './scoring';
import { bodyUnderHeadline, headlineArticle, joinSiblings } from './siblings';
import type { Analysis, ArticleBlock } from './types';

export { foldDateText, isDateText } from './bylines-dates';
export { MAX_DOM_DEPTH } from './elements';
export { looksLikeArticle } from './looks-like-article';
export { analyse } from './measure';
export type { Analysis, ArticleBlock, Stats } from './types';
export { isHiddenElement, isRendered } from './visibility';

/** Where the article is: the body's containers in order, and the headline if one was found. */
export interface ArticleRegion {
  /** The top container and the siblings that joined it, in document order. */
  content: Element[];
  headline: Element | null;
  /** @internal pass-one measurements, reused by the block walk. */
  analysis: Analysis;
}

/** How much of the page pass one measures. */
export interface FindOptions {
  /** Measure every node of the page, not only the scope the native pre-pass picks (scope.ts). */
  wholePage?: boolean;
}

/** Runs a task of this module to its end, without pausing. */
function runToEnd<T>(task: Generator<void, T, void>): T {
  for (;;) {
    const step = task.next();
    if (step.done) return step.value;
  }
}

/** Locates the article body and its headline without collecting blocks. Null: no article. */
export function findArticleRegion(doc: Document, options?: FindOptions): ArticleRegion | null {
  return runToEnd(findArticleRegionTask(doc, () => false, options));
}

function* findArticleRegionTask(
  doc: Document,
  due: () => boolean,
  options?: FindOptions,
): Generator<void, ArticleRegion | null, void> {
  // The whole document, not doc.body: a lenient parser (linkedom) may leave a page with
  // several <body> elements, where a browser would have merged them into one.
  const root = doc.documentElement;
  if (!root) return null;
  const scope: Scope = options?.wholePage ? { roots: [root], body: null } : chooseScope(doc);
  if (due()) yield;
  const region = yield* regionIn(doc, scope.roots, due);
  const body = scope.body;
  // The pre-pass and pass two disagree about where the body is: measure the whole page.
  if (body && !region?.content.some((c) => c.contains(body) || body.contains(c))) {
    return yield* regionIn(doc, [root], due);
  }
  return region;
}

/** Pass one over `roots`, then passes two and three's choice of the region. */
function* regionIn(
  doc: Document,
  roots: Element[],
  due: () => boolean,
): Generator<void, ArticleRegion | null, void> {
  const analyser = new Analyser(roots);
  while (!analyser.run(due)) yield;
  const analysis = analyser.analysis;
  if (due()) yield;
  const chosen = chooseTopCandidate(analysis);
  if (!chosen) return null;
  let content = joinSiblings(chosen.top, analysis, chosen.scores);
  const headline = chooseHeadline(doc, analysis, content);
  if (headline && !content.some((c) => c.contains(headline))) {
    const story = bodyUnderHeadline(headline, content, analysis, chosen.scores);
    if (story) content = joinSiblings(story, analysis, chosen.scores);
  }
  const own = headline && headlineArticle(headline, content, analysis);
  if (own) content = [own];
  return { content, headline, analysis };
}

/**
 * The main article's blocks in reading order: headline, standfirst, body paragraphs,
 * headings, captions, pull quotes, embedded posts. Empty when nothing reads like an article.
 * Never mutates the document.
 */
export function findArticle(doc: Document, options?: FindOptions): ArticleBlock[] {
  return runToEnd(findArticleTask(doc, () => false, options));
}

/**
 * `findArticle` in resumable steps, for the live page: it yields whenever `due()` says the
 * current slice has run long enough (checked every few hundred nodes of the page walk and
 * between passes) and returns the same blocks. The caller lets the page run at each yield and
 * then resumes it; a page that changes meanwhile is read as it is when the walk gets there.
 */
export function* findArticleTask(
  doc: Document,
  due: () => boolean = () => false,
  options?: FindOptions,
): Generator<void, ArticleBlock[], void> {
  const region = yield* findArticleRegionTask(doc, due, options);
  if (!region) return [];
  if (due()) yield;
  const { content, headline, analysis: a } = region;

  const collector = new BlockCollector(a, headline);
  const first = content[0];
  if (first && headline && !content.some((c) => c.contains(headline))) {
    collectIntro(collector, a, headline, first);
  }
  for (const el of content) collector.collect(el, null);
  return relabelIntro(dropRepeats(collector.blocks, a), a);
}
