/**
 * What the statement judge knows of a quoted span: is it someone's words, or a title, a
 * slogan, a scare quote? Its own shape (length, Title Case, closing punctuation, "I" and "we"),
 * the words around its marks (a title noun before it, "so-called", a noun it modifies after
 * it), where it stands (a headline, a caption, a whole paragraph), today's rules' verdict, and
 * how sure the ranker was of a speaker (words nobody is said to have said are rarely a quote).
 * Pure: numbers from the scene, the proposal and the ranker's choice; no decisions here.
 */
import type { Proposal } from './candidates';
import type { Choice } from './ranker';
import type { Scene, Work } from './scene';
import { freshVector } from './vectors';

export const STATEMENT_FEATURES: readonly string[] = [
  'rules.drop',
  'rules.cued',
  'span.fragment',
  'span.scareLike',
  'span.words',
  'span.capitalised',
  'span.titleCase',
  'span.startsCapital',
  'span.endsStop',
  'span.endsComma',
  'span.firstPerson',
  'span.secondPerson',
  'span.digits',
  'span.paragraphs',
  'span.nested',
  'place.headline',
  'place.caption',
  'place.blockquote',
  'place.wholeBlock',
  'place.opensSentence',
  'before.determiner',
  'before.titleNoun',
  'before.naming',
  'before.preposition',
  'before.colon',
  'after.lowercase',
  'after.capital',
  'after.comma',
  'speaker.best',
  'speaker.none',
  'speaker.cued',
  'speaker.wide',
  'speaker.candidates',
];

const at = new Map(STATEMENT_FEATURES.map((f, i) => [f, i]));
const idx = (name: string) => at.get(name) as number;
/** Each feature's place in the vector, looked up once. */
const S = {
  rulesDrop: idx('rules.drop'),
  rulesCued: idx('rules.cued'),
  spanFragment: idx('span.fragment'),
  spanScareLike: idx('span.scareLike'),
  spanWords: idx('span.words'),
  spanCapitalised: idx('span.capitalised'),
  spanTitleCase: idx('span.titleCase'),
  spanStartsCapital: idx('span.startsCapital'),
  spanEndsStop: idx('span.endsStop'),
  spanEndsComma: idx('span.endsComma'),
  spanFirstPerson: idx('span.firstPerson'),
  spanSecondPerson: idx('span.secondPerson'),
  spanDigits: idx('span.digits'),
  spanParagraphs: idx('span.paragraphs'),
  spanNested: idx('span.nested'),
  placeHeadline: idx('place.headline'),
  placeCaption: idx('place.caption'),
  placeBlockquote: idx('place.blockquote'),
  placeWholeBlock: idx('place.wholeBlock'),
  placeOpensSentence: idx('place.opensSentence'),
  beforeDeterminer: idx('before.determiner'),
  beforeTitleNoun: idx('before.titleNoun'),
  beforeNaming: idx('before.naming'),
  beforePreposition: idx('before.preposition'),
  beforeColon: idx('before.colon'),
  afterLowercase: idx('after.lowercase'),
  afterCapital: idx('after.capital'),
  afterComma: idx('after.comma'),
  speakerBest: idx('speaker.best'),
  speakerNone: idx('speaker.none'),
  speakerCued: idx('speaker.cued'),
  speakerWide: idx('speaker.wide'),
  speakerCandidates: idx('speaker.candidates'),
};

/** A word of a span, with inner apostrophes and hyphens: "don’t", "first-term". */
export const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
const STARTS_UPPER = /^\p{Lu}/u;
const STARTS_CAP_OR_DIGIT = /^[\p{Lu}\d]/u;
/** STARTS_UPPER.test(w), an ASCII first letter read by its code (asked of every word of a quote). */
const startsUpper = (w: string): boolean => {
  const c = w.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : STARTS_UPPER.test(w);
};
const NEXT_LOWER = /^\s?\p{Ll}/u;
const NEXT_UPPER = /^\s?\p{Lu}/u;
const FIRST_PERSON = /\b(?:i|we|me|us|my|our|mine|ours|i'm|i’m|we're|we’re|i've|i’ve)\b/i;
const SECOND_PERSON = /\b(?:you|your|yours)\b/i;
const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'his',
  'her',
  'their',
  'its',
  'our',
  'my',
  'your',
]);
const TITLE_NOUNS = new Set([
  'book',
  'film',
  'movie',
  'song',
  'album',
  'show',
  'series',
  'game',
  'play',
  'novel',
  'memoir',
  'podcast',
  'episode',
  'documentary',
  'column',
  'article',
  'headline',
  'report',
  'campaign',
  'slogan',
  'hashtag',
  'program',
  'programme',
  'titled',
  'entitled',
  'single',
  'track',
  'poem',
]);
const NAMING = new Set([
  'called',
  'dubbed',
  'named',
  'nicknamed',
  'so-called',
  'term',
  'word',
  'phrase',
  'label',
  'labeled',
  'labelled',
  'branded',
  'known',
  'as',
]);
const PREPOSITIONS = new Set([
  'of',
  'in',
  'on',
  'at',
  'for',
  'to',
  'from',
  'with',
  'about',
  'into',
  'by',
]);

const log2 = (x: number) => Math.log2(1 + Math.max(0, x));

/** How much of a long lead is read for its last words (a quote late in a long paragraph). */
const LEAD_TAIL = 48;

/**
 * The last `n` words (WORD matches) of `s`. No word holds a space, so the words after one are
 * those of the text after it: a long lead is read from a space near its end, not from its start.
 */
