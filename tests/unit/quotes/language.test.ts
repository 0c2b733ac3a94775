import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../lib/quotes/index';
import { guessLanguage } from '../../../lib/quotes/language';
import { UNLEARNED_LANGUAGE_CAP } from '../../../lib/quotes/ranker';
import { modelOf } from './model';

const english =
  'The council said on Monday that the bridge was closed for repairs, and that it would stay shut for the rest of the month. Drivers were told to use the ferry, which was busier than usual. ';
const spanish =
  'El alcalde dijo el lunes que el puente estaba cerrado por obras y que seguiría así durante el resto del mes. Los conductores fueron enviados al transbordador, que tuvo más pasajeros que de costumbre. ';
const german =
  'Der Bürgermeister sagte am Montag, dass die Brücke wegen Bauarbeiten gesperrt ist und auch für den Rest des Monats nicht geöffnet wird. Die Fahrer sollen auf die Fähre ausweichen. ';

describe('the language of a page that does not declare one', () => {
  it('tells English, Spanish, German, French and Russian apart', () => {
    expect(guessLanguage(english.repeat(2))).toBe('en');
    expect(guessLanguage(spanish.repeat(2))).toBe('es');
    expect(guessLanguage(german.repeat(2))).toBe('de');
    expect(
      guessLanguage(
        'Le maire a déclaré lundi que le pont est fermé pour des travaux et qu’il le restera pour le reste du mois. Les automobilistes sont invités à prendre le bac, qui était plus chargé que d’habitude. '.repeat(
          2,
        ),
      ),
    ).toBe('fr');
    expect(
      guessLanguage('Мэр заявил в понедельник, что мост закрыт на ремонт до конца месяца.'),
    ).toBe('ru');
  });

  it('says nothing where the text is too short or mixed to tell', () => {
    expect(guessLanguage('Bridge closed')).toBeUndefined();
    expect(guessLanguage('')).toBeUndefined();
  });

  it('caps the confidence of labels on an undeclared page in a language the model never saw', () => {
    const text = `${spanish} "Vamos a reabrir el puente en abril", dijo la alcaldesa Ana Ruiz.`;
    const out = extractQuotes({ ...modelOf([text]), lang: undefined });
    expect(out.quotes).toHaveLength(1);
    expect(out.quotes[0]?.confidence).toBeLessThanOrEqual(UNLEARNED_LANGUAGE_CAP);
  });

  it('a declared language wins over the guess', () => {
    const m = {
      ...modelOf([`${spanish} "Vamos a reabrir el puente", dijo Ana Ruiz.`]),
      lang: 'en',
    };
    expect(extractQuotes(m).quotes[0]?.confidence).toBeGreaterThan(UNLEARNED_LANGUAGE_CAP);
  });
});
