/** One test per attribution rule, on sentences written for these tests. */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../lib/quotes/index';
import { findQuoteSpans, spanText } from '../../../lib/quotes/marks';
import { rulesChooser, rulesJudge } from '../../../lib/quotes/ranker';
import { modelOf, type Para } from './model';

const run = (paras: Para[]) => extractQuotes(modelOf(paras)).quotes.map((q) => [q.text, q.speaker]);
/** The same, with the rules' judge keeping every span no rule drops: for tests of who speaks
 * where whether a lone line is a statement is the learned judge's near-even call. */
const runKept = (paras: Para[]) =>
  extractQuotes(modelOf(paras), { judge: rulesJudge }).quotes.map((q) => [q.text, q.speaker]);

describe('marks: archive styles', () => {
  it("reads two straight apostrophes as a double mark: ''like this''", () => {
    const m = modelOf(["''We are ready,'' said Mayor Tom Lee. It's late."]);
    expect(findQuoteSpans(m).map((s) => spanText(m.text, s))).toEqual(['We are ready,']);
    expect(run(["''We are ready,'' said Mayor Tom Lee."])).toEqual([['We are ready,', 'Tom Lee']]);
  });
});

describe('cues after the quote', () => {
  it('reads a signature line after a quote: “…” ― Name', () => {
    expect(run(['“The river is rising again.” ― Ana Petrova'])).toEqual([
      ['The river is rising again.', 'Ana Petrova'],
    ]);
  });

  it('skips a party tag between name and verb: "…" Rep. Jo Hart (D-Ore.) said', () => {
    expect(run(['"We need the vote today," Rep. Jo Hart (D-Ore.) said.'])).toEqual([
      ['We need the vote today,', 'Jo Hart'],
    ]);
  });

  it('reads an appositive between name and verb after the quote', () => {
    expect(
      run([
        '"Prices will fall," Ivo Marsh, an economist at a small bank in the north, one of many, said.',
      ]),
    ).toEqual([['Prices will fall,', 'Ivo Marsh']]);
  });

  it('reads "according to X" later in the sentence', () => {
    expect(run(['“Storms and heat” are to blame, according to the Weather Office.'])).toEqual([
      ['Storms and heat', 'Weather Office'],
    ]);
  });

  it('reads a passive agent: described as "…" by X', () => {
    expect(run(['The season was described as “brutal” by the Farmers Union.'])).toEqual([
      ['brutal', 'Farmers Union'],
    ]);
  });

  it('reads a short "X said." that closes the sentence after other words', () => {
    expect(run(['"The fund is empty" since the spring, Lea Brun said.'])).toEqual([
      ['The fund is empty', 'Lea Brun'],
    ]);
  });

  it('does not take a new sentence that starts with a name as the cue of a quote that ended', () => {
    const out = run([
      'Coach Eli Stone said: "We lost the match." Rita Cole said the team needs a new plan for the next season.',
    ]);
    expect(out).toEqual([['We lost the match.', 'Eli Stone']]);
  });
});

describe('cues before the quote', () => {
  it('takes the main subject for a participle: "X did Y, saying, "…""', () => {
    expect(
      run([
        'Senator Paul Grant attacked Ms Lina Ortiz over the budget, saying, "She cannot count."',
      ]),
    ).toEqual([['She cannot count.', 'Paul Grant']]);
  });

  it('never takes the listener of tell/ask as the speaker', () => {
    expect(run(['Nina Holt told Mark Dean that "the deal is off."'])).toEqual([
      ['the deal is off.', 'Nina Holt'],
    ]);
  });

  it('reads a noun after a possessive as a noun, not a speech verb', () => {
    const out = run([
      'Aid worker Sam Roy, 40, praised Governor Ken Ash’s remarks as "a good start."',
    ]);
    expect(out[0]?.[1]).toBe('Sam Roy');
  });

  it('reads "In X\'s words, "…""', () => {
    expect(
      run(['Professor Hana Weiss led the study. In Dr. Weiss’s words, "The signal is clear."']),
    ).toEqual([['The signal is clear.', 'Hana Weiss']]);
  });

  it('reads the author of a document: the tweet from X reads "…"', () => {
    expect(run(['The tweet from Harbor Radio reads, "Bridge closed until noon."'])).toEqual([
      ['Bridge closed until noon.', 'Harbor Radio'],
    ]);
  });

  it('keeps the article of a French described speaker', () => {
    expect(run(['Le gouvernement estime que ces profils passent « entre les gouttes ».'])).toEqual([
      ['entre les gouttes', 'Le gouvernement'],
    ]);
  });
});

