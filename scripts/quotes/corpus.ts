/**
 * Node-only: the annotated corpora as the engine sees them — each page's text model (the
 * article found in its HTML, exactly as the CLI finds it) beside its gold.json. Models are
 * cached on disk, keyed by the page's bytes and the source of the code that builds them, so
 * training and evaluation runs do not re-parse 900 pages each time.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findArticle } from '../../lib/dom/article';
import { buildTextModel } from '../../lib/dom/text-model';
import type { TextModel } from '../../lib/quotes/types';
import { decodeHtml, parseHtml } from '../html-input';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = resolve(ROOT, '../shared');
export const CORPUS = join(SHARED, 'corpus');
const CACHE = join(ROOT, 'node_modules/.cache/quotelens-models');

export interface GoldQuote {
  text: string;
  speaker: string | null;
  fragment?: boolean;
  optional?: boolean;
  speaker_unscored?: boolean;
}

export interface Gold {
  page: string;
  speakers: Array<{ name: string; aliases?: string[]; unscored?: boolean }>;
  quotes: GoldQuote[];
}

export interface CorpusPage {
  /** Corpus folder name and page folder name: "polnear-train/breitbart_…". */
  id: string;
  gold: Gold;
  model: TextModel;
}

/** Every source file that decides what the text model holds: a change to any refreshes the cache. */
function builderVersion(): string {
  const h = createHash('sha1');
  const dir = join(ROOT, 'lib/dom');
  const walk = (d: string) => {
    for (const f of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const p = join(d, f.name);
      if (f.isDirectory()) walk(p);
      else if (f.name.endsWith('.ts')) h.update(readFileSync(p));
    }
  };
  walk(dir);
  h.update(readFileSync(join(ROOT, 'scripts/html-input.ts')));
  return h.digest('hex').slice(0, 12);
}

let version: string | null = null;

/** The model of one page, from the cache when its bytes and the builder are unchanged. */
export function pageModel(htmlPath: string): TextModel {
  version ??= builderVersion();
  const bytes = readFileSync(htmlPath);
  const key = createHash('sha1').update(bytes).update(version).digest('hex');
  const file = join(CACHE, `${key}.json`);
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as TextModel;
  const doc = parseHtml(decodeHtml(bytes));
  const { model } = buildTextModel(findArticle(doc), doc);
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(file, JSON.stringify(model));
  return model;
}

/** The pages of a corpus folder (or of one page folder), in name order. */
export function loadCorpus(dir: string): CorpusPage[] {
  const abs = resolve(dir);
  const isPage = (d: string) =>
    existsSync(join(d, 'page.html')) && existsSync(join(d, 'gold.json'));
  const dirs = isPage(abs)
    ? [abs]
    : readdirSync(abs)
        .sort()
        .map((n) => join(abs, n))
        .filter(isPage);
  return dirs.map((d) => ({
    id: `${d.split('/').slice(-2).join('/')}`,
    gold: JSON.parse(readFileSync(join(d, 'gold.json'), 'utf8')) as Gold,
    model: pageModel(join(d, 'page.html')),
  }));
}

/** A corpus by its short name ("dev", "web-dev", "polnear-dev", "polnear-train") or a path. */
export function corpusPath(name: string): string {
  return existsSync(join(CORPUS, name)) ? join(CORPUS, name) : resolve(name);
}
