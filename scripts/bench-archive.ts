/**
 * Benchmark of the reader's archive (issue 15); the benchmark is scripts/archive-bench/core.ts.
 *   npm run bench:archive                       10,000 articles × 20 statements = 200,000, in
 *                                               Node on fake-indexeddb (pure JS, in memory)
 *   npm run bench:archive -- 1000               fewer articles (a quick look)
 *   npm run bench:archive -- --browser [n]      the same, inside the built extension in real
 *                                               Chromium (an extension page, native IndexedDB
 *                                               on disk); builds the extension first unless
 *                                               --no-build
 * Targets: search ≤ 50 ms, speaker page ≤ 100 ms, size ≤ 200 MB.
 */
import 'fake-indexeddb/auto';
import { openNotesDb } from '../lib/notes/db';
import { runInChromium } from './archive-bench/chromium';
import { runArchiveBench } from './archive-bench/core';

const args = process.argv.slice(2);
const articles = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000);

async function main() {
  if (args.includes('--browser')) {
    await runInChromium({ articles, build: !args.includes('--no-build') });
    return;
  }
  await runArchiveBench({
    articles,
    engine: 'fake-indexeddb in Node (pure JS, in memory; not a browser)',
    openDb: () => openNotesDb({ name: 'bench-archive' }),
    log: (line) => console.log(line),
    progress: (line) => process.stderr.write(`${line}\n`),
  });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
