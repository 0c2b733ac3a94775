import { describe, expect, it } from 'vitest';
import { EntityIndex } from '../../../lib/quotes/entities';
import {
  appositiveRole,
  readMentionBackward,
  readMentionForward,
  roleGender,
} from '../../../lib/quotes/mentions';
import { tokenize } from '../../../lib/quotes/tokens';

const fwd = (t: string) => readMentionForward(t, tokenize(t), 0, tokenize(t).length);
const back = (t: string) => {
  const toks = tokenize(t);
  return readMentionBackward(t, toks, toks.length - 1, 0);
};

describe('mentions', () => {
  it('splits roles and titles from names', () => {
    expect(fwd('political analyst Hikmat Rahimov said')).toMatchObject({
      kind: 'name',
      name: 'Hikmat Rahimov',
      role: 'political analyst',
    });
    expect(back('Russian President Ivan Volkov')).toMatchObject({
      kind: 'name',
      name: 'Ivan Volkov',
      role: 'Russian President',
    });
    expect(fwd('Mr. Ivo Kranj said')?.role).toBeUndefined();
  });

  it("gives a name the role in apposition before it, a body's word and all", () => {
    const t = 'The committee chair, Halima Brennan, said the vote had been close.';
    const toks = tokenize(t);
    const m = readMentionForward(t, toks, 4, toks.length);
    expect(m && appositiveRole(t, toks, m)).toBe('committee chair');
  });

  it('reads "an Iranian journalist visiting Tarn" as a description, the participle apart', () => {
    expect(fwd('an Iranian journalist visiting Tarn on vacation, told it')).toMatchObject({
      kind: 'description',
      role: 'Iranian journalist',
    });
  });

  it('keeps descriptions like "Oscar-winner" and "Tarn-based" out of the name', () => {
    expect(fwd('Liberal Oscar-winner Sarandon told reporters')).toMatchObject({
      kind: 'name',
      name: 'Sarandon',
      role: 'Liberal Oscar-winner',
    });
    expect(fwd('Tarn-based Varn Holdings said')).toMatchObject({ name: 'Varn Holdings' });
    expect(fwd('Paris-based said')).toBeNull();
  });

  it('ends no description on a preposition: "the chair of the harbor board authority to"', () => {
    expect(back('rules give the chair of the harbor board authority to')).toBeNull();
    expect(back('a spokesperson for the harbor board')).toMatchObject({
      role: 'spokesperson for the harbor board',
    });
  });

  it('keeps "New" that opens a place in a description: "a New Arden Post article"', () => {
    expect(back('a New Arden Post article at the time')).toMatchObject({
      kind: 'description',
      role: 'New Arden Post article at the time',
    });
  });

  it('gives no role to a name after a descriptor alone: "Amazon-owned Varn Market"', () => {
    const t = 'at Amazon-owned Varn Foods Market, he said';
    const m = readMentionForward(t, tokenize(t), 1, tokenize(t).length);
    expect(m).toMatchObject({ name: 'Varn Foods Market' });
    expect(m?.role).toBeUndefined();
  });

  it('reads a nickname in quote marks as part of the name, not a headline’s quoted word', () => {
    expect(fwd('Del. Ana "Bea" Ruiz spoke')).toMatchObject({ name: 'Ana "Bea" Ruiz' });
    expect(back('said Richard “Dick” Lane')).toMatchObject({ name: 'Richard “Dick” Lane' });
    expect(fwd('Council ‘Peace’ Summit')?.name).not.toContain('Summit');
  });

  it("reads an organisation's possessive as the employer of the name after it", () => {
    expect(fwd('the Dover Labour Party’s Ann Ruiz told the paper')).toMatchObject({
      kind: 'name',
      name: 'Ann Ruiz',
      role: 'Dover Labour Party',
    });
    // a person's possessive owns a thing: "Mr. Vell's Morning Show" is no one
    expect(fwd("Mr. Vell's Morning Show aired")).toMatchObject({ name: 'Vell' });
  });

  it('ends a name on a month or a modal after a name word: "Theresa May", "Kim Jong Un"', () => {
    expect(fwd('Prime Minister Tessa May said')).toMatchObject({ name: 'Tessa May' });
    expect(back('said Kim Jong Un')).toMatchObject({ name: 'Kim Jong Un' });
    expect(fwd('columnist Ai Jun wrote')).toMatchObject({ name: 'Ai Jun' });
    // a headline's modal and a date are no part of the name
    expect(fwd('Hale Will Visit Arden')?.name).toBe('Hale');
    expect(fwd('Ana Ruiz May 5')?.name).toBe('Ana Ruiz');
  });

  it("reads another language's role word after an honorific as a surname, not an English one", () => {
    expect(fwd('Mr. Autor said')).toMatchObject({ kind: 'name', name: 'Autor', gender: 'm' });
    expect(fwd('Mr. President said')?.kind).toBe('role');
  });

  it('reads a role noun outside the lexicon between a modifier and a full name', () => {
    expect(fwd('Daily Wire co-host Tom Beck said')).toMatchObject({
      name: 'Tom Beck',
      role: 'Daily Wire co-host',
    });
    expect(fwd('Ohio realtor Shaun Lee said')).toMatchObject({ name: 'Shaun Lee' });
    // a verb is no role, nor a word of another kind shaped like one: the name before it is
    // the mention
    expect(fwd('Trump answered Ted Cruz')?.name).toBe('Trump');
    expect(fwd('Envoy Karl Stenn spoke after Chair Ana Ruiz')?.name).toBe('Karl Stenn');
    expect(fwd('Karl Stenn never Ana Ruiz')?.name).toBe('Karl Stenn');
    // a surname alone after a guessed role is not enough
    expect(fwd('Ohio realtor Lee said')?.name).not.toBe('Lee');
  });

  it('reads a word kept out of names as a surname after a first name, before a verb', () => {
    expect(fwd('chief executive Ian Read said')?.name).toBe('Ian Read');
    expect(fwd('executive Jack White wrote')?.name).toBe('Jack White');
    expect(fwd('Ian Read More')?.name).not.toBe('Ian Read More');
  });

  it('ends a name at a verb of saying written in capitals, as headlines write them', () => {
    expect(fwd('Chris Christie Calls Hillary Clinton Racist')?.name).toBe('Chris Christie');
    expect(fwd('Ted Cruz Slams Trump')?.name).toBe('Ted Cruz');
    expect(fwd('the Huffington Post reported')?.name).toBe('Huffington Post');
  });

  it('never reads a word holding a caseless script as a capitalised name', () => {
    expect(fwd('Storageからロードされた said')?.kind).not.toBe('name');
  });

  it('takes a gender from the head noun of a role only', () => {
    expect(roleGender('his son')).toBe('m');
    expect(roleGender('widow of the late senator')).toBe('f');
    expect(roleGender('party chairwoman')).toBe('f');
    expect(roleGender('a friend of her son')).toBeUndefined();
    expect(roleGender('political analyst')).toBeUndefined();
  });

  it('takes the gender of a first name that is also a role word: "Bill"', () => {
    expect(fwd('former President Bill Vance said')?.gender).toBe('m');
  });

  it('keeps "Watch" ending an organisation\'s name: "Harbour Watch President Ivo Kranj"', () => {
    expect(fwd('Harbour Watch President Ivo Kranj said')).toMatchObject({
      kind: 'name',
      name: 'Ivo Kranj',
      role: 'Harbour Watch President',
    });
  });

  it('reads a subject pronoun with its verb joined on: "He\'s", "She\'d"', () => {
    expect(fwd("He's also a friend of hers")).toMatchObject({ kind: 'pronoun', gender: 'm' });
    expect(fwd('She’d rather wait')).toMatchObject({ kind: 'pronoun', gender: 'f' });
  });

  it('reads no description from an honorific cut off before its name: "a speech Mrs."', () => {
    const t = 'a speech Mrs. Vell delivered';
    expect(readMentionForward(t, tokenize(t), 0, 3)).toBeNull();
    expect(fwd(t)).toMatchObject({ kind: 'name', name: 'Vell' });
  });

  it('reads a rank with its ordinal: "Air Force 1st Lt. Tyler Livingston"', () => {
    expect(fwd('Air Force 1st Lt. Tyler Livingston said')).toMatchObject({
      kind: 'name',
      name: 'Tyler Livingston',
      role: 'Air Force 1st Lt.',
    });
  });

  it('reads two offices of one person joined by "and", but not two people', () => {
    expect(fwd('former Olvia Gov. and Party Chairman Ed Rendo said')).toMatchObject({
      name: 'Ed Rendo',
    });
    expect(fwd('Mr. Hale and Mr. Ruiz say')?.text).not.toContain('Ruiz');
  });

  it('reads an organisation with "and" in its name whole, but not two organisations', () => {
    expect(fwd('the Fish and Wildlife Service said')).toMatchObject({
      name: 'Fish and Wildlife Service',
    });
    expect(fwd('the Varn Trust Fund and Citizens for Fair Tax said')?.name).toBe('Varn Trust Fund');
    expect(back('The Post and Courier newspaper')?.text).toBe('The Post and Courier newspaper');
  });

  it('reads initials joined to a surname', () => {
    expect(back('H.Rahimov')).toMatchObject({ kind: 'name', name: 'H.Rahimov' });
    expect(back('F. Sadri')).toMatchObject({ kind: 'name', name: 'F. Sadri' });
  });

  it('reads pronouns, definite roles and unnamed descriptions', () => {
    expect(fwd('she said')).toMatchObject({ kind: 'pronoun', gender: 'f' });
    expect(back('the MP')).toMatchObject({ kind: 'role', role: 'MP' });
    expect(fwd('a spokesperson for the city zoo said')).toMatchObject({
      kind: 'description',
      role: 'spokesperson for the city zoo',
    });
  });

  it('ends a name at a possessive', () => {
    expect(fwd("Mr. King's Russia Today show")).toMatchObject({ kind: 'name', name: 'King' });
  });

  it("reads an outlet's possessive before a full name as the person's affiliation", () => {
    expect(fwd('CNN’s Lionel Sparrow wrote')).toMatchObject({
      kind: 'name',
      name: 'Lionel Sparrow',
      role: 'CNN',
    });
  });

  it('stops a lowercase role run at a verb in -ing', () => {
    expect(fwd('targeting former mayor Ilse Brandt')).toBeNull();
    expect(fwd('managing director Ilse Brandt')).toMatchObject({
      name: 'Ilse Brandt',
      role: 'managing director',
    });
  });

  it('starts the name at a known first name inside a capitalised run', () => {
    expect(fwd('State John T. Harrow said')).toMatchObject({
      kind: 'name',
      name: 'John T. Harrow',
      gender: 'm',
    });
  });
});

