import { describe, expect, it } from 'vitest';
import { contextSpeaker, sameSentence } from '../../../lib/quotes/context';
import type { CueContext } from '../../../lib/quotes/cues';
import { findQuoteSpans, type QuoteSpan } from '../../../lib/quotes/marks';
import { tokenize } from '../../../lib/quotes/tokens';
import { splitTranscripts } from '../../../lib/quotes/transcripts';
import { modelOf } from './model';

/** The i-th span, or a clear failure. */
function at(spans: QuoteSpan[], i: number): QuoteSpan {
  const s = spans[i];
  if (!s) throw new Error(`no quote span ${i}`);
  return s;
}

function setup(paras: string[]) {
  const m = modelOf(paras);
  const spans = findQuoteSpans(m);
  const ctx: CueContext = {
    text: m.text,
    tokens: tokenize(m.text),
    markStarts: new Set(spans.map((s) => s.open)),
    markEnds: new Set(spans.map((s) => s.close)),
  };
  return { m, ctx, spans };
}

describe('context', () => {
  it('finds the speaker reported just before a quote with no cue', () => {
    const { ctx, spans } = setup([
      'Engineer Priya Nair said the cables had rusted.',
      '"You cannot see it from the deck."',
    ]);
    expect(contextSpeaker(ctx, at(spans, 0))?.mention.name).toBe('Priya Nair');
  });

  it('reads a word of saying used as a noun as no verb ("according to a post from …")', () => {
    const { ctx, spans } = setup([
      'Engineer Priya Nair said the cables had rusted. Repairs will wait, according to a post from the port.',
      '"You cannot see it from the deck."',
    ]);
    expect(contextSpeaker(ctx, at(spans, 0))?.mention.name).toBe('Priya Nair');
  });

  it('knows two quotes of one sentence from two sentences', () => {
    const a = setup(['She called it "slow" and "costly" in May.']);
    expect(sameSentence(a.ctx, at(a.spans, 0), at(a.spans, 1))).toBe(true);
    const b = setup(['She called it "slow." Later "costly" came up.']);
    expect(sameSentence(b.ctx, at(b.spans, 0), at(b.spans, 1))).toBe(false);
  });

  it('splits a reopened transcript at each speaker label', () => {
    const { m, spans } = setup(['"HOST: Are you running?', '"GUEST: No.', '"HOST: Why?"']);
    const items = spans.map((span) => ({ span, text: '', parent: span.parent }));
    expect(items).toHaveLength(1);
    expect(splitTranscripts(m.text, items)).toBe(true);
    expect(items.map((i) => i.text)).toEqual([
      'HOST: Are you running?',
      'GUEST: No.',
      'HOST: Why?',
    ]);
  });
});
