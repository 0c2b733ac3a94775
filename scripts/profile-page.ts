/**
 * Where a cold content-script run spends its time (issue 12): opens each page in a fresh tab of
 * real Chromium with the built extension, records a V8 CPU profile (CDP Profiler, fine sampling)
 * from before navigation to QuoteLens's `drawn` mark, and prints, per page and summed, the
 * content script's time by bucket (top-level evaluation, i.e. its injection; finding the article;
 * the rest) and its costliest functions by self time, named by source file when the build has
 * source maps:
 *   QL_SOURCEMAP=1 QL_OUT_DIR=/tmp/ql-prof npx wxt build
 *   QL_OUT_DIR=/tmp/ql-prof tsx scripts/profile-page.ts [--runs N] [--top N] [page.html …]
 * The sampling itself slows the page (about 1.5×): read the shares, not the milliseconds.
 * Function names are minified; the article bucket is found by lib/dom/article sources.
 * Without pages: the dev articles and the largest page of ../shared/corpus/pages.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, setPerfMarks } from '../tests/e2e/fixtures';
import { startStaticServer } from '../tests/e2e/static-server';
import { blockExternal, corpusTargets, outDir, type PageTarget } from './bench-page';
import { chromiumPath } from './browsers';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Functions whose subtree is "finding the article" (names from lib/dom/article). */
const ARTICLE_ROOTS = new Set(['findArticleTask', 'findArticleRegionTask', 'looksLikeArticle']);

interface Tally {
  top: number;
  article: number;
  other: number;
  gc: number;
  self: Map<string, number>;
}

/** The original source file of a frame, per built file with a source map (QL_SOURCEMAP=1). */
const mapLookups = new Map<string, (line: number, column: number) => string | null>();
function sourceOf(f: ProfileNode['callFrame']): string {
  const file = f.url.split('/').pop() ?? '';
  const src = mapLookups.get(file)?.(f.lineNumber + 1, f.columnNumber) ?? null;
  return src ?? `${file}:${f.lineNumber + 1}`;
}

/** Frames of lib/dom/article (by source map; by name in unminified builds, see ARTICLE_ROOTS). */
const articleSource = new WeakMap<ProfileNode, boolean>();
function isArticleSource(n: ProfileNode): boolean {
  let v = articleSource.get(n);
  if (v === undefined) {
    v = sourceOf(n.callFrame).startsWith('lib/dom/article/');
    articleSource.set(n, v);
  }
  return v;
}

function tallyProfile(p: Profile, t: Tally, extUrl: string): void {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const n of p.nodes) {
    byId.set(n.id, n);
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000;
    const id = p.samples[i] as number;
    const leaf = byId.get(id);
    if (!leaf) continue;
    if (leaf.callFrame.functionName === '(garbage collector)') {
      t.gc += dt;
      continue;
    }
    // Is any frame ours? Which bucket?
    let ours = false;
    let inArticle = false;
    let topLevel = false;
    let outermostOurs: ProfileNode | null = null;
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (!n) break;
      if (n.callFrame.url.startsWith(extUrl)) {
        ours = true;
        outermostOurs = n;
      }
      if (ARTICLE_ROOTS.has(n.callFrame.functionName) || isArticleSource(n)) inArticle = true;
    }
    if (!ours) continue;
    // The script's own top-level code (its injection), not a callback it registered.
    const o = outermostOurs?.callFrame;
    if (o && o.functionName === '' && o.lineNumber === 0 && o.columnNumber === 0 && !inArticle) {
      topLevel = true;
    }
    if (inArticle) t.article += dt;
    else if (topLevel) t.top += dt;
    else t.other += dt;
    const f = leaf.callFrame;
    const key = f.url.startsWith(extUrl)
      ? `${f.functionName || '(anon)'} ${sourceOf(f)}`
      : `${f.functionName || '(anon)'} [${f.url ? 'page' : 'native'}]`;
    const bucket = inArticle ? 'A ' : topLevel ? 'T ' : 'O ';
    t.self.set(bucket + key, (t.self.get(bucket + key) ?? 0) + dt);
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let runs = 1;
  let top = 25;
  const extra: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]) || 1;
    else if (argv[i] === '--top') top = Number(argv[++i]) || 25;
    else extra.push(resolve(argv[i] as string));
  }
  // The content script and the module it imports (entrypoints/page-app).
  for (const built of ['page-loader.js', 'page-app.js']) {
    const mapFile = join(outDir(), `${built}.map`);
    if (!existsSync(mapFile)) continue;
    const { SourceMapConsumer } = await import('source-map-js');
    const consumer = new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8')));
    mapLookups.set(basename(built), (line, column) => {
      const source = consumer.originalPositionFor({ line, column }).source;
      return source ? relative('.', resolve(dirname(mapFile), source)) : null;
    });
  }
  const targets: PageTarget[] = extra.length
    ? extra.map((file) => ({ name: basename(file), file, group: 'extra' as const }))
    : corpusTargets();
  let root = dirname(targets[0]?.file ?? '.');
  while (!targets.every((t) => t.file.startsWith(`${root}/`))) root = dirname(root);
  const server = await startStaticServer(root);
  const profileDir = mkdtempSync(join(tmpdir(), 'quotelens-profile-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs(outDir()),
    viewport: { width: 1280, height: 900 },
  });
  await setPerfMarks(context, true);
  await blockExternal(context);
  const all: Tally = { top: 0, article: 0, other: 0, gc: 0, self: new Map() };
  try {
    for (const target of targets) {
      const t: Tally = { top: 0, article: 0, other: 0, gc: 0, self: new Map() };
      for (let r = 0; r < runs; r++) {
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
        await cdp.send('Profiler.start');
        await page.goto(server.url(relative(root, target.file)), {
          waitUntil: 'domcontentloaded',
        });
        await page.waitForFunction(
          () => performance.getEntriesByName('quotelens:drawn').length > 0,
          null,
          { timeout: 20_000, polling: 100 },
        );
        const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
        tallyProfile(profile, t, 'chrome-extension://');
        tallyProfile(profile, all, 'chrome-extension://');
        await page.close();
      }
      console.log(
        `${target.name.padEnd(44)} top-level ${(t.top / runs).toFixed(1)}  article ${(t.article / runs).toFixed(1)}  rest ${(t.other / runs).toFixed(1)}  gc ${(t.gc / runs).toFixed(1)} ms (per run)`,
      );
    }
  } finally {
    await context.close();
    await server.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
  const n = targets.length * runs;
  console.log(
    `\nall: top-level ${(all.top / n).toFixed(1)} article ${(all.article / n).toFixed(1)} rest ${(all.other / n).toFixed(1)} ms per page load; self time by function (A article, T top-level, O other), ms per load:`,
  );
  const rows = [...all.self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [k, v] of rows) console.log(`  ${(v / n).toFixed(2).padStart(6)}  ${k}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