describe('EntityIndex', () => {
  it('merges a surname, initials and a fuller name into one entity', () => {
    const idx = new EntityIndex();
    const a = idx.byName(
      { kind: 'name', from: 0, to: 1, text: 'Rahimov', name: 'Rahimov' },
      1,
      true,
    );
    const b = idx.byName(
      { kind: 'name', from: 0, to: 2, text: 'Hikmat Rahimov', name: 'Hikmat Rahimov' },
      5,
      true,
    );
    const c = idx.byName(
      { kind: 'name', from: 0, to: 1, text: 'H.Rahimov', name: 'H.Rahimov' },
      9,
      true,
    );
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(a.name).toBe('Hikmat Rahimov');
    expect([...a.aliases]).toEqual(expect.arrayContaining(['Rahimov', 'H.Rahimov']));
  });

  it('keeps two people with different first names apart', () => {
    const idx = new EntityIndex();
    const a = idx.byName(
      { kind: 'name', from: 0, to: 2, text: 'Bill Tanner', name: 'Bill Tanner' },
      1,
      true,
    );
    const b = idx.byName(
      { kind: 'name', from: 0, to: 2, text: 'Joan Tanner', name: 'Joan Tanner' },
      2,
      true,
    );
    expect(a).not.toBe(b);
  });

  it('takes a description for the start of a longer one met before, and the reverse', () => {
    const idx = new EntityIndex();
    const long = idx.byDescription('GOP insider in the early primary state of Vermont', 1, false);
    expect(idx.byDescription('GOP insider in the early primary', 5, false)).toBe(long);
    const short = idx.byDescription('union official at the plant', 9, false);
    expect(idx.byDescription('union official at the plant in Tarn', 12, false)).toBe(short);
    expect(short.name).toBe('union official at the plant in Tarn');
    // two words say too little: "a spokesman" may be anyone's
    const spokes = idx.byDescription('spokesman for the ministry', 20, false);
    expect(idx.byDescription('spokesman', 25, false)).not.toBe(spokes);
  });

  it('finds the bearer of a role among recent entities', () => {
    const idx = new EntityIndex();
    const mp = idx.byName(
      { kind: 'name', from: 0, to: 2, text: 'Sara Quist', name: 'Sara Quist', role: 'local MP' },
      3,
      true,
    );
    expect(idx.byRole('the MP', 10)).toBe(mp);
    expect(idx.byRole('the mayor', 10)).toBeNull();
  });
});

