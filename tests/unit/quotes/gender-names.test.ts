/**
 * The first names kept for their gender are what scripts/train/gender-names.ts makes from the
 * name lists and polnear-train, byte for byte. Skips cleanly where ../shared is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENDER_OF_NAME } from '../../../lib/quotes/lexicon/index';
import { readMentionForward } from '../../../lib/quotes/mentions';
import { tokenize } from '../../../lib/quotes/tokens';
import { build, GENDER_NAMES_FILE } from '../../../scripts/train/gender-names';

const fwd = (t: string) => readMentionForward(t, tokenize(t), 0, tokenize(t).length);

describe('first names that tell a gender', () => {
  it('gives the gender of a first name beyond the short curated lists', () => {
    expect(fwd('Marc Vell said')?.gender).toBe('m');
    expect(fwd('Theresa Vell said')?.gender).toBe('f');
  });

  it('leaves out names shared by both lists and names that are words first', () => {
    for (const n of ['jordan', 'lee', 'hope', 'will', 'chase'])
      expect(GENDER_OF_NAME.has(n)).toBe(false);
  });

  it.skipIf(!existsSync('../shared/corpus/polnear-train'))(
    'is what scripts/train/gender-names.ts makes',
    { timeout: 10 * 60_000 },
    () => {
      expect(build() === readFileSync(GENDER_NAMES_FILE, 'utf8'), 'run the script').toBe(true);
    },
  );
});
