import { describe, expect, it } from 'vitest';
import { cueAfter } from '../../../lib/quotes/cue-after';
import { type CueContext, cueBefore, cueTranscript } from '../../../lib/quotes/cues';
import { findQuoteSpans, type QuoteSpan } from '../../../lib/quotes/marks';
import { tokenize } from '../../../lib/quotes/tokens';
import { modelOf } from './model';

/** The i-th span, or a clear failure. */
function at(spans: QuoteSpan[], i: number): QuoteSpan {
  const s = spans[i];
  if (!s) throw new Error(`no quote span ${i}`);
  return s;
}

function setup(p: string) {
  const m = modelOf([p]);
  const spans = findQuoteSpans(m);
  const ctx: CueContext = {
    text: m.text,
    tokens: tokenize(m.text),
    markStarts: new Set(spans.map((s) => s.open)),
    markEnds: new Set(spans.map((s) => s.close)),
  };
  return { ctx, spans };
}

describe('cues', () => {
  it('reads the subject-verb and verb-subject orders after the quote', () => {
    const a = setup('"Not today," the coach said.');
    expect(cueAfter(a.ctx, at(a.spans, 0))?.mention.text).toBe('the coach');
    const b = setup('"Not today," said coach Lia Moreau.');
    expect(cueAfter(b.ctx, at(b.spans, 0))?.mention.name).toBe('Lia Moreau');
  });

  it('reads a capitalised word before a verb of saying as a name after a quote that goes on', () => {
    const a = setup('"It will hasten the end," Will wrote.');
    expect(cueAfter(a.ctx, at(a.spans, 0))?.mention.name).toBe('Will');
    const b = setup('"Fine," I said.');
    expect(cueAfter(b.ctx, at(b.spans, 0))).toBeNull();
  });

  it('reads the subject past a time phrase before the verb', () => {
    const a = setup('Mayor Ana Ruiz on Friday said: "It will work out."');
    expect(cueBefore(a.ctx, at(a.spans, 0), false)?.mention.name).toBe('Ana Ruiz');
    const b = setup('Priebus later Thursday told reporters: "We will meet."');
    expect(cueBefore(b.ctx, at(b.spans, 0), false)?.mention.name).toBe('Priebus');
  });

  it('reads the subject of a clause that introduces the quote with a colon', () => {
    const a = setup('Ana Ruiz didn’t mince words: "It is over."');
    expect(cueBefore(a.ctx, at(a.spans, 0), false)).toMatchObject({
      kind: 'colon',
      mention: { name: 'Ana Ruiz' },
    });
  });

  it('reads "The Arden Ledger reports:" as a name and its verb, not one description', () => {
    const a = setup('The Arden Ledger reports: "Fares rise in May."');
    expect(cueBefore(a.ctx, at(a.spans, 0), false)?.mention).toMatchObject({
      kind: 'name',
      name: 'Arden Ledger',
    });
    // (after an owner the word is a noun: the post is the source)
    const b = setup('From Ruiz\'s Tumblr post: "Fares rise in May."');
    expect(cueBefore(b.ctx, at(b.spans, 0), false)?.mention.text).toContain('post');
  });

  it('reads past a possessive place inside a body after a name: "X of Ostria’s Arden Bank"', () => {
    const a = setup('"Rates will rise," Teodor Vell of the Lowlands’ Arden Institute writes.');
    expect(cueAfter(a.ctx, at(a.spans, 0))?.mention.name).toBe('Teodor Vell');
    const b = setup('Teodor Vell of Ostria\'s Arden Bank said "rates will rise."');
    expect(cueBefore(b.ctx, at(b.spans, 0), false)?.mention.name).toBe('Teodor Vell');
    // (a phrase between the quote and the name: the verb closes the sentence)
    const c = setup('"Rates will rise" for years, Teodor Vell of Arden Bank writes.');
    expect(cueAfter(c.ctx, at(c.spans, 0))?.mention.name).toBe('Teodor Vell');
  });

  it('finds nothing after a quote that a cue does not follow', () => {
    const a = setup('"Not today," and then the rain came.');
    expect(cueAfter(a.ctx, at(a.spans, 0))).toBeNull();
  });

  it('reads the speech verb before the quote with its subject, not its listener', () => {
    const a = setup('Judge Omar Pell told the jurors that "the law is clear."');
    expect(cueBefore(a.ctx, at(a.spans, 0), true)?.mention.name).toBe('Omar Pell');
  });

  it('reads according to and its French and Spanish forms', () => {
    for (const p of [
      'According to Ruth Kane, "the vote is lost."',
      'Selon Ruth Kane, « le vote est perdu ».',
      'Según Ruth Kane, «el voto está perdido».',
    ]) {
      const a = setup(p);
      expect(cueBefore(a.ctx, at(a.spans, 0), false)?.mention.name).toBe('Ruth Kane');
    }
  });

  it('reads a transcript label at the start of the quote', () => {
    const a = setup('"HOST: Welcome back to the show."');
    expect(cueTranscript(a.ctx, at(a.spans, 0))?.mention.name).toBe('Host');
    const b = setup('"Welcome back: the show goes on."');
    expect(cueTranscript(b.ctx, at(b.spans, 0))).toBeNull();
  });
});

