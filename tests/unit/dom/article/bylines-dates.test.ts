/**
 * The date-line test of lib/dom/article/bylines-dates.ts compiles its pattern with `u` only over folded text
 * (compiling it with `iu` costs milliseconds per page, cold). These tests hold it to exactly the
 * meaning of the `iu` pattern: character by character, and on whole date lines.
 */
import { describe, expect, it } from 'vitest';
import { foldDateText, isDateText } from '../../../../lib/dom/article';
import {
  isBylineText,
  isCaptionText,
  isContactText,
  isFurnitureText,
  isUrlOnly,
  shortTextVerdict,
  withoutLabelEnd,
} from '../../../../lib/dom/article/bylines-dates';

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

  it('agrees with the iu pattern on thousands of generated date-like lines', () => {
    // Pieces of date lines in every case, shuffled: the cheap pre-check must never reject a line
    // the full pattern accepts, nor may folding change a verdict.
    const pieces = [
      'Updated',
      'PUBLISHED',
      'Posted',
      'last updated',
      'Modified',
      'Publié',
      'MIS À JOUR',
      'Veröffentlicht',
      'AKTUALISIERT',
      'Actualizado',
      'publicado',
      'Tuesday,',
      'MARDI',
      'le',
      'on',
      'at',
      'May',
      'DEC.',
      'Sept',
      'février',
      'avril',
      'Juni',
      'mayo',
      'Oct',
      '3',
      '13,',
      '2016',
      '2026',
      '4th',
      '1er',
      '12:31',
      'PM',
      '3.5.2026',
      '05/03/2019',
      '2019-03-05',
      ':',
      ',',
      '.',
      '!',
      'x',
      'Ka',
      '\u212a',
      '\u017f',
      'ſ',
      'de',
      'Watch',
      'comments',
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    const mismatches: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const n = 1 + (next() % 6);
      const words: string[] = [];
      for (let k = 0; k < n; k++) words.push(pieces[next() % pieces.length] ?? '');
      const line = words.join(next() % 4 === 0 ? '' : ' ');
      if (isDateText(line) !== REFERENCE.test(line)) mismatches.push(line);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('shortTextVerdict', () => {
  it.each([
    ['Share', 'label'],
    ['Show more…', 'label'],
    ['Sign up for the morning briefing newsletter', 'drop'],
    ['© 2026 The Valley Post', 'drop'],
    ['By Ines Harrow', 'byline'],
    ['Photo: Valley Post', 'byline'],
    ['Updated: 3 May 2026, 10:42', 'byline'],
    ['The council said it would decide in May.', null],
    ['Advert', 'label'],
    ['https://www.example.com/news/2026/ferry-fares-double.html', 'label'],
    ['(Reporting by Jane Roe; editing by John Doe)', 'byline'],
    ['Email Jane Roe at jroe@example.com or follow her on the socials.', 'byline'],
    [
      'In this Nov. 10, 2026, file photo, a row of unsold cars stands at a dealership in the valley. Sales fell for a third month in October.',
      'caption',
    ],
    ['A row of unsold cars at a dealership. (AP Photo/Jane Roe, File)', 'caption'],
    ['He said the photo was taken in 2019, before the fire.', null],
  ] as const)('%s → %s', (text, verdict) => {
    expect(shortTextVerdict(text)).toBe(verdict);
  });

  it('never judges a long block by its words', () => {
    expect(shortTextVerdict(`By Ines Harrow ${'and more words '.repeat(20)}`)).toBeNull();
  });
});

/**
 * The short-text patterns run only on blocks holding what every match needs (an opening
 * phrase, a word, an opening word and what must follow it): most pages then never compile
 * them, cold. These hold the gated tests to exactly the patterns as written.
 */
describe('short-text patterns: gated for speed, same meaning', () => {
  const FURNITURE =
    /^(?:sign up|subscribe|advertisement|advertising|sponsored|read more|read next|related|share this|share on|follow us|click here|most read|most popular|recommended|you may also like|more from|more on this|listen to this|watch:|also read|see also|skip to|video player is loading|scroll down to comment)(?![a-z])|^(?:click|tap) '|^what do you think\?|\bour newsletters?\b|\b(?:sign up|subscribe|join|get|receive)\b.{0,60}\bnewsletters?\b|\bunsubscribe\b|\ball rights reserved\b|©/;
  const CONTACT =
    /^\(?(?:additional )?(?:reporting|writing|editing|compiled|research) by\b|\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b|\bfollow (?:him|her|us|them|me)\b|^follow @/;
  const CAPTION =
    /\((?:[a-z][\w.&/ -]{0,30}?\s?)?(?:photo|photograph|image|picture|foto)s?\b[^)]{0,80}\)\s*$|^in (?:this|these|an?) .{0,100}?\b(?:photos?|photographs?|images?|pictures?|handout)\b/;
  const BYLINE =
    /^(?:[Bb]y|BY|[Pp]ar|[Vv]on|[Pp]or|[Dd]i|[Dd]oor|[Aa]v|[Оо]т)\s+\p{Lu}|^(?:[Cc]redits?|[Pp]hotos?|[Ii]mages?|[Ss]ources?|[Ff]oto|[Cc]rédit|[Pp]icture|[Ii]llustration)\s*:|\b(?:Getty Images|Shutterstock|AFP|Reuters|AP Photo|EPA)\b\s*(?:\(Composite\))?$/u;
  const URL = /^(?:https?:\/\/|www\.)\S+$/;

  const WORDS = [
    'by',
    'By',
    'BY',
    'par',
    'Von',
    'por',
    'Di',
    'Door',
    'av',
    'от',
    'От',
    'Jane',
    'Élodie',
    'jane',
    'roe',
    'ünal',
    'Photo',
    'photos',
    'Credit',
    'crédit',
    'Source',
    'illustration',
    'picture',
    'foto',
    'image',
    'photograph',
    'handout',
    ':',
    ' : ',
    '(',
    ')',
    '(ap',
    'photo/jane',
    'Getty Images',
    'Shutterstock',
    'AFP',
    'Reuters',
    'AP Photo',
    'EPA',
    '(Composite)',
    'reporting by',
    '(reporting by',
    'additional reporting by',
    'editing by',
    'compiled by',
    'jane@example.com',
    'a@b.co',
    '@jane',
    'follow her',
    'follow us',
    'follow @jane',
    'follow',
    'sign up',
    'subscribe',
    'newsletter',
    'newsletters',
    'our newsletter',
    'get',
    'join',
    'unsubscribe',
    'all rights reserved',
    '©',
    'read more',
    'read next',
    'related',
    'relatedly',
    'click',
    "tap '",
    "click '",
    'click here',
    'what do you think?',
    'watch:',
    'more from',
    'more on this',
    'most read',
    'advertisement',
    'share on',
    'see also',
    'skip to',
    'in this',
    'in these',
    'in an',
    'in a',
    'file photo',
    'http://x.org/a',
    'https://y',
    'www.z.com',
    'the',
    'said',
    'on',
    'Tuesday',
    '2019',
    '12',
    ',',
    '.',
    '…',
    '!',
    '|',
    ' ',
    '  ',
    '\u00a0',
    '\n',
  ];
  /** A small seeded generator, so the texts are the same on every run. */
  function texts(count: number): string[] {
    let seed = 12;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      const n = 1 + Math.floor(next() * 6);
      const parts: string[] = [];
      for (let k = 0; k < n; k++) parts.push(WORDS[Math.floor(next() * WORDS.length)] ?? '');
      out.push(parts.join(next() < 0.7 ? ' ' : ''));
    }
    return out;
  }

  it('agrees with the patterns as written on every generated text', () => {
    const all = [...texts(30000), ...WORDS];
    let matched = 0;
    for (const t of all) {
      const lower = t.toLowerCase();
      const hits = [
        FURNITURE.test(lower),
        CONTACT.test(lower),
        CAPTION.test(lower),
        BYLINE.test(t),
      ];
      expect(isFurnitureText(lower), t).toBe(hits[0]);
      expect(isContactText(lower), t).toBe(hits[1]);
      expect(isCaptionText(lower), t).toBe(hits[2]);
      expect(isBylineText(t), t).toBe(hits[3]);
      expect(isUrlOnly(lower), t).toBe(URL.test(lower));
      expect(withoutLabelEnd(lower), t).toBe(lower.replace(/[\s.:…!|]+$/, ''));
      if (hits.some(Boolean)) matched++;
    }
    // The texts exercise both sides of the patterns.
    expect(matched).toBeGreaterThan(all.length / 10);
    expect(matched).toBeLessThan(all.length * 0.9);
  });
});
