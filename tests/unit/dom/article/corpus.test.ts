// Article finding over the shared corpus (skipped when ../shared is absent): every gold quote
// that belongs to the article must be in the article text, so a quote the tool misses is the
// engine's miss, not the page reader's; and no real page may make the page reader throw.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findArticle } from '../../../../lib/dom/article';
import { buildTextModel } from '../../../../lib/dom/text-model';
import { decodeHtml, parseHtml } from '../../../../scripts/html-input';

const CORPUS = resolve(__dirname, '../../../../../shared/corpus');

const words = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');

function articleText(path: string): string {
  const doc = parseHtml(decodeHtml(readFileSync(path)));
  return buildTextModel(findArticle(doc), doc).model.text;
}

interface Gold {
  quotes: { text: string; optional?: boolean }[];
}

for (const set of ['dev', 'polnear-dev']) {
  const dir = join(CORPUS, set);
  describe.skipIf(!existsSync(dir))(`article text of corpus/${set}`, () => {
    it('holds every gold quote that is not marked optional', () => {
      const missing: string[] = [];
      for (const page of readdirSync(dir)) {
        const goldPath = join(dir, page, 'gold.json');
        if (!existsSync(goldPath)) continue;
        const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold;
        const text = words(articleText(join(dir, page, 'page.html')));
        for (const q of gold.quotes) {
          if (!q.optional && !text.includes(words(q.text))) missing.push(`${page}: ${q.text}`);
        }
      }
      expect(missing).toEqual([]);
    });
  });
}

const PAGES = join(CORPUS, 'pages');
describe.skipIf(!existsSync(PAGES))('article finding on corpus/pages', () => {
  it('never throws, and finds text on most pages', { timeout: 120_000 }, () => {
    const files = readdirSync(PAGES).filter((f) => f.endsWith('.html'));
    let withText = 0;
    for (const f of files) {
      const text = articleText(join(PAGES, f));
      if (text.length > 500) withText++;
    }
    expect(withText / files.length).toBeGreaterThan(0.85);
  });
});
