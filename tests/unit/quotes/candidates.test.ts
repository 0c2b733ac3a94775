import { describe, expect, it } from 'vitest';
import { type Decision, extractQuotes } from '../../../lib/quotes/index';
import { rulesChooser } from '../../../lib/quotes/ranker';
import { modelOf, type Para } from './model';

/** Every candidate of every quote, as "name [via,…]". */
function candidates(paras: Para[]): string[][] {
  const ds: Decision[] = [];
  extractQuotes(modelOf(paras), { chooser: rulesChooser, record: (d) => ds.push(d) });
  return ds.map((d) => d.cands.map((c) => `${c.name ?? '∅'} [${[...c.via].sort().join(',')}]`));
}
const names = (paras: Para[]) =>
  candidates(paras).map((cs) => cs.map((c) => c.split(' [')[0] ?? c));

describe('candidate speakers of a quote', () => {
  it('always offers nobody', () => {
    expect(names(['"Nothing lasts forever."'])[0]).toContain('∅');
  });

  it('reads the cue widely too: "the sender vowed" is an unnamed sender', () => {
    const out = candidates(['Ines Varga opened it. The sender vowed to act "before the vote."']);
    expect(out[0]?.some((c) => c.startsWith('sender [') && c.includes('cue-wide'))).toBe(true);
  });

  it('offers, and the rules take, the cue that closes the sentence after its next quote', () => {
    const out = candidates([
      'Kitchen staff reported to their posts.',
      'In the control room, "nobody could reach the pumps," which had failed, and "the alarms stayed silent," the report states.',
    ]);
    expect(out[0]?.find((c) => c.startsWith('report ['))).toContain('cue-next');
    expect(out[0]?.find((c) => c.startsWith('report ['))).toContain('rules');
  });

  it('offers the name a source goes by: "the harbour officer known as Kit", "calling himself …"', () => {
    expect(
      names(['"No ship came," said the harbour officer known as Kit, on the radio.'])[0],
    ).toContain('Kit');
    const out = candidates(['"Close it," wrote a man calling himself Olaf Berg.']);
    expect(out[0]?.find((c) => c.startsWith('Olaf Berg'))).toContain('rules');
  });

  it('offers the name in apposition to a cue: "said his oldest friend, Bram Oyelowo"', () => {
    const out = names(['"He never slept," said his oldest friend, Bram Oyelowo, on Monday.']);
    expect(out[0]).toContain('Bram Oyelowo');
  });

  it('offers people named after the quote, in its paragraph or opening the next', () => {
    const out = candidates(['"We lost the harvest."', '— Teodora Lind, a farmer in Kelso.']);
    expect(out[0]?.some((c) => c.startsWith('Teodora Lind') && c.includes('later'))).toBe(true);
  });

  it('offers a sentence’s subject whatever the verb: "the council ordered "…""', () => {
    const out = names(['Later the judge Mirela Costa ordered the city "to stop at once."']);
    expect(out[0]).toContain('Mirela Costa');
  });

  it('takes the main clause’s subject, not the one of a clause opening with "when"', () => {
    const out = candidates([
      'Ines Rask said Omar Vell had asked for the keys. When she said no, Vell told her: "Then I will wait."',
    ]);
    expect(out[0]?.find((c) => c.startsWith('Omar Vell'))).toContain('subject');
    expect(out[0]?.find((c) => c.startsWith('Ines Rask'))).not.toContain('subject');
  });

  it('reads "he" every way: the sentence’s subject and the latest man are both candidates', () => {
    const out = candidates([
      'Governor Piet Alder met Senator Jonas Wren. Alder spoke first.',
      '"We agree on roads," he said.',
    ]);
    const alder = out[0]?.find((c) => c.startsWith('Piet Alder'));
    expect(alder).toBeDefined();
    expect(out[0]?.find((c) => c.startsWith('Jonas Wren'))).toBeDefined();
  });

  it('marks the one today’s rules pick', () => {
    const out = candidates(['"It will rain," said Ana Puig.']);
    expect(out[0]?.find((c) => c.includes('rules'))).toMatch(/^Ana Puig/);
  });

  it('offers the previous speaker and the one before, for interviews that alternate', () => {
    const out = candidates([
      '"Why now?" asked Ruth Dane.',
      '"Because it is time," said Omar Haddad.',
      '"And then?"',
    ]);
    const third = out[2] ?? [];
    expect(third.find((c) => c.startsWith('Omar Haddad'))).toContain('prev');
    expect(third.find((c) => c.startsWith('Ruth Dane'))).toContain('prev2');
  });

  it('never offers a photographer from a credit line ("Win McNamee/Getty Images", "© …")', () => {
    const out = names([
      'Officials met on Monday to discuss the fire.',
      'Tova Rask/Getty Images',
      '© Provided by Lakeside Media Group',
      '"We forgive him," the relative said.',
    ]);
    expect(out[0]).not.toContain('Tova Rask');
    expect(out[0]).not.toContain('Lakeside Media Group');
  });

  it('still reads names around a spaced slash in prose: "the duo Ana Ruiz / Ben Oak"', () => {
    const out = names([
      'The duo Ana Ruiz / Ben Oak met the council.',
      '"We are ready," Ana Ruiz said.',
    ]);
    expect(out[0]).toContain('Ana Ruiz');
  });

  it('reads "another commonwealth Democrat" whole: a capitalised head after a plain noun', () => {
    const out = names(['"He is steady," added another commonwealth Democrat.']);
    expect(out[0]).toContain('commonwealth Democrat');
    expect(names(['"We did not know," said an aide Tom Hale.'])[0]).not.toContain('aide Tom Hale');
  });
});

