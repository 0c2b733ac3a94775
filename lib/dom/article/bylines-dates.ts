/**
 * Short blocks judged by their words, whatever their markup: interface labels ("Share",
 * "Show more"), calls to action and notices ("Sign up for our newsletter", "© 2026"), bylines
 * and credits ("By Jane Roe", "Photo: AP"), and date lines ("Updated: 3 May 2026").
 */

/** Short blocks that are calls to action or labels, whatever their markup. */
const FURNITURE_TEXT =
  /^(?:sign up|subscribe|advertisement|advertising|sponsored|read more|read next|related|share this|share on|follow us|click here|most read|most popular|recommended|you may also like|more from|more on this|listen to this|watch:|also read|see also|skip to|video player is loading|scroll down to comment)(?![a-z])|^(?:click|tap) '|^what do you think\?|\bour newsletters?\b|\b(?:sign up|subscribe|join|get|receive)\b.{0,60}\bnewsletters?\b|\bunsubscribe\b|\ball rights reserved\b|©/;
const FURNITURE_TEXT_MAX_CHARS = 160;
/** Whole blocks that are interface labels (compared lower-case, end punctuation off). */
const UI_LABELS = new Set([
  'remove',
  'share',
  'tweet',
  'print',
  'email',
  'comments',
  'font size',
  'content preferences',
  'loading',
  'show less',
  'show more',
  'view images',
  'view image',
  'enlarge image',
  'enlarge this image',
  'hide caption',
  'toggle caption',
  'play',
  'video',
  'image',
  'photo',
  'advertisement',
  'comments are closed',
  'learn more',
  'continue reading',
  'continue reading the main story',
  'by',
  'author',
  'updated',
  'ok',
  'not now',
  'cancel',
  'close',
  'accept',
  'menu',
  'search',
  'advert',
  'ad',
  'ads',
  'anzeige',
  'werbung',
  'publicidade',
  'publicidad',
  'publicité',
  'caption',
  'join the conversation',
  'this slideshow requires javascript',
]);
/** A block that is a web address and nothing else (a print header, a bare link). */
const URL_ONLY = /^(?:https?:\/\/|www\.)\S+$/;
/** Short blocks that are credits or bylines by their words ("By Jane Roe", "Photo: AP"). */
const BYLINE_TEXT =
  /^(?:[Bb]y|BY|[Pp]ar|[Vv]on|[Pp]or|[Dd]i|[Dd]oor|[Aa]v|[Оо]т)\s+\p{Lu}|^(?:[Cc]redits?|[Pp]hotos?|[Ii]mages?|[Ss]ources?|[Ff]oto|[Cc]rédit|[Pp]icture|[Ii]llustration)\s*:|\b(?:Getty Images|Shutterstock|AFP|Reuters|AP Photo|EPA)\b\s*(?:\(Composite\))?$/u;
const BYLINE_TEXT_MAX_CHARS = 120;
/**
 * The notes after a story that name and reach its writers: "(Reporting by …)", "Email Jane
 * at jane@example.com or follow her @jane". Kept as bylines, out of the body.
 */
const CONTACT_TEXT =
  /^\(?(?:additional )?(?:reporting|writing|editing|compiled|research) by\b|\b[\w.+-]+@[\w-]+\.[a-z]{2,}\b|\bfollow (?:him|her|us|them|me)\b|^follow @/;
/**
 * A picture's caption set as a paragraph: it ends with the picture's credit ("(AP Photo/Jane
 * Roe)") or opens as agencies word them ("In this Nov. 10, 2019, file photo, …").
 */
const CAPTION_TEXT =
  /\((?:[a-z][\w.&/ -]{0,30}?\s?)?(?:photo|photograph|image|picture|foto)s?\b[^)]{0,80}\)\s*$|^in (?:this|these|an?) .{0,100}?\b(?:photos?|photographs?|images?|pictures?|handout)\b/;
const NOTE_TEXT_MAX_CHARS = 400;
const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-zé]*\\.?';
/**
 * A date line: "Updated: 3 May 2026", "Dec. 13, 2016, 12:31 PM", "2019.03.05". Matched as if
 * with the `iu` flags, but compiled with `u` only over text folded by `foldDateText`: V8 takes
 * some 2–3 ms to compile this pattern case-insensitively under `u`, on every page, cold.
 */
