/**
 * The quote engine run off the page's main thread: the content script posts the text model
 * to the background, which runs `extractQuotes` and answers. Keeps the engine (and its
 * lexicons) out of the content script, so the page pays only for reading its DOM and drawing.
 * Both halves are here: `serveEngineRequest` (background side, validates its input) and
 * `remoteExtract` (content side). The transport is injected: no WXT, no browser globals.
 */
import type { EngineReply, EngineRequest } from '../messages';
import type { BlockKind, Extraction, TextModel } from '../quotes/types';

const KINDS = new Set<BlockKind>([
  'headline',
  'standfirst',
  'heading',
  'paragraph',
  'caption',
  'blockquote',
  'list-item',
  'byline',
  'other',
]);

/** A reason the value is not a well-formed TextModel, or null when it is. */
export function textModelProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return 'the text model is missing';
  const m = value as Partial<TextModel>;
  if (typeof m.text !== 'string') return 'the text model has no text';
  if (!Array.isArray(m.blocks)) return 'the text model has no blocks';
  const n = m.text.length;
  for (const b of m.blocks) {
    if (
      typeof b !== 'object' ||
      b === null ||
      !KINDS.has(b.kind) ||
      !Number.isInteger(b.start) ||
      !Number.isInteger(b.end) ||
      b.start < 0 ||
      b.end < b.start ||
      b.end > n
    ) {
      return 'a block of the text model is out of range';
    }
  }
  if (!Array.isArray(m.inline)) return 'the text model has no inline spans';
  for (const s of m.inline) {
    if (
      typeof s !== 'object' ||
      s === null ||
      s.kind !== 'q' ||
      !Number.isInteger(s.start) ||
      !Number.isInteger(s.end) ||
      s.start < 0 ||
      s.end < s.start ||
      s.end > n
    ) {
      return 'an inline span of the text model is out of range';
    }
  }
  if (m.lang !== undefined && typeof m.lang !== 'string') return 'the page language is not text';
  return null;
}

/** Background side: answers one engine request (never throws). */
export function serveEngineRequest(
  request: EngineRequest,
  extract: (model: TextModel) => Extraction,
): EngineReply {
  const problem = textModelProblem(request.model);
  if (problem) return { ok: false, error: `QuoteLens could not read this page: ${problem}.` };
  try {
    return { ok: true, extraction: extract(request.model) };
  } catch (err) {
    return { ok: false, error: `The quote engine failed: ${(err as Error)?.message ?? err}` };
  }
}

/** Content side: runs the engine in the background through `send` (runtime.sendMessage). */
export function remoteExtract(
  send: (request: EngineRequest) => Promise<unknown>,
  timeoutMs = 20_000,
): (model: TextModel) => Promise<Extraction> {
  return async (model) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('the quote engine did not answer')), timeoutMs);
    });
    try {
      const reply = (await Promise.race([send({ type: 'engine:extract', model }), timeout])) as
        | EngineReply
        | undefined;
      if (!reply || typeof reply !== 'object') throw new Error('the quote engine did not answer');
      if (!reply.ok) throw new Error(reply.error);
      return reply.extraction;
    } finally {
      clearTimeout(timer);
    }
  };
}
