/**
 * The article bench's metric, per page, for the listing of weak pages (the overall numbers are
 * printed by ../shared/eval/article.mjs itself, from the predictions file): 4-word shingles of
 * letters/digits, TP/FP/FN normalised by their sum, precision and recall averaged over pages.
 */
const tokens = (s: string) => s.match(/[\p{L}\p{N}\p{M}_]+/gu) ?? [];

function shingles(s: string, n = 4): Map<string, number> {
  const t = tokens(s);
  const m = new Map<string, number>();
  for (let i = 0; i < Math.max(1, t.length - n + 1); i++) {
    const k = t.slice(i, i + n).join('\u0001');
    if (k) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

export interface PageScore {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
}

export function scorePage(truth: string, pred: string): PageScore {
  const a = shingles(truth);
  const b = shingles(pred);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(k) ?? 0;
    const y = b.get(k) ?? 0;
    tp += Math.min(x, y);
    fp += Math.max(0, y - x);
    fn += Math.max(0, x - y);
  }
  const sum = tp + fp + fn;
  if (sum > 0) {
    tp /= sum;
    fp /= sum;
    fn /= sum;
  }
  const p = fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
  const r = fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn);
  return { tp, fp, fn, p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}

/** Averages as the benchmark does: precision over pages with a prediction, recall over pages with truth. */
export function overall(pages: PageScore[]): { p: number; r: number; f1: number; below: number } {
  const mean = (xs: number[]) => xs.reduce((s, v) => s + v, 0) / (xs.length || 1);
  const p = mean(pages.filter((x) => x.tp + x.fp > 0).map((x) => x.p));
  const r = mean(pages.filter((x) => x.tp + x.fn > 0).map((x) => x.r));
  const f1 = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  return { p, r, f1, below: pages.filter((x) => x.f1 < 0.5).length };
}
