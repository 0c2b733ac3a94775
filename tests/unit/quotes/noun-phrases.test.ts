import { describe, expect, it } from 'vitest';
import { readNounPhraseBackward, readNounPhraseForward } from '../../../lib/quotes/noun-phrases';
import { tokenize } from '../../../lib/quotes/tokens';

const at = (text: string, word: string) => {
  const tokens = tokenize(text);
  return { tokens, i: tokens.findIndex((t) => t.w === word) };
};

describe('noun phrases in a speaker’s place', () => {
  it('reads a definite noun no word list knows as an unnamed speaker: "the sender vowed"', () => {
    const text = 'The sender vowed to act.';
    const { tokens, i } = at(text, 'sender');
    const m = readNounPhraseBackward(text, tokens, i, 0);
    expect(m?.role).toBe('sender');
    expect(m?.kind).toBe('role');
  });

  it('ends the phrase at a participle after its head: "another guard passing me"', () => {
    const text = 'said another guard passing me in the yard';
    const { tokens, i } = at(text, 'another');
    expect(readNounPhraseForward(text, tokens, i, tokens.length)?.role).toBe('guard');
    const lead = 'said a leading economist';
    const b = at(lead, 'a');
    expect(readNounPhraseForward(lead, b.tokens, b.i, b.tokens.length)?.role).toBe(
      'leading economist',
    );
  });

  it('reads no speaker in the object of a preposition: "his thumb over his shoulder said"', () => {
    const text = 'jerking his thumb over his shoulder said';
    const { tokens, i } = at(text, 'shoulder');
    expect(readNounPhraseBackward(text, tokens, i, 0)).toBeNull();
  });

  it('keeps a possessor with its noun: "Elton John’s publicist"', () => {
    const text = '“No,” Elton John’s publicist retorted.';
    const { tokens, i } = at(text, 'Elton');
    expect(readNounPhraseForward(text, tokens, i, tokens.length)?.role).toBe(
      'Elton John’s publicist',
    );
  });

  it('reads someone after "a" as unnamed, capitals and all: "a New Hampshire Republican"', () => {
    const text = 'said a New Hampshire Republican, who asked not to be named';
    const { tokens, i } = at(text, 'a');
    const m = readNounPhraseForward(text, tokens, i, tokens.length);
    expect(m?.kind).toBe('description');
    expect(m?.role).toBe('New Hampshire Republican');
  });

  it('carries a description over "in" and "of": "a party insider in the state of Vermont"', () => {
    const text = 'said a party insider in the state of Vermont.';
    const { tokens, i } = at(text, 'a');
    expect(readNounPhraseForward(text, tokens, i, tokens.length)?.role).toBe(
      'party insider in the state of Vermont',
    );
  });

  it('takes a bare plural but not a bare singular: "critics said", not "weather said"', () => {
    const plural = 'Critics said it twice.';
    const p = at(plural, 'Critics');
    expect(readNounPhraseForward(plural, p.tokens, p.i, p.tokens.length)).toBeNull();
    const lower = 'and critics said it twice.';
    const q = at(lower, 'critics');
    expect(readNounPhraseForward(lower, q.tokens, q.i, q.tokens.length)?.role).toBe('critics');
    const single = 'and weather said it';
    const r = at(single, 'weather');
    expect(readNounPhraseForward(single, r.tokens, r.i, r.tokens.length)).toBeNull();
  });

  it('never takes a verb of saying, a pronoun or a preposition for a head', () => {
    const text = 'the said about them';
    const tokens = tokenize(text);
    for (let i = 0; i < tokens.length; i++)
      expect(readNounPhraseBackward(text, tokens, i, 0)).toBeNull();
  });
});
