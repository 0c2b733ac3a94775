/**
 * One of a group quoted in turn: "A couple of Virginia Republicans offered praise. One called
 * him …, and another said …". The speaker of each is a member of the group the sentences
 * before name, given in the singular ("Virginia Republican"), as a reader would write it;
 * not the person the sentence is about.
 * Pure: works on tokens.
 */
import { POSSESSIVE_PRONOUNS, ROLES, SPEECH_VERBS } from './lexicon/index';
import { type Mention, readMentionBackward, roleMention } from './mentions';
import { readNounPhraseBackward } from './noun-phrases';
import { endsSentence, type Token } from './tokens';

/** How far back (in tokens) the group may be named. */
const GROUP_REACH = 80;
/** Words that stand for one member: "one", "another", "a third". */
const MEMBER_WORDS = new Set(['one', 'another']);
const ORDINALS = new Set(['second', 'third', 'fourth', 'fifth']);
/** Plurals a plain "-s" rule gets wrong. */
const IRREGULAR: Readonly<Record<string, string>> = {
  men: 'man',
  women: 'woman',
  people: 'person',
  children: 'child',
};
/** Words that count a group before its noun: "two residents", "a couple of Republicans". */
const COUNTING = new Set([
  'two',
  'three',
  'four',
  'five',
  'six',
  'several',
  'many',
  'some',
  'both',
  'few',
  'couple',
  'dozens',
  'handful',
  'group',
  'number',
  'pair',
  'other',
  'fellow',
]);

/** "Republicans" → "Republican", "parties" → "party", "witnesses" → "witness". */
function singular(word: string): string {
  const lo = word.toLowerCase();
  const irregular = IRREGULAR[lo];
  if (irregular) return word[0] === word[0]?.toUpperCase() ? cap(irregular) : irregular;
  if (/[^aeiou]ies$/.test(lo)) return `${word.slice(0, -3)}y`;
  if (/(?:ss|sh|ch|x)es$/.test(lo)) return word.slice(0, -2);
  if (/[^s]s$/.test(lo)) return word.slice(0, -1);
  return word;
}

const cap = (w: string) => (w[0] ?? '').toUpperCase() + w.slice(1);

/** A plural word: "officials", "Republicans" (not "press", "news"). */
const isPluralWord = (t: Token | undefined) =>
  !!t?.word && (/[^s]s$/.test(t.lo) || t.lo in IRREGULAR) && t.lo !== 'news';

/**
 * A plural that names people, not things ("their compliments"): a capitalised group
 * ("Republicans"), a role ("officials"), or a counted one ("two residents").
 */
function isPeople(tokens: Token[], k: number): boolean {
  const t = tokens[k] as Token;
  if (t.cap || ROLES.has(t.lo) || ROLES.has(singular(t.lo))) return true;
  for (let j = k - 1; j >= k - 3 && j >= 0; j--) {
    const p = tokens[j] as Token;
    if (!p.word) return false;
    if (COUNTING.has(p.lo) || /^\d+$/.test(p.lo)) return true;
  }
  return false;
}

/**
 * The member mention whose words are tokens [from, to) ("One", "another", "a third", "one of
 * them"), if the tokens before name a group; null otherwise.
 */
function memberOfGroup(text: string, tokens: Token[], from: number, to: number): Mention | null {
  let quoted = false;
  const said = () => text.slice(tokens[from]?.s ?? 0, tokens[to - 1]?.e ?? 0);
  for (let k = from - 1; k >= 0 && k >= from - GROUP_REACH; k--) {
    const t = tokens[k] as Token;
    // the words of a quote name no group of the sentences around it
    if (t.w === '”' || t.w === '“' || t.w === '"')
      quoted = t.w === '“' ? false : t.w === '”' || !quoted;
    if (quoted) continue;
    const one = t.lo === 'one' ? oneWhoSpoke(text, tokens, k, from) : null;
    if (one) return roleMention('description', from, to, said(), one);
    if (!isPluralWord(t)) continue;
    if (!isPeople(tokens, k)) {
      // "their compliments" is a thing they gave; "new signs" are what "one" of may be
      if (POSSESSIVE_PRONOUNS[tokens[k - 1]?.lo ?? '']) continue;
      return null;
    }
    const name = t.cap ? readMentionBackward(text, tokens, k, Math.max(0, k - 4)) : null;
    const words =
      name?.kind === 'name'
        ? (name.name ?? name.text)
        : readNounPhraseBackward(text, tokens, k, Math.max(0, k - 5))
          ? t.w
          : null;
    if (!words) continue;
    const parts = words.split(' ');
    parts[parts.length - 1] = singular(parts[parts.length - 1] ?? '');
    return roleMention('description', from, to, said(), parts.join(' '));
  }
  return null;
}

