/**
 * Backups of any size in real Chromium through the notes page (issue 14 item 7): a generated
 * 200,000-note JSON-LD file is imported (streamed in chunks, with progress), a cancelled import
 * changes nothing, and the export (chunked, a Blob download) holds every note exactly as
 * generated. Prints the time of each step and the peak memory (the notes page's JS heap, and
 * all of Chromium's processes together). QL_BACKUP_NOTES sets the size.
 */

import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { createItemScanner } from '../../lib/notes/import-stream';
import { type Note, validateNote } from '../../lib/notes/web-annotation';
import { backupFile, generated } from '../fixtures/notes/generate-backup';
import { extensionWorker, launchWithExtension } from './fixtures';

// CI runs 5,000 (a 200,000-note run takes about 10 minutes on a loaded 2-core machine):
// QL_BACKUP_NOTES=200000 npx playwright test -g backup for the full size.
const N = Number(process.env.QL_BACKUP_NOTES ?? 5_000);

/** Sum of the resident memory of every process started with this profile (MiB). */
function chromiumRss(profile: string): number {
  try {
    const out = execFileSync('ps', ['-eo', 'rss=,args='], { encoding: 'utf8', maxBuffer: 1 << 24 });
    let kb = 0;
    for (const line of out.split('\n')) {
      if (!line.includes(profile)) continue;
      kb += Number.parseInt(line.trim(), 10) || 0;
    }
    return kb / 1024;
  } catch {
    return 0;
  }
}

async function pageHeap(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize / 2 ** 20;
  } finally {
    await cdp.detach();
  }
}

test.describe('backups', () => {
  test(`backup: a ${N.toLocaleString('en')}-note backup round-trips exactly; a cancelled import changes nothing`, async () => {
    test.setTimeout(20 * 60_000);
    const dir = mkdtempSync(join(tmpdir(), 'quotelens-backup-'));
    const file = join(dir, 'backup.jsonld');
    const profile = join(dir, 'profile');
    await new Promise<void>((ok, fail) => {
      const out = createWriteStream(file);
      out.on('error', fail);
      const pieces = backupFile(N);
      const write = () => {
        for (let p = pieces.next(); !p.done; p = pieces.next()) {
          if (!out.write(p.value)) return void out.once('drain', write);
        }
        out.end(ok);
      };
      write();
    });
    const context = await launchWithExtension(profile);
    let peakRss = 0;
    let peakHeap = 0;
    let sampling = true;
    try {
      const extensionId = new URL((await extensionWorker(context)).url()).host;
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/notes.html`);
      const sampler = (async () => {
        while (sampling) {
          peakRss = Math.max(peakRss, chromiumRss(profile));
          peakHeap = Math.max(peakHeap, await pageHeap(page).catch(() => 0));
          await new Promise((r) => setTimeout(r, 500));
        }
      })();
      const input = page.locator('input[type=file]');
      const flash = page.locator('.ql-flash');

      // Cancelled part-way: nothing changes.
      await input.setInputFiles(file);
      // Cancelled as soon as it starts (a large file is still being read then).
      await expect(page.locator('.ql-progress')).toContainText('Importing backup.jsonld');
      await page.locator('.ql-progress').getByRole('button', { name: 'Cancel' }).click();
      await expect(flash).toContainText('cancelled: nothing changed', { timeout: 60_000 });
      console.log('[backup e2e] cancelled');
      await page.reload();
      await expect(page.locator('.ql-count')).toContainText('0 notes', { timeout: 30_000 });

      // The whole import.
      const t0 = Date.now();
      await input.setInputFiles(file);
      await expect(flash).toContainText(`${N} added`, {
        timeout: 15 * 60_000,
      });
      const importMs = Date.now() - t0;
      console.log(`[backup e2e] imported in ${importMs} ms`);

      // The export, downloaded as a file.
      const t1 = Date.now();
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 15 * 60_000 }),
        page.getByRole('button', { name: 'Export JSON-LD' }).click(),
      ]);
      const saved = join(dir, 'export.jsonld');
      await download.saveAs(saved);
      const exportMs = Date.now() - t1;
      sampling = false;
      await sampler;

      // Every note back, exactly as generated (read as a stream: never the whole file).
      const scanner = createItemScanner();
      const seen = new Uint8Array(N);
      let mismatches = 0;
      for await (const piece of createReadStream(saved, {
        encoding: 'utf8',
        highWaterMark: 1 << 22,
      })) {
        for (const item of scanner.push(piece as string)) {
          const note = JSON.parse(item) as Note;
          const i = Number.parseInt(note.id.slice(-12), 16);
          const want = validateNote(generated(i));
          if (!want.ok || JSON.stringify(want.value) !== JSON.stringify(note) || seen[i])
            mismatches++;
          seen[i] = 1;
        }
      }
      scanner.end();
      expect(mismatches).toBe(0);
      expect(seen.every((x) => x === 1)).toBe(true);
      const sizeMb = readFileSync(file).length / 1e6;
      console.log(
        `[backup e2e] ${N.toLocaleString('en')} notes (${sizeMb.toFixed(0)} MB file): import ${(importMs / 1000).toFixed(1)} s, export ${(exportMs / 1000).toFixed(1)} s; peak notes-page JS heap ${peakHeap.toFixed(0)} MiB, peak Chromium RSS (all processes) ${peakRss.toFixed(0)} MiB`,
      );
    } finally {
      sampling = false;
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
