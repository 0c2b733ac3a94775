/**
 * Runs the shared scorer over the dev corpora through the CLI and holds the engine to the
 * floors of issues 3 and 11 (web-dev: a check on pages nobody tuned for). Skips cleanly where ../shared or the CLI is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const shared = path.resolve('../shared');
const runner = path.join(shared, 'eval/run.mjs');
const ready = existsSync(runner) && existsSync('scripts/extract.ts');

function score(corpus: string, floors: string[]): { ok: boolean; last: string } {
  try {
    const out = execFileSync(
      'node',
      [runner, '--corpus', path.join(shared, 'corpus', corpus), '--timeout', '300', ...floors],
      {
        encoding: 'utf8',
        timeout: 15 * 60_000,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { ok: true, last: out.trim().split('\n').pop() ?? '' };
  } catch (err) {
    const out = String((err as { stdout?: string }).stdout ?? '');
    return { ok: false, last: out.trim().split('\n').pop() ?? String(err) };
  }
}

describe.skipIf(!ready || !existsSync(path.join(shared, 'corpus/dev')))('corpus evaluation', () => {
  // (The floors sit below today's numbers by what a retrain alone moves them, about 0.005 on
  // polnear-dev: a small change to a feature grows other trees, which tip a few close calls.
  // dev's floors sit a statement below 1.000: guardian-1's closing quote, with no cue after a
  // sentence that names its speaker only after "for", is a coin toss between him and no one,
  // 0.34 to 0.35, that retraining turns either way; the headline's echo of it follows it)
  it('dev: e2e F1 ≥ 0.94, quote F1 ≥ 0.96, attribution ≥ 0.97', { timeout: 20 * 60_000 }, () => {
    const r = score('dev', ['--min-e2e', '0.94', '--min-quote', '0.96', '--min-attr', '0.97']);
    expect(r.ok, r.last).toBe(true);
  });

  it('web-dev (checked on, never fitted): e2e F1 ≥ 0.91, quote F1 ≥ 0.95, attribution ≥ 0.95', {
    timeout: 20 * 60_000,
  }, () => {
    const r = score('web-dev', ['--min-e2e', '0.91', '--min-quote', '0.95', '--min-attr', '0.95']);
    expect(r.ok, r.last).toBe(true);
  });

  it.skipIf(!existsSync(path.join(shared, 'corpus/polnear-dev')))(
    'polnear-dev: e2e F1 ≥ 0.945, quote F1 ≥ 0.965, attribution ≥ 0.97',
    { timeout: 30 * 60_000 },
    () => {
      const r = score('polnear-dev', [
        '--min-e2e',
        '0.945',
        '--min-quote',
        '0.965',
        '--min-attr',
        '0.97',
      ]);
      expect(r.ok, r.last).toBe(true);
    },
  );
});