describe('subjects with places before their role', () => {
  it('reads the name after a bare role: "The Tarn, East Olvia, fire chief, Jon Velde, has said"', () => {
    const a = setup(
      'The Tarn, East Olvia, fire chief, Jon Velde, has asserted that crews "can go wherever they are needed".',
    );
    const cue = cueBefore(a.ctx, at(a.spans, 0), true, false);
    expect(cue?.mention.name).toBe('Jon Velde');
    expect(cue?.mention.role).toBe('fire chief');
  });

  it('keeps the opening name when the role after it has its own article', () => {
    const a = setup(
      'John Dickey, the chief executive of Varn, East Olvia, told me it "was a good year".',
    );
    expect(cueBefore(a.ctx, at(a.spans, 0), true, false)?.mention.name).toBe('John Dickey');
  });
});

describe('speech inside a relative clause', () => {
  it('gives "…, which tried … by saying "…"" to the noun before "which"', () => {
    const a = setup(
      'Mayor Ada Lind warned about the Varn party, which tried to rally support by saying that farmers were "leaving in droves."',
    );
    expect(cueBefore(a.ctx, at(a.spans, 0), true, false)?.mention.text).toBe('the Varn party');
  });

  it('keeps the main subject when no relative clause stands between: "X attacked it, saying"', () => {
    const a = setup('Senator Ada Lind attacked the plan, saying it was "a gift to the banks."');
    expect(cueBefore(a.ctx, at(a.spans, 0), true, false)?.mention.name).toBe('Ada Lind');
  });
});

describe('participles', () => {
  it('never reads the name after a participle as its subject: "In declaring Hale has "…""', () => {
    const a = setup('In declaring Hale has "no responsibility" for it, they miss the point.');
    expect(cueBefore(a.ctx, at(a.spans, 0), true, false)?.mention.name).not.toBe('Hale');
  });

  it('still reads "said X" inverted after a finite verb', () => {
    const a = setup('Then said Tom Hale: "We are done here."');
    expect(cueBefore(a.ctx, at(a.spans, 0), false, false)?.mention.name).toBe('Tom Hale');
  });

  it('reads a word of saying after "the" and a noun as a noun: "the fish counter"', () => {
    const a = setup('At the fish counter in the market, a sign advertised "Fresh mackerel today."');
    const cue = cueBefore({ ...a.ctx, wide: true }, at(a.spans, 0), true);
    expect(cue?.mention.text ?? null).not.toBe('the fish');
    // a verb agrees: "the council notes" is still a cue
    const b = setup('The council notes that "the plan was never costed."');
    expect(cueBefore({ ...b.ctx, wide: true }, at(b.spans, 0), true)?.mention.text).toBe(
      'The council',
    );
  });

  it('reads a document after "according to" through its word of saying: "the handwritten notes"', () => {
    const a = setup('According to the handwritten notes of the survey, "the herd moved north."');
    const cue = cueBefore({ ...a.ctx, wide: true }, at(a.spans, 0), false);
    expect(cue?.kind).toBe('according');
    expect(cue?.mention.role).toBe('handwritten notes of the survey');
    const b = setup('Nobody objected, according to the meeting minutes: "the motion carried."');
    expect(cueBefore({ ...b.ctx, wide: true }, at(b.spans, 0), false)?.mention.role).toBe(
      'meeting minutes',
    );
  });

  it('reads "add" before an amount as counting, not saying', () => {
    const a = setup(
      'A spokesperson for the ferry line said that the closure would add about an hour to each crossing: "We are sorry."',
    );
    expect(cueBefore({ ...a.ctx, wide: true }, at(a.spans, 0), false)?.mention.role).toBe(
      'spokesperson for the ferry line',
    );
  });

  it('takes "began" after a quote as a word of saying: "…," the letter began', () => {
    const a = setup('"Dear neighbours, we have news," the letter began.');
    expect(cueAfter({ ...a.ctx, wide: true }, at(a.spans, 0))?.mention.role).toBe('letter');
  });
});

