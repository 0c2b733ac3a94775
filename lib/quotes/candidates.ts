/**
 * Who might have said this quote: every speaker a reader would consider, each tagged with the
 * rules that propose it — the cue of its own sentence read every way (before the quote, after
 * it, a signature, a headline's subject), "he" and "the spokesman" resolved every way, the
 * speaker the sentences before name, the previous speakers (one goes on, or two alternate),
 * the people of the last paragraphs, and nobody. Today's hand-written order of precedence is
 * kept as one more tag (`rules`), a feature like the others: the ranker decides.
 * Pure: reads the scene; registers nothing (see readings.ts).
 */
import {
  contextSpeaker,
  headlineSubject,
  holderInBody,
  innerSignature,
  recentPerson,
  sameSentence,
  signatureCue,
} from './context';
import { cueAfter, STRICT_AFTER } from './cue-after';
import {
  afterWindow,
  beforeWindow,
  type Cue,
  type CueContext,
  type CueKind,
  clauseSubject,
  cueBefore,
  cueTranscript,
  lastClauseStart,
  nearestSubject,
  PASSIVE_AUX,
} from './cues';
import type { Entity, EntityIndex } from './entities';
import { ROLES } from './lexicon/index';
import { opensQuote, type QuoteSpan } from './marks';
import {
  addAppositiveRole,
  copyMention,
  type Mention,
  type MentionKind,
  readMentionForward,
  saysNext,
} from './mentions';
import { repeats, wordsOf } from './pull-quotes';
import {
  type MentionRule,
  nameTarget,
  type Reading,
  readingsOf,
  type Target,
  targetKey,
  targetName,
} from './readings';
import type { Scene, Work } from './scene';
import { endsSentence, type Token, tokenAt } from './tokens';
import { endsWithFullStop, spaceSplitLength } from './words';

/** Why a candidate is on the list. */
export type Via =
  | 'rules'
  | 'cue-transcript'
  | 'cue-before'
  | 'cue-after'
  | 'cue-after-strict'
  | 'cue-signature'
  | 'cue-headline'
  | 'cue-wide'
  | 'subject'
  | 'nearest'
  | 'context'
  | 'chained'
  | 'cue-next'
  | 'echo'
  | 'continues'
  | 'same-he'
  | 'prev'
  | 'prev2'
  | 'recent'
  | 'window'
  | 'later'
  | 'none';

export interface Candidate {
  key: string;
  /** How to make it real when chosen; null for an entity met already and for nobody. */
  reading: Reading | null;
  /** The entity, when already met. */
  entity: Entity | null;
  /** What it would introduce, when not met yet. */
  target: Target | null;
  /** The name it would show; null for nobody. */
  name: string | null;
  /** The words that named it at this quote ("he", "the MP"), when a mention did. */
  mention: string | null;
  via: Set<Via>;
  rules: Set<MentionRule>;
  /** Of the cues proposing it: the nearest one's token distance to the quote, and its kinds. */
  cueDist: number;
  /** Token distance of a mention after the quote ('later'), or before it ('context'). */
  laterDist: number;
  contextDist: number;
  mentionKinds: Set<MentionKind>;
  cueKinds: Set<CueKind>;
}

/** What the passes remember of the speakers chosen so far. */
export interface Spoken {
  entity: Entity;
  /** Blocks of the quote's opening and closing marks; offset of its closing mark. */
  block: number;
  lastBlock: number;
  pos: number;
  /** The quote was a full statement, not a few words or a title. */
  full: boolean;
  qi: number;
}

export interface History {
  /** The latest quote kept (attributed or not) and its index. */
  prevKept: { w: Work; index: number } | null;
  /** Every attributed quote so far, in order. */
  spoken: Spoken[];
}

export interface Proposal {
  /** Today's rules drop the quote: words woven into a sentence that names nobody. */
  drop: boolean;
  cands: Candidate[];
  /** Index in `cands` of today's rules' pick. */
  rulesPick: number;
  /** Today's rules found a cue in the quote's own sentence. */
  cued: boolean;
  /** The gender of a "he" or "she" that cues the quote, or that the sentences before use. */
  pronoun: string | undefined;
}

