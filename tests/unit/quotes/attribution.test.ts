import { describe, expect, it } from 'vitest';
import type { Via } from '../../../lib/quotes/candidates';
import { type Decision, extractQuotes } from '../../../lib/quotes/index';
import { modelOf, type Para } from './model';

/** [text, speaker] of every quote the engine reports. */
const run = (paras: Para[]) => extractQuotes(modelOf(paras)).quotes.map((q) => [q.text, q.speaker]);
/** The speaker of every quote the engine reports, in order. */
const speakersOf = (paras: Para[]) => extractQuotes(modelOf(paras)).quotes.map((q) => q.speaker);

/** Every quote's decision: its candidates, how each was reached, the rules' pick. */
function decisionsOf(paras: Para[]): Decision[] {
  const out: Decision[] = [];
  extractQuotes(modelOf(paras), { record: (d) => out.push(d) });
  return out;
}

/** Names of the candidates of the quote starting `start` (of every quote without it). */
const candidatesOf = (paras: Para[], start = '', via?: Via) =>
  decisionsOf(paras)
    .filter((d) => d.work.text.startsWith(start))
    .flatMap((d) => d.cands.filter((c) => !via || c.via.has(via)).map((c) => c.name ?? ''));

describe('cues: speech verbs in every position', () => {
  it('reads "…," she said / said NAME / NAME said after the quote', () => {
    expect(run(['Maria Lopez runs the bakery. "Bread is late today," she said.'])).toEqual([
      ['Bread is late today,', 'Maria Lopez'],
    ]);
    expect(run(['"Bread is late today," said baker Maria Lopez.'])).toEqual([
      ['Bread is late today,', 'Maria Lopez'],
    ]);
    expect(run(['"Bread is late today," Maria Lopez told reporters.'])).toEqual([
      ['Bread is late today,', 'Maria Lopez'],
    ]);
  });

  it('finds the subject of a verb inside a parenthesis inside it, past a relative clause', () => {
    const cued = candidatesOf(
      [
        'Scholars recognize the famine for what it was (Mara Lind, who coined the term, once said, “It happened in one night”). The city disagrees.',
      ],
      '',
      'cue-before',
    );
    // the cue names her, not the subject of the sentence around the parenthesis
    expect(cued).toEqual(['Mara Lind']);
  });

  it('reads NAME, an apposition with a relative clause left open, then the verb', () => {
    expect(
      run([
        'Ana Ruiz spoke first.',
        '“Ruiz needs a plan for the swing voters,” Dana Pike, the polling guru who founded pollpage.com tweeted on Wednesday.',
      ]),
    ).toEqual([['Ruiz needs a plan for the swing voters,', 'Dana Pike']]);
  });

  it('reads NAME, a description left without its closing comma, then the verb', () => {
    expect(
      run([
        'The plan drew fire on Monday.',
        '“Nobody has called our office,” Dana Okafor, a spokeswoman for Senator Lena Moritz told the Tribune.',
      ]),
    ).toEqual([['Nobody has called our office,', 'Dana Okafor']]);
  });

  it('reads past an apposition inside an opening "When NAME, …" clause to its subject', () => {
    expect(
      run([
        'The campaign has avoided reporters.',
        'When Dana Okafor, the senator’s campaign manager was asked about a press conference, she laughed and said, “We will see.”',
      ]),
    ).toEqual([['We will see.', 'Dana Okafor']]);
  });

  it('takes no label from the object of a preposition before a colon', () => {
    const paras = [
      'Tom Hale spoke in Ames on Friday.',
      'Hale contrasted the governor, whom he described as “erratic,” with Ana Ruiz: “What I have seen of Ruiz is calm in a storm.”',
    ];
    expect(candidatesOf(paras, 'What I have seen', 'cue-before')).not.toContain('Ana Ruiz');
    // "From the report:" names where the words come from
    expect(
      candidatesOf(
        ['Mara Lind wrote a report.', 'From the report: “Samples differ.”'],
        'Samples',
        'cue-before',
      ),
    ).toEqual(['report']);
  });

  it('reads the name right before a participle in an absolute clause after a dash', () => {
    expect(
      run([
        'Tom Hale met Ana Ruiz on Thursday.',
        'After it was over, both leaders issued a statement – Ruiz saying she was “quite hopeful” about the talks.',
      ]),
    ).toEqual([['quite hopeful', 'Ana Ruiz']]);
  });

  it('reads the owner of a noun of saying around the quote: NAME’s "…" pledge', () => {
    expect(
      run([
        'Zeke Lind wrote the plan. Tom Hale signed it.',
        'Unions have fought the tax since Lind proposed it. Voters still remember Hale’s “read my lips” pledge from that year.',
      ]),
    ).toEqual([['read my lips', 'Tom Hale']]);
  });

  it('gives a second infinitive the subject that opens the sentence', () => {
    expect(
      run([
        'Tom Hale sold the gun on Friday. Ana Ruiz objected.',
        'Hale said he planned to use the money to fund “neighborhood watch” patrols in the county and to answer “Ruiz’s soft-on-crime talk.”',
      ]).at(-1),
    ).toEqual(['Ruiz’s soft-on-crime talk.', 'Tom Hale']);
  });

  it('takes no speaker from a phrase that opens with a preposition after the quote', () => {
    const paras = [
      'Ana Ruiz spoke first, then Tom Hale.',
      'Frustrated, Hale said he “cannot buy groceries in peace” without reporters asking him to attack Ruiz.',
    ];
    expect(candidatesOf(paras)).not.toContain('without reporters');
    expect(run(paras)).toEqual([['cannot buy groceries in peace', 'Tom Hale']]);
  });

  it('gives every fragment of a sentence the cue that closes it', () => {
    expect(
      run([
        'Ana Ruiz spoke in Ames.',
        'With Ruiz’s success, her endorsements will carry “real clout” and bring candidates the “door-knocking muscle” they need to win, campaign aide Neil Soka said.',
      ]),
    ).toEqual([
      ['real clout', 'Neil Soka'],
      ['door-knocking muscle', 'Neil Soka'],
    ]);
    // ("Given" opens the sentence; it is no part of a name)
    const given = ['Given Ruiz’s success, her endorsements carry “weight,” Neil Soka said.'];
    expect(candidatesOf(given)).not.toContain('Given Ruiz');
  });

  it('reads the owner of a noun of saying past a word that modifies it: "Ruiz’s catch phrase"', () => {
    const paras = [
      'Tom Hale backed Ana Ruiz against Zeke Lind in 2010.',
      'Ruiz’s catch phrase in that race was that Lind “would sell his own boat for a vote.”',
    ];
    expect(candidatesOf(paras, 'would', 'cue-before')).toEqual(['Ana Ruiz']);
  });

  it('takes the phrase after "said" that runs into a fragment for its subject, not the speaker', () => {
    const paras = [
      'Tom Hale spoke on Sunday night.',
      'A former candidate -- Ana Ruiz, who lost the race to Hale -- said the president “brought nothing new to the table.”',
    ];
    expect(candidatesOf(paras, 'brought', 'cue-before')).toEqual(['Ana Ruiz']);
  });

  it('reads ", said NAME" closing a sentence that holds a quoted fragment', () => {
    expect(
      run([
        'Warren “won easily among older voters” in the 2016 primary, said Iowa State University professor Dana Pike.',
      ]),
    ).toEqual([['won easily among older voters', 'Dana Pike']]);
    expect(
      run(['Budgets were “a disaster” that year, said Tom Hale, a former mayor of the town.']),
    ).toEqual([['a disaster', 'Tom Hale']]);
  });

  it('reads a name modifying a role as a description, and the name in apposition to it', () => {
    expect(
      run([
        '“Is the mayor going to resign?” the presumptive GOP mayoral nominee, Dan Tripp, tweeted Sunday.',
      ]),
    ).toEqual([['Is the mayor going to resign?', 'Dan Tripp']]);
  });

  it('gives a coordinated "and said that X “…”" to the sentence\'s subject, not to X', () => {
    expect(
      run([
        'Councilwoman Lena Graham said that Tripp is a “decent man,” and said that Mayor Ruiz “melted down last night.”',
      ]),
    ).toEqual([
      ['decent man,', 'Lena Graham'],
      ['melted down last night.', 'Lena Graham'],
    ]);
  });

  it("gives a possessor's role-holder, not the possessor, and the name in apposition", () => {
    expect(
      run([
        'Ana Ruiz and Tom Hale are racing to bank early ballots.',
        "“We are treating it as one long Election Day,” said Ruiz's deputy campaign manager, Rich Beeson, who ran the last campaign.",
      ]),
    ).toEqual([['We are treating it as one long Election Day,', 'Rich Beeson']]);
  });

  it('skips a name inside an opening prepositional phrase for the subject', () => {
    expect(
      run([
        'Tom Hale spoke first.',
        "At the party's meeting in Boston the summer after the loss, party Chairman Reince Priebus scolded Hale for saying “self-deport.”",
      ]),
    ).toEqual([['self-deport.', 'Reince Priebus']]);
  });

  it('reads a colon after an indirect-speech clause', () => {
    expect(
      run(['Union leader Tom Berg said that the vote had been close: "We won by a hair."']),
    ).toEqual([['We won by a hair.', 'Tom Berg']]);
  });

  it('reads a dash after a quote, and attributes an inner quote to its own speaker', () => {
    const out = run([
      'Analyst Ada Kerr wrote: "Recall the summit. \'We agreed on nothing\'- Lars Holm remarked. It showed."',
    ]);
    expect(out).toContainEqual([
      "Recall the summit. 'We agreed on nothing'- Lars Holm remarked. It showed.",
      'Ada Kerr',
    ]);
    expect(out).toContainEqual(['We agreed on nothing', 'Lars Holm']);
  });

  it('reads headline style NAME: "…"', () => {
    expect(run([{ text: 'Mayor Ines Duarte: "The port stays open"', kind: 'headline' }])).toEqual([
      ['The port stays open', 'Ines Duarte'],
    ]);
  });

  it('splits a quote interrupted by attribution into two with the same speaker', () => {
    expect(run(['"We tried," said coach Ben Aldo, "but the rain won."'])).toEqual([
      ['We tried,', 'Ben Aldo'],
      ['but the rain won.', 'Ben Aldo'],
    ]);
  });

  it('reads according to, with a pronoun resolved to the person before it', () => {
    expect(
      run([
        'Farmer Lena Voss spoke at the fair. According to her, "the harvest is the best in years."',
      ]),
    ).toEqual([['the harvest is the best in years.', 'Lena Voss']]);
  });

  it('keeps the speaker of the previous paragraph for a quote with no cue', () => {
    const out = run([
      '"The tunnel opens in May," said engineer Omar Haddad.',
      '"After that we start on the second bore."',
    ]);
    expect(out[1]).toEqual(['After that we start on the second bore.', 'Omar Haddad']);
  });

  it('takes the subject of the previous sentence for a quote with no verb', () => {
    const out = run(['Asked about the budget, Mrs Clara Bell shrugged. "We will manage."']);
    expect(out).toEqual([['We will manage.', 'Clara Bell']]);
  });

  it('reads transcript labels inside the quote', () => {
    const out = run(['Mike Dorn spoke to the host.', '"DORN: We never planned that."']);
    expect(out[0]?.[1]).toBe('Mike Dorn');
  });

  it('reads French and Spanish cues', () => {
    expect(run(['« Nous restons ici », a déclaré Paul Morel.'])).toEqual([
      ['Nous restons ici', 'Paul Morel'],
    ]);
    expect(run(['"Seguimos adelante", dijo Ana Ruiz.'])).toEqual([
      ['Seguimos adelante', 'Ana Ruiz'],
    ]);
  });

  it('reads a subject past object pronouns before its verb: "una fuente … nos lo dijo"', () => {
    const [[, who] = []] = run([
      'Un portavoz del puerto nos lo dijo sin rodeos: "No habrá huelga este mes".',
    ]);
    expect(who).toMatch(/portavoz del puerto/);
  });
});

