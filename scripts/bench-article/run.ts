/**
 * Article bench (`npm run bench:article`): how well the main article is found on the 149
 * pages of ../shared/corpus/article-bench, scored by ../shared/eval/article.mjs (that
 * benchmark's own metric), for three extractors in one run:
 *   cli          QuoteLens's finder over linkedom, as `npm run extract` reads a page;
 *   chromium     the same finder on the page live in Chromium (its styles and layout; its own
 *                scripts off, so the DOM is the saved one and holds still);
 *   readability  @mozilla/readability in the same Chromium page, on a clone of its DOM.
 * Also the time each takes per page (first call on the page) and the pages below 0.8 F1.
 * Usage: tsx scripts/bench-article/run.ts [--only cli] [--list N] [--keep DIR]
 * Skips cleanly when ../shared/corpus/article-bench is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { findArticle } from '../../lib/dom/article';
import { bodyBlocks } from '../../lib/dom/article/body';
import { buildTextModel } from '../../lib/dom/text-model';
import { chromiumPath } from '../browsers';
import { decodeHtml, parseHtml } from '../html-input';
import { overall, type PageScore, scorePage } from './score';

const BENCH = resolve('..', 'shared', 'corpus', 'article-bench');
const EVAL = resolve('..', 'shared', 'eval', 'article.mjs');
const PAGE_TIMEOUT_MS = 15_000;

type Path = 'cli' | 'chromium' | 'readability';
interface Run {
  text: string;
  body: string;
  ms: number;
  error?: string;
}

interface Args {
  only: Path | null;
  list: number;
  keep: string | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { only: null, list: 0.8, keep: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--only') args.only = (argv[++i] as Path) ?? null;
    else if (a === '--list') args.list = Number(argv[++i]);
    else if (a === '--keep') args.keep = resolve(argv[++i] ?? '.');
    else if (a === '--help') {
      console.log(
        'tsx scripts/bench-article/run.ts [--only cli|chromium] [--list F1] [--keep DIR]',
      );
      process.exit(0);
    }
  }
  return args;
}

function runCli(file: string): Run {
  try {
    const doc = parseHtml(decodeHtml(readFileSync(file)));
    const t0 = performance.now();
    const blocks = findArticle(doc);
    const ms = performance.now() - t0;
    return {
      text: buildTextModel(blocks, doc).model.text,
      body: buildTextModel(bodyBlocks(blocks), doc).model.text,
      ms,
    };
  } catch (err) {
    return { text: '', body: '', ms: 0, error: String(err) };
  }
}

/** The in-page script (finder + Readability) as one IIFE. */
async function bundleInPage(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: resolve('scripts/bench-article/in-page.ts'),
        formats: ['iife'],
        name: 'qlArticleBench',
      },
    },
  });
  const output = Array.isArray(out) ? out[0] : out;
  const chunk = (output as { output: { type: string; code?: string }[] }).output.find(
    (o) => o.type === 'chunk',
  );
  if (!chunk?.code) throw new Error('bench:article: the in-page bundle is empty');
  return chunk.code;
}