/** How many paragraphs back a sentence's subject stays the likeliest "he" or "she". */
const SUBJECT_BLOCKS = 2;
/** How many paragraphs back the people of the context are candidates. */
const WINDOW_BLOCKS = 3;
/** At most this many people of the context are candidates. */
const WINDOW_PEOPLE = 6;
/** How many tokens after a quote its speaker may still be named. */
const LATER_REACH = 40;
/** At most this many people named after the quote are candidates. */
const LATER_PEOPLE = 4;
/** How many quotes back a reporter's echo of a speaker's phrase may reach. */
const ECHO_REACH = 4;

/**
 * A name read where every word is capitalised (a Title Case headline) or a lone word opening
 * a sentence, that the rest of the page never confirms: no one. Nor is a lone letter, a
 * party's tag ("Sen. Ana Ruiz (R)").
 */
const noOneNamed = (scene: Scene, m: Mention): boolean =>
  m.kind === 'name' &&
  (scene.headlineOnly(m) || scene.openerOnly(m) || (m.name ?? m.text).length <= 1);

export function proposeSpeakers(scene: Scene, kept: Work[], qi: number, hist: History): Proposal {
  const { ctx, model, ents, text, tokens } = scene;
  const w = kept[qi] as Work;
  const { span } = w;
  const list = new CandidateList();
  const spoken = hist.spoken;
  const last = spoken[spoken.length - 1] ?? null;
  const lastEntity = last?.entity ?? null;
  const floor = model.blocks[Math.max(0, span.block - SUBJECT_BLOCKS)]?.start ?? 0;
  const blockKind = model.blocks[span.block]?.kind;
  const headline = blockKind === 'headline' || blockKind === 'standfirst';
  const bq = span.family === 'bq';
  const short = w.fragment && spaceSplitLength(w.text) <= 2;
  const open = tokenAt(tokens, span.open);

  // --- every cue of the quote's own sentence
  const parentSpan = w.parent !== null ? kept[w.parent]?.span : undefined;
  const fits = (c: Cue | null): Cue | null => {
    if (!c || scene.credit[c.mention.from]) return null;
    // (a name in a title's marks, "on the radio show “Evening Ray”", is no one's)
    if (scene.inTitle[c.mention.from]) return null;
    // a headline's own "Name: …" or "Name says" vouches for itself; other words there do not
    // (in the body, "Example: "…"" is a label: a lone word no one carries)
    if ((c.kind !== 'headline' || !headline) && noOneNamed(scene, c.mention)) return null;
    // a quote inside a quote is attributed by words inside it; the outer cue is the outer's
    if (parentSpan && (tokens[c.mention.from]?.s ?? 0) < parentSpan.open) return null;
    if (c.mention.kind === 'name') addAppositiveRole(text, tokens, c.mention);
    return c;
  };
  const transcript = fits(cueTranscript(ctx, span));
  // a word used as a modifier is someone's only if a verb sits right by it
  const reach = w.scareLike ? 4 : Infinity;
  // "Harbor Chief On Strike: ‘…’": the one the body gives that office to
  const holder = (c: Cue | null): Cue | null => {
    const held =
      c && headline ? holderInBody(ctx, c.mention, model.blocks[span.block]?.end ?? 0) : null;
    return held ? { mention: held, kind: c?.kind ?? 'headline' } : c;
  };
  const ownSubject = headline ? fits(headlineSubject(ctx, model, span)) : null;
  const headlineCue = holder(ownSubject);
  // "Hale Addresses Harbor Attack: "…"": the headline's subject, not its whole lead-in
  const subjectOfLabel = (c: Cue | null): Cue | null =>
    holder(
      c?.kind === 'headline' &&
        ownSubject &&
        ownSubject.mention.from === c.mention.from &&
        ownSubject.mention.to < c.mention.to
        ? ownSubject
        : c,
    );
  const before =
    (bq ? null : subjectOfLabel(fits(cueBefore(ctx, span, w.fragment, short, reach)))) ??
    colonIntro(ctx, model, span, fits);
  // the strict reading after the quote is the plain one where the window after it is short,
  // and none where it is long (cues.ts cueAfter): read once, copied before `fits` adds to it
  const afterRead = bq ? null : cueAfter(ctx, span);
  const [afterFrom, afterEnd] = afterWindow(ctx, span);
  const strictRead = bq || afterEnd >= afterFrom + STRICT_AFTER ? null : copyCue(afterRead);
  const after = fits(afterRead);
  const afterStrict = fits(strictRead);
  // “A,” which were slow and “B,” the report states: the sentence's cue is after its last quote
  const next = kept[qi + 1];
  const nextCue =
    !bq &&
    !before &&
    !after &&
    next &&
    next.parent === w.parent &&
    sameSentence(ctx, span, next.span)
      ? fits(cueAfter(ctx, next.span, true) ?? closingCue(ctx, next.span))
      : null;
  const signature = fits(signatureCue(ctx, model, span) ?? innerSignature(ctx, model, span));
  const ctxFound = contextSpeaker(ctx, span);
  const ctxCue = ctxFound && !noOneNamed(scene, ctxFound.mention) ? ctxFound : null;

  const addCue = (c: Cue | null, via: Via): Reading | null => {
    if (!c) return null;
    const { readings, rules } = readingsOf(c.mention, span.open, ents, lastEntity, floor);
    const m = c.mention;
    const dist = m.from >= open ? m.from - open : open - m.to;
    // "said his best friend at Lehigh, Bruce Turry": the name in apposition to the mention
    const named = appositionName(scene, m);
    // (a description the name follows is that name's, no one else to weigh against it)
    for (const r of readings)
      if (!(named && unnamedReading(r))) list.addReading(r, via, c.kind, dist);
    if (named)
      list.addReading(
        { target: nameTarget(ents, named), rule: 'apposition', mention: named },
        via,
        c.kind,
        dist,
      );
    return rules;
  };
  addCue(transcript, 'cue-transcript');
  addCue(before, 'cue-before');
  // (the sentence's cue after its last quote is this quote's cue after it too)
  addCue(after ?? nextCue, 'cue-after');
  addCue(afterStrict, 'cue-after-strict');
  addCue(nextCue, 'cue-next');
  addCue(signature, 'cue-signature');
  addCue(headlineCue, 'cue-headline');
  if (!bq) {
    // the sentence's subject, and the nearest person named before the quote, whatever the verb
    const [sf, st] = beforeWindow(ctx, span);
    const cf = lastClauseStart(tokens, sf, st);
    if (st > cf) addCue(fits(wrap(clauseSubject(ctx, cf, st))), 'subject');
    addCue(fits(wrap(nearestSubject(ctx, span))), 'nearest');
    // the same cues read widely: "the sender said", "said a New Hampshire Republican"
    const wide = scene.memo(WIDE, () => wideContext(ctx));
    addCue(subjectOfLabel(fits(cueBefore(wide, span, w.fragment, short, reach))), 'cue-wide');
    addCue(fits(cueAfter(wide, span, endsWithFullStop(w.text))), 'cue-wide');
  }
  // ("“…,” he asked. ¶ “…,” she said": the "he" before speaks of someone this "she" is not)
  const own = (after ?? before)?.mention;
  const otherPronoun =
    ctxCue?.mention.kind === 'pronoun' &&
    own?.kind === 'pronoun' &&
    own.gender !== ctxCue.mention.gender;
  if (ctxCue && !otherPronoun) {
    const { readings } = readingsOf(ctxCue.mention, span.open, ents, lastEntity, floor);
    const dist = open - tokenAt(tokens, ctxCue.pos);
    for (const r of readings) list.addReading(r, 'context', null, dist);
  }

  // --- the speakers so far, and the people of the last paragraphs
  if (last) list.addEntity(last.entity, 'prev');
  const prev2 = previousOther(spoken);
  if (prev2) list.addEntity(prev2, 'prev2');
  const recent = recentPerson(ents, model, span);
  if (recent) list.addEntity(recent, 'recent');
  const windowFloor = model.blocks[Math.max(0, span.block - WINDOW_BLOCKS)]?.start ?? 0;
  let people = 0;
  for (const e of ents.recent()) {
    if (people >= WINDOW_PEOPLE) break;
    if (e.last < windowFloor || e.last >= span.open) continue;
    list.addEntity(e, 'window');
    people++;
  }
  // people named after the quote: later in its paragraph, or opening the next one
  // ("… ¶ -Michelle Marks, Philadelphia.", "… Bob provided new details")
  let later = 0;
  const close = tokenAt(tokens, span.close);
  const stop = Math.min(tokens.length, close + LATER_REACH);
  let paragraphs = 0;
  for (let k = close + 1; k < stop && later < LATER_PEOPLE; k++) {
    const t = tokens[k] as Token;
    if (t.w === '\n' && ++paragraphs > 1) break;
    if (!t.word || !t.cap || tokens[k - 1]?.cap || scene.credit[k]) continue;
    // (a name inside the marks after it, "on the programme “Grande Círculo”", is no one's)
    if (scene.inQuote[k] || scene.inTitle[k] || opensQuote(text[t.s - 1] ?? '')) continue;
    const m = readMentionForward(text, tokens, k, stop);
    if (m?.kind !== 'name' || noOneNamed(scene, m)) continue;
    // ("… ¶ Political scientist Jo Hale said that …": the next paragraph's own speaker)
    if (paragraphs > 0 && saysNext(tokens, m.to)) {
      k = m.to - 1;
      continue;
    }
    list.addReading(
      { target: nameTarget(ents, m), rule: 'named', mention: m },
      'later',
      null,
      k - close,
    );
    later++;
    k = m.to - 1;
  }
  const none = list.addNone();

  // --- today's rules, in their order of precedence
  let cue: Cue | null =
    transcript ??
    (bq
      ? null
      : endsWithFullStop(w.text)
        ? (before ?? afterStrict)
        : before && namesTheQuote(ctx, span)
          ? before
          : (after ?? before)) ??
    signature ??
    nextCue;
  let pick: Candidate = none;
  let cued = false;
  let drop = false;
  const prevKept = hist.prevKept;
  const chained =
    !cue && prevKept && w.parent !== prevKept.index && sameSentence(ctx, prevKept.w.span, w.span)
      ? prevKept.w
      : null;
  if (chained?.entity) list.addEntity(chained.entity, 'chained', chained.mention);
  if (chained) {
    // "called him a "liar" who is "amoral" and a "bully"": the sentence's speaker for all
    pick = chained.entity ? list.of(chained.entity) : none;
  } else {
    if (!cue && headline) cue = headlineCue;
    // a few words quoted inside someone's quote, with no cue of their own, are theirs: not a quote
    const innerScare =
      !cue && w.fragment && w.parent !== null && kept[w.parent]?.span.family !== 'bq';
    const echo =
      !cue && w.fragment && !w.scareLike && w.parent === null && spaceSplitLength(w.text) >= 2
        ? echoedQuote(kept, qi)
        : null;
    if (echo?.entity) list.addEntity(echo.entity, 'echo', echo.mention);
    if (echo) {
      // 'This "mathematical trick" was …' right after a quote that said it: the speaker's words
      pick = echo.entity ? list.of(echo.entity) : none;
    } else if (!cue && (innerScare || (short && !headline) || w.scareLike) && !bq) {
      // words woven into a sentence that names no speaker are scare quotes, not statements
      drop = true;
    } else {
      let found: Candidate | null = null;
      if (
        cue?.mention.kind === 'pronoun' &&
        (cue.mention.gender === 'm' || cue.mention.gender === 'f')
      ) {
        // "Sen. Perdue said he doubted it. "…" he said.": the person last reported speaking
        // (contextSpeaker reads only the page's tokens and this span: its answer above)
        const said = ctxFound;
        if (said && said.mention.kind === 'name') {
          const e = ents.peekName(said.mention);
          const person = e
            ? e.kind === 'person' && e.person
            : !!(said.mention.role || said.mention.gender) && !said.mention.org;
          const gender = e ? e.gender : said.mention.gender;
          if (
            person &&
            (!gender || gender === cue.mention.gender) &&
            !(e && newSubject(ents, e, said.pos, span.open, cue.mention.gender))
          ) {
            const { rules } = readingsOf(said.mention, span.open, ents, lastEntity, floor);
            if (rules)
              found = list.addReading(rules, 'context', null, open - tokenAt(tokens, said.pos));
            if (found) found.mention = cue.mention.text;
          }
        }
      }
      if (found) pick = found;
      else if (cue) {
        cued = true;
        // "according to the firm's spokeswoman, Jane Roe": the name the page gives wins
        const named = cue.mention.kind !== 'name' ? appositionName(scene, cue.mention) : null;
        const rules = named
          ? ({ target: nameTarget(ents, named), rule: 'apposition', mention: named } as const)
          : readingsOf(cue.mention, span.open, ents, lastEntity, floor).rules;
        pick = rules ? list.addReading(rules, null, null, 0) : none;
        if (rules) pick.mention = cue.mention.text;
      } else {
        const prev = last;
        const sameHe =
          ctxCue?.mention.kind === 'pronoun' &&
          prev?.entity.kind === 'person' &&
          span.block - prev.block <= 1 &&
          (!prev.entity.gender || prev.entity.gender === ctxCue.mention.gender) &&
          !newSubject(ents, prev.entity, prev.pos, span.open, ctxCue.mention.gender);
        const continues = !!prev && prev.full && continuesQuote(ctx, prev.pos, span);
        if (prev && continues) list.of(prev.entity).via.add('continues');
        if (prev && sameHe) list.of(prev.entity).via.add('same-he');
        if (prev && continues) {
          // ""…," Ann Lee said at the gala, where others spoke. "…"": Ann Lee goes on
          pick = list.of(prev.entity);
        } else if (prev && sameHe) {
          // ""…," he said, referring to … "…"": the pronoun is the last speaker
          pick = list.of(prev.entity);
        } else if (ctxCue && (!prev || ctxCue.pos > prev.pos)) {
          const { rules } = readingsOf(ctxCue.mention, span.open, ents, lastEntity, floor);
          pick = rules ? list.addReading(rules, null, null, 0) : none;
        } else {
          const e = recent ?? (prev && span.block - prev.block <= 1 ? prev.entity : null);
          pick = e ? list.of(e) : none;
        }
        if (pick === none && w.fragment && !headline && !bq) {
          // words woven into a sentence with nobody to say them: an idiom in marks, not a quote
          drop = true;
        }
      }
    }
  }
  pick.via.add('rules');
  const personal = (c: Cue | null) =>
    c?.mention.kind === 'pronoun' && (c.mention.gender === 'm' || c.mention.gender === 'f')
      ? c.mention.gender
      : undefined;
  const pronoun =
    personal(cue) ??
    personal(after) ??
    personal(before) ??
    (ctxCue?.mention.kind === 'pronoun'
      ? personal({ mention: ctxCue.mention, kind: 'before' })
      : undefined);
  return { drop, cands: list.items, rulesPick: list.items.indexOf(pick), cued, pronoun };
}

