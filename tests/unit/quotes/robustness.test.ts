/** The engine never throws on odd models and keeps its output consistent. */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../lib/quotes/index';
import type { TextModel } from '../../../lib/quotes/types';
import { modelOf } from './model';

describe('odd input', () => {
  it('returns nothing for an empty model', () => {
    expect(extractQuotes({ text: '', blocks: [], inline: [] })).toEqual({
      quotes: [],
      speakers: [],
    });
  });

  it('survives marks only, empty blocks and out-of-range inline spans', () => {
    const m: TextModel = {
      text: '"\n\'\n“”\n',
      blocks: [
        { kind: 'paragraph', start: 0, end: 1 },
        { kind: 'paragraph', start: 2, end: 3 },
        { kind: 'paragraph', start: 4, end: 6 },
        { kind: 'paragraph', start: 7, end: 7 },
      ],
      inline: [{ kind: 'q', start: 50, end: 40 }],
    };
    expect(() => extractQuotes(m)).not.toThrow();
  });

  it('keeps ids, offsets, parents and speaker ids consistent', () => {
    const m = modelOf([
      'Coach Rui Sato said: "We heard them shout \'go home\' - Sato recalled the night - and we stayed."',
      '"Next year," Sato added, "we win."',
    ]);
    const ex = extractQuotes(m);
    ex.quotes.forEach((q, i) => {
      expect(q.id).toBe(i);
      expect(m.text.slice(q.start, q.end).length).toBeGreaterThan(0);
      expect(q.text.startsWith(m.text.slice(q.start, q.start + 5))).toBe(true);
      if (q.parent !== null) expect(q.parent).toBeLessThan(i);
      if (q.speakerId !== null) expect(ex.speakers[q.speakerId]?.name).toBe(q.speaker);
    });
    const counted = ex.speakers.reduce((n, s) => n + s.count, 0);
    expect(counted).toBe(ex.quotes.filter((q) => q.speaker !== null).length);
  });
});
