/**
 * Is a speed change faster? Times this checkout's engine (as it is on disk) against the one of
 * a git commit (main by default) on the same text models. Each engine runs in its own child
 * process (in one process the engine loaded second ran ~7 % slower, whichever it was), and the
 * two alternate, so the machine's load falls on both alike. Prints each one's median per page
 * (median over trials of the median page) and the ratio.
 *
 *   npx tsx scripts/quotes/speed-ab.ts [REF] [--here REF2] [--trials N] [--rounds N]
 *     [--set dev|polnear-dev|pages]
 *
 * Measures only; exits 2 when ../shared is absent.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import type { Extraction, TextModel } from '../../lib/quotes/types';
import { CORPUS, loadCorpus, pageModel, ROOT } from './corpus';
import { engineDirAt } from './engine-at';

type Engine = (model: TextModel) => Extraction;

/**
 * An engine folder loaded as ES modules, as `npm run bench` and the extension's bundle load it.
 * A copy without a package.json loads as CommonJS under tsx, where every imported name is read
 * through a getter: over a tenth of the engine's profile went to those getters, and a change
 * that adds calls across modules looked slower there than anywhere it runs.
 */
function asModules(dir: string): string {
  const pkg = join(dir, 'package.json');
  if (!existsSync(pkg)) writeFileSync(pkg, '{ "type": "module" }\n');
  return dir;
}

/** The engine of commit `ref`, unpacked (engine-at.ts). */
const dirAt = (ref: string): string => asModules(engineDirAt(ref));

/** This checkout's engine as it is on disk now (uncommitted edits included), copied out alike. */
function dirHere(): string {
  const dir = mkdtempSync(join(tmpdir(), 'quotelens-engine-here-'));
  cpSync(join(ROOT, 'lib'), join(dir, 'lib'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  return asModules(dir);
}

function models(set: string): TextModel[] {
  const dir = join(CORPUS, set);
  if (!existsSync(dir)) return [];
  if (set !== 'pages') return loadCorpus(dir).map((p) => p.model);
  return readdirSync(dir)
    .sort()
    .filter((n) => n.endsWith('.html'))
    .map((n) => pageModel(join(dir, n)));
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (i: number) => s[i] ?? Number.NaN;
  return s.length % 2 ? at(s.length >> 1) : (at(s.length / 2 - 1) + at(s.length / 2)) / 2;
};

/** Child: one engine, warmed up, `rounds` runs per page; prints the per-page medians as JSON. */
async function child(dir: string, set: string, rounds: number): Promise<void> {
  const engine = ((await import(join(dir, 'lib/quotes/index.ts'))) as { extractQuotes: Engine })
    .extractQuotes;
  const all = models(set);
  for (let w = 0; w < 3; w++) for (const m of all) engine(m);
  const times = all.map(() => [] as number[]);
  let gc = 0;
  const obs = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gc += e.duration;
  });
  obs.observe({ entryTypes: ['gc'] });
  const cpu0 = process.cpuUsage();
  for (let r = 0; r < rounds; r++)
    all.forEach((m, i) => {
      const t = performance.now();
      engine(m);
      times[i]?.push(performance.now() - t);
    });
  const cpu = process.cpuUsage(cpu0);
  await new Promise((r) => setTimeout(r, 10));
  obs.disconnect();
  // the process's CPU time per round (all pages once): what the machine's load sways least
  console.log(
    JSON.stringify({
      pages: times.map(median),
      // each page's fastest run, summed: the run the load did not touch
      best: times.reduce((a, t) => a + Math.min(...t), 0),
      cpu: (cpu.user + cpu.system) / 1000 / rounds,
      gc: gc / rounds,
    }),
  );
}

/**
 * Child of the paired mode: both engines in one process, loaded in the given order, run
 * alternately on every page (the load of the moment falls on both); prints the sum over pages
 * of each engine's median, in the order loaded.
 */
async function pairChild(dirs: string[], set: string, rounds: number): Promise<void> {
  const engines: Engine[] = [];
  for (const dir of dirs)
    engines.push(
      ((await import(join(dir, 'lib/quotes/index.ts'))) as { extractQuotes: Engine }).extractQuotes,
    );
  // (each engine reads its own copy of the pages: no object is shared between the two)
  const copies = engines.map(() => models(set));
  const all = copies[0] ?? [];
  for (let w = 0; w < 3; w++)
    all.forEach((_, i) => {
      engines.forEach((e, k) => {
        e(copies[k]?.[i] as TextModel);
      });
    });
  const times = engines.map(() => all.map(() => [] as number[]));
  for (let r = 0; r < rounds; r++)
    all.forEach((_, i) => {
      for (let k = 0; k < engines.length; k++) {
        const e = (r + k) % engines.length;
        const m = copies[e]?.[i] as TextModel;
        const t = performance.now();
        engines[e]?.(m);
        times[e]?.[i]?.push(performance.now() - t);
      }
    });
  console.log(JSON.stringify(times.map((pages) => pages.reduce((a, t) => a + median(t), 0))));
}