describe('words that are never names', () => {
  it('does not read a contraction or a sentence adverb as a name', () => {
    expect(fwd("They'd Rather Stay said")?.kind).not.toBe('name');
    expect(fwd('Don’t Panic said')).toBeNull();
    expect(fwd('It’s Over now')).toBeNull();
    expect(fwd('Accordingly Turkey said')).toBeNull();
    expect(fwd('Kelly Brandt said')).toMatchObject({ kind: 'name', name: 'Kelly Brandt' });
  });

  it('does not read a US state’s abbreviation as a name, but keeps "Del." the delegate', () => {
    expect(back('a resort in Orlo, Fla.')).toBeNull();
    expect(fwd('Ky. — “which is lovely”')).toBeNull();
    expect(fwd('Del. Ana Ruiz spoke')).toMatchObject({ name: 'Ana Ruiz' });
  });

  it('finds the head of a role before its link for a definite role', () => {
    const ents = new EntityIndex();
    ents.byName(
      { kind: 'name', from: 0, to: 2, text: 'Northern State', name: 'Northern State', org: true },
      0,
      true,
    );
    // "secretary of state" is a secretary, not the Northern State
    expect(ents.byRole('former secretary of state', 10)).toBeNull();
    expect(ents.byRole('the state', 10, true)?.name).toBe('Northern State');
  });

  it('reads an office named with "of" before a name as that person with the office', () => {
    expect(fwd('Secretary of Water Ana Ruiz said')).toMatchObject({
      kind: 'name',
      name: 'Ana Ruiz',
      role: 'Secretary of Water',
    });
    expect(fwd('Minister of Foreign Trade Piet Hale said')?.name).toBe('Piet Hale');
    // no name after the office: the office alone
    expect(fwd('Secretary of Water said')?.kind).toBe('role');
    // an office of two words
    expect(fwd('Deputy Secretary of Home Safety Orla Brisk said')).toMatchObject({
      name: 'Orla Brisk',
      role: 'Deputy Secretary of Home Safety',
    });
  });

  it('knows the shortened and local titles before a name', () => {
    expect(fwd('Supt. Rina Voss said')).toMatchObject({ name: 'Rina Voss', role: 'Supt.' });
    expect(fwd('AG Tom Hale said')?.name).toBe('Tom Hale');
    expect(fwd('Assemblywoman Dana Pike said')).toMatchObject({ name: 'Dana Pike', gender: 'f' });
  });

  it('reads the same office holder backwards, from the end of the name', () => {
    // without a known first name the holder is the last two words, as forwards
    expect(back('said Minister of Water Resources Tolga Venn')).toMatchObject({
      kind: 'name',
      name: 'Tolga Venn',
      role: 'Minister of Water Resources',
    });
    expect(back('Deputy Secretary of Home Safety Orla Brisk')?.name).toBe('Orla Brisk');
  });

  it('ends a description at a verb before "to" after the name it holds', () => {
    expect(fwd('Lawyers for Hale seemed to resist the motion')).toMatchObject({
      text: 'Lawyers for Hale',
    });
    expect(fwd('A spokesman for Mr. Hale declined to comment')?.text).toBe(
      'A spokesman for Mr. Hale',
    );
  });
});
