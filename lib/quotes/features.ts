/**
 * What the ranker knows of each candidate speaker of a quote: a fixed list of numbers — the
 * quote's own shape, the rules that propose the candidate and how its mention was read, what
 * kind of name it is (and whether it looks like no one: a sentence opener, an adjective, a
 * word the text also writes in lowercase), and how it stands to the quote (distance, gender
 * agreement with "he"/"she", whether it spoke last, or two turns ago).
 * Pure: numbers from the scene, the history and the candidates; no decisions here.
 */
import type { Candidate, History, Proposal, Spoken, Via } from './candidates';
import type { Entity } from './entities';
import { FEMALE_NAMES, MALE_NAMES, ORG_WORDS, ROLES, STOP_CAPS, TITLES } from './lexicon/index';
import type { MentionKind } from './mentions';
import type { MentionRule } from './readings';
import type { Scene, Work } from './scene';
import { endsSentence, tokenAt } from './tokens';
import { freshVector } from './vectors';
import { onlySpace, spaceSplitLength } from './words';

const VIAS: Via[] = [
  'rules',
  'cue-transcript',
  'cue-before',
  'cue-after',
  'cue-after-strict',
  'cue-signature',
  'cue-headline',
  'cue-wide',
  'subject',
  'nearest',
  'context',
  'chained',
  'cue-next',
  'echo',
  'continues',
  'same-he',
  'prev',
  'prev2',
  'recent',
  'window',
  'later',
  'none',
];
const RULES: MentionRule[] = [
  'named',
  'pronoun-subject',
  'pronoun-latest',
  'pronoun-any',
  'pronoun-last-speaker',
  'role-bearer',
  'role-unnamed',
  'role-last-speaker',
  'role-latest',
  'document-author',
  'described',
  'apposition',
];
const KINDS: MentionKind[] = ['name', 'pronoun', 'role', 'description'];
const CUE_KINDS = [
  'after',
  'before',
  'according',
  'headline',
  'transcript',
  'signature',
  'colon',
] as const;

/** The feature names, in vector order (the model file stores them to check it fits). */
export const FEATURES: readonly string[] = [
  // the quote
  'q.fragment',
  'q.words',
  'q.endsSentence',
  'q.headline',
  'q.heading',
  'q.caption',
  'q.blockquote',
  'q.listItem',
  'q.nested',
  'q.paragraphs',
  'q.scareLike',
  'q.opensBlock',
  'q.firstInBlock',
  'q.rulesCued',
  'q.candidates',
  'q.quotesBefore',
  'q.speakersBefore',
  'q.pronounCue',
  'q.blocksSincePrevQuote',
  'q.blocksSinceSpeaker',
  'q.prevQuoteFragment',
  'q.roleHasBearer',
  'q.namedCue',
  'q.describedCue',
  'q.pronounCueReadings',
  // why the candidate is proposed
  ...VIAS.map((v) => `via.${v}`),
  'via.count',
  ...RULES.map((r) => `reading.${r}`),
  ...KINDS.map((k) => `mention.${k}`),
  ...CUE_KINDS.map((k) => `cue.${k}`),
  'cue.distance',
  'later.distance',
  'context.distance',
  // what the candidate is
  'e.new',
  'e.person',
  'e.organisation',
  'e.description',
  'e.personEvidence',
  'e.male',
  'e.female',
  'e.role',
  'e.nameWords',
  'e.knownFirstName',
  'e.mentions',
  'e.spoke',
  'e.sinceMention',
  'e.sinceSubject',
  'e.blocksSinceMention',
  'e.recencyRank',
  'e.singleWord',
  'e.lowercaseElsewhere',
  'e.demonym',
  'e.allCaps',
  'e.roleWord',
  'e.orgWord',
  'e.stopWord',
  'e.digit',
  'e.nameLength',
  'e.subjectShare',
  'e.prepositionShare',
  // how it stands to the quote
  'r.genderAgrees',
  'r.genderClashes',
  'r.onlyOneOfGender',
  'r.lastSpeaker',
  'r.speakerBefore',
  'r.lastSpokeSameBlock',
  'r.spokeInBlock',
  'r.quotesSinceSpoke',
  'r.subjectsSince',
  'r.inQuoteSentence',
  'r.inPrevSentence',
  'r.subjectInPrevSentence',
  'r.genderRank',
];