async function runChromium(
  keys: string[],
): Promise<Map<string, Record<'chromium' | 'readability', Run>>> {
  const code = await bundleInPage();
  const { startStaticServer } = await import('../../tests/e2e/static-server');
  const server = await startStaticServer(join(BENCH, 'html'));
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  // The page as saved, held still: its own scripts off (a CSP header, as the sweep does), every
  // request off this machine refused. Layout and styles that came with the page still apply.
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (!/^https?:\/\/127\.0\.0\.1[:/]/.test(url)) return route.abort('blockedbyclient');
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    return route.fulfill({
      response,
      headers: { ...response.headers(), 'content-security-policy': "script-src 'none'" },
    });
  });
  const out = new Map<string, Record<'chromium' | 'readability', Run>>();
  try {
    for (const [i, key] of keys.entries()) {
      const page = await context.newPage();
      const failed = (error: string): Run => ({ text: '', body: '', ms: 0, error });
      try {
        await page
          .goto(server.url(`${key}.html`), {
            waitUntil: 'load',
            timeout: PAGE_TIMEOUT_MS,
          })
          .catch(() => undefined);
        // Through the debugger protocol, which the page's CSP does not govern.
        await page.evaluate(code);
        const res = await page.evaluate(() => {
          const b = (
            globalThis as unknown as {
              __qlArticleBench: { ours: () => Run; readability: () => Run };
            }
          ).__qlArticleBench;
          // Ours first: Readability's clone must not warm the page for it.
          const ours = b.ours();
          return { chromium: ours, readability: b.readability() };
        });
        out.set(key, res);
      } catch (err) {
        const msg = (err as Error).message.split('\n')[0] ?? 'failed';
        out.set(key, { chromium: failed(msg), readability: failed(msg) });
      } finally {
        await page.close();
      }
      if ((i + 1) % 25 === 0) process.stderr.write(`  chromium: ${i + 1}/${keys.length}\n`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0
    ? Number.NaN
    : s.length % 2
      ? (s[m] ?? 0)
      : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
}

function officialLine(
  pred: Record<string, { articleBody: string }>,
  dir: string,
  name: string,
): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(pred));
  const out = execFileSync(process.execPath, [EVAL, '--pred', file], { encoding: 'utf8' });
  return out.trim().split('\n').at(-1) ?? '';
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(join(BENCH, 'ground-truth.json'))) {
    console.log('bench:article: ../shared/corpus/article-bench is absent; skipped.');
    return;
  }
  const truth = JSON.parse(readFileSync(join(BENCH, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { url: string; articleBody: string }
  >;
  const keys = Object.keys(truth);
  const runs = new Map<Path, Map<string, Run>>();
  if (!args.only || args.only === 'cli') {
    const cli = new Map<string, Run>();
    for (const key of keys) cli.set(key, runCli(join(BENCH, 'html', `${key}.html`)));
    runs.set('cli', cli);
  }
  if (!args.only || args.only !== 'cli') {
    const live = await runChromium(keys);
    runs.set(
      'chromium',
      new Map(keys.map((k) => [k, live.get(k)?.chromium ?? { text: '', body: '', ms: 0 }])),
    );
    runs.set(
      'readability',
      new Map(keys.map((k) => [k, live.get(k)?.readability ?? { text: '', body: '', ms: 0 }])),
    );
  }

  const dir = args.keep ?? mkdtempSync(join(tmpdir(), 'quotelens-article-bench-'));
  mkdirSync(dir, { recursive: true });
  const scores = new Map<string, Map<string, PageScore>>();
  console.log(
    `article bench: ${keys.length} pages, each line scored by ../shared/eval/article.mjs --pred\n` +
      '  body:  the blocks QuoteLens takes as the body (no headline, bylines, captions), as the bench marks it\n' +
      '  whole: the whole article text the engine reads (`npm run extract -- --model`, the default of article.mjs)',
  );
  const lines: [string, Path, 'body' | 'text'][] = [
    ['cli body', 'cli', 'body'],
    ['chromium body', 'chromium', 'body'],
    ['readability', 'readability', 'text'],
    ['cli whole', 'cli', 'text'],
    ['chromium whole', 'chromium', 'text'],
  ];
  for (const [name, path, field] of lines) {
    const byKey = runs.get(path);
    if (!byKey) continue;
    const pred: Record<string, { articleBody: string }> = {};
    const perPage = new Map<string, PageScore>();
    for (const key of keys) {
      const text = byKey.get(key)?.[field] ?? '';
      pred[key] = { articleBody: text };
      perPage.set(key, scorePage(truth[key]?.articleBody ?? '', text));
    }
    scores.set(name, perPage);
    const line = officialLine(pred, dir, name.replace(/\s+/g, '-'));
    const own = overall([...perPage.values()]);
    const ms = [...byKey.values()].map((r) => r.ms);
    const errors = [...byKey.values()].filter((r) => r.error).length;
    const below08 = [...perPage.values()].filter((s) => s.f1 < 0.8).length;
    console.log(
      `  ${name.padEnd(15)} ${line} | below-0.8 ${below08} | ms/page median ${median(ms).toFixed(1)} max ${Math.max(0, ...ms).toFixed(1)}${errors ? ` | errors ${errors}` : ''}`,
    );
    if (Math.abs(own.f1 - Number(/F1 ([\d.]+)/.exec(line)?.[1])) > 0.001) {
      console.log(`    (per-page scorer disagrees: F1 ${own.f1.toFixed(3)})`);
    }
  }
  const cli = scores.get('cli body');
  const live = scores.get('chromium body');
  const rd = scores.get('readability');
  const first = cli ?? live;
  if (first) {
    const weak = keys
      .filter((k) => (cli?.get(k)?.f1 ?? 1) < args.list || (live?.get(k)?.f1 ?? 1) < args.list)
      .sort((a, b) => (first.get(a)?.f1 ?? 0) - (first.get(b)?.f1 ?? 0));
    console.log(`pages below ${args.list} F1 (body; F1 (P/R)):`);
    const f = (x?: PageScore) =>
      x ? `${x.f1.toFixed(2)} (${x.p.toFixed(2)}/${x.r.toFixed(2)})` : '–';
    for (const k of weak) {
      console.log(
        `  cli ${f(cli?.get(k))}  chromium ${f(live?.get(k))}  readability ${f(rd?.get(k))}  ${k.slice(0, 10)} ${truth[k]?.url ?? ''}`,
      );
    }
  }
  if (!args.keep) rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
