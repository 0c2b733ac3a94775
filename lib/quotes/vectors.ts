/**
 * Feature vectors cut from shared chunks of memory. A typed array of more than a few numbers
 * gets a buffer of its own outside the heap, and making one per quote and per candidate cost
 * more than filling them. No vector is ever handed out twice: each is a fresh zeroed view that
 * stays valid for as long as anyone holds it (training keeps them all).
 * Pure: allocation only.
 */
const CHUNK_BYTES = 1 << 16;
let chunk: ArrayBuffer | null = null;
let used = 0;

/** A new vector of `length` zeros. */
export function freshVector(length: number): Float64Array {
  const bytes = length * Float64Array.BYTES_PER_ELEMENT;
  if (!chunk || used + bytes > chunk.byteLength) {
    chunk = new ArrayBuffer(Math.max(CHUNK_BYTES, bytes));
    used = 0;
  }
  const v = new Float64Array(chunk, used, length);
  used += bytes;
  return v;
}
