import { expect, it } from 'vitest';
import { openNotesDb } from '../../../lib/notes/db';
import { createNotesStore } from '../../../lib/notes/store';
import { buildNote, toJsonLd } from '../../../lib/notes/web-annotation';

it('10k', async () => {
  const notes = Array.from({ length: 10_000 }, (_, i) =>
    buildNote({
      draft: { url: `https://example.org/a${i % 300}`, title: `T${i % 300}`, text: `note ${i} about harbour`, tags: [`t${i % 13}`],
        selectors: { quote: { type: 'TextQuoteSelector', exact: `quoted words ${i}`, prefix: 'p', suffix: 's' } } },
      source: `https://example.org/a${i % 300}`, now: new Date(Date.UTC(2026, 0, 1) + i * 1000) }));
  const store = createNotesStore({ openDb: () => openNotesDb({ name: 'scale' }) });
  let t = performance.now();
  expect(await store.importJsonLd(toJsonLd(notes, new Date()))).toEqual({ added: 10000, updated: 0, skipped: 0 });
  console.log('import 10k ms', performance.now() - t);
  t = performance.now();
  let cursor: string | null = null; let n = 0; let pages = 0;
  do { const p = await store.listAll({ cursor, limit: 500 }); n += p.notes.length; cursor = p.next; pages++; } while (cursor);
  console.log('list 10k in pages ms', performance.now() - t, n, pages);
  t = performance.now();
  const s = await store.search('harbour #t3');
  console.log('search ms', performance.now() - t, s.total);
});
