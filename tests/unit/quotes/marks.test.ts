import { describe, expect, it } from 'vitest';
import { findQuoteSpans, spanText } from '../../../lib/quotes/marks';
import { modelOf, type Para } from './model';

const texts = (paras: Para[]) => {
  const m = modelOf(paras);
  return findQuoteSpans(m).map((s) => spanText(m.text, s));
};

describe('findQuoteSpans', () => {
  it('ends an embedded post at its signature line: a thread of posts is one quote per post', () => {
    const m = modelOf([
      'The bakery answered on its feed:',
      { text: '@rolls_fan We bake them at dawn, every day but Sunday.', kind: 'blockquote' },
      { text: '— Elm Bakery (@elmbakery) May 2, 2016', kind: 'blockquote' },
      { text: '@elmbakery Then I will come on Monday.', kind: 'blockquote' },
      { text: '— Tom Rell (@tomrell) May 2, 2016', kind: 'blockquote' },
    ]);
    expect(findQuoteSpans(m).map((s) => spanText(m.text, s))).toEqual([
      '@rolls_fan We bake them at dawn, every day but Sunday.',
      '@elmbakery Then I will come on Monday.',
    ]);
  });

  it('pairs curly, straight, guillemet, low-9 and corner marks', () => {
    expect(texts(['She said “go home” and left.'])).toEqual(['go home']);
    expect(texts(['He said "stay here" twice.'])).toEqual(['stay here']);
    expect(texts(['Il a dit « nous verrons » hier.'])).toEqual(['nous verrons']);
    expect(texts(['Er sagte „wir schaffen das“ laut.'])).toEqual(['wir schaffen das']);
    expect(texts(['彼は「行きます」と言った。'])).toEqual(['行きます']);
    expect(texts(['Sie sagte ‹ja› leise.'])).toEqual(['ja']);
  });

  it('reads straight single marks but not apostrophes, possessives, elisions or feet', () => {
    expect(texts(["The mayor's aide said 'we will see' on Monday."])).toEqual(['we will see']);
    expect(texts(["Music of the '90s isn't back, the boss' office said."])).toEqual([]);
    expect(texts(['The shelf is 6\' 2" tall and the screen 15" wide.'])).toEqual([]);
    expect(texts(["'Rock 'n' roll is here,' the band said."])).toEqual(["Rock 'n' roll is here,"]);
  });

  it('reads a plural possessive inside a single-quoted quote as an apostrophe', () => {
    expect(texts(["'We met the students' union today,' he said."])).toEqual([
      "We met the students' union today,",
    ]);
    expect(texts(["He quoted the 'founders' and left."])).toEqual(['founders']);
  });

  it('infers the direction of straight double marks from their neighbours', () => {
    expect(texts(['The envoy wrote:"Talks are over ". Nothing more.'])).toEqual(['Talks are over']);
    expect(texts(['"One," she said, "two."'])).toEqual(['One,', 'two.']);
  });

  it('nests an inner quote in an outer one and reports both', () => {
    const m = modelOf(['He said: "They told me \'wait here\' and went away."']);
    const spans = findQuoteSpans(m);
    expect(spans.map((s) => spanText(m.text, s))).toEqual([
      "They told me 'wait here' and went away.",
      'wait here',
    ]);
    expect(spans[1]?.parent).toBe(0);
  });

  it('runs a quote over paragraphs that each reopen the mark', () => {
    expect(
      texts(['She said: “The first part is here.', '“And the second part closes it.”']),
    ).toEqual(['The first part is here.\nAnd the second part closes it.']);
  });

  it('runs a quote over paragraphs when one mark stays open until a later paragraph', () => {
    expect(
      texts(['He said:"We keep going.', 'Nobody will stop us now. "', 'A new paragraph.']),
    ).toEqual(['We keep going.\nNobody will stop us now.']);
  });

  it('never lets an unbalanced mark swallow the rest of the page', () => {
    const paras = [
      'The chair said: “We will decide later.',
      'Plain text one.',
      'Plain text two.',
      'Plain text three.',
      'He said “yes” then.',
    ];
    const out = texts(paras);
    expect(out).toContain('yes');
    expect(out.every((t) => !t.includes('Plain text three'))).toBe(true);
  });

  it('takes <q> elements and quoting blockquotes as quotes', () => {
    const m = modelOf(['She called it a fair deal today.'], [{ kind: 'q', start: 14, end: 25 }]);
    expect(findQuoteSpans(m).map((s) => spanText(m.text, s))).toEqual(['a fair deal']);
    const b = modelOf([
      'Intro.',
      { text: 'We are ready for whatever comes next.', kind: 'blockquote' },
    ]);
    const spans = findQuoteSpans(b);
    expect(spans.map((s) => [s.family, spanText(b.text, s)])).toEqual([
      ['bq', 'We are ready for whatever comes next.'],
    ]);
  });

  it('is linear: a long page of unbalanced marks finishes fast', () => {
    const page = (n: number) =>
      modelOf(
        Array.from({ length: n }, (_, i) => `Para ${i} says “open and never closed and 'odd`),
      );
    // CPU time of the best of three runs: wall time swings with whatever else the machine runs
    const cpuMs = (n: number) => {
      const model = page(n);
      let best = Number.POSITIVE_INFINITY;
      for (let r = 0; r < 3; r++) {
        const u = process.cpuUsage();
        findQuoteSpans(model);
        const used = process.cpuUsage(u);
        best = Math.min(best, (used.user + used.system) / 1000);
      }
      return best;
    };
    const small = cpuMs(1250);
    const large = cpuMs(5000);
    // four times the text: about four times the work (a quadratic pass would be sixteen)
    expect(large / Math.max(small, 1)).toBeLessThan(8);
    expect(large).toBeLessThan(1000);
  });
});
