/**
 * Node-only input for the command-line tools: reads a page (file or stdin) as bytes, decodes it
 * by its declared charset, refuses input that is not HTML, and parses it with linkedom.
 * Never used by the extension (linkedom stays out of the content script).
 */
import { readFile } from 'node:fs/promises';
import { parseHTML } from 'linkedom';

/** Bad input: the message is one line for the user. */
export class InputError extends Error {}

const HTML_SIGNAL =
  /<(?:!doctype\s+html|html|head|body|meta|title|p|div|article|main|section|span|a|h[1-6]|table|ul|ol|br|header|script)[\s>/]/i;
const CHARSET_META = /<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)/i;

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Decodes page bytes: BOM first, then a `<meta charset>` near the top, else UTF-8. */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const label = CHARSET_META.exec(head)?.[1];
  if (label) {
    try {
      return new TextDecoder(label).decode(bytes);
    } catch {
      // unknown label: fall through to UTF-8
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
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
  if (!HTML_SIGNAL.test(text))
    throw new InputError(`${name}: no HTML markup found, expected an HTML page`);
}

/** Reads a page from a path (`-` for standard input) and returns its decoded text. */
export async function readHtml(path: string): Promise<string> {
  let bytes: Buffer;
  const name = path === '-' ? 'stdin' : path;
  try {
    bytes = path === '-' ? await readStdin() : await readFile(path);
  } catch (err) {
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