describe('context: quotes with no cue of their own', () => {
  it('gives every fragment of one sentence its speaker', () => {
    const out = run([
      'Mayor Ruth Vance called the plan "reckless" and "a waste of money" on Friday.',
    ]);
    expect(out).toEqual([
      ['reckless', 'Ruth Vance'],
      ['a waste of money', 'Ruth Vance'],
    ]);
  });

  it('resolves "he said" to the person last reported speaking, not the last name read', () => {
    const out = run([
      'Senator Omar Lund said he did not think the rules hurt Ivan Petrov last year.',
      '"It is about the money," he said.',
    ]);
    expect(out).toEqual([['It is about the money,', 'Omar Lund']]);
  });

  it('agrees pronouns with the gender of common first names', () => {
    const out = run(['Mary Quinn met John Ash at the port. "It was a long day," she said.']);
    expect(out).toEqual([['It was a long day,', 'Mary Quinn']]);
  });

  it('gives a pull quote the speaker of the body quote it repeats', () => {
    const out = run([
      { text: '“Nobody here wants a second tunnel.”', kind: 'blockquote' },
      'Planner Dora Fell spoke to residents. "Nobody here wants a second tunnel. We will listen," Ms Fell said.',
    ]);
    expect(out[0]).toEqual(['Nobody here wants a second tunnel.', 'Dora Fell']);
  });

  it('splits a transcript whose paragraphs reopen the mark at each speaker label', () => {
    const out = run([
      'Host Lee Park spoke with Governor Amy Cruz.',
      '"PARK: Will you run?',
      '"CRUZ: Not this year.',
      '"PARK: Why not?"',
    ]);
    expect(out.map((q) => q[1])).toEqual(['Lee Park', 'Amy Cruz', 'Lee Park']);
  });

  it('leaves a quote nobody is named for with no speaker', () => {
    // whether a lone line is a statement is the learned judge's call, near even for a page of
    // one line; this is about whose it is once kept
    expect(runKept(['"Nothing lasts forever."'])).toEqual([['Nothing lasts forever.', null]]);
  });

  it('keeps a quoted word in a Title Case headline, where every word is capitalised', () => {
    // no rule drops it as a title or a name; whether one headline word is a statement is then
    // the learned judge's near-even call, which a retrain moves, so the rules' judge keeps it
    const out = runKept([
      { text: 'Vance: Council Was ‘Bullying’ Local Traders', kind: 'headline' },
      'The council denies it.',
    ]);
    expect(out).toEqual([['Bullying', 'Vance']]);
  });

  it('gives a headline fragment the person the headline opens on', () => {
    // whether one headline word is a statement is the learned judge's call (near even here);
    // this is about whose it is once kept
    const out = runKept([
      { text: 'Mayor Vance: Budget Plan Is ‘Reckless’', kind: 'headline' },
      'The city council met on Monday.',
    ]);
    expect(out).toEqual([['Reckless', 'Vance']]);
  });
});

describe('statements: scare quotes', () => {
  it('drops a quoted compound modifier nothing attributes: "stop-start" traffic', () => {
    expect(run(['Drivers hate the "stop-start" traffic in the old town.'])).toEqual([]);
  });

  it('drops a few words quoted inside a quote when no cue gives them a speaker', () => {
    const out = run([
      '"We call it our \'quiet room\' and the children love it," said teacher Ana Bell.',
    ]);
    expect(out).toEqual([["We call it our 'quiet room' and the children love it,", 'Ana Bell']]);
  });

  it('drops a quoted epithet that opens a headline before a name', () => {
    expect(
      run([{ text: "'Tireless' Nurse Jo Park Retires After 40 Years", kind: 'headline' }]),
    ).toEqual([]);
  });
});

