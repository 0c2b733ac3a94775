/**
 * Node-only diagnostics for the attribution ranker on a corpus the developer may tune on:
 * how often the right speaker is among the candidates at all (the ceiling), how often the
 * chooser picks it, and samples of both kinds of miss with their context.
 *
 *   npx tsx scripts/train/diagnose.ts [CORPUS] [--rules] [--samples N] [--seed S]
 */
import { type Decision, defaultChooser, extractQuotes } from '../../lib/quotes/index';
import { rulesChooser } from '../../lib/quotes/ranker';
import { corpusPath, loadCorpus } from '../quotes/corpus';
import { loadScorer } from '../quotes/score';

async function main(argv: string[]): Promise<void> {
  const name = argv.find((a) => !a.startsWith('--')) ?? 'polnear-train';
  const n = Number(argv[argv.indexOf('--samples') + 1]) || 30;
  const seed = Number(argv[argv.indexOf('--seed') + 1]) || 1;
  const chooser = argv.includes('--rules') ? rulesChooser : defaultChooser();
  const scorer = await loadScorer();
  const pages = loadCorpus(corpusPath(name));
  let scored = 0;
  let reachable = 0;
  let right = 0;
  const noCandidate: string[] = [];
  const wrongChoice: string[] = [];
  for (const page of pages) {
    const decisions: Decision[] = [];
    extractQuotes(page.model, { chooser, record: (d) => decisions.push(d) });
    const index = scorer.goldSpeakerIndex(page.gold);
    const gold = page.gold.quotes.filter((q) => q && typeof q.text === 'string' && !q.optional);
    for (const d of decisions) {
      if (d.work.dropped) continue;
      const mine = scorer.tokenize(d.work.text.split('\n')[0] ?? '');
      let best = null;
      let bs = 0.5;
      for (const g of gold) {
        const s = scorer.pairScore(scorer.tokenize(g.text), mine);
        if (s >= bs) {
          best = g;
          bs = s;
        }
      }
      if (!best || best.speaker_unscored) continue;
      scored++;
      const want = best.speaker ?? null;
      const ok = d.cands.map((c) => {
        const nm = c.entity ? c.entity.name : c.name;
        return want === null ? nm === null : nm !== null && scorer.speakerCorrect(index, want, nm);
      });
      const text = page.model.text;
      const ctx = text
        .slice(Math.max(0, d.work.span.open - 220), Math.min(text.length, d.work.span.close + 120))
        .replace(/\n/g, ' ¶ ');
      const list = d.cands
        .map(
          (c, i) => `${i === d.choice.index ? '*' : ''}${c.name ?? '∅'}[${[...c.via].join(',')}]`,
        )
        .join(' | ');
      const line = `${page.id}  confidence ${d.choice.confidence.toFixed(2)}\n  gold: ${want}\n  cands: ${list}\n  …${ctx}…\n`;
      if (!ok.includes(true)) noCandidate.push(line);
      else {
        reachable++;
        if (ok[d.choice.index]) right++;
        else wrongChoice.push(line);
      }
    }
  }
  const pick = (xs: string[]) => {
    let s = seed;
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const j = s % (i + 1);
      [out[i], out[j]] = [out[j] as string, out[i] as string];
    }
    return out.slice(0, n);
  };
  if (argv.includes('--no-candidate')) for (const l of pick(noCandidate)) console.log(l);
  if (argv.includes('--wrong')) for (const l of pick(wrongChoice)) console.log(l);
  console.log(
    `scored quotes ${scored}; right speaker among candidates ${reachable} (${(reachable / scored).toFixed(3)}); chosen right ${right} (${(right / scored).toFixed(3)} of all, ${(right / reachable).toFixed(3)} of reachable)`,
  );
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
  process.exit(1);
});
