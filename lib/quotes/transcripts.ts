/**
 * Transcripts: a run of paragraphs that each reopen the mark reads as one long quote;
 * each paragraph that starts with a speaker label ("PENCE: …") begins a quote of its own.
 * Pure: rewrites the list of kept quote spans.
 */
import type { QuoteSpan } from './marks';
import { isNobodysWords } from './statements';

/** What this pass needs of a kept quote. */
export interface SpanItem {
  span: QuoteSpan;
  text: string;
  parent: number | null;
}

const SPEAKER_LABEL = /^\p{Lu}[\p{Lu}.' -]{1,30}:\s/u;

/**
 * A transcript whose paragraphs each reopen the mark reads as one long quote; each
 * paragraph that starts with a speaker label ("PENCE: …") begins a quote of its own.
 */
export function splitTranscripts<T extends SpanItem>(text: string, kept: T[]): boolean {
  let split = false;
  for (let i = 0; i < kept.length; i++) {
    const w = kept[i] as T;
    const parts = w.span.parts;
    if (parts.length < 2) continue;
    const cuts = [0];
    for (let j = 1; j < parts.length; j++) {
      const [s] = parts[j] as [number, number];
      if (SPEAKER_LABEL.test(text.slice(s, s + 40))) cuts.push(j);
    }
    if (cuts.length < 2) continue;
    const pieces: T[] = cuts.flatMap((c, n) => {
      // stage directions and the sign-off are paragraphs of the transcript no one says
      const sub = parts
        .slice(c, cuts[n + 1] ?? parts.length)
        .filter(([a, b]) => !isNobodysWords(text.slice(a, b)));
      if (sub.length === 0) return [];
      const first = sub[0] as [number, number];
      const last = sub[sub.length - 1] as [number, number];
      const span: QuoteSpan = {
        ...w.span,
        open: n === 0 ? w.span.open : first[0] - 1,
        close: n === cuts.length - 1 ? w.span.close : last[1],
        parts: sub,
        block: n === 0 ? w.span.block : blockOf(w.span, c),
      };
      return [{ ...w, span, text: sub.map(([a, b]) => text.slice(a, b)).join('\n') }];
    });
    kept.splice(i, 1, ...pieces);
    i += pieces.length - 1;
    split = true;
  }
  return split;
}

/** Parents again after quotes were split: the innermost earlier quote that contains each one. */
export function nestByContainment(kept: SpanItem[]): void {
  const stack: number[] = [];
  kept.forEach((w, i) => {
    while (stack.length > 0) {
      const top = kept[stack[stack.length - 1] as number] as SpanItem;
      if (w.span.open > top.span.open && w.span.close <= top.span.close && w.span.family !== 'bq')
        break;
      stack.pop();
    }
    w.parent = stack.length > 0 ? (stack[stack.length - 1] as number) : null;
    stack.push(i);
  });
}

function blockOf(span: QuoteSpan, partIndex: number): number {
  return span.block + partIndex;
}