describe('names a Title Case headline cannot vouch for', () => {
  const headline = (text: string): Para => ({ text, kind: 'headline' });

  it('offers no name read only from a headline that capitalises every word', () => {
    const out = names([
      headline('Baker Wins After Oven She Built Herself “Baked Like A Dream”'),
      'A baker in Tarn has won the county prize with bread from an oven she built.',
    ]);
    expect(out[0]).not.toContain('Baker Wins');
    expect(out[0]).not.toContain('Wins');
  });

  it('still offers a headline name the body writes too', () => {
    const out = names([
      headline('Mayor Hale Says Bridge “Will Open In May”'),
      'Mayor Tom Hale spoke to residents on Monday about the bridge.',
    ]);
    expect(out[0]?.some((n) => n.includes('Hale'))).toBe(true);
  });
});

describe('descriptions and words that are no one', () => {
  it('ends a description at a word opening a clause: "described how her husband" is no one', () => {
    const out = names([
      'A farmer who mended an old mill has described how her husband was “amazed at the sound” when it turned.',
    ]);
    expect(out[0]?.some((n) => /^how\b/.test(n))).toBe(false);
  });

  it('never reads an indefinite pronoun as a name: "Something", "Nobody"', () => {
    const out = names([
      '“I am writing to warn you,” the letter began. “Something big is coming. Nobody knows.”',
    ]);
    for (const cs of out) {
      expect(cs).not.toContain('Something');
      expect(cs).not.toContain('Nobody');
    }
  });
});

describe('one-word names that only open sentences', () => {
  it('offers no adjective opening a sentence as a speaker: "Cheeky horror game …"', () => {
    const out = names([
      'Cheeky horror game “Night Farm” was a hit, channelling the classic “teens in the woods” trope.',
    ]);
    for (const cs of out) expect(cs).not.toContain('Cheeky');
  });

  it('takes a word after a quote that ended its sentence as an opener: "… it.” Pacing …"', () => {
    const out = names([
      'Coaches tell runners: “Start slow and finish fast. That is the whole trick.” Pacing matters more than speed on the long runs.',
    ]);
    for (const cs of out) expect(cs).not.toContain('Pacing');
  });

  it('still offers a surname the page also writes mid-sentence', () => {
    const out = names([
      'Reporters asked Hale about the plan. Hale said it was “a gift to the banks.”',
    ]);
    expect(out[0]).toContain('Hale');
  });
});

describe('participles opening a sentence', () => {
  it('never makes "Recovering myself, I …" someone the text can later call "he"', () => {
    const out = names([
      'Recovering myself, I walked to the desk and asked the clerk again.',
      '“I would rather not,” he replied.',
    ]);
    for (const cs of out) expect(cs).not.toContain('Recovering');
  });
});

describe('one-word names of people already met', () => {
  it('offers "H.Lind noted …" opening a sentence after "Hilda Lind" was named', () => {
    const out = names([
      'Political analyst Hilda Lind spoke to the paper about the summit.',
      'H.Lind noted that the talks were hard: “The region depends on them.”',
    ]);
    expect(out[0]?.some((n) => n.includes('Lind'))).toBe(true);
  });

  it('offers a definite role before anyone spoke as the latest person met', () => {
    const out = candidates([
      'Nora Vell avoided the press for weeks.',
      'The nominee herself answered callers on a phone-in, calling the audit “a distraction from what voters want.”',
    ]);
    expect(out[0]?.some((c) => c.startsWith('Nora Vell ['))).toBe(true);
  });

  it('offers no one named inside the marks of a programme’s title', () => {
    const out = names([
      'Columnist Paul Brandt, who had sparred with a rival all week, argued on the radio show "Evening Ray" that "the council no longer listens to anyone outside it."',
    ]);
    expect(out[0]).toEqual(['Paul Brandt', '∅']);
  });

  it('offers no party tag and no dateline as a speaker', () => {
    const tag = names(['Senator Lia Moss (R) has called for “plain answers” on the budget.']);
    expect(tag[0]).not.toContain('R');
    const dated = names([
      'ARDEN CITY, Ore. — The pastor of a small church said he was stunned.',
      'Tom Reyes said the man had come twice.',
      '“We never taught anything like that,” he said.',
    ]);
    expect(dated.at(-1)).not.toContain('ARDEN CITY');
    expect(dated.at(-1)).toContain('Tom Reyes');
  });
});