/** The scene's memo of its cue context read widely: made once per page rather than once per quote. */
const WIDE = {};

/** A reading of a mention as someone unnamed: a role's or a description's own words. */
const unnamedReading = (r: Reading): boolean => r.rule === 'role-unnamed' || r.rule === 'described';

const wrap = (m: Mention | null): Cue | null => (m ? { mention: m, kind: 'before' } : null);
/**
 * The cue context read widely. Written out field by field, not spread: once optimised, the
 * spread gave each page's copy a hidden class of its own, and the cue readers' loads of the
 * context's fields went megamorphic (V8's IC log: a new map per page). The plain context
 * (scene.ts) is written in the same order with `wide: false`: both share one shape.
 */
const wideContext = (ctx: CueContext): CueContext => ({
  text: ctx.text,
  tokens: ctx.tokens,
  markStarts: ctx.markStarts,
  markEnds: ctx.markEnds,
  wide: true,
});

const copyCue = (c: Cue | null): Cue | null =>
  c ? { ...c, mention: copyMention(c.mention) } : null;

/** `e${id}` (readings.ts's targetKey of an entity), made once per id: a fresh string is hashed anew. */
const ENTITY_KEYS: string[] = [];
const entityKey = (id: number): string => (ENTITY_KEYS[id] ??= `e${id}`);

