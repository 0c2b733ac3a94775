/**
 * Runs scripts/archive-bench/core.ts inside the built Chrome extension in real Chromium: the
 * benchmark is bundled (esbuild, as WXT's toolchain already installs it), evaluated in the
 * extension's library page, and prints the same lines as in Node. Also used, at a smaller
 * scale, by tests/e2e/archive-bench.spec.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { chromiumArgs, EXTENSION_DIR, extensionWorker } from '../../tests/e2e/fixtures';
import { chromiumPath } from '../browsers';
import type { BenchResult } from './core';

/** The benchmark as one script, defining globalThis.__archiveBench. */
export async function benchBundle(): Promise<string> {
  const out = await build({
    entryPoints: [resolve(import.meta.dirname, 'browser.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]?.text ?? '';
}

/** Runs the benchmark in `page` (an extension page), each line handed to `onLine`. */
export async function benchInPage(
  page: Page,
  articles: number,
  runs: number,
  onLine: (line: string, progress: boolean) => void,
): Promise<BenchResult> {
  const listener = (m: { text(): string }) => {
    const text = m.text();
    if (text.startsWith('bench| ')) onLine(text.slice(7), false);
    else if (text.startsWith('bench~ ')) onLine(text.slice(7), true);
  };
  page.on('console', listener);
  try {
    // Evaluated through the DevTools protocol: the page's own CSP is not in the way.
    await page.evaluate(await benchBundle());
    return await page.evaluate(({ n, r }) => globalThis.__archiveBench(n, r), {
      n: articles,
      r: runs,
    });
  } finally {
    page.off('console', listener);
  }
}

export async function runInChromium(options: { articles: number; build: boolean }) {
  // The build's log goes to stderr: stdout carries the benchmark's lines only.
  if (options.build) execFileSync('npx', ['wxt', 'build'], { stdio: ['ignore', 2, 2] });
  const profile = mkdtempSync(join(tmpdir(), 'quotelens-bench-archive-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: chromiumArgs(EXTENSION_DIR),
  });
  try {
    const id = new URL((await extensionWorker(context)).url()).host;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${id}/notes.html`);
    await benchInPage(page, options.articles, 25, (line, progress) =>
      progress ? process.stderr.write(`${line}\n`) : console.log(line),
    );
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