/** Most words between "One" and its verb: "One Harbor City delegate said". */
const ONE_REACH = 4;

/**
 * "One reader wrote: … Another added": the speaker "one" at token `k` introduced, a singular
 * noun phrase right before a verb of saying, whose kind "another" is one more of.
 */
function oneWhoSpoke(text: string, tokens: Token[], k: number, floor: number): string | null {
  let v = k + 1;
  while (
    v < floor &&
    v - k <= ONE_REACH &&
    tokens[v]?.word &&
    !SPEECH_VERBS.has(tokens[v]?.lo ?? '')
  )
    v++;
  if (v === k + 1 || v >= floor || !SPEECH_VERBS.has(tokens[v]?.lo ?? '')) return null;
  if (tokens.slice(k + 1, v).some((t) => MEMBER_WORDS.has(t.lo) || t.lo === 'of')) return null;
  // ("One" opens its clause: "Moss one day said" counts no speaker)
  if (!opensClause(tokens[k - 1])) return null;
  return text.slice((tokens[k + 1] as Token).s, (tokens[v - 1] as Token).e);
}

/** A member mention read forwards from token `i`: "another said", "one of them added". */
export function memberForward(
  text: string,
  tokens: Token[],
  i: number,
  ceil: number,
): Mention | null {
  const t = tokens[i];
  if (!t?.word) return null;
  let to = i + 1;
  if (t.lo === 'a' && ORDINALS.has(tokens[i + 1]?.lo ?? '')) to = i + 2;
  else if (!MEMBER_WORDS.has(t.lo)) return null;
  if (tokens[to]?.lo === 'of' && /^(?:them|those)$/.test(tokens[to + 1]?.lo ?? '')) to += 2;
  if (to > ceil) return null;
  // a bare member word: a verb or a comma follows, not a noun ("one official" is a description)
  const next = tokens[to];
  if (next?.word && !SPEECH_VERBS.has(next.lo) && !/ly$/.test(next.lo)) return null;
  return memberOfGroup(text, tokens, i, to);
}

/** Does a clause open after `before`: the text's start, a sentence's end, a comma, "and"? */
const opensClause = (before: Token | undefined): boolean =>
  !before ||
  (before.word
    ? /^(?:and|but|while|yet)$/.test(before.lo)
    : endsSentence(before) || /^[,;"'”’»]$/.test(before.w));

/** A member mention ending at token `end`, read backwards ("… and another said"). */
export function memberBackward(
  text: string,
  tokens: Token[],
  end: number,
  floor: number,
): Mention | null {
  let from = end;
  const t = tokens[end];
  if (!t?.word) return null;
  if (/^(?:them|those)$/.test(t.lo) && tokens[end - 1]?.lo === 'of') from = end - 2;
  else if (ORDINALS.has(t.lo) && tokens[end - 1]?.lo === 'a') from = end - 1;
  const first = tokens[from]?.lo ?? '';
  if (from < floor || (!MEMBER_WORDS.has(first) && !(first === 'a' && from < end))) return null;
  // it opens its clause: "One said", "…, and another said", not "the one said"
  if (!opensClause(tokens[from - 1])) return null;
  return memberOfGroup(text, tokens, from, end + 1);
}
