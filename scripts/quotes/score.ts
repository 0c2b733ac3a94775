/**
 * Node-only: the shared scorer (../shared/eval/score.mjs), loaded where it lies so the
 * project's numbers are the harness's own numbers. Typed here for the scripts that use it.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Gold } from './corpus';
import { SHARED } from './corpus';

export interface Counts {
  [key: string]: number;
}
export interface Metrics {
  quote: { precision: number; recall: number; f1: number };
  attribution: number | null;
  e2e: { precision: number; recall: number; f1: number };
}
export interface PageScore {
  counts: Counts;
  metrics: Metrics;
  pairs: Array<{ gold: number; prediction: number; quote: number; speakerCorrect: boolean }>;
  misses: {
    falseNegatives: Array<{ text: string; speaker: string | null }>;
    falsePositives: Array<{ text: string; speaker: string | null }>;
    wrongSpeaker: Array<{
      gold: string;
      goldSpeaker: string | null;
      predictedSpeaker: string | null;
    }>;
  };
}
export type SpeakerIndex = Map<string, unknown>;

export interface Scorer {
  scorePage(
    gold: Gold,
    prediction: { quotes: Array<{ text: string; speaker: string | null }> },
  ): PageScore;
  summarize(pages: PageScore[]): { counts: Counts; metrics: Metrics };
  goldSpeakerIndex(gold: Gold): SpeakerIndex;
  speakerCorrect(index: SpeakerIndex, goldName: string | null, pred: string | null): boolean;
  tokenize(text: string): string[];
  pairScore(a: string[], b: string[]): number;
}

export async function loadScorer(): Promise<Scorer> {
  return (await import(pathToFileURL(join(SHARED, 'eval/score.mjs')).href)) as Scorer;
}

/** The harness's last line: "e2e F1 … | quote P … R … F1 … | attribution … | pages N". */
export function summaryLine(m: Metrics, pages: number): string {
  const f = (x: number | null | undefined) =>
    x === null || x === undefined ? '  -  ' : x.toFixed(3);
  return `e2e F1 ${f(m.e2e.f1)} | quote P ${f(m.quote.precision)} R ${f(m.quote.recall)} F1 ${f(m.quote.f1)} | attribution ${f(m.attribution)} | pages ${pages}`;
}