const DATE_TEXT = new RegExp(
  `^(?:(?:published|updated|posted|last updated|modified|publié|mis à jour|veröffentlicht|aktualisiert|actualizado|publicado)(?=[\\s:]|$)[^.!?]*\\d[^.!?]*|(?:\\p{L}+\\.?,?\\s+)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}(?:st|nd|rd|th|\\.)?\\s+${MONTH},?\\s+\\d{4}|\\d{1,4}[/.-]\\d{1,2}[/.-]\\d{1,4})[^.!?]{0,60})$`,
  'u',
);
/**
 * Every character that `iu` matching would equate with a lower-case letter of DATE_TEXT (its
 * literals are lower-case a–z, é, à, ö; `\p{L}` under `iu` also takes U+0345, which folds to ι).
 * Mapped one to one, so lengths and the other classes (\d, \s, [^.!?]) see the same text.
 */
const DATE_FOLD = /[A-Z\u00c0\u00c9\u00d6\u017f\u212a]|\u0345/g;
function foldChar(c: string): string {
  if (c === '\u017f') return 's';
  if (c === '\u212a') return 'k';
  if (c === '\u0345') return '\u03b9';
  return c.toLowerCase();
}
/** @internal `text` with each DATE_FOLD character in its lower-case form. */
export function foldDateText(text: string): string {
  return text.replace(DATE_FOLD, foldChar);
}
/**
 * What every DATE_TEXT match holds (over folded text): a leading "published"-type word, a month
 * name, or digit-separator-digit. A plain pattern, cheap to compile: most pages' short blocks
 * fail it, and then DATE_TEXT is never compiled at all.
 */
const DATE_CANDIDATE =
  /^(?:publi|updat|poste|last |modif|mis à|veröf|aktua|actua)|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|\d[/.-]\d/;
/** @internal Whether `text` is a date line (DATE_TEXT with the `iu` flags' meaning). */
export function isDateText(text: string): boolean {
  const folded = foldDateText(text);
  return DATE_CANDIDATE.test(folded) && DATE_TEXT.test(folded);
}
const DATE_TEXT_MAX_CHARS = 90;
const HAS_DIGIT = /[0-9]/;
/** Longer blocks are never judged by their words alone. */
export const SHORT_TEXT_MAX_CHARS = Math.max(
  FURNITURE_TEXT_MAX_CHARS,
  BYLINE_TEXT_MAX_CHARS,
  NOTE_TEXT_MAX_CHARS,
);

/*
 * Each pattern above runs only on a block holding what every match of it needs (an opening
 * phrase, a word, an opening word and what must follow it), checked with plain string
 * operations. Most pages then never run, and so never compile, most of them: compiling them
 * cold cost about a millisecond on every page, more than scanning the blocks. Keep each list
 * in step with its pattern.
 */
const FURNITURE_OPENINGS = [
  'sign up',
  'subscribe',
  'advertis',
  'sponsored',
  'read ',
  'related',
  'share ',
  'follow us',
  'click',
  'most ',
  'recommended',
  'you may also like',
  'more ',
  'listen to this',
  'watch:',
  'also read',
  'see also',
  'skip to',
  'video player is loading',
  'scroll down to comment',
  "tap '",
  'what do you think?',
];
const FURNITURE_WORDS = ['newsletter', 'unsubscribe', 'all rights reserved', '©'];
const CONTACT_WORDS = [
  '@',
  'follow ',
  'reporting by',
  'writing by',
  'editing by',
  'compiled by',
  'research by',
];
const CAPTION_OPENINGS = ['in this ', 'in these ', 'in a ', 'in an '];
/** Words every CAPTION_TEXT match holds. */
const CAPTION_WORDS = ['photo', 'image', 'picture', 'foto', 'handout'];
/** A byline's opening word, then white space ("By Jane Roe"). */
const BYLINE_OPENINGS = [
  'By',
  'by',
  'BY',
  'Par',
  'par',
  'Von',
  'von',
  'Por',
  'por',
  'Di',
  'di',
  'Door',
  'door',
  'Av',
  'av',
  'От',
  'от',
];
/** A credit's opening word, then a colon somewhere after it ("Photo: AP"). */
const CREDIT_OPENINGS = [
  'Credit',
  'credit',
  'Photo',
  'photo',
  'Image',
  'image',
  'Source',
  'source',
  'Foto',
  'foto',
  'Crédit',
  'crédit',
  'Picture',
  'picture',
  'Illustration',
  'illustration',
];
/** The agency names that end a credit line. */
const BYLINE_AGENCIES = ['Getty Images', 'Shutterstock', 'AFP', 'Reuters', 'AP Photo', 'EPA'];
const URL_OPENINGS = ['http://', 'https://', 'www.'];
/** Trailing characters taken off before a block is compared with UI_LABELS (and white space). */
const LABEL_END = '.:…!|';