/** Candidates merged by whom they name. */
class CandidateList {
  readonly items: Candidate[] = [];
  private readonly byKey = new Map<string, Candidate>();

  private get(key: string, make: () => Candidate): Candidate {
    let c = this.byKey.get(key);
    if (!c) {
      c = make();
      this.byKey.set(key, c);
      this.items.push(c);
    }
    return c;
  }

  private blank(
    key: string,
    entity: Entity | null,
    target: Target | null,
    name: string | null,
  ): Candidate {
    return {
      key,
      reading: null,
      entity,
      target,
      name,
      mention: null,
      via: new Set(),
      rules: new Set(),
      cueDist: Infinity,
      laterDist: Infinity,
      contextDist: Infinity,
      mentionKinds: new Set(),
      cueKinds: new Set(),
    };
  }

  addReading(r: Reading, via: Via | null, cueKind: CueKind | null, dist: number): Candidate {
    const entity = r.target.kind === 'entity' ? r.target.entity : null;
    const key = entity ? entityKey(entity.id) : targetKey(r.target);
    const c = this.get(key, () => this.blank(key, entity, r.target, targetName(r.target)));
    // the first reading proposing a candidate says how to commit it, and by what words
    if (!c.reading) {
      c.reading = r;
      c.mention ??= r.mention.text;
    }
    if (via) c.via.add(via);
    c.rules.add(r.rule);
    c.mentionKinds.add(r.mention.kind);
    if (cueKind) c.cueKinds.add(cueKind);
    if (via?.startsWith('cue-') && dist < c.cueDist) c.cueDist = dist;
    if (via === 'later' && dist < c.laterDist) c.laterDist = dist;
    if (via === 'context' && dist < c.contextDist) c.contextDist = dist;
    return c;
  }