describe('clause structure around the cue', () => {
  it('never reads the object of a participle after the quote as its subject', () => {
    const a = setup('He called it a "misreading," describing the crew as skilled.');
    expect(cueAfter(a.ctx, at(a.spans, 0))).toBeNull();
  });

  it('reads the subject past an opening time phrase or "Like X,"', () => {
    const a = setup(
      'Hours later, Dan Ames returned the favour, telling Reuters, "We are old friends."',
    );
    expect(cueBefore(a.ctx, at(a.spans, 0), false)?.mention.name).toBe('Dan Ames');
    const b = setup(
      'Like Carr, Dana Mills rejected the plan, arguing that there is "room to move."',
    );
    expect(cueBefore(b.ctx, at(b.spans, 0), true)?.mention.name).toBe('Dana Mills');
  });

  it('reads a name after an unclosed description: "…," another friend, Mara Lind told CNN', () => {
    const a = setup('"She was kind to all," another friend, Mara Lind told CNN.');
    expect(cueAfter(a.ctx, at(a.spans, 0))?.mention).toMatchObject({
      name: 'Mara Lind',
      role: 'friend',
    });
    const b = setup('"We won," she said, Mara Lind added.');
    expect(cueAfter(b.ctx, at(b.spans, 0))?.mention.text).toBe('she');
  });

  it('skips the verb of a subordinate clause that closes before the quote', () => {
    const a = setup('Ruiz said that when Hale railed against the banks, "she spoke for us all."');
    expect(cueBefore(a.ctx, at(a.spans, 0), false)?.mention.name).toBe('Ruiz');
    const b = setup('When Hale said, "We will win," the crowd cheered.');
    expect(cueBefore(b.ctx, at(b.spans, 0), false)?.mention.name).toBe('Hale');
  });

  it('reads the subject before a progressive: "front-runner Jo Hale is insisting that"', () => {
    const a = setup(
      'Polls closed. Republican front-runner Jo Hale is insisting that he has “grown the party.”',
    );
    expect(cueBefore(a.ctx, at(a.spans, 0), true)?.mention.name).toBe('Jo Hale');
    // (no name there: the participle's main clause decides, as before)
    const b = setup('Ruiz said that for years some critics had been predicting “a retreat.”');
    expect(cueBefore(b.ctx, at(b.spans, 0), true)?.mention.name).toBe('Ruiz');
  });

  it('reads no speaker in the subject of a passive: "X has been described as “…” by"', () => {
    const a = setup(
      'The spate of strandings has been described as “heartbreaking” by the department.',
    );
    expect(cueBefore({ ...a.ctx, wide: true }, at(a.spans, 0), true)).toBeNull();
    const b = setup('Jo Hale was quoted as saying the plan was “heartbreaking.”');
    expect(cueBefore(b.ctx, at(b.spans, 0), true)?.mention.name).toBe('Jo Hale');
  });

  it('reads the agent of a passive verb of address: "was asked by host X"', () => {
    const a = setup('Ames was asked by host Bill Marsh, "Has that changed?"');
    expect(cueBefore(a.ctx, at(a.spans, 0), false)?.mention.name).toBe('Bill Marsh');
  });
});