describe('entities: who a mention refers to', () => {
  it('reads "in X’s view" after a quote as its cue', () => {
    expect(
      run([
        'Dana Royce spoke first.',
        '“There is no one thing to fix here – it is a failure across the board” from trade to the budget, in Ivo Marsh’s view.',
      ]),
    ).toEqual([
      ['There is no one thing to fix here – it is a failure across the board', 'Ivo Marsh'],
    ]);
  });

  it('knows the people the opening paragraphs introduce when they speak much later', () => {
    const out = run([
      'Deputy Mayor Ines Roca wants the tram line finished by spring.',
      'Councillor Piet Hale would rather spend the money on buses.',
      'The vote is set for March.',
      'Both plans have been costed twice.',
      'Neither has the support of the transport board.',
      'The board meets again next month.',
      'Its chair has not taken a side.',
      'Roca, a former engineer who joined the council in 2019, said the line would pay for itself.',
      '“Then let the riders decide,” she said.',
    ]);
    expect(out).toEqual([['Then let the riders decide,', 'Ines Roca']]);
  });

  it('resolves initial+surname and Mr SURNAME to the full name', () => {
    const out = run([
      'Economist Karl Brandt spoke first.',
      'K.Brandt said that rates would rise: "Expect two more hikes."',
      'Mr Brandt added: "Then a pause."',
    ]);
    expect(out.map((q) => q[1])).toEqual(['Karl Brandt', 'Karl Brandt']);
  });

  it('reaches back over an apposition to the name a ", who said" is about', () => {
    // the reading is asserted, not the ranker's word: "she" after two women stays a close call
    // (Vell is also the last woman named) that a retrain may turn either way
    const last = decisionsOf([
      'Nora Vell said the files were never marked.',
      'Her account was backed by Sen. Ada Kroll of Ohio, the ranking member on the Budget Committee, who said none of the files came from Vell.',
      '“It makes no sense to blame her for what others sent,” she said.',
    ]).at(-1);
    expect(last?.cands[last.rulesPick]?.name).toBe('Ada Kroll');
  });

  it('reads two roles under one article as one person, the one just quoted', () => {
    expect(
      run([
        '“We are behind, and we know it,” Mara Lind said on Sunday.',
        'The Green front-runner and former trade minister said the country “plainly” needed a new plan.',
      ]).at(-1),
    ).toEqual(['plainly', 'Mara Lind']);
  });

  it('resolves a definite role to the person given that role', () => {
    const out = run([
      'The local MP, Sara Quist, visited the site.',
      '"This must be fixed," the MP stressed.',
    ]);
    expect(out).toEqual([['This must be fixed,', 'Sara Quist']]);
  });

  it('reads a definite role with no bearer as the person just quoted, an owned one as someone new', () => {
    expect(
      run([
        'Economist Lena Dahl said the deal matters. "Prices will fall," Dahl said.',
        'The senator stressed that the vote was close: "We had no time to read it."',
      ]),
    ).toEqual([
      ['Prices will fall,', 'Lena Dahl'],
      ['We had no time to read it.', 'Lena Dahl'],
    ]);
    expect(
      run([
        'Economist Lena Dahl said the deal matters. "Prices will fall," Dahl said.',
        '"He will not be there," the band\'s spokesman replied.',
      ]),
    ).toEqual([
      ['Prices will fall,', 'Lena Dahl'],
      ['He will not be there,', "band's spokesman"],
    ]);
  });

  it('reads "As for X, he said" as X speaking, not the woman quoted before', () => {
    const out = run([
      'Senator Ana Ruiz spoke first. "It would be a disaster," Ruiz said.',
      'As for Tom Hale, he said he is not worried: "I will have the votes."',
    ]);
    expect(out[1]).toEqual(['I will have the votes.', 'Tom Hale']);
  });

  it('reads the person before the bodies "of" ties to them as the subject of a verb', () => {
    expect(
      run([
        'Ben Oakes wrote about it. However, as Archbishop Aris Tavan of the Armenian Patriarchate of Jerusalem told the Associated Press, “We have suffered the same fate.”',
      ]),
    ).toEqual([['We have suffered the same fate.', 'Aris Tavan']]);
  });

  it('gives the words to the name right after a description: "the … organization the X League"', () => {
    expect(
      run([
        'Before the vote, the prominent civil rights organization the Fair Housing League strongly denounced the plan and said it would "fight it in court."',
      ]),
    ).toEqual([['fight it in court.', 'Fair Housing League']]);
  });

  it('leaves the state after a place in an opening phrase to the phrase: "in Salem, New Hampshire, Ruiz …"', () => {
    expect(
      run([
        'Earlier, at a town hall event in Salem, New Hampshire, Ruiz went after Hale, calling him “a total stiff.”',
        'At a campaign event in Ames, Iowa, on Sunday, Ana Ruiz tried again, saying the city should “rally our partners.”',
      ]),
    ).toEqual([
      ['a total stiff.', 'Ana Ruiz'],
      ['rally our partners.', 'Ana Ruiz'],
    ]);
    // someone named after the place is still the subject
    expect(
      run(['In Boston, Ana Ruiz, the mayor, went after Hale, calling him “a total stiff.”']),
    ).toEqual([['a total stiff.', 'Ana Ruiz']]);
  });

  it("gives a quote to the name between a lead-in's dash and the colon, whatever the lead-in says", () => {
    expect(
      run(['Pollsters agree - Dana Pike: “One of the lessons was simple: keep calling voters.”']),
    ).toEqual([['One of the lessons was simple: keep calling voters.', 'Dana Pike']]);
  });

  it('reads the subject before a Title Case headline verb, where the article names it alone', () => {
    expect(
      run([
        { text: 'Hale Addresses Harbor Attack: ‘This Cannot Continue.’', kind: 'headline' },
        'At least nine people were hurt in an attack at the harbor. Hale spoke later.',
      ]),
    ).toEqual([['This Cannot Continue.', 'Hale']]);
    // a surname ending in "s" is no verb where the article never writes the first name alone
    expect(
      run([
        { text: 'James Williams Slams Harbor Plan: ‘A Disgrace.’', kind: 'headline' },
        'James Williams spoke at the harbor on Friday.',
      ]),
    ).toEqual([['A Disgrace.', 'James Williams']]);
  });

  it('takes "Former Ohio governor Ed Lane, …, was" for the subject a later "he" speaks of', () => {
    expect(
      run([
        '“We will see,” said Rep. Tom Hale, a Michigan Democrat.',
        'Former Ohio governor Ed Lane, one of the most vocal supporters, was even more resolute.',
        '"Absolutely not," he said of the idea.',
      ]),
    ).toEqual([
      ['We will see,', 'Tom Hale'],
      ['Absolutely not,', 'Ed Lane'],
    ]);
  });

  it('reads the subject of the clause that holds the quote, after ", while"', () => {
    expect(
      candidatesOf(
        [
          'Ohio Gov. Tom Hale on Monday signed an order to block the plan, while Ana Ruiz, the former Utah governor, proposed we "wake up and smell the coffee" at once.',
        ],
        '',
        'subject',
      ),
    ).toEqual(['Ana Ruiz']);
    // a second verb of the same subject after ", but" keeps the sentence's subject
    expect(
      candidatesOf(
        [
          'House member Dan Oakes used to back Ruiz, but now said Hale had "the duty to bring us together."',
        ],
        '',
        'subject',
      ),
    ).not.toContain('Hale');
  });

  it('gives a headline quote of an office to the one the body gives that office to', () => {
    expect(
      run([
        {
          text: 'Harbor Chief On Strike: ‘We Will Not Pay Workers To Stay Home’',
          kind: 'headline',
        },
        'Harbor Chief Ana Ruiz is not giving in to the union, which has threatened a strike.',
      ]),
    ).toEqual([['We Will Not Pay Workers To Stay Home', 'Ana Ruiz']]);
  });

  it('reads a paragraph ending in a colon as the cue of the quote that opens the next', () => {
    expect(
      candidatesOf(
        [
          '“We will win,” said Tom Hale.',
          'Of course, as Dana Pike of Northfield Gazette observed, the biggest winner was not on the stage:',
          '“The clear winner of the night was the network, which ran two lively sessions.”',
        ],
        'The clear',
        'cue-before',
      ),
    ).toEqual(['Dana Pike']);
  });

  it('takes a lone name before ", who" for a person', () => {
    expect(
      run([
        'Ana Ruiz spoke first. “Change the world,” she said.',
        'Meanwhile Dalia, who was given the top award, spoke about respect. “The minute you learn to love yourself, you stop,” she said.',
      ]),
    ).toEqual([
      ['Change the world,', 'Ana Ruiz'],
      ['The minute you learn to love yourself, you stop,', 'Dalia'],
    ]);
  });

  it("does not offer the next paragraph's own speaker as a candidate for the quote before", () => {
    const cands = candidatesOf(
      [
        'Ana Ruiz, the MP, spoke first. The MP also added: “These talks help us all.”',
        'Analyst Tom Hale said that the format exists: “It keeps growing.”',
      ],
      'These',
    );
    expect(cands).toContain('Ana Ruiz');
    expect(cands).not.toContain('Tom Hale');
  });

  it('gives no one the words after "I think," "to write down thoughts:" or a label "Example:"', () => {
    expect(
      run([
        'When I watch leaders read a room and turn up the heat, I think, “Now, that is a plan.”',
      ]),
    ).toEqual([['Now, that is a plan.', null]]);
    expect(
      run([
        'He grew nervous when a professor told the class to write down thoughts: “Say it all.”',
      ]),
    ).toEqual([['Say it all.', 'professor']]);
    expect(run(['Use it sparingly. Example: “That was so funny I literally cried.”'])).toEqual([
      ['That was so funny I literally cried.', null],
    ]);
  });

  it('reads "she said" after "A spokeswoman for the company said she …" as the spokeswoman', () => {
    const out = run([
      'Mayor Ana Ruiz called the closure a blow. “It hurts,” Ruiz said.',
      'A spokeswoman for the firm said she could not comment. “We are reviewing it,” she said.',
    ]);
    expect(out[1]).toEqual(['We are reviewing it,', 'spokeswoman for the firm']);
    // (the one a reporter asks is the one who answers)
    expect(
      run([
        'Tom Hale toured the plant.',
        'A reporter asked Hale how he felt. He replied: “The bigger the crowd, the better.”',
      ]),
    ).toEqual([['The bigger the crowd, the better.', 'Tom Hale']]);
  });

  it('reads "his wife, Jane," as a person, any first name, for the "she said" after', () => {
    expect(
      run([
        'Tom Hale lost the primary.',
        'But his wife, Ilka, offered a preview of his thinking in an interview.',
        '“If he wins, he keeps going,” she said.',
      ]),
    ).toEqual([['If he wins, he keeps going,', 'Ilka']]);
  });

  it('reads a month as a first name before a surname, not after a word of time', () => {
    expect(
      run([
        'Polls closed.',
        'Former state governor Jan Brewer, an early backer, said it was “a priority.”',
      ]),
    ).toEqual([['a priority.', 'Jan Brewer']]);
    expect(run(['Polls closed.', 'April Mellody, a spokeswoman, said it was “safe.”'])).toEqual([
      ['safe.', 'April Mellody'],
    ]);
    expect(run(['Polls closed.', 'In May Hale said it was “a priority.”'])).toEqual([
      ['a priority.', 'Hale'],
    ]);
  });

  it('reads no byline as a speaker, and "The committee chair, Ana Brook," as a person', () => {
    const out = run([
      'By Tove Marsh · 9 May 2026',
      'The committee decided on Thursday.',
      'The committee chair, Ana Brook, said the vote was close. “We looked hard at every line,” she said.',
    ]);
    expect(out).toEqual([['We looked hard at every line,', 'Ana Brook']]);
    // (a sentence that opens on "By" is no byline)
    expect(
      run(['By Tuesday Morning, the plan was dead. Jo Hale spoke. “It is over,” Hale said.']),
    ).toEqual([['It is over,', 'Jo Hale']]);
  });

  it('offers no name inside the marks after a quote as its speaker: “Morning Joe”', () => {
    const cands = candidatesOf(
      [
        'Tom Hale spoke on Wednesday. “It was a long night for all of us,” he said on “Morning Joe.”',
      ],
      'It was',
    );
    expect(cands).toContain('Tom Hale');
    expect(cands.some((n) => n.includes('Joe'))).toBe(false);
  });

  it('reads a lone unknown word opening a sentence before a verb of saying as a name', () => {
    expect(run(['Polls moved.', 'Zbrowski said, “We will win this race.”'])).toEqual([
      ['We will win this race.', 'Zbrowski'],
    ]);
  });

  it('reads "M." between two names as an initial, and NAME: "…" after a lead-in and a dash', () => {
    expect(run(['Polls moved.', 'Jeffrey M. Hale said: “We are done here.”'])).toEqual([
      ['We are done here.', 'Jeffrey M. Hale'],
    ]);
    expect(
      run([
        'Polls moved.',
        'BLUE STATES GAIN GROUND - Jeffrey M. Hale: “Our analysis finds that 20 states have moved.”',
      ]),
    ).toEqual([['Our analysis finds that 20 states have moved.', 'Jeffrey M. Hale']]);
  });

  it("reads a word glued to a name in a headline as the body's person of that surname", () => {
    expect(
      run([
        { text: 'Defiant Hale: “I will not resign”', kind: 'headline' },
        'Mayor Tom Hale spoke on Monday.',
      ]),
    ).toEqual([['I will not resign', 'Tom Hale']]);
    // a name the body writes out is the page's own name for someone
    expect(
      run([
        { text: 'Xochitl Hale: “I will run”', kind: 'headline' },
        'Xochitl Hale and her husband Tom Hale spoke on Monday.',
      ]),
    ).toEqual([['I will run', 'Xochitl Hale']]);
  });

  it('never takes I or we inside the quote as the speaker', () => {
    const out = run(['Pilot Dan Reyes landed safely. "I knew we would make it," he said.']);
    expect(out).toEqual([['I knew we would make it,', 'Dan Reyes']]);
  });

  it('names organisations and unnamed descriptions the way the page gives them', () => {
    expect(run(['In a statement, the Water Board said it was "checking every pipe".'])).toEqual([
      ['checking every pipe', 'Water Board'],
    ]);
    expect(run(['A spokesperson for the city zoo said: "The lion is fine."'])).toEqual([
      ['The lion is fine.', 'spokesperson for the city zoo'],
    ]);
  });
});