const INDEX = new Map(FEATURES.map((f, i) => [f, i]));
const at = (name: string): number => {
  const i = INDEX.get(name);
  if (i === undefined) throw new Error(`unknown feature ${name}`);
  return i;
};
const F = {
  fragment: at('q.fragment'),
  words: at('q.words'),
  endsSentence: at('q.endsSentence'),
  headline: at('q.headline'),
  heading: at('q.heading'),
  caption: at('q.caption'),
  blockquote: at('q.blockquote'),
  listItem: at('q.listItem'),
  nested: at('q.nested'),
  paragraphs: at('q.paragraphs'),
  scareLike: at('q.scareLike'),
  opensBlock: at('q.opensBlock'),
  firstInBlock: at('q.firstInBlock'),
  rulesCued: at('q.rulesCued'),
  candidates: at('q.candidates'),
  quotesBefore: at('q.quotesBefore'),
  speakersBefore: at('q.speakersBefore'),
  pronounCue: at('q.pronounCue'),
  blocksSincePrevQuote: at('q.blocksSincePrevQuote'),
  blocksSinceSpeaker: at('q.blocksSinceSpeaker'),
  prevQuoteFragment: at('q.prevQuoteFragment'),
  roleHasBearer: at('q.roleHasBearer'),
  namedCue: at('q.namedCue'),
  describedCue: at('q.describedCue'),
  pronounCueReadings: at('q.pronounCueReadings'),
  viaCount: at('via.count'),
  cueDistance: at('cue.distance'),
  laterDistance: at('later.distance'),
  contextDistance: at('context.distance'),
  isNew: at('e.new'),
  person: at('e.person'),
  organisation: at('e.organisation'),
  description: at('e.description'),
  personEvidence: at('e.personEvidence'),
  male: at('e.male'),
  female: at('e.female'),
  role: at('e.role'),
  nameWords: at('e.nameWords'),
  knownFirstName: at('e.knownFirstName'),
  mentions: at('e.mentions'),
  spoke: at('e.spoke'),
  sinceMention: at('e.sinceMention'),
  sinceSubject: at('e.sinceSubject'),
  blocksSinceMention: at('e.blocksSinceMention'),
  recencyRank: at('e.recencyRank'),
  singleWord: at('e.singleWord'),
  lowercaseElsewhere: at('e.lowercaseElsewhere'),
  demonym: at('e.demonym'),
  allCaps: at('e.allCaps'),
  roleWord: at('e.roleWord'),
  orgWord: at('e.orgWord'),
  stopWord: at('e.stopWord'),
  digit: at('e.digit'),
  nameLength: at('e.nameLength'),
  subjectShare: at('e.subjectShare'),
  prepositionShare: at('e.prepositionShare'),
  genderAgrees: at('r.genderAgrees'),
  genderClashes: at('r.genderClashes'),
  onlyOneOfGender: at('r.onlyOneOfGender'),
  lastSpeaker: at('r.lastSpeaker'),
  speakerBefore: at('r.speakerBefore'),
  lastSpokeSameBlock: at('r.lastSpokeSameBlock'),
  spokeInBlock: at('r.spokeInBlock'),
  quotesSinceSpoke: at('r.quotesSinceSpoke'),
  subjectsSince: at('r.subjectsSince'),
  inQuoteSentence: at('r.inQuoteSentence'),
  inPrevSentence: at('r.inPrevSentence'),
  subjectInPrevSentence: at('r.subjectInPrevSentence'),
  genderRank: at('r.genderRank'),
};
const VIA_AT = new Map(VIAS.map((v) => [v, at(`via.${v}`)]));
const RULE_AT = new Map(RULES.map((r) => [r, at(`reading.${r}`)]));
const KIND_AT = new Map(KINDS.map((k) => [k, at(`mention.${k}`)]));
const CUE_AT = new Map(CUE_KINDS.map((k) => [k, at(`cue.${k}`)]));

/** Larger numbers squeezed: counts and distances matter by their order of magnitude. */
const log2 = (x: number) => Math.log2(1 + Math.max(0, x));
/** A distance that was never measured. */
const FAR = 20;

/** A nationality or party adjective standing alone: "Libyan", "Republican", "Chinese". */
const DEMONYM = /(?:an|ian|ean|ese|ish|ic|i)$/;

const QUOTE_ROW = new Float64Array(FEATURES.length);

const STOPS = '.!?…';
const CLOSING_MARKS = `"'”’`;
const isOneOf = (chars: string, c: string) => c !== '' && chars.includes(c);
/**
 * /[.!?…]["'”’]?\s*$/ read from the end: a full stop, maybe a closing mark, then only spaces
 * (a regex anchored at the end tries every stop of a long quote on the way).
 */