describe('more context rules', () => {
  it('reads "many X claims" as a noun phrase, not X speaking', () => {
    const out = run([
      'Analyst Rob Quade said that so many Labour claims fail because "the numbers are soft."',
    ]);
    expect(out).toEqual([['the numbers are soft.', 'Rob Quade']]);
  });

  it('takes the inverted subject of the sentence before for a quote with no cue', () => {
    const out = run([
      '"It was hard," said Vera Holm, who served under Governor Dan Pike. "We had no staff."',
    ]);
    expect(out).toEqual([
      ['It was hard,', 'Vera Holm'],
      ['We had no staff.', 'Vera Holm'],
    ]);
  });

  it('keeps a state abbreviation from ending the sentence', () => {
    const out = run([
      'Tom Reyes, of Dayton, Ohio, and Lia Fenn, of Richmond, Va., said they came "to see it with our own eyes."',
    ]);
    expect(out[0]?.[0]).toBe('to see it with our own eyes.');
    expect(out[0]?.[1]).not.toBeNull();
  });

  it('gives a later quote of the same long sentence the same speaker', () => {
    const out = run([
      'Senator Bea Long said she won "every single vote" she cared about and that a fourth hearing in the spring would help because there is "a great deal left to settle."',
    ]);
    expect(out.map((q) => q[1])).toEqual(['Bea Long', 'Bea Long']);
  });
});

describe('who "he" and a shared surname are', () => {
  it('keeps the last speaker for a quote after "he said, referring to …"', () => {
    const out = run([
      'Envoy Karl Stenn spoke after Chair Ana Ruiz. "We stay open to talks," he said, referring to the old treaty. "Sadly, the other side walked away."',
    ]);
    expect(out.map((q) => q[1])).toEqual(['Karl Stenn', 'Karl Stenn']);
  });

  it('takes a full name saying something for a person a later "he" may be', () => {
    const out = run([
      '“Prices keep rising,” said renter Tom Blake.',
      "In the suburbs, where realtor Shaun Gill said he's noticed a shift, rents are rising.",
      '“Lease prices are ridiculous now,” he said.',
    ]);
    expect(out.map((q) => q[1])).toEqual(['Tom Blake', 'Shaun Gill']);
  });

  it('takes a name that "who" follows for a person a later "she" may be', () => {
    const out = run([
      '“Prices keep rising,” said renter Tom Blake.',
      'Dana Pike, who sells houses in the suburbs, sees a shift.',
      '“Lease prices are ridiculous now,” she said.',
    ]);
    expect(out.map((q) => q[1])).toEqual(['Tom Blake', 'Dana Pike']);
  });

  it('reads a name set off by a dash right before the quote', () => {
    const out = run([
      'Critics piled in, including former mayor Lou Brandt -- "It is a disgrace" -- and two councillors.',
    ]);
    expect(out).toEqual([['It is a disgrace', 'Lou Brandt']]);
  });

  it('gives a bare surname shared by two people to the one who has been speaking', () => {
    const out = run([
      '"Costs are too high," said former governor Bill Tanner at a rally for his wife Joan Tanner.',
      '"It makes no sense," Tanner said.',
    ]);
    expect(out.map((q) => q[1])).toEqual(['Bill Tanner', 'Bill Tanner']);
  });
});

describe('echoes', () => {
  it("gives a reporter's echo of a speaker's phrase to that speaker", () => {
    const out = run([
      '"We used a simple counting rule, nothing more," said Dr. Ines Marlow. This "counting rule" is now standard.',
    ]);
    expect(out).toEqual([
      ['We used a simple counting rule, nothing more,', 'Ines Marlow'],
      ['counting rule', 'Ines Marlow'],
    ]);
  });
});