function startsWithAny(s: string, list: readonly string[]): boolean {
  for (const p of list) if (s.startsWith(p)) return true;
  return false;
}

/** Does `s` hold any of the words? (The gate before a pattern; blocks.ts asks it too.) */
export function includesAny(s: string, list: readonly string[]): boolean {
  for (const w of list) if (s.includes(w)) return true;
  return false;
}

/** @internal FURNITURE_TEXT over lower-cased text, run only where it can match. */
export function isFurnitureText(lower: string): boolean {
  return (
    (startsWithAny(lower, FURNITURE_OPENINGS) || includesAny(lower, FURNITURE_WORDS)) &&
    FURNITURE_TEXT.test(lower)
  );
}

/** @internal CONTACT_TEXT over lower-cased text, run only where it can match. */
export function isContactText(lower: string): boolean {
  return includesAny(lower, CONTACT_WORDS) && CONTACT_TEXT.test(lower);
}

/** @internal CAPTION_TEXT over lower-cased text, run only where it can match. */
export function isCaptionText(lower: string): boolean {
  return (
    includesAny(lower, CAPTION_WORDS) &&
    ((lower.includes('(') && lower.trimEnd().endsWith(')')) ||
      startsWithAny(lower, CAPTION_OPENINGS)) &&
    CAPTION_TEXT.test(lower)
  );
}

/** Whether `s` opens with one of `words` followed by white space (as `\s` reads it). */
function startsWithWordAny(s: string, words: readonly string[]): boolean {
  for (const w of words) {
    if (!s.startsWith(w)) continue;
    const c = s.charAt(w.length);
    if (c !== '' && c.trim() === '') return true;
  }
  return false;
}

/** @internal BYLINE_TEXT over text with its case, run only where it can match. */
export function isBylineText(text: string): boolean {
  return (
    (startsWithWordAny(text, BYLINE_OPENINGS) ||
      (startsWithAny(text, CREDIT_OPENINGS) && text.includes(':')) ||
      includesAny(text, BYLINE_AGENCIES)) &&
    BYLINE_TEXT.test(text)
  );
}

/** @internal URL_ONLY, run only on text opening like an address. */
export function isUrlOnly(lower: string): boolean {
  return startsWithAny(lower, URL_OPENINGS) && URL_ONLY.test(lower);
}

/** @internal `lower` without its trailing white space and LABEL_END punctuation. */
export function withoutLabelEnd(lower: string): string {
  let end = lower.length;
  while (end > 0) {
    const c = lower.charAt(end - 1);
    if (!LABEL_END.includes(c) && c.trim() !== '') break;
    end--;
  }
  return lower.slice(0, end);
}

/** What a short block's words say it is, whatever its markup: furniture, a byline, or neither. */
export function shortTextVerdict(raw: string): 'label' | 'drop' | 'byline' | 'caption' | null {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (text.length > SHORT_TEXT_MAX_CHARS) return null;
  // The patterns below read lower-case text: the `i` flag costs much to compile, cold.
  const lower = text.toLowerCase();
  if (text.length <= FURNITURE_TEXT_MAX_CHARS) {
    if (UI_LABELS.has(withoutLabelEnd(lower))) return 'label';
    if (isUrlOnly(lower)) return 'label';
    if (isFurnitureText(lower)) return 'drop';
  }
  if (isContactText(lower)) return 'byline';
  if (isCaptionText(lower)) return 'caption';
  if (text.length > BYLINE_TEXT_MAX_CHARS) return null;
  if (text.length <= BYLINE_TEXT_MAX_CHARS && isBylineText(text)) return 'byline';
  // Every date has a digit: most blocks never need the (costly to compile) date pattern.
  if (text.length <= DATE_TEXT_MAX_CHARS && HAS_DIGIT.test(text) && isDateText(text)) {
    return 'byline';
  }
  return null;
}
