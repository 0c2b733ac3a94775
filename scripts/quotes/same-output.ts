import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Decision, EngineOptions } from '../../lib/quotes/index';
import * as here from '../../lib/quotes/index';
import type { Extraction, TextModel } from '../../lib/quotes/types';
import { CORPUS, loadCorpus, pageModel } from './corpus';
import { engineDirAt } from './engine-at';

type Engine = (model: TextModel, options?: EngineOptions) => Extraction;

/** The engine of commit `ref`. */
async function engineAt(ref: string): Promise<Engine> {
  const mod = (await import(join(engineDirAt(ref), 'lib/quotes/index.ts'))) as {
    extractQuotes: Engine;
  };
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