function endsWithStop(s: string): boolean {
  const t = s.trimEnd();
  const last = t.charAt(t.length - 1);
  return (
    isOneOf(STOPS, last) || (isOneOf(CLOSING_MARKS, last) && isOneOf(STOPS, t.charAt(t.length - 2)))
  );
}

/** The features of every candidate of quote `qi`, one vector each. */
export function candidateFeatures(
  scene: Scene,
  kept: readonly Work[],
  qi: number,
  hist: History,
  p: Proposal,
): Float64Array[] {
  const w = kept[qi] as Work;
  const { span } = w;
  const { model, ents } = scene;
  const block = model.blocks[span.block];
  const kind = block?.kind;
  const spoken = hist.spoken;
  const last = spoken[spoken.length - 1];
  const speakers = speakersOf(scene, spoken);
  // (one scratch row: the quote's features, copied into each candidate's vector)
  const q = QUOTE_ROW.fill(0);
  q[F.fragment] = w.fragment ? 1 : 0;
  q[F.words] = log2(spaceSplitLength(w.text));
  q[F.endsSentence] = endsWithStop(w.text) ? 1 : 0;
  q[F.headline] = kind === 'headline' || kind === 'standfirst' ? 1 : 0;
  q[F.heading] = kind === 'heading' ? 1 : 0;
  q[F.caption] = kind === 'caption' ? 1 : 0;
  q[F.blockquote] = span.family === 'bq' || kind === 'blockquote' ? 1 : 0;
  q[F.listItem] = kind === 'list-item' ? 1 : 0;
  q[F.nested] = w.parent !== null ? 1 : 0;
  q[F.paragraphs] = span.parts.length;
  q[F.scareLike] = w.scareLike ? 1 : 0;
  q[F.opensBlock] = block && onlySpace(scene.text, block.start, span.open) ? 1 : 0;
  q[F.firstInBlock] = qi === 0 || (kept[qi - 1] as Work).span.lastBlock !== span.block ? 1 : 0;
  q[F.rulesCued] = p.cued ? 1 : 0;
  q[F.candidates] = p.cands.length;
  q[F.quotesBefore] = log2(spoken.length);
  q[F.speakersBefore] = log2(speakers.size);
  q[F.pronounCue] = p.pronoun ? 1 : 0;
  const prevQuote = hist.prevKept?.w;
  q[F.blocksSincePrevQuote] = prevQuote ? Math.min(10, span.block - prevQuote.span.lastBlock) : 10;
  q[F.blocksSinceSpeaker] = last ? Math.min(10, span.block - last.lastBlock) : 10;
  q[F.prevQuoteFragment] = prevQuote?.fragment ? 1 : 0;
  // what the other candidates are: "the MP said" names someone only if an MP was met
  const isCued = p.cands.map((c) => viaCue(c.via));
  q[F.roleHasBearer] = p.cands.some((c) => c.rules.has('role-bearer')) ? 1 : 0;
  q[F.namedCue] = p.cands.some((c, i) => isCued[i] && c.rules.has('named')) ? 1 : 0;
  q[F.describedCue] = p.cands.some(
    (c, i) => isCued[i] && (c.rules.has('described') || c.rules.has('role-unnamed')),
  )
    ? 1
    : 0;
  q[F.pronounCueReadings] = p.cands.filter(
    (c, i) => isCued[i] && c.mentionKinds.has('pronoun'),
  ).length;
  // the quote's sentence and the one before it, as offsets
  const [sentence, before] = sentenceStarts(scene, span.open);
  // recency among the people a "he" or "she" could mean
  const genderRank = new Map<unknown, number>();
  if (p.pronoun) {
    let k = 0;
    for (const e of ents.recent()) {
      if (e.kind !== 'person' || (e.gender && e.gender !== p.pronoun) || e.last < 0) continue;
      if (e.last >= span.open) continue;
      genderRank.set(e, k++);
      if (k >= FAR) break;
    }
  }
  // people who became a sentence's subject (or spoke) lately, for "has someone else taken over?"
  const subjects: Array<{ e: unknown; subj: number }> = [];
  for (const e of ents.recent()) {
    if (e.kind === 'person' && e.subj >= 0 && e.subj < span.open)
      subjects.push({ e, subj: e.subj });
  }

  // recency order of the entity index, for the rank feature (its first FAR places)
  const recent = ents.recent();
  const ranked = Math.min(FAR, recent.length);
  // who has spoken, by gender: "she said" with one woman quoted so far
  let ofGender = 0;
  if (p.pronoun) for (const e of speakers) if (e.gender === p.pronoun) ofGender++;

  return p.cands.map((c) => {
    const f = freshVector(FEATURES.length);
    f.set(q);
    for (const v of c.via) f[VIA_AT.get(v) as number] = 1;
    f[F.viaCount] = c.via.size;
    for (const rule of c.rules) f[RULE_AT.get(rule) as number] = 1;
    for (const k of c.mentionKinds) f[KIND_AT.get(k) as number] = 1;
    for (const k of c.cueKinds) f[CUE_AT.get(k) as number] = 1;
    f[F.cueDistance] = Number.isFinite(c.cueDist) ? log2(c.cueDist) : FAR;
    f[F.laterDistance] = Number.isFinite(c.laterDist) ? log2(c.laterDist) : FAR;
    f[F.contextDistance] = Number.isFinite(c.contextDist) ? log2(c.contextDist) : FAR;
    if (c.name === null) return f;
    nameFeatures(scene, c, f);
    const e = c.entity;
    if (!e) {
      f[F.isNew] = 1;
      const t = c.target;
      const m = t?.kind === 'name' ? t.mention : null;
      f[F.person] = t?.kind === 'name' && !m?.org ? 1 : 0;
      f[F.organisation] =
        (t?.kind === 'name' && m?.org) || (t?.kind === 'description' && t.org) ? 1 : 0;
      f[F.description] = t?.kind === 'description' && !t.org ? 1 : 0;
      f[F.personEvidence] = m && (m.role || m.gender) && !m.org ? 1 : 0;
      f[F.male] = m?.gender === 'm' ? 1 : 0;
      f[F.female] = m?.gender === 'f' ? 1 : 0;
      f[F.role] = m?.role ? 1 : 0;
      f[F.sinceMention] = FAR;
      f[F.sinceSubject] = FAR;
      f[F.blocksSinceMention] = 0;
      f[F.recencyRank] = FAR;
      f[F.quotesSinceSpoke] = FAR;
      f[F.subjectsSince] = FAR;
      f[F.genderRank] = FAR;
      genderRelation(f, p.pronoun, m?.gender, ofGender, false);
      return f;
    }
    f[F.person] = e.kind === 'person' ? 1 : 0;
    f[F.organisation] = e.kind === 'organisation' ? 1 : 0;
    f[F.description] = e.kind === 'description' ? 1 : 0;
    f[F.personEvidence] = e.person ? 1 : 0;
    f[F.male] = e.gender === 'm' ? 1 : 0;
    f[F.female] = e.gender === 'f' ? 1 : 0;
    f[F.role] = e.role ? 1 : 0;
    f[F.mentions] = log2(e.mentions);
    f[F.subjectShare] = e.mentions > 0 ? e.asSubject / e.mentions : 0;
    f[F.prepositionShare] = e.mentions > 0 ? e.afterPreposition / e.mentions : 0;
    f[F.spoke] = log2(e.spoke);
    f[F.sinceMention] = e.last >= 0 ? log2(span.open - e.last) : FAR;
    f[F.sinceSubject] = e.subj >= 0 ? log2(span.open - e.subj) : FAR;
    f[F.blocksSinceMention] = e.last >= 0 ? Math.min(10, span.block - scene.blockOf(e.last)) : 10;
    f[F.recencyRank] = rankOf(recent, ranked, e);
    f[F.lastSpeaker] = last?.entity === e ? 1 : 0;
    f[F.speakerBefore] = c.via.has('prev2') ? 1 : 0;
    f[F.lastSpokeSameBlock] = last?.entity === e && last.lastBlock === span.block ? 1 : 0;
    let since = FAR;
    for (let i = spoken.length - 1; i >= 0; i--) {
      const s = spoken[i];
      if (s?.entity !== e) continue;
      since = spoken.length - 1 - i;
      if (s.lastBlock === span.block) f[F.spokeInBlock] = 1;
      break;
    }
    f[F.quotesSinceSpoke] = since;
    f[F.subjectsSince] = e.subj >= 0 ? subjectsAfter(subjects, e, e.subj) : FAR;
    f[F.inQuoteSentence] = e.last >= sentence && e.last < span.open ? 1 : 0;
    f[F.inPrevSentence] = e.last >= before && e.last < sentence ? 1 : 0;
    f[F.subjectInPrevSentence] = e.subj >= before && e.subj < span.open ? 1 : 0;
    f[F.genderRank] = p.pronoun ? (genderRank.get(e) ?? FAR) : FAR;
    genderRelation(f, p.pronoun, e.gender, ofGender, speakers.has(e));
    return f;
  });
}

