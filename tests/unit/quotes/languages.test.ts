/** Marks and speech verbs of French, Spanish, German and Russian, on sentences of our own. */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../lib/quotes/index';
import { modelOf } from './model';

const run = (p: string) => extractQuotes(modelOf([p])).quotes.map((q) => [q.text, q.speaker]);

describe('other languages', () => {
  it('German: „…“ with sagte, before and after the quote', () => {
    expect(run('„Wir bleiben hier“, sagte Bürgermeisterin Anna Vogt am Montag.')).toEqual([
      ['Wir bleiben hier', 'Anna Vogt'],
    ]);
    expect(run('Bundeskanzler Jens Albrecht sagte: „Die Lage ist ernst.“')).toEqual([
      ['Die Lage ist ernst.', 'Jens Albrecht'],
    ]);
  });

  it('Russian: «…» with заявил and a dash', () => {
    expect(run('«Мы не уйдём», — заявил министр Павел Орлов.')).toEqual([
      ['Мы не уйдём', 'Павел Орлов'],
    ]);
  });

  it('French: a fragment after "X, …, a annoncé qu\'il …" (the auxiliary "a" is no article)', () => {
    expect(
      run(
        "Marie Dubois, maire de la ville qui a voté contre, a annoncé qu'elle enverrait un « dossier complet » au ministère.",
      ),
    ).toEqual([['dossier complet', 'Marie Dubois']]);
  });

  it('French: « … » with a perfect tense verb, and selon', () => {
    expect(run('« Nous tiendrons », a affirmé la maire Claire Fabre.')).toEqual([
      ['Nous tiendrons', 'Claire Fabre'],
    ]);
    expect(run('Selon Claire Fabre, « la ville est prête ».')).toEqual([
      ['la ville est prête', 'Claire Fabre'],
    ]);
  });

  it('Spanish: «…» with dijo, and según', () => {
    expect(run('«Seguiremos», dijo la alcaldesa Marta Gil.')).toEqual([
      ['Seguiremos', 'Marta Gil'],
    ]);
    expect(run('Según Marta Gil, «el puerto abre mañana».')).toEqual([
      ['el puerto abre mañana', 'Marta Gil'],
    ]);
  });
});
