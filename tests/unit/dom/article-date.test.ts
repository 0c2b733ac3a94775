/**
 * The date-line test of lib/dom/article.ts compiles its pattern with `u` only over folded text
 * (compiling it with `iu` costs milliseconds per page, cold). These tests hold it to exactly the
 * meaning of the `iu` pattern: character by character, and on whole date lines.
 */
import { describe, expect, it } from 'vitest';
import { foldDateText, isDateText } from '../../../lib/dom/article';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-zé]*\\.?';
/** The pattern as it was written, with the flags it means. */
const REFERENCE = new RegExp(
  `^(?:(?:published|updated|posted|last updated|modified|publié|mis à jour|veröffentlicht|aktualisiert|actualizado|publicado)(?=[\\s:]|$)[^.!?]*\\d[^.!?]*|(?:\\p{L}+\\.?,?\\s+)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th|\\.)?\\s+${MONTH},?\\s+\\d{4}|\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4})[^.!?]{0,60})$`,
  'iu',
);

describe('foldDateText', () => {
  it('keeps the length of any text', () => {
    const s = 'ÀÉÖ ſ\u212a\u0345 İstanbul ẞ MAY';
    expect(foldDateText(s)).toHaveLength(s.length);
  });

  it('makes every literal letter of the pattern match as it does case-insensitively', () => {
    const letters = 'abcdefghijklmnopqrstuvwxyzéàö';
    const exact = [...letters].map((x) => ({ x, iu: new RegExp(`^${x}$`, 'iu') }));
    const mismatches: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCharCode(cp);
      const f = foldDateText(c);
      for (const { x, iu } of exact) {
        if (iu.test(c) !== (f === x)) mismatches.push(`U+${cp.toString(16)} vs ${x}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('leaves the classes of the pattern (\\p{L}, \\s, \\d, [^.!?]) seeing the same text', () => {
    const classes = ['\\p{L}', '\\s', '\\d', '[^.!?]', '[/.-]', '[\\s:]'];
    const pairs = classes.map((k) => ({
      k,
      iu: new RegExp(`^${k}$`, 'iu'),
      u: new RegExp(`^${k}$`, 'u'),
    }));
    const mismatches: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x30000 ? 1 : 97) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const c = String.fromCodePoint(cp);
      const f = foldDateText(c);
      for (const { k, iu, u } of pairs) {
        if (iu.test(c) !== u.test(f)) mismatches.push(`U+${cp.toString(16)} in ${k}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('isDateText', () => {
  const lines = [
    'Updated: 3 May 2026',
    'UPDATED 14 JUNE 2025 AT 09:10',
    'Published 12 March 2024, 18:02',
    'Posted at 7:15',
    'Last updated on 2 Feb 2023',
    'Dec. 13, 2016, 12:31 PM',
    'DEC. 13, 2016',
    'Tuesday, April 9, 2019',
    'MARDI 9 AVRIL 2019',
    'Publié le 9 avril 2019 à 10h00',
    'PUBLIÉ LE 9 AVRIL 2019',
    'Mis à jour le 10 avril 2019',
    'MIS À JOUR LE 10 AVRIL 2019',
    'Veröffentlicht am 3.5.2026',
    'VERÖFFENTLICHT AM 3.5.2026',
    'AKTUALISIERT 3.5.2026',
    'A\u212aTUALISIERT 3.5.2026',
    'Po\u017fted 3 May 2026',
    'Actualizado 4 de mayo de 2026',
    '2019.03.05',
    '05/03/2019 14:00',
    'Samstag, 3. Mai 2026',
    'PAZARTESİ 4 MAYIS 2026',
    'Dimanche 1er février 2026',
    'Oct 4th, 2021',
    'He said 3 things. Then left',
    'Watch: 3 May 2026 highlights!',
    'Updated. 3 May 2026',
    '12 comments',
    'Page 2 of 7',
    'By Jane Roe, 3 May 2026',
    'x\u0345y 3 May 2026',
  ];
  for (const line of lines) {
    it(`agrees with the iu pattern on "${line}"`, () => {
      expect(isDateText(line)).toBe(REFERENCE.test(line));
    });
  }

  it('recognises date lines in any case', () => {
    expect(isDateText('UPDATED 14 JUNE 2025 AT 09:10')).toBe(true);
    expect(isDateText('MIS À JOUR LE 10 AVRIL 2019')).toBe(true);
    expect(isDateText('DEC. 13, 2016')).toBe(true);
    expect(isDateText('12 comments')).toBe(false);
  });
});