/** The scene's memo of who has spoken so far: the history only grows, so the set grows with it. */
const SPEAKERS = {};
function speakersOf(scene: Scene, spoken: readonly Spoken[]): ReadonlySet<Entity> {
  const m = scene.memo(SPEAKERS, () => ({ spoken, read: 0, set: new Set<Entity>() }));
  if (m.spoken !== spoken) {
    m.spoken = spoken;
    m.read = 0;
    m.set = new Set();
  }
  for (; m.read < spoken.length; m.read++) m.set.add((spoken[m.read] as Spoken).entity);
  return m.set;
}

/** Where `e` stands among the first `ranked` of the recent entities (distinct); FAR if not there. */
function rankOf(recent: readonly Entity[], ranked: number, e: Entity): number {
  for (let i = 0; i < ranked; i++) if (recent[i] === e) return i;
  return FAR;
}

/** Does any of these tags name a cue ('cue-…')? */
export function viaCue(via: ReadonlySet<Via>): boolean {
  for (const v of via) if (v.startsWith('cue-')) return true;
  return false;
}

/** How many of the other people became a subject after `since`. */
function subjectsAfter(
  subjects: ReadonlyArray<{ e: unknown; subj: number }>,
  e: unknown,
  since: number,
): number {
  let n = 0;
  for (const x of subjects) if (x.e !== e && x.subj > since) n++;
  return n;
}

