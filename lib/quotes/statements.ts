/**
 * Pass 2: decide what a quoted span is — someone's statement (whole, or a fragment woven
 * into the reporter's sentence) or not a statement at all: a scare quote, the title of a
 * work, a nickname, a word that is mentioned rather than used.
 * Pure: looks only at the span's words and the few words around its marks.
 */
import { STOP_CAPS as STOP_WORDS } from './lexicon/index';
import type { QuoteSpan } from './marks';
import type { TextModel } from './types';

export type SpanKind =
  | 'statement'
  | 'fragment'
  | 'title'
  | 'nickname'
  | 'mention'
  | 'scare'
  | 'signature'
  | 'empty';

/** Nouns that announce the title of a work right before its marks. */
const TITLE_NOUNS = new Set([
  'book',
  'books',
  'film',
  'films',
  'movie',
  'movies',
  'song',
  'songs',
  'album',
  'albums',
  'show',
  'shows',
  'series',
  'programme',
  'program',
  'podcast',
  'play',
  'musical',
  'opera',
  'novel',
  'memoir',
  'poem',
  'essay',
  'report',
  'article',
  'column',
  'headline',
  'title',
  'titles',
  'documentary',
  'episode',
  'painting',
  'exhibition',
  'campaign',
  'operation',
  'act',
  'bill',
  'hashtag',
  'titled',
  'entitled',
  'headlined',
  'magazine',
  'newspaper',
  'game',
  'track',
  'single',
  'titre',
  'livre',
  'émission',
  'film',
  'libro',
  'película',
  'buch',
  'sendung',
  'opération',
  'anthem',
  'hymn',
  'broadcast',
  'edition',
]);
/** Words that present what follows as a word, not as words someone said. */
const MENTION_CUES = new Set([
  'word',
  'words',
  'term',
  'terms',
  'phrase',
  'slogan',
  'slogans',
  'nickname',
  'nicknamed',
  'so-called',
  'label',
  'name',
  'named',
  'mot',
  'terme',
  'palabra',
  'wort',
  'слово',
  'so',
  'as',
]);

const ARTICLES = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'le',
  'la',
  'un',
  'une',
  'el',
  'der',
  'die',
  'das',
  'das',
  'ce',
  'cette',
]);
/** Words that continue a sentence after a quote without making the quote a modifier. */
const FUNCTION_WORDS = new Set([
  'and',
  'or',
  'but',
  'nor',
  'to',
  'in',
  'of',
  'for',
  'on',
  'at',
  'by',
  'with',
  'as',
  'that',
  'which',
  'who',
  'from',
  'if',
  'when',
  'while',
  'because',
  'than',
  'about',
  'after',
  'before',
  'into',
  'over',
  'is',
  'are',
  'was',
  'were',
  'has',
  'had',
  'have',
  'will',
  'would',
  'could',
  'should',
  'can',
  'may',
  'might',
  'said',
  'says',
  'he',
  'she',
  'they',
  'it',
  'et',
  'ou',
  'de',
  'du',
  'des',
  'à',
  'au',
  'aux',
  'en',
  'y',
  'o',
  'al',
  'del',
  'zum',
  'zur',
  'vom',
  'beim',
  'und',
  'oder',
  'the',
  'a',
  'an',
  'this',
  'these',
  'those',
  'his',
  'her',
  'their',
  'its',
  'our',
  'not',
  'so',
  'then',
  'too',
  'also',
  'even',
  'yet',
  'since',
  'until',
  'during',
  'against',
  'among',
  'between',
  'without',
  'within',
  'across',
  'through',
  'under',
  'all',
  'only',
  'just',
  'instead',
  'rather',
  'again',
  'now',
  'here',
  'there',
  'such',
  'like',
  'unlike',
  'where',
  'whether',
  'what',
  'how',
  'why',
  'le',
  'la',
  'les',
  'un',
  'une',
  'qui',
  'que',
  'dans',
  'sur',
  'pour',
  'par',
  'avec',
  'est',
  'sont',
  'el',
  'los',
  'las',
  'por',
  'con',
  'der',
  'die',
  'das',
  'mit',
  'für',
  'ist',
]);
const MODIFIER_DETERMINERS = new Set([
  'the',
  'that',
  'our',
  'a',
  'an',
  'their',
  'its',
  'these',
  'those',
  'le',
  'la',
  'les',
  'un',
  'une',
  'el',
  'der',
  'die',
  'das',
]);

