/**
 * The archive benchmark (scripts/archive-bench/core.ts) at a small scale in real Chromium: the
 * extension's library page, native IndexedDB on disk, every class of search the full benchmark
 * times. The full scale is `npm run bench:archive -- --browser` (10,000 articles); this keeps
 * the browser's numbers honest on every CI run: 300 articles (6,000 statements, three blocks of
 * the word index) must answer every query class within the targets.
 */
import { benchInPage } from '../../scripts/archive-bench/chromium';
import { expect, test } from './fixtures';

test('archive search in real IndexedDB: every query class within 50 ms, a speaker page within 100 ms', async ({
  context,
  extensionId,
}) => {
  test.setTimeout(90_000);
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/notes.html`);
  const lines: string[] = [];
  const result = await benchInPage(page, 300, 8, (line, progress) => {
    if (!progress) lines.push(line);
  });
  console.log(lines.filter((l) => !l.includes('one statement record')).join('\n'));
  expect(result.statements).toBe(6000);
  for (const q of result.queries) {
    expect.soft(q.median, `${q.label} ("${q.query}")`).toBeLessThanOrEqual(50);
  }
  expect(result.queries.find((q) => q.label.includes('rare together'))?.hits).toBeGreaterThan(0);
  expect(result.queries.find((q) => q.label.includes('never together'))?.hits).toBe(0);
  expect(result.speakerTop).toBeLessThanOrEqual(100);
});