describe('names in news style', () => {
  it('reads a party and state tag with a full stop between name and verb', () => {
    expect(
      run(['"The bridge money is safe," Senate leader Ruth Danvers, R-Ky., said on Friday.']),
    ).toEqual([['The bridge money is safe,', 'Ruth Danvers']]);
  });

  it("reads an outlet's possessive before a name as the outlet, not the speaker", () => {
    expect(run(['"Turnout will decide it," said NBC’s Lionel Sparrow.'])).toEqual([
      ['Turnout will decide it,', 'Lionel Sparrow'],
    ]);
  });

  it('starts a name at a known first name after a capitalised office: "Secretary of State John …"', () => {
    const out = extractQuotes(
      modelOf([
        'Councillor Peter Vance praised the plan on Monday.',
        'Secretary of State John T. Harrow said the fleet would sail, and he urged calm.',
        '"We remain ready to talk," he said.',
      ]),
    );
    expect(out.quotes.map((q) => q.speaker)).toEqual(['John T. Harrow']);
  });

  it('reads a name after a capitalised opener: "Former Ohio Gov. …"', () => {
    const out = run([
      'Senator Frank Oyelaran spoke first.',
      'Former Ohio Gov. Walter Brandt agreed, but he said the talks should wait.',
      '"There is no rush at all," he said.',
    ]);
    expect(out).toEqual([['There is no rush at all,', 'Walter Brandt']]);
  });

  it('does not take a verb ending in -ing for a role before a name', () => {
    const out = extractQuotes(
      modelOf(['He sent messages targeting former mayor Ilse Brandt, calling her "a liar."']),
    );
    expect(out.speakers.map((s) => s.name)).not.toContain('targeting former mayor Ilse Brandt');
    expect(out.speakers.every((s) => !(s.role ?? '').includes('targeting'))).toBe(true);
  });
});

describe('who "he" is: the subject before the names in passing', () => {
  it("prefers the paragraph's subject over a man named later in an object's place", () => {
    expect(
      run([
        'Chairman Oskar Lind said the club would vote in May.',
        'Ward agreed. Builder Tom Ward, who runs the yard, said he backs Oskar Lind on the plan and thanked Piet Smeets for the loan.',
        '"I think the votes are there for it," he said.',
      ]).at(-1),
    ).toEqual(['I think the votes are there for it,', 'Tom Ward']);
  });

  it('keeps the subject across a paragraph of indirect speech', () => {
    expect(
      run([
        'Rufus Gale, a party elder, noted that in 1980 he backed a late change of nominee.',
        'That change was smooth, he said, but a new one could bring fights between allies of Dan Pryor and Leo Marsh.',
        '"This is a different time," he said.',
      ]),
    ).toEqual([['This is a different time,', 'Rufus Gale']]);
  });

  it('counts a subject after an opening phrase: "In a statement, nominee Jo Hale was …"', () => {
    expect(
      run([
        '"We were misled," Sen. Jeff Ortiz said.',
        'In a statement on Tuesday, party nominee Joanna Hale was more careful. Though she called the fees "outrageous" and asked for pay to be "clawed back", Hale said little more.',
      ]),
    ).toEqual([
      ['We were misled,', 'Jeff Ortiz'],
      ['outrageous', 'Joanna Hale'],
      ['clawed back', 'Joanna Hale'],
    ]);
  });
});

describe('a speaker going on, and names that are not speakers', () => {
  it("gives the next sentence's quote to the speaker who just spoke, past a clause naming another", () => {
    expect(
      run([
        '"The harbour is ours to keep," Mayor Ines Duarte said at the dinner, where Councillor Abel Nkemelu also spoke. "We will not sell it."',
      ]),
    ).toEqual([
      ['The harbour is ours to keep,', 'Ines Duarte'],
      ['We will not sell it.', 'Ines Duarte'],
    ]);
  });

  it('does not read a sentence-opening participle as a name', () => {
    const out = run([
      'The Harbour Board met on Friday.',
      'Following a quick vote, the board issued a notice calling the sale "a plain breach of the rules" of the port.',
    ]);
    expect(out[0]?.[1]).not.toBe('Following');
  });

  it('does not take a name after "a" as the speaker: "…" a Jo Hale post', () => {
    expect(
      run(['Mayor Ines Duarte is describing as "reckless" a Tomas Berg post attacking a judge.']),
    ).toEqual([['reckless', 'Ines Duarte']]);
  });
});