function lastWords(s: string, n: number): string[] {
  if (s.length > LEAD_TAIL) {
    const sp = s.indexOf(' ', s.length - LEAD_TAIL);
    if (sp >= 0) {
      const words = s.slice(sp + 1).match(WORD) ?? [];
      if (words.length >= n) return words.slice(-n);
    }
  }
  return (s.match(WORD) ?? []).slice(-n);
}

/** A quote's words, read once for the judge and the title check (callers only read them). */
const WORDS = {};
const newMemo = () => new Map<Work, { text: string; words: readonly string[] }>();
export function quoteWords(scene: Scene, w: Work): readonly string[] {
  const wordsOfQuote = scene.memo(WORDS, newMemo);
  const known = wordsOfQuote.get(w);
  if (known && known.text === w.text) return known.words;
  const words = w.text.match(WORD) ?? [];
  wordsOfQuote.set(w, { text: w.text, words });
  return words;
}

/** The words of `w` as read already (statements.ts wordsOf, the same words), for quoteWords. */
export function knownQuoteWords(scene: Scene, w: Work, words: readonly string[]): void {
  scene.memo(WORDS, newMemo).set(w, { text: w.text, words });
}

/** Does a tag other than 'cue-wide' name a cue ('cue-…')? */
function cuedNotWide(via: ReadonlySet<string>): boolean {
  for (const v of via) if (v.startsWith('cue-') && v !== 'cue-wide') return true;
  return false;
}

/** The judge's features for quote `qi`, after the ranker chose among its candidates. */
export function statementFeatures(
  scene: Scene,
  kept: readonly Work[],
  qi: number,
  p: Proposal,
  choice: Choice,
): Float64Array {
  const w = kept[qi] as Work;
  const { span } = w;
  const { text, model } = scene;
  const f = freshVector(STATEMENT_FEATURES.length);
  const words = quoteWords(scene, w);
  let caps = 0;
  for (const x of words) if (startsUpper(x)) caps++;
  const body = w.text.trim();
  f[S.rulesDrop] = p.drop ? 1 : 0;
  f[S.rulesCued] = p.cued ? 1 : 0;
  f[S.spanFragment] = w.fragment ? 1 : 0;
  f[S.spanScareLike] = w.scareLike ? 1 : 0;
  f[S.spanWords] = log2(words.length);
  f[S.spanCapitalised] = words.length > 0 ? caps / words.length : 0;
  f[S.spanTitleCase] =
    words.length >= 2 && words.every((x) => STARTS_CAP_OR_DIGIT.test(x) || x.length <= 3) ? 1 : 0;
  f[S.spanStartsCapital] = STARTS_CAP_OR_DIGIT.test(body) ? 1 : 0;
  f[S.spanEndsStop] = /[.!?…]$/.test(body) ? 1 : 0;
  f[S.spanEndsComma] = /[,;:]$/.test(body) ? 1 : 0;
  f[S.spanFirstPerson] = FIRST_PERSON.test(body) ? 1 : 0;
  f[S.spanSecondPerson] = SECOND_PERSON.test(body) ? 1 : 0;
  f[S.spanDigits] = /\d/.test(body) ? 1 : 0;
  f[S.spanParagraphs] = span.parts.length;
  f[S.spanNested] = w.parent !== null ? 1 : 0;

  const block = model.blocks[span.block];
  const kind = block?.kind;
  f[S.placeHeadline] = kind === 'headline' || kind === 'standfirst' || kind === 'heading' ? 1 : 0;
  f[S.placeCaption] = kind === 'caption' ? 1 : 0;
  f[S.placeBlockquote] = span.family === 'bq' || kind === 'blockquote' ? 1 : 0;
  const lastBlock = model.blocks[span.lastBlock];
  const lead = block ? text.slice(block.start, span.open).trim() : '';
  const tail = lastBlock ? text.slice(span.close + 1, lastBlock.end).trim() : '';
  f[S.placeWholeBlock] = lead === '' && tail.replace(/^[\s.,;:!?"'”’]+/, '') === '' ? 1 : 0;
  f[S.placeOpensSentence] = lead === '' || /[.!?:]["'”’)]?$/.test(lead) ? 1 : 0;

  const before = lastWords(lead, 2).map((x) => x.toLowerCase());
  const last = before[before.length - 1] ?? '';
  f[S.beforeDeterminer] = DETERMINERS.has(last) ? 1 : 0;
  f[S.beforeTitleNoun] = before.some((x) => TITLE_NOUNS.has(x)) ? 1 : 0;
  f[S.beforeNaming] = before.some((x) => NAMING.has(x)) ? 1 : 0;
  f[S.beforePreposition] = PREPOSITIONS.has(last) ? 1 : 0;
  f[S.beforeColon] = /:$/.test(lead) ? 1 : 0;
  const next = text.slice(span.close + 1, span.close + 3);
  f[S.afterLowercase] = NEXT_LOWER.test(next) ? 1 : 0;
  f[S.afterCapital] = NEXT_UPPER.test(next) ? 1 : 0;
  f[S.afterComma] = /^[,;]/.test(next) ? 1 : 0;

  const chosen = p.cands[choice.index];
  f[S.speakerBest] = choice.probs[choice.index] ?? 0;
  f[S.speakerNone] = chosen?.name === null ? 1 : 0;
  f[S.speakerCued] = chosen && cuedNotWide(chosen.via) ? 1 : 0;
  f[S.speakerWide] = chosen?.via.has('cue-wide') ? 1 : 0;
  f[S.speakerCandidates] = p.cands.length;
  return f;
}
