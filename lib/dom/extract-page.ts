/**
 * The whole pipeline on one document: main article → text model → quote engine. The content
 * script and the command line both call this, so they find the same quotes. Reads the DOM,
 * never mutates it; no browser APIs beyond the Document it is given.
 */
import { extractQuotes } from '../quotes/index';
import type { Extraction } from '../quotes/types';
import { type ArticleBlock, findArticle } from './article';
import { buildTextModel, type PageText } from './text-model';

export interface PageExtraction extends PageText {
  blocks: ArticleBlock[];
  extraction: Extraction;
}

export function extractFromDocument(doc: Document): PageExtraction {
  const blocks = findArticle(doc);
  const { model, map } = buildTextModel(blocks, doc);
  const extraction = extractQuotes(model);
  return { blocks, model, map, extraction };
}