export interface SpanClass {
  kind: SpanKind;
  /** Looks like a scare quote (a word used as a modifier); a statement only if a cue attributes it. */
  scareLike?: boolean;
}

/** ("\p" regexes are hoisted: a bundler may compile them on every call.) */
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_CAP_OR_DIGIT = /^[\p{Lu}\d]/u;
const ENDS_LETTER = /\p{L}$/u;
const LOWER_RE = /\p{Ll}/u;
const ENDS_POSSESSIVE_OR_DIGIT = /(?:\p{L}['’]s?|\d)$/u;
const SPACE_UPPER = /^\s\p{Lu}/u;
const FOLLOW_LOWER = /^\s?(\p{Ll}+)/u;
const NEXT_LOWER = /^\s?\p{Ll}/u;
const STARTS_STATEMENT = /[\p{Lu}\d[(…¿¡]/u;
const SENTENCE_BREAK = /[.!?]\s+\p{Lu}/u;
const LETTERS_RE = /\p{L}+/gu;
const WORDS_RE = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
/** The words of `s`, with inner apostrophes and hyphens ("don’t", "first-term"). */
export const wordsOf = (s: string): string[] => s.match(WORDS_RE) ?? [];

function prevWords(text: string, pos: number, n: number): string[] {
  const start = Math.max(0, pos - 60);
  const chunk = text.slice(start, pos);
  const nl = chunk.lastIndexOf('\n');
  const w = wordsOf(nl >= 0 ? chunk.slice(nl + 1) : chunk);
  return w.slice(-n).map((x) => x.toLowerCase());
}

/** The paragraph's text from `pos` to its end, trimmed. */
function restOfParagraph(text: string, pos: number): string {
  const nl = text.indexOf('\n', pos);
  return text.slice(pos, nl < 0 ? text.length : nl).trim();
}

function prevRaw(text: string, pos: number): string {
  const start = Math.max(0, pos - 40);
  const chunk = text.slice(start, pos);
  const nl = chunk.lastIndexOf('\n');
  return nl >= 0 ? chunk.slice(nl + 1) : chunk;
}

/**
 * Text in marks that no one says: a transcript's stage direction ("(CROSSTALK)",
 * "[inaudible]") or a sign-off ("Follow Jo Hale on Twitter @johale.").
 */
export function isNobodysWords(body: string): boolean {
  const t = body.trim();
  return /^[([][^()[\]]*[)\]][.,]?$/.test(t) || SIGN_OFF.test(t);
}

const SIGN_OFF =
  /^follow\s.{1,60}\son\s(?:twitter|x|facebook|instagram|threads|bluesky)\b.*@\w+\W*$/i;

const isCapWord = (w: string | undefined) => !!w && STARTS_UPPER.test(w);

/** Words just before a title's marks: on "Morning Joe", the "War On Drugs", told "Fox Sunday". */
const TITLE_LEADS = new Set(['on', 'the', 'told']);
/** Short words a title leaves in lowercase: "Face the Nation", "Contract with America". */
const TITLE_SMALL = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'in',
  'on',
  'with',
  'to',
  'for',
  'at',
  'by',
  'from',
  'as',
]);

/**
 * Title Case: the first word and at least `minCaps` words capitalised; besides the small words
 * ("a", "of", "the") at most `otherShare` as many lowercase words as capitalised ones. Strict
 * (0) allows none; house styles that leave "that" or "is" small need some (LOOSE_TITLE).
 */
function isTitleWords(words: string[], minCaps = 2, otherShare = 0): boolean {
  let caps = 0;
  let other = 0;
  for (const w of words) {
    if (STARTS_CAP_OR_DIGIT.test(w)) caps++;
    else if (!TITLE_SMALL.has(w)) other++;
  }
  return caps >= minCaps && isCapWord(words[0]) && other <= caps * otherShare;
}
/** Lowercase words a loose Title Case allows, per capitalised word. */
const LOOSE_TITLE = 1 / 6;

/**
 * The next title of a list: “X” and “Y”, “X”, “Y” — where “X” was a title, a capitalised “Y”
 * joined to it by only a comma or "and" is one too.
 */
export function continuesTitles(
  text: string,
  prevClose: number,
  open: number,
  body: string,
): boolean {
  if (open - prevClose > 8) return false;
  if (!/^[\s,]*(?:and|or|,)?\s*$/u.test(text.slice(prevClose + 1, open))) return false;
  const words = wordsOf(body);
  return isTitleWords(words, 2, LOOSE_TITLE);
}

/** "titles such as", "songs like", "a show called": the marks that follow name a work. */
function namesWorkAhead(before: string[]): boolean {
  const [a, b, c] = before.slice(-3);
  if (c === 'called' || c === 'named' || c === 'dubbed') return !!b && TITLE_NOUNS.has(b);
  if (c === 'like') return !!b && TITLE_NOUNS.has(b);
  return b === 'such' && c === 'as' && !!a && TITLE_NOUNS.has(a);
}

/**
 * Classify one span; `body` is its text with '\n' between parts, `words` its words (wordsOf),
 * when the caller has read them.
 */
export function classifySpan(
  text: string,
  span: QuoteSpan,
  body: string,
  titleCase = false,
  words: string[] = wordsOf(body),
): SpanClass {
  if (words.length === 0) return { kind: 'empty' };
  if (isNobodysWords(body)) return { kind: 'empty' };
  if (span.family === 'bq') {
    // a pull quote's citation line ("— Jane Doe", "Jane Doe, Ph.D.") is not itself a quote
    if (
      words.length <= 6 &&
      (/^[—–-]/.test(body) || words.filter((w) => isCapWord(w)).length >= words.length - 1)
    )
      return { kind: 'signature' };
    return { kind: words.length <= 4 ? 'fragment' : 'statement' };
  }
  if (span.family === 'q') return { kind: words.length <= 4 ? 'fragment' : 'statement' };
  const before = prevWords(text, span.open, 3);
  const raw = prevRaw(text, span.open).trimEnd();
  const last = before[before.length - 1];
  const after = text.slice(span.close + 1, span.close + 40).split('\n')[0] ?? '';
  const nextWord = wordsOf(after)[0];
  const short = words.length <= 4;

  // nickname: Mike "The Hammer" Smith
  const rawWords = wordsOf(raw);
  // (a headline in Title Case capitalises every word, so the pattern says nothing there)
  const prevWord = rawWords[rawWords.length - 1];
  if (
    short &&
    !titleCase &&
    isCapWord(prevWord) &&
    !STOP_WORDS.has(prevWord?.toLowerCase() ?? '') &&
    /^\s/.test(after) &&
    isCapWord(nextWord) &&
    !/[,.:;!?]$/.test(body.trim()) &&
    ENDS_LETTER.test(raw)
  ) {
    return { kind: 'nickname' };
  }
  const two = before.slice(-2).join(' ');
  if (short && (two === 'name of' || two === 'term of' || two === 'nom de'))
    return { kind: 'mention' };
  if (short && last && (MENTION_CUES.has(last) || two === 'known as')) {
    // "the word "deal"", "so-called", "known as" — but not "in her words, "…""
    const det = before[before.length - 2];
    const named =
      last === 'so-called' || last === 'nicknamed' || last === 'named' || two === 'known as';
    if (named || (last !== 'as' && last !== 'so' && det !== undefined && ARTICLES.has(det)))
      return { kind: 'mention' };
  }
  if (last && TITLE_NOUNS.has(last) && isCapWord(words[0]) && !/[.!?,]$/.test(body.trim()))
    return { kind: 'title' };
  // a programme, book or song named in Title Case: CBS's "Face the Nation," on "Morning Joe",
  // the "War On Drugs", his 1994 "Contract with America.", the "Keep It Real" radio show
  // a subheading set in marks: the whole paragraph is the quote in Title Case, at most with a
  // price, a year or a platform after it ("“Rez Infinite” ($30)", "“Thumper” (PS4)")
  const rest = restOfParagraph(text, span.close + 1);
  if (
    raw === '' &&
    words.length <= 8 &&
    (rest === ''
      ? words.length >= 3
      : !LOWER_RE.test(rest) && wordsOf(rest).length <= 3 && !/[.!?,]$/.test(body.trim())) &&
    (words.length === 1 ? isCapWord(words[0]) : isTitleWords(words)) &&
    !/[?!]$/.test(body.trim())
  )
    return { kind: 'title' };
  if (!titleCase && words.length >= 2 && words.length <= 8 && isTitleWords(words)) {
    const lead =
      ENDS_POSSESSIVE_OR_DIGIT.test(raw) || (!!last && TITLE_LEADS.has(last) && raw.endsWith(last));
    // an episode of "…", his 2002 book, "…"
    const named =
      !!last &&
      (raw.endsWith(last) || raw.endsWith(`${last},`)) &&
      TITLE_NOUNS.has((last === 'of' ? before[before.length - 2] : last) ?? '');
    const noun = !!nextWord && (TITLE_NOUNS.has(nextWord.toLowerCase()) || nextWord === 'radio');
    if ((lead || named || noun || namesWorkAhead(before)) && !/[?!]$/.test(body.trim()))
      return { kind: 'title' };
  }
  // a long title right after the noun that names it: her book "A Paradise Built in Hell: …"
  if (
    !titleCase &&
    words.length <= 16 &&
    last &&
    raw.endsWith(last) &&
    (TITLE_NOUNS.has(last) || namesWorkAhead(before)) &&
    isTitleWords(words, 3, LOOSE_TITLE)
  )
    return { kind: 'title' };
  // a headline opening on a quoted epithet for the name after it: 'Neutral' Fact-Checker Jo Doe
  if (
    words.length <= 2 &&
    raw.trim() === '' &&
    SPACE_UPPER.test(after) &&
    !/[.!?,:]$/.test(body.trim())
  ) {
    return { kind: 'fragment', scareLike: true };
  }
  // scare quotes used as a modifier: that "a-ha!" moment, a "direction discrimination" task,
  // "freeze-thaw" cycles — but not "reckless" and …, "a con" to …
  const follow = FOLLOW_LOWER.exec(after)?.[1];
  // an exclamation may modify too: that "a-ha!" moment, our "eureka!" moments
  const exclaimed = /[!?]$/.test(body.trim()) && words.length <= 2 && NEXT_LOWER.test(after);
  const modifier =
    !!follow && !FUNCTION_WORDS.has(follow) && (!/[.!?,;:]$/.test(body.trim()) || exclaimed);
  const det = !!last && MODIFIER_DETERMINERS.has(last);
  if (modifier && (words.length <= 2 || (words.length <= 3 && det))) {
    return { kind: 'fragment', scareLike: true };
  }
  return { kind: isFullStatement(text, span, body, words) ? 'statement' : 'fragment' };
}

/** A quote that stands as the speaker's own sentence or clause, not words woven into the reporter's. */
function isFullStatement(text: string, span: QuoteSpan, body: string, words: string[]): boolean {
  if (span.parts.length > 1) return true;
  const first = body.trimStart()[0] ?? '';
  const startsCap = STARTS_STATEMENT.test(first);
  const raw = prevRaw(text, span.open).trimEnd();
  const lead = raw.slice(-1);
  const atStart =
    raw === '' ||
    lead === ':' ||
    lead === '.' ||
    lead === '—' ||
    lead === '–' ||
    lead === '-' ||
    lead === '?' ||
    lead === '!';
  if (SENTENCE_BREAK.test(body) && words.length >= 6) return true;
  if (startsCap && (atStart || lead === ',')) return words.length >= 2 || /[.!?,]$/.test(body);
  if (atStart && words.length >= 5) return true;
  return false;
}

/** A heading whose words are nearly all capitalised ("Trump Was 'Mocking' Clinton Camp"). */
export function isTitleCase(text: string, block: TextModel['blocks'][number] | undefined): boolean {
  if (
    !block ||
    (block.kind !== 'headline' && block.kind !== 'heading' && block.kind !== 'standfirst')
  )
    return false;
  const words = text.slice(block.start, block.end).match(LETTERS_RE) ?? [];
  if (words.length < 4) return false;
  const caps = words.filter((w) => STARTS_UPPER.test(w)).length;
  return caps / words.length > 0.7;
}
