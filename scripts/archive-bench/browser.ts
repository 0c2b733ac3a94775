/**
 * The benchmark's browser entry, bundled by ./chromium.ts and evaluated in an extension page:
 * the real IndexedDB of the extension's origin, in a database of its own (the reader's notes
 * and archive are never touched), deleted afterwards.
 */
import { openNotesDb } from '../../lib/notes/db';
import { type BenchResult, runArchiveBench } from './core';

declare global {
  var __archiveBench: (articles: number, runs?: number) => Promise<BenchResult>;
}

globalThis.__archiveBench = async (articles, runs) => {
  const name = `quotelens-bench-archive-${Date.now()}`;
  const opened: Array<Promise<Awaited<ReturnType<typeof openNotesDb>>>> = [];
  try {
    return await runArchiveBench({
      articles,
      runs,
      engine: `${navigator.userAgent.match(/(HeadlessChrome|Chrome|Chromium|Firefox)\/[\d.]+/)?.[0] ?? navigator.userAgent}, native IndexedDB in the extension's origin (${location.protocol}//…)`,
      openDb: () => {
        const db = openNotesDb({ name });
        opened.push(db);
        return db;
      },
      log: (line) => console.log(`bench| ${line}`),
      progress: (line) => console.log(`bench~ ${line}`),
      usage: async () => (await navigator.storage.estimate()).usage ?? null,
    });
  } finally {
    for (const db of opened) (await db).close();
    indexedDB.deleteDatabase(name);
  }
};
