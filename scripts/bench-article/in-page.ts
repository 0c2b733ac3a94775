/**
 * Bundled into one script and run inside each benchmark page (bench:article): QuoteLens's
 * finder on the live DOM, with its layout, and Mozilla's Readability on a clone of the same
 * DOM. Each returns the article text and the milliseconds it took, first call on the page.
 */
import { Readability } from '@mozilla/readability';
import { findArticle } from '../../lib/dom/article';
import { bodyBlocks } from '../../lib/dom/article/body';
import { buildTextModel } from '../../lib/dom/text-model';

export interface InPageResult {
  /** The whole article as QuoteLens reads it (the text model). */
  text: string;
  /** Its body alone (no headline, bylines, captions), what the benchmark marks. */
  body: string;
  ms: number;
  error?: string;
}

function ours(): InPageResult {
  try {
    const t0 = performance.now();
    const blocks = findArticle(document);
    const ms = performance.now() - t0;
    return {
      text: buildTextModel(blocks, document).model.text,
      body: buildTextModel(bodyBlocks(blocks), document).model.text,
      ms,
    };
  } catch (err) {
    return { text: '', body: '', ms: 0, error: String(err) };
  }
}

function readability(): InPageResult {
  try {
    const t0 = performance.now();
    // Readability changes the document it reads: give it a copy.
    const copy = document.cloneNode(true) as Document;
    const article = new Readability(copy).parse();
    const ms = performance.now() - t0;
    const text = article?.textContent ?? '';
    return { text, body: text, ms };
  } catch (err) {
    return { text: '', body: '', ms: 0, error: String(err) };
  }
}

(globalThis as unknown as { __qlArticleBench: unknown }).__qlArticleBench = { ours, readability };