  addEntity(e: Entity, via: Via, mention: string | null = null): Candidate {
    const c = this.of(e);
    c.via.add(via);
    c.mention ??= mention;
    return c;
  }

  /** The candidate for an entity already met (created untagged if new to the list). */
  of(e: Entity): Candidate {
    const key = entityKey(e.id);
    return this.get(key, () => this.blank(key, e, { kind: 'entity', entity: e }, e.name));
  }

  addNone(): Candidate {
    const c = this.get('none', () => this.blank('none', null, null, null));
    c.via.add('none');
    return c;
  }
}

/**
 * "…will carry "a great deal of weight" and bring the "firepower" they need, aide Neil Soka
 * said.": the cue after the next quote, where it closes the sentence (a cue further back
 * belongs to a clause of its own: "…" and "…," Mel said yes, until …).
 */
function closingCue(ctx: CueContext, span: QuoteSpan): Cue | null {
  const [from, end] = afterWindow(ctx, span);
  // (over a short window the plain reading is the strict one, already tried before this)
  if (end < from + STRICT_AFTER) return null;
  const c = cueAfter(ctx, span);
  return c && c.mention.to >= end - 2 && endsSentence(ctx.tokens[end]) ? c : null;
}

/**
 * A name in apposition to a cue's mention: "his best friend at Lehigh, Bruce Turry",
 * "Blaze co-host Stu Burguiere" (a name, lowercase role words, then the person's name).
 */
