/**
 * A 200,000-note backup round-trips exactly (issue 14 item 7), through the same chunked path
 * the notes page uses: a generated JSON-LD collection, fed in 4 MB pieces to the streaming
 * scanner, staged 2,000 notes a request, committed; then exported a chunk at a time and read
 * back, every note compared field for field with what was generated. Prints the time and the
 * peak memory. QL_BACKUP_NOTES sets the size (default 200,000).
 */
import { describe, expect, it } from 'vitest';
import { openNotesDb } from '../../../lib/notes/db';
import { createItemScanner } from '../../../lib/notes/import-stream';
import { createNotesStore } from '../../../lib/notes/store';
import { type Note, validateNote } from '../../../lib/notes/web-annotation';
import { backupFile, generated } from '../../fixtures/notes/generate-backup';

// fake-indexeddb is slow on big stores (~10 ms a note): the 200,000-note run is the e2e
// (tests/e2e/backup.spec.ts, real Chromium); this one checks the same path on 3,000 notes.
const N = Number(process.env.QL_BACKUP_NOTES ?? 3_000);
const STAGE = 2000;

describe('backups of any size', () => {
  it(`a ${N.toLocaleString('en')}-note backup round-trips exactly (chunked import and export)`, async () => {
    const store = createNotesStore({
      openDb: () => openNotesDb({ name: `roundtrip-${Math.random()}` }),
    });
    let peakRss = 0;
    let peakHeap = 0;
    const sample = () => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    };
    const t0 = performance.now();
    let fileChars = 0;

    // Import, as the notes page does it.
    const importId = await store.importBegin();
    const scanner = createItemScanner();
    let batch: string[] = [];
    let staged = 0;
    for (const piece of backupFile(N)) {
      fileChars += piece.length;
      for (const item of scanner.push(piece)) {
        batch.push(item);
        if (batch.length === STAGE) {
          staged += await store.importChunk(importId, batch, staged);
          batch = [];
          sample();
        }
      }
    }
    scanner.end();
    if (batch.length) staged += await store.importChunk(importId, batch, staged);
    const summary = await store.importCommit(importId);
    const t1 = performance.now();
    sample();
    expect(summary).toEqual({ added: N, updated: 0, skipped: 0, copies: 0 });

    // Export, chunk by chunk, and read it back with the same scanner.
    const back = createItemScanner();
    const seen = new Uint8Array(N);
    let exportChars = 0;
    let cursor: string | null = null;
    let mismatches = 0;
    do {
      const chunk = await store.exportChunk('jsonld', cursor);
      exportChars += chunk.text.length;
      for (const item of back.push(chunk.text)) {
        const note = JSON.parse(item) as Note;
        const i = Number.parseInt(note.id.slice(-12), 16);
        const want = validateNote(generated(i));
        if (!want.ok || JSON.stringify(want.value) !== JSON.stringify(note) || seen[i])
          mismatches++;
        seen[i] = 1;
      }
      cursor = chunk.next;
      sample();
    } while (cursor);
    back.end();
    const t2 = performance.now();
    expect(mismatches).toBe(0);
    expect(seen.every((x) => x === 1)).toBe(true);
    console.log(
      `[backup round trip] ${N.toLocaleString('en')} notes, file ${(fileChars / 1e6).toFixed(0)} M chars, export ${(exportChars / 1e6).toFixed(0)} M chars: import ${((t1 - t0) / 1000).toFixed(1)} s, export+check ${((t2 - t1) / 1000).toFixed(1)} s; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB, peak heap ${(peakHeap / 2 ** 20).toFixed(0)} MiB (fake-indexeddb, in memory)`,
    );
    await store.close();
  }, 900_000);
});
