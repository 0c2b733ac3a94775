/**
 * The article's body: its blocks less the headline, bylines and captions. QuoteLens reads the
 * whole article (a headline or a caption can quote someone); article-extraction benchmarks mark
 * the body alone, so that is what bench:article compares with them.
 */
import type { BlockKind } from '../../quotes/types';
import type { ArticleBlock } from './types';

const NOT_BODY: ReadonlySet<BlockKind> = new Set<BlockKind>(['headline', 'byline', 'caption']);

export function bodyBlocks(blocks: ArticleBlock[]): ArticleBlock[] {
  return blocks.filter((b) => !NOT_BODY.has(b.kind));
}