function appositionName(scene: Scene, m: Mention): Mention | null {
  const { text, tokens } = scene;
  let k = m.to;
  const called = namedAs(tokens, k);
  if (called > 0 && m.kind !== 'pronoun') {
    // "the base chief known as Bob", "a man calling himself Paul Paul"
    const n = readMentionForward(text, tokens, called, Math.min(tokens.length, called + 6));
    return n?.kind === 'name' && n.name ? n : null;
  }
  if (m.kind === 'name') {
    // "Blaze co-host Stu Burguiere": role words between the names ("Department of Energy" has none)
    let roles = 0;
    while (k < m.to + 3 && tokens[k]?.word && !tokens[k]?.cap)
      if (ROLES.has((tokens[k++]?.lo ?? '').split('-').pop() ?? '')) roles++;
    if (roles === 0) return null;
  } else if (tokens[k]?.w === ',') k++;
  // "the civil rights group the Fair Housing League": a definite name right after the description
  else if (tokens[k]?.lo === 'the' && tokens[k + 1]?.cap) k++;
  else return null;
  // (", state Del. Mara Price": a lowercase word that the name's own role opens with)
  const lower = !tokens[k]?.cap;
  if (lower && !tokens[k + 1]?.cap) return null;
  const n = readMentionForward(text, tokens, k, Math.min(tokens.length, k + (lower ? 7 : 6)));
  if (lower && !n?.role?.startsWith(tokens[k]?.w ?? '')) return null;
  return n?.kind === 'name' && n.name && n.name !== m.name ? n : null;
}

/** Words that give the name a source goes by: "known as", "calling himself", "identified only as". */
const NAMED_AS =
  /^(?:,\s*)?(?:who\s+)?(?:known as|(?:calling|calls|called) (?:himself|herself|themselves)|identified (?:only )?as|gave (?:his|her|their) (?:first |full )?name (?:only )?as|named|nicknamed)\s+$/;

