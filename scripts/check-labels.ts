/**
 * `npm run check:labels`: do the speaker labels hide words? For each page, at 1280, 800 and
 * 400 px wide, in Chromium and in Firefox (the built extension in each), it scrolls through the
 * whole page so every label is drawn, then counts labels drawn, labels covering the page's text
 * (scripts/labels/overlap.ts: ≥ 3 px tall and ≥ 6 px wide over a text line box) and pairs of
 * labels overlapping each other. Pages: this repo's own fixtures, and ../shared/corpus/dev and
 * web-dev where ../shared is present. Pages are served with a CSP that blocks their scripts
 * (their DOM holds still) and every request off 127.0.0.1.
 * Usage: tsx scripts/check-labels.ts [--browser chromium|firefox] [--width N] [--set own|dev|web-dev]
 *          [--filter TEXT] [--no-build] [--strict] [--verbose]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import type { Page as PpPage } from 'puppeteer-core';
import { chromiumArgs, EXTENSION_DIR, setPerfMarks } from '../tests/e2e/fixtures';
import { type StaticServer, startStaticServer } from '../tests/e2e/static-server';
import { type Firefox, launchFirefox } from '../tests/firefox/harness';
import { chromiumPath } from './browsers';
import { type Box, coveringLabels, overlappingPairs } from './labels/overlap';
import { chromiumBoxes, type PageBoxes, READ_BOXES, SCROLL_THROUGH } from './labels/read-page';

const WIDTHS = [1280, 800, 400];
const HEIGHT = 900;
const SHARED = resolve('..', 'shared', 'corpus');
const OWN = resolve('tests', 'fixtures');
const CSP =
  "default-src 'self' data: blob:; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:";

interface Target {
  set: string;
  name: string;
  root: string;
  path: string;
}

export interface Row {
  browser: string;
  page: string;
  width: number;
  drawn: number;
  covering: number;
  overlapping: number;
  kinds: Record<string, number>;
  examples: string[];
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function targets(): Target[] {
  const out: Target[] = [];
  const own = [
    'demo/index.html',
    'content/dark.html',
    'content/hostile.html',
    'content/late.html',
    'content/long.html',
    'content/positioned-root.html',
    'notes/article-a.html',
    'pages/news-article.html',
    'pages/br-blog.html',
  ];
  for (const p of own)
    if (existsSync(join(OWN, p))) out.push({ set: 'own', name: p, root: OWN, path: p });
  for (const set of ['dev', 'web-dev']) {
    const dir = join(SHARED, set);
    if (!existsSync(dir)) continue;
    for (const d of readdirSync(dir).sort()) {
      if (existsSync(join(dir, d, 'page.html'))) {
        out.push({
          set,
          name: `${set}/${d}`,
          root: SHARED,
          path: relative(SHARED, join(dir, d, 'page.html')),
        });
      }
    }
  }
  const set = arg('--set');
  const filter = arg('--filter');
  return out.filter((t) => (!set || t.set === set) && (!filter || t.name.includes(filter)));
}

function count(browser: string, page: string, width: number, boxes: PageBoxes): Row {
  const covering = coveringLabels(boxes.labels, boxes.lines as Box[]);
  const pairs = overlappingPairs(boxes.labels);
  const kinds: Record<string, number> = {};
  for (const l of boxes.labels) kinds[l.kind] = (kinds[l.kind] ?? 0) + 1;
  const examples = [
    ...covering
      .slice(0, 3)
      .map(
        (l) => `covers text: label ${l.id} (${l.kind}) at ${Math.round(l.x)},${Math.round(l.y)}`,
      ),
    ...pairs.slice(0, 3).map(([a, b]) => `overlap: labels ${a.id} and ${b.id}`),
  ];
  return {
    browser,
    page,
    width,
    drawn: boxes.labels.length,
    covering: covering.length,
    overlapping: pairs.length,
    kinds,
    examples,
  };
}

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function drawn(get: () => Promise<number>): Promise<boolean> {
  for (let i = 0; i < 60; i++) {
    if ((await get()) > 0) return true;
    await settle(150);
  }
  return false;
}

async function chromiumRows(list: Target[], servers: Map<string, StaticServer>): Promise<Row[]> {
  const profile = mkdtempSync(join(tmpdir(), 'quotelens-labels-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs(EXTENSION_DIR),
    viewport: { width: 1280, height: HEIGHT },
  });
  // The content script's `quotelens:*` marks are what this reads: a developer switch.
  await setPerfMarks(context, true);
  const rows: Row[] = [];
  try {
    for (const t of list) {
      for (const width of widths()) {
        const page = await context.newPage();
        await page.setViewportSize({ width, height: HEIGHT });
        await page.goto(servers.get(t.root)?.url(t.path) ?? '');
        const ok = await drawn(() =>
          page.evaluate(() => performance.getEntriesByName('quotelens:drawn').length),
        );
        if (ok) await page.evaluate(`(${SCROLL_THROUGH})()`);
        const boxes = ok ? await chromiumBoxes(page) : { labels: [], lines: [] };
        rows.push(count('chromium', t.name, width, boxes));
        report(rows.at(-1) as Row);
        await page.close();
      }
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return rows;
}

async function firefoxRows(list: Target[], servers: Map<string, StaticServer>): Promise<Row[]> {
  const ff: Firefox = await launchFirefox();
  const rows: Row[] = [];
  try {
    for (const t of list) {
      for (const width of widths()) {
        const page: PpPage = await ff.newPage();
        await page.setViewport({ width, height: HEIGHT });
        await page.goto(servers.get(t.root)?.url(t.path) ?? '');
        const ok = await drawn(() =>
          page.evaluate(() => performance.getEntriesByName('quotelens:drawn').length),
        );
        if (ok) await page.evaluate(`(${SCROLL_THROUGH})()`);
        const boxes = ok
          ? ((await ff.inShadow<PageBoxes>(page, READ_BOXES)) ??
            (JSON.parse(
              (await page.evaluate(`JSON.stringify((${READ_BOXES})(null))`)) as string,
            ) as PageBoxes))
          : { labels: [], lines: [] };
        rows.push(count('firefox', t.name, width, boxes));
        report(rows.at(-1) as Row);
        await page.close();
      }
    }
  } finally {
    await ff.close();
  }
  return rows;
}

function widths(): number[] {
  const w = Number(arg('--width'));
  return w > 0 ? [w] : WIDTHS;
}

const verbose = process.argv.includes('--verbose');
function report(r: Row): void {
  const kinds = Object.entries(r.kinds)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  console.log(
    `${r.browser.padEnd(8)} ${r.page.padEnd(28)} ${String(r.width).padStart(4)}px  drawn ${String(r.drawn).padStart(3)}  covering ${String(r.covering).padStart(3)}  overlapping ${String(r.overlapping).padStart(2)}  (${kinds})`,
  );
  if (verbose) for (const e of r.examples) console.log(`    ${e}`);
}

async function main(): Promise<void> {
  const list = targets();
  if (!existsSync(SHARED))
    console.log('check:labels: ../shared/corpus is absent: own fixtures only.');
  const only = arg('--browser');
  const browsers = only ? [only] : ['chromium', 'firefox'];
  if (!process.argv.includes('--no-build')) {
    for (const b of browsers) {
      console.log(`Building the ${b} extension…`);
      execFileSync('npx', ['wxt', 'build', ...(b === 'firefox' ? ['-b', 'firefox'] : [])], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
  }
  const servers = new Map<string, StaticServer>();
  for (const root of new Set(list.map((t) => t.root)))
    servers.set(root, await startStaticServer(root, { 'content-security-policy': CSP }));
  const rows: Row[] = [];
  try {
    for (const b of browsers)
      rows.push(
        ...(b === 'firefox' ? await firefoxRows(list, servers) : await chromiumRows(list, servers)),
      );
  } finally {
    for (const s of servers.values()) await s.close();
  }
  console.log('\nTotals (labels drawn / covering text / overlapping pairs):');
  for (const b of browsers) {
    for (const w of widths()) {
      const sel = rows.filter((r) => r.browser === b && r.width === w);
      const sum = (k: 'drawn' | 'covering' | 'overlapping') => sel.reduce((s, r) => s + r[k], 0);
      console.log(
        `  ${b.padEnd(8)} ${String(w).padStart(4)}px: ${sum('drawn')} drawn, ${sum('covering')} covering text, ${sum('overlapping')} overlapping, over ${sel.length} pages`,
      );
    }
  }
  const bad = rows.some((r) => r.covering > 0 || r.overlapping > 0);
  if (process.argv.includes('--strict') && bad) process.exit(1);
}

await main();
