/**
 * Command line: prints the quotes and speakers of one news page as one JSON object.
 * I/O only: the pipeline is lib/dom/extract-page.ts, the same code the content script runs.
 */
import { extractFromDocument } from '../lib/dom/extract-page';
import { InputError, parseHtml, readHtml } from './html-input';

const HELP = `Usage: npm run --silent extract -- [options] PAGE.html
       npm run --silent extract -- [options] - < PAGE.html

Finds the main article of PAGE.html, every quoted statement in it and who said it,
and prints one JSON object on standard output:

  { "quotes":   [ { "text", "speaker", "mention", "fragment", "confidence",
                    "runnerUp", "start", "end" } ],
    "speakers": [ { "name", "aliases", "role", "count" } ] }

  text      the words between the marks; paragraphs of one quote joined by "\\n"
  speaker   fullest name the page gives, or null where it says nothing about who
  mention   the words that named the speaker at this quote ("H.Mammadov", "he")
  fragment  true for a few quoted words woven into the reporter's sentence
  confidence  0-1, how sure the engine is of the speaker (0.9 and up: sure)
  runnerUp  the next likeliest speaker it weighed, or null
  start/end offsets into the article text (see --model)

Options:
  -           read the page from standard input
  --model     also print "model": the article text and its blocks, as the engine sees it
  --pretty    indent the JSON
  -h, --help  show this help

Exit codes: 0 done; 2 bad input (missing or unreadable file, not HTML, bad option),
with a one-line message on standard error.`;

function fail(message: string): never {
  process.stderr.write(`extract: ${message.replace(/\s+/g, ' ').trim()}\n`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  let path: string | null = null;
  let withModel = false;
  let pretty = false;
  for (const arg of argv) {
    if (arg === '-h' || arg === '--help') {
      process.stdout.write(`${HELP}\n`);
      return;
    }
    if (arg === '--model') withModel = true;
    else if (arg === '--pretty') pretty = true;
    else if (arg.startsWith('-') && arg !== '-') fail(`unknown option ${arg} (see --help)`);
    else if (path !== null) fail('one page at a time (see --help)');
    else path = arg;
  }
  if (path === null) fail('no page given (see --help)');

  const html = await readHtml(path);
  const { extraction, model } = extractFromDocument(parseHtml(html));
  const out: Record<string, unknown> = {
    quotes: extraction.quotes.map((q) => ({
      text: q.text,
      speaker: q.speaker,
      mention: q.mention,
      fragment: q.fragment,
      confidence: q.confidence,
      runnerUp: q.runnerUp,
      start: q.start,
      end: q.end,
    })),
    speakers: extraction.speakers.map((s) => ({
      name: s.name,
      aliases: s.aliases,
      role: s.role,
      count: s.count,
    })),
  };
  if (withModel) out.model = model;
  process.stdout.write(`${JSON.stringify(out, null, pretty ? 2 : undefined)}\n`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof InputError) fail(err.message);
  fail(`internal error: ${err instanceof Error ? err.message : String(err)}`);
});
