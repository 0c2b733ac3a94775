/**
 * The quote engine's entry point: extractQuotes(model) runs the passes in the order a
 * reader works — marks → statements → cues → entities → speakers.
 * Pure: no DOM, no browser APIs; linear in the size of the page.
 */

import modelFile from './attribution-model.json';
import { type Candidate, type History, proposeSpeakers } from './candidates';
import { candidateFeatures, viaCue } from './features';
import { mergeGluedHeadlineNames } from './glued-names';
import { guessLanguage } from './language';
import { findQuoteSpans, isSignatureBlock, type QuoteSpan, spanText } from './marks';
import { speakPullQuotes } from './pull-quotes';
import {
  type Choice,
  type Chooser,
  type Judge,
  type QuoteContext,
  quotePlace,
  type RankerModel,
  rankerChooser,
  rulesChooser,
  rulesJudge,
  runnerUpName,
  trainedJudge,
} from './ranker';
import { commitReading } from './readings';
import { Scene, type Work } from './scene';
import { buildSpeakers } from './speakers';
import { knownQuoteWords, STATEMENT_FEATURES, statementFeatures } from './statement-features';
import { classifySpan, continuesTitles, isTitleCase, wordsOf } from './statements';
import { looksLikeTitle } from './titles';
import { nestByContainment, splitTranscripts } from './transcripts';
import type { Extraction, Quote, TextModel } from './types';

export type { Extraction, Quote, Speaker, TextBlock, TextModel } from './types';
export { SURE_CONFIDENCE } from './types';

/** What a training run sees of each attributed quote. */
export interface Decision {
  qi: number;
  work: Work;
  cands: Candidate[];
  features: Float64Array[];
  choice: Choice;
  /** Index of today's rules' pick among `cands`. */
  rulesPick: number;
  /** The statement judge's features, and its probability that the span is a statement. */
  statement: Float64Array;
  keep: number;
  /** A title or a name in marks (lib/quotes/titles.ts): dropped whatever the judge said. */
  title: boolean;
}

export interface EngineOptions {
  /** Who chooses among a quote's candidate speakers; the trained ranker by default. */
  chooser?: Chooser;
  /** Decides which quoted spans are statements; the trained judge by default. */
  judge?: Judge;
  /** Called once per attributed quote, after the choice (training and diagnostics). */
  record?: (d: Decision) => void;
}

/** A span is kept as a statement at this probability or more. */
const KEEP = 0.5;

const shipped = modelFile as unknown as RankerModel;
let trained: Chooser | null = null;
let trainedStatements: Judge | null = null;
/** The ranker of the shipped model file, built once; today's rules while none is trained. */
export function defaultChooser(): Chooser {
  trained ??= shipped.trees.length > 0 ? rankerChooser(shipped) : rulesChooser;
  return trained;
}
/** The statement judge of the shipped model file; today's rules while none is trained. */
export function defaultJudge(): Judge {
  trainedStatements ??= shipped.statement
    ? trainedJudge(shipped.statement, STATEMENT_FEATURES)
    : rulesJudge;
  return trainedStatements;
}

