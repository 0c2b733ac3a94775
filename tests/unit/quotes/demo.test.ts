/** The demo article's gold, through the engine alone (plain paragraphs, no DOM code). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../lib/quotes/index';
import type { BlockKind } from '../../../lib/quotes/types';
import { modelOf, type Para } from './model';

const dir = resolve(__dirname, '../../fixtures/demo');
const html = readFileSync(resolve(dir, 'index.html'), 'utf8');
const gold = JSON.parse(readFileSync(resolve(dir, 'gold.json'), 'utf8')) as {
  speakers: { name: string; aliases: string[] }[];
  quotes: { text: string; speaker: string | null; optional?: boolean; fragment?: boolean }[];
};

/** The article's blocks as plain paragraphs: tags dropped, white space collapsed. */
function articleParagraphs(): Para[] {
  const article = html.slice(html.indexOf('<article>'), html.indexOf('</article>'));
  const out: Para[] = [];
  const re = /<(h1|p|figcaption)([^>]*)>([\s\S]*?)<\/\1>/g;
  for (let m = re.exec(article); m; m = re.exec(article)) {
    const before = article.slice(0, m.index);
    const inQuote = before.lastIndexOf('<blockquote') > before.lastIndexOf('</blockquote>');
    const kind: BlockKind =
      m[1] === 'h1'
        ? 'headline'
        : m[1] === 'figcaption'
          ? 'caption'
          : inQuote
            ? 'blockquote'
            : (m[2] ?? '').includes('standfirst')
              ? 'standfirst'
              : 'paragraph';
    const text = (m[3] ?? '')
      .replace(/<[^>]+>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (text) out.push({ text, kind });
  }
  return out;
}

const words = (s: string) =>
  s
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu)
    ?.join(' ') ?? '';

describe('demo article', () => {
  const ex = extractQuotes(modelOf(articleParagraphs()));

  it('finds every gold quote with its speaker, and nothing else', () => {
    // a quote over several paragraphs is one Quote with '\n' between them; gold has one per paragraph
    const found = ex.quotes.flatMap((q) =>
      q.text.split('\n').map((t) => ({ text: words(t), speaker: q.speaker })),
    );
    for (const g of gold.quotes.filter((q) => !q.optional)) {
      const hit = found.find((f) => f.text === words(g.text));
      expect(hit, g.text).toBeDefined();
      expect(hit?.speaker, g.text).toBe(g.speaker);
    }
    expect(found).toHaveLength(gold.quotes.filter((q) => !q.optional).length);
  });

  it('lists each speaker once, with the aliases the article uses', () => {
    const names = ex.speakers.map((s) => s.name).sort();
    expect(names).toEqual(gold.speakers.map((s) => s.name).sort());
    const okafor = ex.speakers.find((s) => s.name === 'Rosalind Okafor');
    expect(okafor?.aliases).toEqual(expect.arrayContaining(['Ms Okafor', 'R. Okafor']));
    expect(okafor?.count).toBe(4);
  });

  it("nests the promise inside the council leader's quote", () => {
    const inner = ex.quotes.find((q) => q.text.startsWith('Millbrook will have'));
    expect(inner?.parent).not.toBeNull();
    expect(ex.quotes[inner?.parent ?? -1]?.speaker).toBe('Rosalind Okafor');
  });
});
