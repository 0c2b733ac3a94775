import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'scripts/extract.ts');
const DEMO = join(ROOT, 'tests/fixtures/demo/index.html');

function run(args: string[], input?: string | Buffer) {
  const r = spawnSync(TSX, [CLI, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The same as run, without blocking: the refusal cases start together and are awaited. */
function runAsync(args: string[]): Promise<Result> {
  return new Promise((done) => {
    const child = spawn(TSX, [CLI, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

const words = (s: string) =>
  s
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');

interface Output {
  quotes: {
    text: string;
    speaker: string | null;
    mention: string | null;
    fragment: boolean;
    start: number;
    end: number;
  }[];
  speakers: { name: string; aliases: string[]; role: string | null; count: number }[];
  model?: { text: string };
}

describe('extract CLI', () => {
  it('prints one JSON object with quotes and speakers for the demo article', () => {
    const r = run([DEMO, '--model']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(r.stdout) as Output;
    expect(Array.isArray(out.quotes)).toBe(true);
    expect(Array.isArray(out.speakers)).toBe(true);
    expect(out.quotes.length).toBeGreaterThan(0);
    const text = out.model?.text ?? '';
    for (const q of out.quotes) {
      expect(Object.keys(q).sort()).toEqual(
        ['confidence', 'end', 'fragment', 'mention', 'runnerUp', 'speaker', 'start', 'text'].sort(),
      );
      expect(typeof q.fragment).toBe('boolean');
      expect(q.end).toBeGreaterThan(q.start);
      // Offsets point into the article text at the quoted words.
      expect(words(text.slice(q.start, q.end))).toContain(words(q.text).split(' ')[0]);
    }
    for (const s of out.speakers) {
      expect(typeof s.name).toBe('string');
      expect(Array.isArray(s.aliases)).toBe(true);
      expect(s.count).toBeGreaterThan(0);
    }
  });

  it('reads the article only: every gold quote of the demo is in its text, the footer is not', () => {
    const out = JSON.parse(run([DEMO, '--model']).stdout) as Output;
    const text = words(out.model?.text ?? '');
    const gold = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/demo/gold.json'), 'utf8')) as {
      quotes: { text: string; optional?: boolean }[];
    };
    for (const q of gold.quotes.filter((g) => !g.optional)) expect(text).toContain(words(q.text));
    expect(text).not.toContain('the morning crossing');
    expect(text).not.toContain('most read');
  });

  it('reads the page from standard input with "-"', () => {
    const viaFile = JSON.parse(run([DEMO]).stdout) as Output;
    const r = run(['-'], readFileSync(DEMO));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(viaFile);
  });

  it('documents itself with --help', () => {
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: npm run --silent extract -- /);
    expect(r.stdout).toMatch(/exit code|Exit codes/i);
  });

  const dir = mkdtempSync(join(tmpdir(), 'ql-extract-'));
  const png = join(dir, 'picture.html');
  writeFileSync(png, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  const prose = join(dir, 'notes.txt');
  writeFileSync(prose, 'Just a plain note, with "quotes" but no markup at all.\n');
  const empty = join(dir, 'empty.html');
  writeFileSync(empty, '');

  const refusals: [string, string[], RegExp][] = [
    ['a missing file', [join(dir, 'nope.html')], /nope\.html: no such file/],
    ['a directory', [dir], /is a directory/],
    ['binary data', [png], /binary data, expected an HTML page/],
    ['plain text', [prose], /no HTML markup found/],
    ['an empty file', [empty], /empty input/],
    ['no argument', [], /no page given/],
    ['an unknown option', ['--frobnicate', DEMO], /unknown option --frobnicate/],
  ];
  const pending = new Map(refusals.map(([what, args]) => [what, runAsync(args)]));

  it.each(refusals)(
    'refuses %s with exit code 2 and a one-line message',
    async (what, _args, message) => {
      const r = (await pending.get(what)) as Result;
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message as RegExp);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    },
  );

  it('refuses non-HTML on standard input too', () => {
    const r = run(['-'], 'plain words only');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^extract: stdin: no HTML markup found/);
  });
});