describe('titles of programmes and works in Title Case', () => {
  it('does not take a programme named after a possessive or "on" for a statement', () => {
    expect(
      run([
        'Speaking on KTV\'s "Meet the Region," Governor Ada Lunde (D-Ore.) said the dam would be rebuilt.',
      ]),
    ).toEqual([]);
    expect(run(['Senator Ivo Marsh said on "Morning Coffee" that he would run.'])).toEqual([]);
  });

  it('does not take "the" + a Title Case name, a dated pact or a "radio show" title for a statement', () => {
    expect(run(['The two mayors launched the "Clean Rivers Pledge" in spring.'])).toEqual([]);
    expect(run(['It was part of her 2004 "Deal for Farmers." Nobody objected.'])).toEqual([]);
    expect(run(['Callers rang his "Straight Talk Hour" radio show all night.'])).toEqual([]);
  });

  it('still takes a Title Case exclamation or a quote that opens the sentence', () => {
    expect(run(['"Save Our Port!" the crowd chanted, led by Mayor Ines Duarte.'])).toHaveLength(1);
  });

  it('reads the subject before a party tag for a fragment far into the sentence', () => {
    expect(
      run([
        'Senator Paul Rask (R-Wis.) said the recent floods and fires demand that every town plan for "more drills" and "more drains."',
      ]),
    ).toEqual([
      ['more drills', 'Paul Rask'],
      ['more drains.', 'Paul Rask'],
    ]);
  });
});

describe('exclamations used as modifiers, and quotes inside quotes', () => {
  it('drops an exclamation that modifies a noun: our "eureka!" moments', () => {
    expect(run(['The team asked whether the limit explains our "eureka!" moments.'])).toEqual([]);
  });

  it('never gives a quote inside a quote the cue that introduces the outer one', () => {
    expect(
      run([
        "In Dr. Ana Shale's words, \"Could the moment the brain has enough evidence be tied to that important 'a-ha!' moment?\"",
      ]),
    ).toEqual([
      [
        "Could the moment the brain has enough evidence be tied to that important 'a-ha!' moment?",
        'Ana Shale',
      ],
    ]);
  });
});

describe('offices before a name', () => {
  it('reads "Secretary of State John T. Harrow said" as the subject of a later fragment', () => {
    expect(
      run([
        'Secretary of State John T. Harrow said the country would work with its many partners to take "firm steps" in reply.',
      ]),
    ).toEqual([['firm steps', 'John T. Harrow']]);
  });
});

describe('affiliations and shouted lead-ins', () => {
  it('reads "…," Mr. Lund of the River Trust said', () => {
    expect(run(['"It was the least bad deal," Mr. Lund of the River Trust said.'])).toEqual([
      ['It was the least bad deal,', 'Lund'],
    ]);
  });

  it('does not take a lead-in in capitals for a name', () => {
    const out = run([
      'THE BOARD HAS REVIEWED HIM — Dr. Vale drew the attention of regulators for saying a tea was a "miracle cure for every ailment."',
    ]);
    expect(out[0]?.[1]).not.toBe('THE BOARD');
    expect(out[0]?.[1]).not.toBe('BOARD');
  });
});

describe('digits and dashes around names', () => {
  it('reads a role with a date in it: said 9/11 widow X', () => {
    expect(run(['"The reasons do not hold," said 9/11 widow Tara Sollis.'])).toEqual([
      ['The reasons do not hold,', 'Tara Sollis'],
    ]);
  });

  it('gives a quote set off by dashes to the name right before it, not the verb further back', () => {
    expect(
      run([
        "A chorus of senior members has said the same, including the former minister Ada Lunde -- ''It is wrong to hide the accounts from voters'' -- and others.",
      ]),
    ).toEqual([['It is wrong to hide the accounts from voters', 'Ada Lunde']]);
  });

  it('does not give a quote after a dash to the object of a preposition', () => {
    const out = run([
      "Mr. Hale said Mr. Voss has lately seemed warm toward Mr. Brandt -- ''a very different Voss to me, which was a shock.''",
    ]);
    expect(out[0]?.[1]).not.toBe('Brandt');
  });
});

describe('more titles in Title Case', () => {
  it('reads a title after "episode of", after "book," and after a title noun, even with a comma inside the marks', () => {
    expect(
      run(['On Monday\'s episode of "The Early Harbour Hour," the mayor spoke at length.']),
    ).toEqual([]);
    expect(run(["In his 2009 book, ''Grow Your Savings Slowly,'' Mr. Tamm gave advice."])).toEqual(
      [],
    );
    expect(
      run(["She closed with the old anthem ''We Shall Walk On,'' and left the stage."]),
    ).toEqual([]);
  });

  it('reads a subheading set in quote marks as a heading', () => {
    expect(
      run([
        '"We will rebuild the pier," Mayor Ines Duarte said.',
        "'Storm Season Ahead.'",
        'The council meets again in May.',
      ]),
    ).toEqual([['We will rebuild the pier,', 'Ines Duarte']]);
  });
});