/** Where the name starts after a "known as"-like phrase at token `k`; -1 if there is none. */
function namedAs(tokens: Token[], k: number): number {
  let words = '';
  for (let j = k; j < k + 8 && tokens[j]; j++) {
    const t = tokens[j] as Token;
    if (t.cap && t.word) return NAMED_AS.test(words) ? j : -1;
    if (!t.word && t.w !== ',') return -1;
    words += t.w === ',' ? ', ' : `${t.lo} `;
  }
  return -1;
}

/** The latest speaker other than the last one: in an interview, the one who speaks next. */
function previousOther(spoken: Spoken[]): Entity | null {
  const last = spoken[spoken.length - 1]?.entity;
  for (let i = spoken.length - 2; i >= 0 && i >= spoken.length - 6; i--) {
    const e = spoken[i]?.entity;
    if (e && e !== last) return e;
  }
  return null;
}

/**
 * Does this quote open the sentence right after the one that closed the previous quote, in the
 * same paragraph? Reporters write ""…," she said on Friday. "…"" for one speaker going on.
 */
export function continuesQuote(ctx: CueContext, prevClose: number, span: Work['span']): boolean {
  const { tokens } = ctx;
  const from = tokenAt(tokens, prevClose);
  const to = tokenAt(tokens, span.open);
  if (to <= from || to - from > 40) return false;
  let ends = 0;
  for (let k = from; k < to; k++) {
    const t = tokens[k] as Token;
    if (t.w === '\n' || ctx.markStarts.has(t.s)) return false;
    if (endsSentence(t)) ends++;
  }
  return ends === 1 && endsSentence(tokens[to - 1]);
}

/** Has someone else of this gender become a sentence's subject since the last speaker spoke? */
export function newSubject(
  ents: EntityIndex,
  last: Entity,
  since: number,
  before: number,
  gender: string | undefined,
): boolean {
  for (const e of ents.recent()) {
    if (e.last < since) break;
    if (
      e !== last &&
      e.kind === 'person' &&
      e.subj > since &&
      e.subj < before &&
      (!e.gender || e.gender === gender)
    )
      return true;
  }
  return false;
}

/** A recent attributed quote whose words contain this fragment's words. */
function echoedQuote(kept: Work[], qi: number): Work | null {
  const mine = wordsOf((kept[qi] as Work).text);
  if (mine.join(' ').length < 3) return null;
  for (let j = qi - 1; j >= 0 && j >= qi - ECHO_REACH; j--) {
    const o = kept[j] as Work;
    if (o.dropped || !o.entity || o.fragment) continue;
    if (repeats(mine, wordsOf(o.text), 0)) return o;
  }
  return null;
}

/**
 * "Of course, as Dana Pike observed, the winner was not on the stage: ¶ "…"": a quote that opens
 * its paragraph after one ending in a colon is introduced by that sentence, read as a cue before.
 */
function colonIntro(
  ctx: CueContext,
  model: Scene['model'],
  span: QuoteSpan,
  fits: (c: Cue | null) => Cue | null,
): Cue | null {
  const blk = model.blocks[span.block];
  const prev = model.blocks[span.block - 1];
  if (!blk || !prev || prev.kind === 'headline') return null;
  if (ctx.text.slice(blk.start, span.open).trim() !== '') return null;
  if (ctx.text.slice(prev.start, prev.end).trimEnd().slice(-1) !== ':') return null;
  return fits(cueBefore(ctx, { ...span, open: prev.end }, false));
}

/** Verbs that give a quote as the name of something: "what Hale called "…"". */
const NAMING_VERBS = new Set(['called', 'calls', 'dubbed', 'dubs', 'termed', 'terms', 'labeled']);

/**
 * Does a verb of naming come right before the quote ("what Ruiz called "the old pricing plan,"
 * the club kept …")? Then the quote is that verb's object, and its subject speaks it, whatever
 * verb follows the quote.
 */
function namesTheQuote(ctx: CueContext, span: QuoteSpan): boolean {
  const [from, to] = beforeWindow(ctx, span);
  const t = ctx.tokens[to - 1];
  // ("was dubbed "…," the paper said": a passive names no one)
  return (
    to > from &&
    !!t?.word &&
    NAMING_VERBS.has(t.lo) &&
    !PASSIVE_AUX.has(ctx.tokens[to - 2]?.lo ?? '')
  );
}