describe('names, brackets and pull quotes', () => {
  it('reads a bracketed name as the speaker: "…," [Holm] said', () => {
    expect(
      run([
        'Ivo Brandt sat still as his lawyer Pia Holm spoke. The Daily Courier newspaper reported on the closing argument:',
        '"It goes further than that," [Holm] said.',
      ]),
    ).toEqual([['It goes further than that,', 'Pia Holm']]);
  });

  it('leaves an editor\'s brackets out of the name: "Tony [Hale]" is Tony Hale', () => {
    expect(
      run(['Everyone knew Tony [Hale] was late. "I was never late in my life," Tony [Hale] said.']),
    ).toEqual([['I was never late in my life,', 'Tony Hale']]);
  });

  it('links "De Varga" to "Luis de Varga" met before', () => {
    expect(
      speakersOf([
        'In his book, the writer Luis de Varga looks at glass. Tom Rell, a glazier, said "it glows."',
        'De Varga sets the scene in his preface: "When we hear the word glass, an image comes to mind."',
      ]),
    ).toEqual(['Tom Rell', 'Luis de Varga']);
  });

  it('does not take a company described as "X-owned" for the "he" who spoke', () => {
    expect(
      run([
        'Wade Orrin has sold his catch for years to Amazon-owned Varn Foods Market, he says.',
        'Though he eats little of it, Orrin checks the counters each week.',
        '"Nice fish is pure white," he said.',
      ]),
    ).toEqual([['Nice fish is pure white,', 'Wade Orrin']]);
  });

  it('tells two people of one surname apart by the title’s gender: "Mrs. Varga" is not Bill', () => {
    expect(
      run([
        'Former Mayor Bill Varga and his wife, Hillary Varga, arrived late.',
        'Mr. Varga spoke first. "We are fine," Mrs. Varga said.',
      ]),
    ).toEqual([['We are fine,', 'Hillary Varga']]);
  });

  it('gives a subheading the speaker of the body quote it trims', () => {
    const out = run([
      '"The river is rising faster every year, and it\'s just creeping under the doors," said farmer Ana Ruiz.',
      '"We will build a wall," said the mayor, Tom Berg.',
      { text: "'It's just under the doors'", kind: 'heading' },
      'The council met on Monday.',
    ]);
    expect(out[2]).toEqual(["It's just under the doors", 'Ana Ruiz']);
  });
});

