/** Test helper: a TextModel from plain paragraphs, the way lib/dom joins blocks. */
import type { BlockKind, InlineSpan, TextModel } from '../../../lib/quotes/types';

export type Para = string | { text: string; kind: BlockKind };

export function modelOf(paras: Para[], inline: InlineSpan[] = []): TextModel {
  let text = '';
  const blocks: TextModel['blocks'] = [];
  for (const p of paras) {
    const t = typeof p === 'string' ? p : p.text;
    const kind = typeof p === 'string' ? 'paragraph' : p.kind;
    if (text) text += '\n';
    const start = text.length;
    text += t;
    blocks.push({ kind, start, end: text.length });
  }
  return { text, blocks, inline, lang: 'en' };
}