function runChild(
  dir: string,
  set: string,
  rounds: number,
): { pages: number[]; best: number; cpu: number; gc: number } {
  const out = execFileSync(
    process.execPath,
    [
      ...process.execArgv,
      process.argv[1] ?? '',
      '--child',
      dir,
      '--set',
      set,
      '--rounds',
      String(rounds),
    ],
    { encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop() ?? '{}') as {
    pages: number[];
    best: number;
    cpu: number;
    gc: number;
  };
}

async function main(argv: string[]): Promise<void> {
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const set = opt('--set') ?? 'dev';
  const rounds = Number(opt('--rounds') ?? 30);
  if (!existsSync(CORPUS)) {
    console.error(`speed-ab: ${CORPUS} is absent`);
    process.exit(2);
  }
  const pair = opt('--pair-child');
  if (pair) return pairChild(pair.split(','), set, rounds);
  const childDir = opt('--child');
  if (childDir) return child(childDir, set, rounds);
  const ref = argv.find((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--')) ?? 'main';
  const trials = Number(opt('--trials') ?? 4);
  // --here REF: time that commit's engine in place of this checkout's
  const mine = opt('--here');
  const sides = [mine ? dirAt(mine) : dirHere(), dirAt(ref)] as const;
  if (argv.includes('--paired')) return paired(sides, ref, set, rounds, trials);
  const med: [number[], number[]] = [[], []];
  const cpu: [number[], number[]] = [[], []];
  const gc: [number[], number[]] = [[], []];
  const best: [number[], number[]] = [[], []];
  for (let t = 0; t < trials; t++)
    for (const s of t % 2 === 0 ? ([0, 1] as const) : ([1, 0] as const)) {
      const run = runChild(sides[s], set, rounds);
      med[s].push(median(run.pages));
      cpu[s].push(run.cpu);
      gc[s].push(run.gc);
      best[s].push(run.best);
    }
  const [ma, mb, ca, cb] = [median(med[0]), median(med[1]), median(cpu[0]), median(cpu[1])];
  const f = (x: number) => x.toFixed(3);
  const [ba, bb] = [Math.min(...best[0]), Math.min(...best[1])];
  console.log(
    `  fastest run of each page, summed (least swayed by load): here ${f(ba)} ms, ${ref} ${f(bb)} ms; ratio ${f(ba / bb)}`,
  );
  console.log(`  by trial, here ${best[0].map(f).join(' ')} | ${ref} ${best[1].map(f).join(' ')}`);
  console.log(
    `${set}, ${rounds} rounds × ${trials} trials each (median over trials): this checkout ` +
      `${f(ma)} ms median page, ${ca.toFixed(1)} ms CPU per round; ${ref} ${f(mb)} ms, ` +
      `${cb.toFixed(1)} ms CPU; ratio ${f(ma / mb)} median page, ${f(ca / cb)} CPU`,
  );
  console.log(`  median page, here ${med[0].map(f).join(' ')} | ${ref} ${med[1].map(f).join(' ')}`);
  console.log(
    `  GC ms per round, here ${gc[0].map(f).join(' ')} | ${ref} ${gc[1].map(f).join(' ')}`,
  );
  console.log(
    `  CPU per round, here ${cpu[0].map(f).join(' ')} | ${ref} ${cpu[1].map(f).join(' ')}`,
  );
}

/**
 * Both engines in one process, alternating page by page: the load sways both alike. The
 * engine loaded second ran ~7 % slower whichever it was, so every trial runs twice, once in
 * each order, and the ratio is the geometric mean of the two orders' ratios.
 */
function paired(
  sides: readonly [string, string],
  ref: string,
  set: string,
  rounds: number,
  trials: number,
): void {
  const ratios: number[] = [];
  const run = (dirs: string[]) => {
    const out = execFileSync(
      process.execPath,
      [
        ...process.execArgv,
        process.argv[1] ?? '',
        '--pair-child',
        dirs.join(','),
        '--set',
        set,
        '--rounds',
        String(rounds),
      ],
      { encoding: 'utf8' },
    );
    return JSON.parse(out.trim().split('\n').pop() ?? '[]') as number[];
  };
  for (let t = 0; t < trials; t++) {
    const [a1 = 0, b1 = 1] = run([sides[0], sides[1]]);
    const [b2 = 1, a2 = 0] = run([sides[1], sides[0]]);
    ratios.push(Math.sqrt((a1 / b1) * (a2 / b2)));
    console.log(
      `  trial ${t + 1}: here first ${a1.toFixed(2)} vs ${b1.toFixed(2)} ms; ${ref} first ${b2.toFixed(2)} vs ${a2.toFixed(2)} ms; ratio ${(ratios[t] ?? 0).toFixed(3)}`,
    );
  }
  console.log(
    `${set}, paired, ${rounds} rounds × ${trials} trials: this checkout / ${ref} = ${median(ratios).toFixed(3)} (median; ${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)})`,
  );
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`speed-ab: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