describe('members of a group and words of saying used as nouns', () => {
  it('gives "one" and "another" of a group the group in the singular, not the person described', () => {
    expect(
      speakersOf([
        'Ruth Vale has led the council for ten years.',
        'Several Dover Liberals praised her. One called Vale a "careful reader of every budget," and another said the council leader is "hard to argue with on a bad day."',
      ]),
    ).toEqual(['Dover Liberal', 'Dover Liberal']);
    expect(
      speakersOf([
        'Two neighbours watched the barn burn. "We heard the roof go at midnight," one said.',
        '"Nobody came for an hour," another added.',
      ]),
    ).toEqual(['neighbour', 'neighbour']);
  });

  it('gives "another" the kind that "one …" introduced: "One reader wrote … Another added"', () => {
    expect(
      speakersOf([
        'Lena Moss wrote this report for the Arden Herald.',
        'One reader wrote: "The new timetable helps nobody."',
        'Another added: "I wait forty minutes every morning."',
      ]),
    ).toEqual(['reader', 'reader']);
    // ("Moss one day said": a "one" inside a clause introduces no one)
    expect(
      speakersOf([
        'Lena Moss chaired the meeting.',
        'Moss one day said the tram "runs late."',
        'Another added: "I wait forty minutes every morning."',
      ]),
    ).not.toContain('day');
  });

  it("does not make a group of things or of a quote's own words", () => {
    const out = speakersOf([
      'New posters went up in the shops this week. "Fresh bread every morning, baked by hand," reads one.',
    ]);
    expect(out).not.toContain('poster');
    expect(out).not.toContain('hand');
  });
});

