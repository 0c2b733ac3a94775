/**
 * Reads a Web Annotation JSON-LD file of any size in chunks: finds each annotation (an
 * element of a top-level array, or of an "items" array anywhere — an AnnotationCollection's
 * pages, an AnnotationPage) without ever holding the whole file or its parsed tree, and
 * hands each one over as its own small JSON text. Pure: strings in, strings out.
 *
 * A scan of the JSON syntax only (strings, escapes, nesting): each item is then parsed and
 * validated on its own (lib/notes/web-annotation.ts validateNote), where a broken item is
 * named by its number.
 */

/** One annotation larger than this is refused (a note's fields are capped far below it). */
export const MAX_ITEM_CHARS = 1_000_000;

interface Container {
  array: boolean;
  /** The key this container is the value of (null: top level or an array element). */
  key: string | null;
}

export class ImportScanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportScanError';
  }
}

export interface ItemScanner {
  /** Scans the next chunk; returns the items completed in it (as JSON texts). */
  push(chunk: string): string[];
  /** The file ended: throws when it was cut off or held no annotations list at all. */
  end(): void;
  /** Items found so far. */
  readonly count: number;
}

export function createItemScanner(): ItemScanner {
  const stack: Container[] = [];
  let inString = false;
  let escaped = false;
  /** Text of the string being read, while not inside an item (for keys); null otherwise. */
  let keyText: string | null = null;
  let lastString: string | null = null;
  let pendingKey: string | null = null;
  let itemDepth = 0;
  let itemParts: string[] = [];
  let itemChars = 0;
  let count = 0;
  let sawList = false;
  let started = false;

  return {
    get count() {
      return count;
    },
    push(input) {
      let chunk = input;
      if (!started) {
        chunk = chunk.replace(/^\uFEFF/, '');
        started = chunk.trim().length > 0;
      }
      const out: string[] = [];
      let itemStart = itemDepth > 0 ? 0 : -1;
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92 /* \ */) escaped = true;
          else if (c === 34 /* " */) {
            inString = false;
            if (itemDepth === 0) {
              lastString = keyText;
              keyText = null;
            }
            continue;
          }
          if (keyText !== null && keyText.length < 200) keyText += chunk[i];
          continue;
        }
        switch (c) {
          case 34: // "
            inString = true;
            if (itemDepth === 0) keyText = '';
            break;
          case 58: // :
            if (itemDepth === 0) pendingKey = lastString;
            break;
          case 44: // ,
            if (itemDepth === 0) pendingKey = null;
            break;
          case 123: // {
          case 91: {
            // [
            if (itemDepth > 0) {
              itemDepth++;
              break;
            }
            const parent = stack[stack.length - 1];
            const inList = parent?.array && (stack.length === 1 || parent.key === 'items');
            if (c === 123 && inList) {
              itemDepth = 1;
              itemStart = i;
              itemParts = [];
              itemChars = 0;
              break;
            }
            if (c === 91 && (stack.length === 0 || pendingKey === 'items')) sawList = true;
            stack.push({ array: c === 91, key: parent?.array ? null : pendingKey });
            pendingKey = null;
            break;
          }
          case 125: // }
          case 93: // ]
            if (itemDepth > 0) {
              itemDepth--;
              if (itemDepth === 0) {
                itemParts.push(chunk.slice(itemStart, i + 1));
                const text = itemParts.join('');
                itemParts = [];
                itemStart = -1;
                count++;
                if (text.length > MAX_ITEM_CHARS) {
                  throw new ImportScanError(
                    `record ${count} is larger than ${MAX_ITEM_CHARS.toLocaleString('en')} characters`,
                  );
                }
                out.push(text);
              }
              break;
            }
            if (!stack.pop())
              throw new ImportScanError('the file is not valid JSON (a stray bracket)');
            pendingKey = null;
            break;
          default:
            break;
        }
      }
      if (itemDepth > 0) {
        const rest = chunk.slice(Math.max(0, itemStart));
        itemParts.push(rest);
        itemChars += rest.length;
        if (itemChars > MAX_ITEM_CHARS) {
          throw new ImportScanError(
            `record ${count + 1} is larger than ${MAX_ITEM_CHARS.toLocaleString('en')} characters`,
          );
        }
      }
      return out;
    },
    end() {
      if (!started) throw new ImportScanError('the file is empty');
      if (inString || itemDepth > 0 || stack.length > 0) {
        throw new ImportScanError('the file ends too early (was it cut off?)');
      }
      if (!sawList) {
        throw new ImportScanError(
          'the file is not Web Annotation JSON-LD (no list of annotations: no "items" array)',
        );
      }
    },
  };
}