describe('"as X put it" and a clause after the verb', () => {
  it('reads "as X put it" as X saying the quote, past an appositive', () => {
    expect(
      run([
        'As Lena Ostrova, a tax lawyer and fellow at the Civic Budget Institute, recently put it, "Was it avoidance or evasion?"',
      ]),
    ).toEqual([['Was it avoidance or evasion?', 'Lena Ostrova']]);
    expect(
      run([
        'His degree has not shielded him from being seen, as The Weekly Ledger put it in a long profile, "the operator."',
      ]),
    ).toEqual([['the operator.', 'Weekly Ledger']]);
  });

  it('does not read the word after "that" as the subject of the verb after a quote', () => {
    expect(
      run([
        'City Attorney Rosa Imhof said in the letter that the poster "plainly and falsely" suggests that Dorset and its police back the campaign.',
      ]),
    ).toEqual([['plainly and falsely', 'Rosa Imhof']]);
  });
});

describe('headlines that name their speaker', () => {
  it("keeps a headline's own subject when the body repeats the words in someone else's sentence", () => {
    const out = extractQuotes(
      modelOf([
        { text: "Mayor Ines Duarte: Rival Has 'A Very Old Grudge' Against Her", kind: 'headline' },
        'Councillor Abel Nkemelu said the rival acted "out of a very old grudge against the mayor."',
      ]),
    );
    const head = out.quotes.find((q) => q.text === 'A Very Old Grudge');
    expect(head?.speaker).toBe('Ines Duarte');
    const duarte = out.speakers.find((s) => s.name === 'Ines Duarte');
    const abel = out.speakers.find((s) => s.name === 'Abel Nkemelu');
    expect(abel?.aliases ?? []).not.toContain('Ines Duarte');
    expect(duarte).toBeDefined();
  });
});

describe('fragments nobody says', () => {
  it('drops words woven into a sentence when no one is there to have said them', () => {
    expect(
      run([
        'It is still unclear when the "tip of the iceberg" breaks through the water of the mind.',
      ]),
    ).toEqual([]);
  });

  it('keeps a whole statement with no named speaker', () => {
    expect(run(['"We will never leave this valley, whatever they offer us."'])).toEqual([
      ['We will never leave this valley, whatever they offer us.', null],
    ]);
  });
});

describe('party tags inside a clause', () => {
  it('reads the subject before "(D)," for a participle: X (D), Y\'s rival, …, saying "…"', () => {
    expect(
      run([
        'Attorney General Rhea Collins (D), Dunmore\'s rival in the race, called on Friday for the tapes, saying that openness "builds trust and brings calm."',
      ]),
    ).toEqual([['builds trust and brings calm.', 'Rhea Collins']]);
  });
});

describe('transcripts: what no one says', () => {
  it('leaves stage directions and the sign-off out of a transcript’s statements', () => {
    const out = run([
      '"HOST: Governor, is the bridge safe?',
      '"TAMM: It is safe, and it will stay open all winter long.',
      '"(CROSSTALK.)',
      '"HOST: Thank you, Governor.',
      '"Follow Ada Reyes on Twitter @adareyes."',
    ]);
    expect(out.map(([t]) => t).join(' | ')).not.toMatch(/CROSSTALK|Follow Ada/);
    expect(out.some(([t]) => String(t).startsWith('TAMM: It is safe'))).toBe(true);
  });

  it('reads a Title Case programme after "told" as a title', () => {
    expect(run(['Governor Tamm told "Sunday Morning Live," that the bridge is safe.'])).toEqual([]);
  });
});

describe('infinitives', () => {
  it('gives a fragment after "to accuse …" the main clause\'s subject when no other verb names anyone', () => {
    expect(
      run([
        'Mayor Ines Duarte took to the radio overnight to accuse her rival\'s staff of being "fooled" by "a hoax" and urged calm.',
      ]),
    ).toEqual([
      ['fooled', 'Ines Duarte'],
      ['a hoax', 'Ines Duarte'],
    ]);
  });

  it('prefers a speech verb further back with its own subject: "X said she wanted to speak "…""', () => {
    expect(
      run([
        'On Monday\'s episode of "The Harbour Hour," the city\'s former planning chief said she wanted to speak "plainly to the council" about the flood plan.',
      ]).map(([, s]) => s),
    ).not.toContain('Harbour Hour');
  });
});