describe('a name in apposition after a lowercase word of its title', () => {
  it('gives "Hale\'s niece, state Del. Maria Price (D-Arden), shouted" to Maria Price', () => {
    expect(
      run([
        'Tom Hale held his cookout on Monday.',
        '"This is a big year for the harbor!" Hale\'s niece, state Del. Maria Price (D-Arden), shouted to the crowd.',
      ]),
    ).toEqual([['This is a big year for the harbor!', 'Maria Price']]);
  });
});

describe('bodies named with a link: "Commission on …", "Campaign for …"', () => {
  it('reads "the Commission on Harbor Tides" as one body, never the "he" who speaks', () => {
    expect(
      run([
        'Tom Hale is raising questions about the ferry.',
        'He notes that the Commission on Harbor Tides announced on Friday that the channel would close.',
        'He says, "The channel was never the problem."',
      ]),
    ).toEqual([['The channel was never the problem.', 'Tom Hale']]);
  });

  it('does not take "Mr. Hale" for the Campaign for Hale', () => {
    const speakers = candidatesOf(
      [
        'The Campaign for Hale said on Monday that the tour would go on.',
        'Mr. Hale intends to speak in Arden this month, Dana Pike said, adding that he would also address his "image problem."',
      ],
      '',
      'cue-before',
    );
    expect(speakers).not.toContain('Campaign for Hale');
  });
});

