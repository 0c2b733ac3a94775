/**
 * Does a change leave the engine's output as it was? Runs this checkout's engine and the one of
 * a git commit (main by default) over the same text models of the annotated corpora and
 * compares, page by page, the whole extraction as JSON and every recorded decision (candidates,
 * feature vectors, statement features, choice): a refactor or a speed-up must print "same".
 *
 *   npx tsx scripts/quotes/same-output.ts [REF] [--pages]
 *
 * REF is any commit git knows (main, HEAD~1, a hash). The corpora are dev, web-dev,
 * polnear-dev and polnear-train; --pages adds the 271 real pages of corpus/pages (no gold).
 * Exit codes: 0 same output, 1 a page differs, 2 bad input.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Decision, EngineOptions } from '../../lib/quotes/index';
import * as here from '../../lib/quotes/index';
import type { Extraction, TextModel } from '../../lib/quotes/types';
import { CORPUS, loadCorpus, pageModel, ROOT } from './corpus';

type Engine = (model: TextModel, options?: EngineOptions) => Extraction;

/** The engine of commit `ref`, unpacked once per commit under the system's temp folder. */
async function engineAt(ref: string): Promise<Engine> {
  const sha = execFileSync('git', ['-C', ROOT, 'rev-parse', '--verify', `${ref}^{commit}`], {
    encoding: 'utf8',
  }).trim();
  const dir = join(tmpdir(), `quotelens-engine-${sha.slice(0, 12)}`);
  if (!existsSync(join(dir, 'lib/quotes/index.ts'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['-C', ROOT, 'archive', sha, 'lib']);
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  }
  const mod = (await import(join(dir, 'lib/quotes/index.ts'))) as { extractQuotes: Engine };
  return mod.extractQuotes;
}

/** The page's extraction and a digest of every decision the engine recorded on the way. */
function run(engine: Engine, model: TextModel): string {
  const h = createHash('sha1');
  const bytes = (a: Float64Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const record = (d: Decision) => {
    h.update(`${d.qi}|${d.rulesPick}|${d.keep}|${d.title}|${d.choice.index}|`);
    h.update(`${d.choice.confidence}|${d.choice.probs.join(',')}\n`);
    for (const c of d.cands) h.update(`${c.name}|${c.mention}|${[...c.via].join(',')}\n`);
    for (const f of d.features) h.update(bytes(f));
    h.update(bytes(d.statement));
  };
  return `${JSON.stringify(engine(model, { record }))}\n${h.digest('hex')}`;
}

function pages(withPages: boolean): Array<{ id: string; model: TextModel }> {
  const out: Array<{ id: string; model: TextModel }> = [];
  for (const set of ['dev', 'web-dev', 'polnear-dev', 'polnear-train']) {
    const dir = join(CORPUS, set);
    if (existsSync(dir)) for (const p of loadCorpus(dir)) out.push({ id: p.id, model: p.model });
  }
  const dir = join(CORPUS, 'pages');
  if (withPages && existsSync(dir))
    for (const name of readdirSync(dir).sort())
      if (name.endsWith('.html'))
        out.push({ id: `pages/${name}`, model: pageModel(join(dir, name)) });
  return out;
}

async function main(argv: string[]): Promise<void> {
  const ref = argv.find((a) => !a.startsWith('--')) ?? 'main';
  if (!existsSync(CORPUS)) {
    console.error(`same-output: ${CORPUS} is absent: nothing to compare on`);
    process.exit(2);
  }
  const there = await engineAt(ref);
  const all = pages(argv.includes('--pages'));
  const differ: string[] = [];
  for (const p of all)
    if (run(here.extractQuotes, p.model) !== run(there, p.model)) differ.push(p.id);
  if (differ.length === 0) {
    console.log(`same: ${all.length} pages, this checkout and ${ref} give identical output`);
    return;
  }
  console.log(`DIFFERENT on ${differ.length} of ${all.length} pages against ${ref}:`);
  for (const id of differ.slice(0, 20)) console.log(`  ${id}`);
  process.exit(1);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(`same-output: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