export function extractQuotes(model: TextModel, options: EngineOptions = {}): Extraction {
  const { text } = model;
  const choose = options.chooser ?? defaultChooser();
  const judge = options.judge ?? defaultJudge();
  const spans = findQuoteSpans(model);
  // a page that does not declare its language is read for it: confidence is learned on English
  const lang = model.lang ?? (spans.length > 0 ? guessLanguage(text) : undefined);
  const kept: Work[] = [];
  const titled: QuoteSpan[] = [];
  const keptIndex = new Map<number, number>();
  let titleClose = -Infinity;
  // each kept quote's words, read once for the classifier and the statement judge
  const wordsRead: Array<[Work, string[]]> = [];
  spans.forEach((span, i) => {
    const body = spanText(text, span);
    const words = wordsOf(body);
    const titleCase = isTitleCase(text, model.blocks[span.block]);
    const cls = classifySpan(text, span, body, titleCase, words);
    if (
      cls.kind === 'title' ||
      (cls.kind !== 'empty' && continuesTitles(text, titleClose, span.open, body))
    ) {
      titleClose = span.close;
      titled.push(span);
      return;
    }
    if (cls.kind === 'mention') titled.push(span);
    if (cls.kind !== 'statement' && cls.kind !== 'fragment') return;
    if (span.unclosed && cls.kind === 'fragment') return;
    keptIndex.set(i, kept.length);
    let parent = span.parent;
    while (parent !== null && !keptIndex.has(parent)) parent = spans[parent]?.parent ?? null;
    const w: Work = {
      span,
      text: body,
      fragment: cls.kind === 'fragment',
      scareLike: !!cls.scareLike,
      // (set below for some quotes; written out so that every quote keeps one hidden class)
      dropped: false,
      cued: false,
      entity: null,
      mention: null,
      parent: parent === null ? null : (keptIndex.get(parent) ?? null),
      confidence: 1,
      runnerUp: null,
    };
    kept.push(w);
    wordsRead.push([w, words]);
  });

  if (splitTranscripts(text, kept)) nestByContainment(kept);
  const scene = new Scene(model, kept, titled);
  for (const [w, words] of wordsRead) knownQuoteWords(scene, w, words);
  const { ents } = scene;
  const hist: History = { prevKept: null, spoken: [] };
  for (let qi = 0; qi < kept.length; qi++) {
    const w = kept[qi] as Work;
    scene.scanNames(w.span.open);
    const proposal = proposeSpeakers(scene, kept, qi, hist);
    const features = candidateFeatures(scene, kept, qi, hist, proposal);
    const quote: QuoteContext = { fragment: w.fragment, lang, place: quotePlace(model, w.span) };
    let choice = choose(features, proposal.rulesPick, quote);
    // a transcript's speaker label ("PENCE: …") and an embedded post's signature ("— Name
    // (@handle) date") are the page's own statements of who speaks
    const labelled = proposal.cands.findIndex(
      (c) =>
        c.via.has('cue-transcript') ||
        (c.via.has('cue-signature') &&
          w.span.family === 'bq' &&
          isSignatureBlock(text, model.blocks[w.span.lastBlock + 1])),
    );
    if (labelled >= 0 && labelled !== choice.index)
      choice = {
        ...choice,
        index: labelled,
        runnerUp: choice.index,
        confidence: choice.confidenceAt(labelled),
      };
    const c = proposal.cands[choice.index] as Candidate;
    const kind = model.blocks[w.span.block]?.kind;
    const display = kind === 'headline' || kind === 'standfirst';
    // today's rules drop words woven into a sentence that names nobody: a scare quote, an
    // idiom in marks
    const rulesDrop =
      proposal.drop || (c.name === null && w.fragment && !display && w.span.family !== 'bq');
    const statement = statementFeatures(scene, kept, qi, proposal, choice);
    // a headline that names whose words it quotes ("Mayor Ines Duarte: Rival Has 'A Grudge'")
    // vouches for them as a statement: the training corpus has few such headlines, and the
    // judge's word on them swings from one retrain to the next
    const vouched = kind === 'headline' && c.via.has('cue-headline') && choice.confidence >= 0.9;
    const judged = judge(statement, rulesDrop);
    const keep = vouched ? Math.max(KEEP, judged) : judged;
    const title = keep >= KEEP && looksLikeTitle(scene, w);
    options.record?.({
      qi,
      work: w,
      cands: proposal.cands,
      features,
      choice,
      rulesPick: proposal.rulesPick,
      statement,
      keep,
      title,
    });
    if (keep < KEEP || title) {
      w.dropped = true;
      continue;
    }
    w.entity = c.reading ? commitReading(c.reading, w.span.open, ents) : c.entity;
    w.mention = c.mention;
    w.cued = viaCue(c.via);
    w.confidence = choice.confidence;
    w.runnerUp = runnerUpName(proposal.cands, choice.probs, c.name);
    hist.prevKept = { w, index: qi };
    if (w.entity) {
      ents.touchSubject(w.entity, w.span.open);
      w.entity.spoke++;
      if (w.entity.kind === 'person') w.entity.person = true;
      hist.spoken.push({
        entity: w.entity,
        block: w.span.block,
        lastBlock: w.span.lastBlock,
        pos: w.span.close,
        full: !w.fragment,
        qi,
      });
    }
  }

  // names after the last quote still add roles and aliases to the speakers already met
  scene.scanNames(text.length);
  mergeGluedHeadlineNames(kept, ents, model);

  speakPullQuotes(kept, model.blocks);

  const dropped = new Set(kept.filter((w) => w.dropped));
  if (dropped.size > 0) {
    const remap = new Map<number, number>();
    const rest = kept.filter((w, i) => {
      if (dropped.has(w)) return false;
      remap.set(i, remap.size);
      return true;
    });
    for (const w of rest) {
      let p = w.parent;
      while (p !== null && !remap.has(p)) p = kept[p]?.parent ?? null;
      w.parent = p === null ? null : (remap.get(p) ?? null);
    }
    kept.length = 0;
    kept.push(...rest);
  }
  const { speakers, ids } = buildSpeakers(
    kept.map((w) => ({ entity: w.entity, mention: w.mention, fragment: w.fragment })),
  );
  const quotes: Quote[] = kept.map((w, id) => ({
    id,
    text: w.text,
    start: w.span.parts[0]?.[0] ?? w.span.open,
    end: w.span.parts[w.span.parts.length - 1]?.[1] ?? w.span.close,
    speaker: w.entity ? w.entity.name : null,
    speakerId: ids[id] ?? null,
    mention: w.mention,
    fragment: w.fragment,
    parent: w.parent,
    confidence: w.confidence,
    runnerUp: w.runnerUp !== (w.entity?.name ?? null) ? w.runnerUp : null,
  }));
  return { quotes, speakers };
}