describe('names that open on a common word', () => {
  it('keeps "New" in a place or paper: the New Arden Courier, New Arden Gov. Ed Hale', () => {
    expect(
      speakersOf([
        'The flood closed the harbour for a week. As the New Arden Courier explained, "the water came in faster than anyone had planned for."',
        '"We will rebuild the sea wall," New Arden Gov. Ed Hale said.',
      ]),
    ).toEqual(['New Arden Courier', 'Ed Hale']);
  });

  it('ends a name in a Title Case headline at the surname: no "Ana Berg Warns Council"', () => {
    const speakers = extractQuotes(
      modelOf([
        {
          text: 'Ana Berg Warns Council To Rethink Plan, Calling It “A Costly Mistake”',
          kind: 'headline',
        },
        'The mayor spoke on Monday.',
        '"We cannot pay for this twice," Berg said.',
      ]),
    ).speakers.map((s) => s.name);
    expect(speakers).toContain('Ana Berg');
    expect(speakers.some((s) => s.includes('Warns'))).toBe(false);
  });

  it('reads "the First Lady" as one title, not a person called Lady', () => {
    const out = speakersOf([
      'Without naming him, the First Lady tore into the businessman, saying the nation would lose a "grownup in the house" soon.',
    ]);
    expect(out).not.toContain('Lady');
  });
});

describe('names with a particle, a modal or only a first name', () => {
  it('keeps a surname after a particle that is a word elsewhere: Pierre de Vos, Mr. de Vos', () => {
    const out = speakersOf([
      '"I have been watching this race," said Pierre de Vos, a law professor.',
      'For decades, Mr. de Vos noted, observers were sent abroad. "Now they need them," he said.',
    ]);
    expect(out).toEqual(['Pierre de Vos', 'Pierre de Vos']);
  });

  it('reads "Will" as a first name before a surname and a comma or a past verb of saying', () => {
    const out = speakersOf(['"We must win the county," Will Estrada, the local chairman, said.']);
    expect(out).toEqual(['Will Estrada']);
    const q = speakersOf(['Will Hale say "no" again? Nobody knows.']);
    expect(q).not.toContain('Will Hale');
  });

  it('gives "he" to a first name set off after a role: "Her father, Brad, 39, worried"', () => {
    const out = speakersOf([
      '"They waste votes," said Roy Hern, a retiree.',
      'At the rally, Lea Marsh held a sign. Her father, Brad, 39, worried that voters could not see the point.',
      '"People are afraid of wasting their votes," he said.',
    ]);
    expect(out).toEqual(['Roy Hern', 'Brad']);
  });
});

describe('one cue for a sentence of quotes', () => {
  it('gives the cue after the last quote to the earlier quotes of its sentence', () => {
    const out = speakersOf([
      'Kitchen staff reported to their posts.',
      'At the centre, "staff could not log in," which was slow and "kept dropping out," the report states.',
    ]);
    expect(out).toEqual(['report', 'report']);
  });
});

describe('subjects after long openers', () => {
  it('finds the subject after an opener with several commas: "The day before, at a rally in Arden, Del., Mr. Hale"', () => {
    const out = speakersOf([
      '"It is beyond belief," Mr. Carr declared Sunday.',
      'The day before, at a rally in Arden, Del., Mr. Hale was just as blunt, claiming the mayor wanted more. "You would have to be mad," he said.',
    ]);
    expect(out).toEqual(['Carr', 'Hale']);
  });
});

describe('first names and embedded posts', () => {
  it('gives a first name alone the full name met before: "Maria said" is Maria Ostrova', () => {
    expect(
      run([
        'Maria Ostrova runs the bakery on Elm Street with her brother Piotr.',
        '"We get up at three every single morning," Maria said.',
      ]),
    ).toEqual([['We get up at three every single morning,', 'Maria Ostrova']]);
  });

  it('links a surname written first: "Geng said" after "Geng Shuang"', () => {
    expect(
      speakersOf([
        '"We call on both sides to talk," ministry spokesperson Geng Shuang said on Tuesday.',
        '"Our position is clear and consistent," Geng added.',
      ]),
    ).toEqual(['Geng Shuang', 'Geng Shuang']);
  });

  it('gives each post of a thread its signer, reading a handle that spells a name', () => {
    const out = run([
      'Tom Rell, a regular, asked when the rolls were baked. The bakery answered:',
      { text: '@tomrell We bake them at dawn, every day but Sunday.', kind: 'blockquote' },
      { text: '— Elm Bakery (@elmbakery) May 2, 2016', kind: 'blockquote' },
      { text: '@elmbakery Then I will come on Monday, first thing.', kind: 'blockquote' },
      { text: '— rolls forever (@tomrell) May 2, 2016', kind: 'blockquote' },
    ]);
    expect(out).toEqual([
      ['@tomrell We bake them at dawn, every day but Sunday.', 'Elm Bakery'],
      ['@elmbakery Then I will come on Monday, first thing.', 'Tom Rell'],
    ]);
  });
});

describe('statements: what is not a statement', () => {
  it('drops titles of works, nicknames and mentioned words; marks fragments', () => {
    expect(run(['She read the report "Roads at Risk" last week.'])).toEqual([]);
    expect(run(['Boxer Jake "The Wall" Moss won again.'])).toEqual([]);
    expect(run(['He dislikes the word "synergy" a lot.'])).toEqual([]);
    const ex = extractQuotes(
      modelOf(['Senator Rita Vale called the bill "a gift to lobbyists" on Monday.']),
    );
    expect(ex.quotes.map((q) => [q.text, q.speaker, q.fragment])).toEqual([
      ['a gift to lobbyists', 'Rita Vale', true],
    ]);
  });

  it('drops a scare quote used as a modifier when nothing attributes it', () => {
    expect(run(['Everyone knows that "lightbulb" moment when a plan works.'])).toEqual([]);
  });
});

