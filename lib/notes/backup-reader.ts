/**
 * The notes page's side of a streamed import: reads the file a slice at a time (UTF-8 decoded
 * across slice ends), finds its annotations with the streaming scanner, and sends them to the
 * background in batches to be validated and staged; commits at the end. Cancelled (signal) or
 * failed, it asks the background to drop what was staged: nothing changes.
 */
import type { ImportSummary, NotesRequest } from '../messages';
import { createItemScanner } from './import-stream';

/** Bytes read per slice of the file. */
export const READ_BYTES = 4 * 1024 * 1024;
/** Annotations, and characters, per staging request (well under the message size limit). */
export const BATCH_ITEMS = 2000;
export const BATCH_CHARS = 8_000_000;

export interface BlobLike {
  size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

export interface ReadOptions {
  ask: (message: NotesRequest) => Promise<Record<string, unknown>>;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  signal?: AbortSignal;
}

function aborted(): Error {
  return new DOMException('Import cancelled', 'AbortError');
}

export async function readBackup(file: BlobLike, o: ReadOptions): Promise<ImportSummary> {
  const { importId } = (await o.ask({ type: 'notes:import-begin' })) as { importId: string };
  const scanner = createItemScanner();
  const decoder = new TextDecoder('utf-8');
  let batch: string[] = [];
  let batchChars = 0;
  let sent = 0;
  const flush = async () => {
    if (!batch.length) return;
    if (o.signal?.aborted) throw aborted();
    const items = batch;
    batch = [];
    batchChars = 0;
    await o.ask({ type: 'notes:import-chunk', importId, first: sent, items });
    sent += items.length;
  };
  try {
    for (let at = 0; at < file.size; at += READ_BYTES) {
      if (o.signal?.aborted) throw aborted();
      const bytes = await file.slice(at, Math.min(file.size, at + READ_BYTES)).arrayBuffer();
      const text = decoder.decode(bytes, { stream: at + READ_BYTES < file.size });
      for (const item of scanner.push(text)) {
        batch.push(item);
        batchChars += item.length;
        if (batch.length >= BATCH_ITEMS || batchChars >= BATCH_CHARS) await flush();
      }
      o.onProgress?.(Math.min(file.size, at + READ_BYTES), file.size);
    }
    scanner.end();
    await flush();
    if (o.signal?.aborted) throw aborted();
    return (await o.ask({ type: 'notes:import-commit', importId })) as unknown as ImportSummary;
  } catch (e) {
    await o.ask({ type: 'notes:import-cancel', importId }).catch(() => undefined);
    if ((e as { name?: string }).name === 'ImportScanError') {
      throw new Error(`Cannot import: ${(e as Error).message}.`);
    }
    throw e;
  }
}