function genderRelation(
  f: Float64Array,
  pronoun: string | undefined,
  gender: string | undefined,
  ofGender: number,
  spoke: boolean,
): void {
  if (!pronoun || !gender) return;
  f[F.genderAgrees] = gender === pronoun ? 1 : 0;
  f[F.genderClashes] = gender !== pronoun ? 1 : 0;
  f[F.onlyOneOfGender] = gender === pronoun && spoke && ofGender === 1 ? 1 : 0;
}

/** What the name's words say: a real name, or a capitalised word that is no one. */
/** The features read off a name's words alone, in the order they are written into a vector. */
const NAME_AT = [
  F.nameWords,
  F.nameLength,
  F.singleWord,
  F.knownFirstName,
  F.allCaps,
  F.roleWord,
  F.orgWord,
  F.stopWord,
  F.digit,
  F.lowercaseElsewhere,
  F.demonym,
];
/** Per page, a name's features: the same names come back as candidates of quote after quote. */
const NAMES = {};
const newMemo = () => new Map<string, number[]>();

function nameFeatures(scene: Scene, c: Candidate, f: Float64Array): void {
  const memo = scene.memo(NAMES, newMemo);
  const name = c.name ?? '';
  let v = memo.get(name);
  if (!v) {
    v = readName(scene, name);
    memo.set(name, v);
  }
  for (let i = 0; i < NAME_AT.length; i++) f[NAME_AT[i] as number] = v[i] as number;
}

const UPPER_RE = /\p{Lu}/u;

function readName(scene: Scene, name: string): number[] {
  const words = name.split(/[\s]+/).filter((x) => x.length > 0);
  const lower = words.map((x) => x.toLowerCase().replace(/[.,’']+$/g, ''));
  const only = words.length === 1 ? (lower[0] ?? '') : null;
  return [
    words.length,
    log2(name.length),
    words.length === 1 ? 1 : 0,
    lower.some((x) => FEMALE_NAMES.has(x) || MALE_NAMES.has(x)) ? 1 : 0,
    words.some((x) => x.length > 1 && x === x.toUpperCase() && UPPER_RE.test(x)) ? 1 : 0,
    lower.some((x) => ROLES.has(x) || TITLES.has(x)) ? 1 : 0,
    lower.some((x) => ORG_WORDS.has(x)) ? 1 : 0,
    lower.some((x) => STOP_CAPS.has(x)) ? 1 : 0,
    /\d/.test(name) ? 1 : 0,
    only !== null && scene.writesLowercase(only) ? 1 : 0,
    only !== null && DEMONYM.test(only) ? 1 : 0,
  ];
}

/** Offsets where the sentence holding `pos` starts, and the sentence before it. */
function sentenceStarts(scene: Scene, pos: number): [number, number] {
  const { tokens } = scene;
  let k = tokenAt(tokens, pos) - 1;
  const back = () => {
    let n = 0;
    while (k >= 0 && !endsSentence(tokens[k]) && n < 80) {
      k--;
      n++;
    }
    return tokens[k + 1]?.s ?? 0;
  };
  const sentence = back();
  k--;
  const before = back();
  return [sentence, before];
}