describe('speakers list', () => {
  it('merges mentions into one speaker with aliases, role and counts', () => {
    const ex = extractQuotes(
      modelOf([
        'Political analyst Nora Field said: "Turnout will be low."',
        '"Young voters are tired," N. Field added.',
        'Field also called the campaign "dull".',
      ]),
    );
    expect(ex.speakers).toHaveLength(1);
    const sp = ex.speakers[0];
    expect(sp?.name).toBe('Nora Field');
    expect(sp?.aliases).toEqual(expect.arrayContaining(['N. Field']));
    expect(sp?.role).toBe('Political analyst');
    expect(sp?.count).toBe(3);
    expect(sp?.fragmentCount).toBe(1);
    expect(ex.quotes.every((q) => q.speakerId === 0)).toBe(true);
  });
});

describe('roles', () => {
  it('takes the role from an apposition after the name, up to the comma', () => {
    const ex = extractQuotes(
      modelOf([
        '"The pipes are old," said Carl Mendez, director of water supply and drainage for the Harbor District, on Monday.',
      ]),
    );
    expect(ex.speakers[0]?.role).toBe(
      'director of water supply and drainage for the Harbor District',
    );
  });

  it('never takes an honorific for a role', () => {
    const ex = extractQuotes(modelOf(['"We are done," Mr. Ivo Kranj said.']));
    expect(ex.speakers[0]?.name).toBe('Ivo Kranj');
    expect(ex.speakers[0]?.role).toBeNull();
  });
});

describe('a citation line after a quote', () => {
  it('names who said the paragraph before it: "- Ana Ruiz."', () => {
    expect(
      run([
        'Tom Hale and Ana Ruiz debated on Thursday.',
        '"I will check the files. I will certainly check them."',
        '- Ana Ruiz.',
        'Ruiz has been checking them for a long time.',
        '"I was the one warning the banks about the bubble."',
        '- Hale.',
      ]),
    ).toEqual([
      ['I will check the files. I will certainly check them.', 'Ana Ruiz'],
      ['I was the one warning the banks about the bubble.', 'Tom Hale'],
    ]);
  });
});

describe('a citation as the last paragraph inside a quote', () => {
  it('names who said the paragraphs before it', () => {
    expect(
      speakersOf([
        'Tom Hale campaigned in Iowa on Monday.',
        '"If Ms. Ruiz loses the first two states, the road gets much harder for her here.',
        'S.C. Rep. Jim Clyde."',
        'Analysts agreed. "We may see a return of budget hawks.',
        'Dean Bakker, Center for Policy Research."',
      ]),
    ).toEqual(['Jim Clyde', 'Dean Bakker']);
  });
});

describe('the source a sentence cites', () => {
  it('is who a later "she" most likely means, as a subject would be', () => {
    expect(
      run([
        'Mara Quist and Tom Reed both spoke in Iowa. Quist praised the crowd.',
        'The Ledger said it would treat the race as news. That news will come with a bias, according to a post from Ana Ruiz.',
        '“We will report on every rally as news,” she wrote.',
      ]),
    ).toEqual([['We will report on every rally as news,', 'Ana Ruiz']]);
  });
});

describe('a sentence that opens after a quote', () => {
  it('has a subject a later "he" points back to', () => {
    expect(
      run([
        '“We came for the ideas,” said Roy Hale, a retiree from Keene.',
        'His neighbor Ana Lind held a sign that read “15%!” Her father, Brad, 39, worried that voters read too little.',
        '“Folks worry their ballots will not count,” he said.',
      ]).at(-1),
    ).toEqual(['Folks worry their ballots will not count,', 'Brad']);
  });
});

describe('gender from a role noun', () => {
  it('tells two of one surname apart by "his son" and a title', () => {
    expect(
      run([
        'Omar Khan, who lost his son Adil Khan in the war, spoke first. His wife, Sara Khan, stood beside him.',
        '“I felt every word,” Ms. Khan wrote.',
      ]),
    ).toEqual([['I felt every word,', 'Sara Khan']]);
  });
});

describe('documents speak for their authors', () => {
  it('gives a statement to the organisation it comes from, a lawsuit to the person it names', () => {
    expect(run(['“We will appeal,” said a statement from the Harbor Authority.'])).toEqual([
      ['We will appeal,', 'Harbor Authority'],
    ]);
    expect(
      run([
        '“The network is a mess,” claimed the lawsuit of TV anchor Nora Vance, who says she was smeared.',
      ]),
    ).toEqual([['The network is a mess,', 'Nora Vance']]);
  });

  it('describes an author the page does not name', () => {
    expect(run(['“No comment,” read an email by the company.'])).toEqual([
      ['No comment,', 'company'],
    ]);
  });
});