describe('a name in apposition to the cue', () => {
  it('"according to the firm’s spokeswoman, Jane Roe": the rules pick the name', () => {
    // the rules' pick is the ranker's strongest feature; the ranker weighs it against the rest
    const out = extractQuotes(
      modelOf(['"We will not back down," according to the firm\'s spokeswoman, Jana Rove.']),
      { chooser: rulesChooser },
    ).quotes.map((q) => [q.text, q.speaker]);
    expect(out).toEqual([['We will not back down,', 'Jana Rove']]);
  });

  it('"said her cousin, Mara Lind": "her" owns the noun; the cousin is named', () => {
    expect(
      run([
        'Ella Stone lost her home in the flood.',
        '"Nobody told us," said her cousin, Mara Lind.',
      ]).at(-1),
    ).toEqual(['Nobody told us,', 'Mara Lind']);
  });
});

describe('organisations named with "of"', () => {
  const rules = (paras: string[]) =>
    extractQuotes(modelOf(paras), { chooser: rulesChooser }).quotes.map((q) => q.speaker);

  it('"the Department of Energy said": the whole name, before or after the quote', () => {
    expect(rules(['The Department of Harbors said "no list exists."'])).toEqual([
      'Department of Harbors',
    ]);
    expect(rules(['"No list exists," said the Bank of Arden.'])).toEqual(['Bank of Arden']);
  });

  it('"Union of Postal Workers President Lee Hart": the officer, not the organisation', () => {
    expect(rules(['"We will sue," said Union of Postal Riders President Lee Hart.'])).toEqual([
      'Lee Hart',
    ]);
  });

  it('"the Committee on Ways and Means said": "on" and one "and" inside the name', () => {
    expect(rules(['"No list exists," said the Harbor Committee on Tides and Currents.'])).toEqual([
      'Harbor Committee on Tides and Currents',
    ]);
    expect(rules(['The Department of Roads and Bridges said "no list exists."'])).toEqual([
      'Department of Roads and Bridges',
    ]);
    // (a second "and" joins a second body; "on" after a council is a topic, not a name)
    expect(
      rules(['The Guild of Millers and Bakers and Arden Farms said "no list exists."']),
    ).not.toContain('Guild of Millers and Bakers and Arden Farms');
    expect(rules(['The Harbor Council on Tuesday said "no list exists."'])).toEqual([
      'Harbor Council',
    ]);
  });

  it('"according to Tidewater Watch": a head word kept out of names still ends one', () => {
    // "Watch" opens no name ("Watch the video"), yet after a name word it is the body's own
    expect(rules(['"The files are incomplete," according to Tidewater Watch.'])).toEqual([
      'Tidewater Watch',
    ]);
    expect(rules(['Harbor Rights Watch said "the files are incomplete."'])).toEqual([
      'Harbor Rights Watch',
    ]);
  });

  it('"Bank of Arden CEO Brian Moyle said": the person after the office', () => {
    expect(rules(['Bank of Arden CEO Brian Moyle said "rates will rise."'])).toEqual([
      'Brian Moyle',
    ]);
  });
});

describe('a verb opening the sentence is not part of a name', () => {
  it('"Replied Stephen Hale, …" and "Whispered Ana Ruiz:" name Stephen Hale and Ana Ruiz', () => {
    expect(
      run([
        'Replied Stephen Hale, with some care, "Well, I do not know."',
        'Reporters waited. Whispered Ana Ruiz: "We are done."',
      ]),
    ).toEqual([
      ['Well, I do not know.', 'Stephen Hale'],
      ['We are done.', 'Ana Ruiz'],
    ]);
  });
});

describe('"as X reported" after a quote', () => {
  it('names who reported or put it so, not the person of the paragraph before', () => {
    expect(
      run([
        'Mayor Ana Ruiz spoke first.',
        'The flood was "the worst in a century," as the Ledger reported.',
        'The plan "will fail," as economist Tom Hale put it.',
      ]),
    ).toEqual([
      ['the worst in a century,', 'Ledger'],
      ['will fail,', 'Tom Hale'],
    ]);
  });
});