describe('more cue shapes', () => {
  it('reads a name qualified by a mood after the quote: "…," an angry Hale retaliated', () => {
    const a = setup('"We will never give up," an angry Hale retaliated.');
    expect(cueAfter(a.ctx, at(a.spans, 0))?.mention.name).toBe('Hale');
  });

  it('reads an affiliation with lowercase links before the verb', () => {
    const a = setup('"It is a stretch," Jo Hale of the Center for Arms Control Studies wrote.');
    expect(cueAfter(a.ctx, at(a.spans, 0))?.mention.name).toBe('Jo Hale');
  });

  it('reads the subject of a participle after "with": "with Hale reportedly yelling: "…""', () => {
    const a = setup(
      'At a rally in Dover, Delaware, fans shoved a man, with Hale reportedly yelling: "Out!"',
    );
    expect(cueBefore(a.ctx, at(a.spans, 0), false)?.mention.name).toBe('Hale');
  });

  it('skips "As X spoke," when a main clause stands between it and the quote', () => {
    const a = setup('As Hale spoke, the lobby was busy, urging members against "any new rule."');
    expect(cueBefore(a.ctx, at(a.spans, 0), true)?.mention.name).not.toBe('Hale');
    const b = setup('As Hale told reporters, "We are ready."');
    expect(cueBefore(b.ctx, at(b.spans, 0), false)?.mention.name).toBe('Hale');
  });
});

describe('names closing the sentence', () => {
  it('reads the last name of "said Hale ally Jo Ruiz": the first one modifies a noun', () => {
    const name = (s: string) => {
      const a = setup(s);
      return cueAfter(a.ctx, at(a.spans, 0))?.mention.name;
    };
    expect(name('"He is a friend," said Hale ally Jo Ruiz.')).toBe('Jo Ruiz');
    expect(name('"He is a friend," said Hale ally Jo Ruiz of Dover.')).toBe('Jo Ruiz');
    expect(name('"He is a friend," said Hale on Monday.')).toBe('Hale');
    expect(name('"He is a friend," said Hale, who met Ruiz.')).toBe('Hale');
    expect(name('"He is a friend," said Hale voter Jo Ruiz when asked.')).toBe('Jo Ruiz');
    expect(name('"He is a friend," said Hale aide Jo Ruiz in a post.')).toBe('Jo Ruiz');
  });

  it('leaves a clause leading into the next quote to that quote: "…?" X writes back, "…"', () => {
    const name = (s: string) => {
      const a = setup(s);
      return cueAfter(a.ctx, at(a.spans, 0))?.mention.name;
    };
    expect(name('Ruiz asks Hale, "Why now?" Hale then writes back, "You look fine."')).toBe(
      undefined,
    );
    expect(name('"We won," Hale said, "and we will win again."')).toBe('Hale');
    expect(name('"Why now?" Hale wrote back.')).toBe('Hale');
  });

  it('reads the name in apposition to a role: ", said the bureau’s director, Jo Hale."', () => {
    const a = setup(
      'The bureau found no "ties of any note" between them, said the bureau’s director, Jo Hale.',
    );
    expect(cueAfter(a.ctx, at(a.spans, 0))?.mention).toMatchObject({ name: 'Jo Hale' });
  });
});

describe('quotes inside an opening clause', () => {
  it('gives no cue after a quote inside "After X said that …," to the main clause', () => {
    const a = setup(
      'After Ruiz said that students might do better at "less advanced schools," Hale said: "No."',
    );
    expect(cueAfter(a.ctx, at(a.spans, 0))).toBeNull();
    const b = setup('When asked about the vote "It was close," Hale said.');
    expect(cueAfter(b.ctx, at(b.spans, 0))?.mention.name).toBe('Hale');
  });
});

describe('documents that speak', () => {
  it('reads a document showing or finding as a cue, a person showing as none', () => {
    const a = setup('Court records show that the firm "knowingly misled investors."');
    expect(cueBefore({ ...a.ctx, wide: true }, at(a.spans, 0), true)?.mention.text).toMatch(
      /records/i,
    );
    const b = setup('The report found that the agency was "slow and disorganized."');
    expect(cueBefore({ ...b.ctx, wide: true }, at(b.spans, 0), true)?.mention.text).toMatch(
      /report/,
    );
    const c = setup('Hale showed the crowd a sign reading "No more."');
    expect(cueBefore({ ...c.ctx, wide: true }, at(c.spans, 0), true)?.mention.name).not.toBe(
      'Hale',
    );
  });
});

describe('a phrase owned by its coiner', () => {
  it('reads "in X’s phrase" as a cue in the plain reading', () => {
    const a = setup('It is, in economist Jo Hale’s phrase, "markets in everything" now.');
    expect(cueBefore(a.ctx, at(a.spans, 0), true)?.mention.name).toBe('Jo Hale');
  });
});