describe('asides, agents and reported clauses are not the subject', () => {
  it('reads the subject before an aside set off by dashes, or the name the aside gives', () => {
    expect(
      candidatesOf(
        [
          'Tom Hale spoke on Thursday in Ohio.',
          'On Monday, Hale — named by The Ledger as a likely pick for the cabinet — told Dana Okafor of Radio Nine that "the offer deserves a careful look."',
        ],
        '',
        'cue-before',
      ),
    ).toEqual(['Tom Hale']);
    expect(
      run([
        'The council met on Sunday.',
        'A rival bidder -- Tom Hale, who lost the 2019 tender to the firm -- said the council "never read the offer."',
      ]),
    ).toEqual([['never read the offer.', 'Tom Hale']]);
  });

  it('cues a letter obtained by a newspaper to its author, dated or not', () => {
    // (the cue, not the ranker's pick: on this sentence alone it still leans to the paper, the
    // nearest name, at about even odds)
    expect(
      candidatesOf(
        [
          'The mayor has proposed a new tax on parking.',
          'An April 9 memo from the Harbor Residents Association obtained by Radio Nine states that "the new levy would empty the old town."',
        ],
        '',
        'cue-before',
      ),
    ).toEqual(['Harbor Residents Association']);
  });

  it('gives "…, Pike said, adding, "…"" to the one who said, not the sentence\'s first name', () => {
    expect(
      candidatesOf(
        [
          'Omar Vale came to the hall on Friday.',
          'Vale left as soon as the talks were finished, Dana Pike said, adding, "He was not one for small talk."',
        ],
        '',
        'cue-before',
      ),
    ).toEqual(['Dana Pike']);
    // (a noun before the comma is no verb: "recites the usual campaign points, calling")
    expect(
      candidatesOf(
        [
          'Ana Ruiz spoke on Monday.',
          'Ruiz repeated that Hale recites the usual campaign points, calling him a "careful clerk."',
        ],
        '',
        'cue-before',
      ),
    ).not.toContain('usual campaign');
  });

  it('gives words woven into a reported clause to the name that reports them', () => {
    expect(
      candidatesOf(
        [
          'The caucus met behind closed doors on Tuesday.',
          'Rep. Tom Hale said Ruiz told the members that they "would not be like the other side."',
        ],
        '',
        'cue-before',
      ),
    ).toEqual(['Tom Hale']);
    // (where no name reports them, the clause's own name keeps them)
    expect(
      candidatesOf(
        ['The ferry left late.', 'A deckhand said that Hale shouted "Cast off!" at the crew.'],
        '',
        'cue-before',
      ),
    ).toEqual(['Hale']);
  });

  it('skips the subject of what is reported: "saying the plan goes "…""', () => {
    expect(
      candidatesOf(
        [
          'The budget deal was struck on Friday.',
          'Mayor Ana Ruiz on Monday faulted the deal, saying the plan goes "well past what the city can pay."',
        ],
        '',
        'cue-wide',
      ),
    ).toEqual(['Ana Ruiz']);
  });

  it('gives a description left unclosed before its verb to the name it follows', () => {
    // ("Name, role of Body said": the closing comma is missing; the body is no subject)
    expect(
      candidatesOf(
        [
          'Bakeries in the valley raised prices again.',
          'Pell Ostrand, treasurer and founder of Valley Millers Guild stated, "Flour costs twice what it did."',
        ],
        '',
        'cue-before',
      ),
    ).toEqual(['Pell Ostrand']);
    expect(
      candidatesOf(
        [
          'Bakeries in the valley raised prices again.',
          'Pell Ostrand, treasurer of the valley association said "flour costs twice what it did."',
        ],
        '',
        'cue-before',
      ),
    ).toEqual(['Pell Ostrand']);
    // (a description tied to no body may be an aside: the name is what it speaks of)
    expect(
      candidatesOf(
        [
          'Bakeries in the valley raised prices again.',
          'Ostrand, a close friend said, "has never baked a loaf."',
        ],
        '',
        'cue-before',
      ),
    ).not.toContain('Pell Ostrand');
  });

  it('reads "news reports" as one noun, not a description and its verb', () => {
    expect(
      candidatesOf([
        'The charity denied it on Tuesday.',
        'Numerous news reports and a new book reveal the charity had "known about it for years."',
      ]),
    ).not.toContain('Numerous news');
  });
});

describe('verbs that introduce a quote before it or after it', () => {
  it('gives the name "what X called" to X, whatever verb follows the quote', () => {
    expect(
      run([
        'Ana Ruiz keeps the books at the Lakeside Tennis Club.',
        'Back then, under what Ms. Ruiz called "the old pricing plan," the Lakeside Tennis Club, a private club in Ames, charged a steep fee.',
      ]),
    ).toEqual([['the old pricing plan,', 'Ana Ruiz']]);
  });

  it('reads verbs of judging in every form: "rejected the idea as "…""', () => {
    // (the nearer verb of saying, "proposed", has another subject)
    for (const verb of ['rejected', 'derides', 'is denouncing'])
      expect(
        candidatesOf(
          [
            'Ana Ruiz wants a night ferry.',
            `Ruiz proposed the ferry in May, but the Harbor Guild ${verb} the idea as "a costly toy."`,
          ],
          '',
          'cue-before',
        ),
      ).toEqual(['Harbor Guild']);
  });

  it('finds the verb that closes a sentence past a phrase after it', () => {
    expect(
      candidatesOf(
        [
          'Tom Hale runs a shop in Ames and backs the mayor.',
          '"The vote was rigged from the start" at the board, he said in an interview.',
        ],
        '',
        'cue-after',
      ),
    ).toEqual(['Tom Hale']);
  });

  it('gives what a finding says to whoever found it', () => {
    expect(
      run([
        'Dana Okafor runs the local shop.',
        'Last spring, the Harbor Institute found that "most renters pay more than a third of their income." Rents rose again since.',
      ]),
    ).toEqual([['most renters pay more than a third of their income.', 'Harbor Institute']]);
  });

  it('reads "proposed" and "beamed" as verbs of saying', () => {
    expect(
      speakersOf(['At the meeting, Ana Ruiz proposed we "start over and ask the voters first."']),
    ).toEqual(['Ana Ruiz']);
    expect(
      speakersOf([
        'The team came home on Sunday.',
        '"We finally won one!" beamed Dana Okafor of Ames, who drove all night.',
      ]),
    ).toEqual(['Dana Okafor']);
  });

  it('reads "reacted" as a verb of saying', () => {
    expect(
      speakersOf([
        'Ana Ruiz spoke about the budget on Sunday.',
        '"Did anyone even call the tenants?" reacted Tom Hale, who lives there.',
      ]),
    ).toEqual(['Tom Hale']);
  });
});

describe('what is no part of a name or a description', () => {
  it('ends a description read back from a colon at a verb after a name', () => {
    expect(
      speakersOf([
        'Who pays for the bridge? A survey from The Harbor Policy Institute measured it:',
        '"Tolls cover less than half of the upkeep."',
      ]),
    ).toEqual(['Harbor Policy Institute']);
  });

  it('keeps a stage direction out of the name: "Enter Dana Okafor, …"', () => {
    expect(
      speakersOf([
        'Enter Dana Okafor, who ran the shop for thirty years.',
        '"Ask me anything," she says over coffee.',
      ]),
    ).toEqual(['Dana Okafor']);
  });
});
