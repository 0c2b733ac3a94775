/**
 * The quote engine's entry point: pure, no DOM, no browser APIs.
 * TEMPORARY STUB until the engine lands: finds nothing.
 */
import type { Extraction, TextModel } from './types';

export type { Extraction, Quote, Speaker, TextModel, TextBlock } from './types';

export function extractQuotes(_model: TextModel): Extraction {
  return { quotes: [], speakers: [] };
}
