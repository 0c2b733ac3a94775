/**
 * Marks and word lists of French, Spanish, German, Russian, Portuguese and Italian, on sentences
 * of our own.
 */
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../lib/quotes/index';
import { rulesJudge } from '../../../lib/quotes/ranker';
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

  // The word lists of each language: a verb of saying, an according-to phrase, and a
  // capitalised sentence opener that is no name.
  // Who speaks, for a quote the rules keep: whether a one-line page's lone "No comment" is a
  // statement is the learned judge's call, near even, and changes with a retrain
  const speakerOf = (p: string) =>
    extractQuotes(modelOf([p]), { judge: rulesJudge }).quotes.map((q) => q.speaker);

  it('Spanish: denunciaron, llamó (by the quote), a juicio del, openers Consultada and Como', () => {
    expect(run('Sin embargo, «nadie nos avisó», denunciaron los vecinos.')).toEqual([
      ['nadie nos avisó', 'los vecinos'],
    ]);
    expect(run('El senador Pablo Ibáñez llamó a la medida «un disparate».')).toEqual([
      ['un disparate', 'Pablo Ibáñez'],
    ]);
    expect(run('A juicio del politólogo Tomás Vera, «el Gobierno perdió la calle».')).toEqual([
      ['el Gobierno perdió la calle', 'Tomás Vera'],
    ]);
    expect(run('Como explicó la jueza Carla Mena, «el fallo es firme».')).toEqual([
      ['el fallo es firme', 'Carla Mena'],
    ]);
    const consulted = speakerOf(
      'Consultada sobre el plan, una fuente oficial lo resumió así: «Nadie quiere pagar el costo».',
    );
    expect(consulted).toHaveLength(1);
    expect(consulted[0]).not.toBe('Consultada');
  });

  it('Spanish: an adverb between the verb and its subject ("anunció ayer el gerente X")', () => {
    expect(run('«Cerraremos la fábrica», anunció ayer el gerente Luis Paz.')).toEqual([
      ['Cerraremos la fábrica', 'Luis Paz'],
    ]);
  });

  it('French: estiment, aux dires de, opener Interrogée', () => {
    expect(run('Pourtant, « tout reste possible », estiment les analystes.')).toEqual([
      ['tout reste possible', 'les analystes'],
    ]);
    expect(run('Aux dires de l’avocate Camille Roux, « le dossier est vide ».')).toEqual([
      ['le dossier est vide', 'Camille Roux'],
    ]);
    const asked = speakerOf(
      'Interrogée sur ce point, une source proche du dossier a résumé : « Rien n’est joué ».',
    );
    expect(asked).toHaveLength(1);
    expect(asked[0]).not.toBe('Interrogée');
  });

  it('German: erklärten, nannte, zufolge after its noun, nach Angaben, openers Dabei and Zudem', () => {
    expect(run('Dabei sei „alles nach Plan gelaufen“, erklärten die Ermittler.')).toEqual([
      ['alles nach Plan gelaufen', 'die Ermittler'],
    ]);
    expect(run('Außenminister Lukas Roth nannte den Vorschlag „absurd“.')).toEqual([
      ['absurd', 'Lukas Roth'],
    ]);
    expect(run('Dem Sprecher Uwe Koch zufolge ist die Lage „unter Kontrolle“.')).toEqual([
      ['unter Kontrolle', 'Uwe Koch'],
    ]);
    expect(run('Nach Angaben der Polizei „gab es keine Verletzten“.')).toEqual([
      ['gab es keine Verletzten', 'Polizei'],
    ]);
    expect(run('Dabei betonte der Vorsitzende Klaus Weber: „Wir stehen zusammen.“')).toEqual([
      ['Wir stehen zusammen.', 'Klaus Weber'],
    ]);
    expect(run('Zudem warnte die Expertin Lea Hoffmann: „Die Preise steigen weiter.“')).toEqual([
      ['Die Preise steigen weiter.', 'Lea Hoffmann'],
    ]);
  });

  it('Russian: назвал (by the quote), по данным, opener Однако', () => {
    expect(run('Политолог Дмитрий Орлов назвал решение «ошибкой».')).toEqual([
      ['ошибкой', 'Дмитрий Орлов'],
    ]);
    expect(run('По данным Росстата, «цены выросли».')).toEqual([['цены выросли', 'Росстата']]);
    expect(run('Как пояснила Мария Ковалева, «решение уже принято».')).toEqual([
      ['решение уже принято', 'Мария Ковалева'],
    ]);
    const however = speakerOf('Однако в ведомстве ответили коротко: «Без комментариев».');
    expect(however).toHaveLength(1);
    expect(however[0]).not.toBe('Однако');
  });

  it('Portuguese: segundo, classificou (by the quote), opener Procurada', () => {
    expect(run('Segundo a deputada Carla Nunes, “o texto será votado amanhã”.')).toEqual([
      ['o texto será votado amanhã', 'Carla Nunes'],
    ]);
    expect(run('O senador Paulo Mendes classificou a medida como “inaceitável”.')).toEqual([
      ['inaceitável', 'Paulo Mendes'],
    ]);
    const sought = speakerOf(
      'Procurada, a prefeitura respondeu em nota: “O caso está sendo apurado”.',
    );
    expect(sought).toHaveLength(1);
    expect(sought[0]).not.toBe('Procurada');
  });

  it('Italian: sottolinea, secondo and a detta del, opener Interpellato', () => {
    expect(run('Inoltre, «la legge va cambiata», sottolinea la senatrice Anna Conti.')).toEqual([
      ['la legge va cambiata', 'Anna Conti'],
    ]);
    expect(run('Secondo il sindaco Luca Ferri, «i lavori finiranno a giugno».')).toEqual([
      ['i lavori finiranno a giugno', 'Luca Ferri'],
    ]);
    expect(run('A detta del procuratore Paolo Greco, «le prove sono solide».')).toEqual([
      ['le prove sono solide', 'Paolo Greco'],
    ]);
    const asked = speakerOf(
      'Interpellato sul punto, il portavoce ha replicato: «Nessun commento».',
    );
    expect(asked).toHaveLength(1);
    expect(asked[0]).not.toBe('Interpellato');
  });
});
