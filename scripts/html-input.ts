/**
 * Node-only input for the command-line tools: reads a page (file or stdin) as bytes, decodes it
 * by its declared charset, refuses input that is not HTML, and parses it with linkedom.
 * Never used by the extension (linkedom stays out of the content script).
 */
import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { parseHTML } from 'linkedom';

/** Bad input: the message is one line for the user. */
export class InputError extends Error {}

const HTML_SIGNAL =
  /<(?:!doctype\s+html|html|head|body|meta|title|p|div|article|main|section|span|a|h[1-6]|table|ul|ol|br|header|script)[\s>/]/i;
const CHARSET_META = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;

/** The largest page read (a saved news page is a few MB; /dev/zero is not a page). */
export const MAX_INPUT_BYTES = 50 * 1024 * 1024;

/** Reads a stream, stopping with a clear message past `max` bytes (never unbounded). */
async function readCapped(
  stream: AsyncIterable<Buffer | string>,
  name: string,
  max: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > max) {
      throw new InputError(
        `${name}: larger than ${Math.round(max / 1024 / 1024)} MB, which no saved web page is; give an HTML file`,
      );
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/**
 * Where a path given on the command line is: npm runs scripts in the project folder, so a
 * relative path is taken from the folder the user ran npm in (INIT_CWD).
 */
export function inputPath(path: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.INIT_CWD ?? process.cwd(), path);
}

/**
 * Decodes page bytes: a BOM first; then UTF-8 when the bytes are valid UTF-8 (saved pages keep
 * their original `<meta charset>` after being re-encoded, and valid UTF-8 is almost never an
 * accident); then the declared `<meta charset>`; else windows-1252, as browsers do.
 */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: trust the declaration
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const label = CHARSET_META.exec(head)?.[1];
  if (label) {
    try {
      const decoder = new TextDecoder(label);
      return decoder.encoding === 'windows-1252' ? decodeWindows1252(bytes) : decoder.decode(bytes);
    } catch {
      // unknown label: fall through
    }
  }
  return decodeWindows1252(bytes);
}

/** windows-1252 for 0x80–0x9F (Node's decoder treats the label as ISO-8859-1 there). */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  const latin = new TextDecoder('latin1').decode(bytes);
  return latin.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** Throws InputError unless the text reads as HTML (not binary, has markup). */
export function assertHtml(text: string, name: string): void {
  if (text.trim() === '') throw new InputError(`${name}: empty input, expected an HTML page`);
  const sample = text.slice(0, 65536);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) throw new InputError(`${name}: binary data, expected an HTML page`);
    if (c < 9 || (c > 13 && c < 32) || c === 0xfffd) control++;
  }
  if (control > sample.length * 0.05) {
    throw new InputError(`${name}: binary data, expected an HTML page`);
  }
  if (!HTML_SIGNAL.test(text)) {
    throw new InputError(`${name}: no HTML markup found, expected an HTML page`);
  }
  if (/^\s*[[{]/.test(text) && isJson(text)) {
    throw new InputError(`${name}: JSON data, expected an HTML page`);
  }
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Reads a page from a path (`-` for standard input) and returns its decoded text. */
export async function readHtml(path: string, max = MAX_INPUT_BYTES): Promise<string> {
  let bytes: Buffer;
  const name = path === '-' ? 'stdin' : path;
  try {
    bytes =
      path === '-'
        ? await readCapped(process.stdin, name, max)
        : await readCapped(createReadStream(inputPath(path)), name, max);
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory, expected an HTML file'
          : code === 'EACCES'
            ? 'permission denied'
            : (err as Error).message.split('\n')[0];
    throw new InputError(`${name}: ${why}`);
  }
  const text = decodeHtml(bytes);
  assertHtml(text, name);
  return text;
}

/** Parses HTML into a linkedom Document (typed as the DOM's Document). */
export function parseHtml(text: string): Document {
  return parseHTML(text).document as unknown as Document;
}
