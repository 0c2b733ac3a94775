/**
 * The pieces of text a DOM Range covers, as (node, start, end), in document order and lazily:
 * the wrapping fallback reads them all before touching a node; a label anchor needs only the
 * first. Empty pieces are skipped.
 */
export interface TextPiece {
  node: Text;
  start: number;
  end: number;
}

const TEXT_NODE = 3;
const SHOW_TEXT = 4;

export function* textPieces(range: Range): Generator<TextPiece, void, void> {
  const { startContainer: sc, startOffset: so, endContainer: ec, endOffset: eo } = range;
  if (sc === ec && sc.nodeType === TEXT_NODE) {
    if (eo > so) yield { node: sc as Text, start: so, end: eo };
    return;
  }
  const root = range.commonAncestorContainer;
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (!range.intersectsNode(n)) continue;
    const t = n as Text;
    const start = t === sc ? so : 0;
    const end = t === ec ? eo : t.data.length;
    if (end > start) yield { node: t, start, end };
  }
}
