import { describe, expect, it } from 'vitest';
import { createArchiveStore, type StatementInput } from '../../../lib/archive/store';
import { describeSpan } from '../../../lib/dom/anchor';
import { openNotesDb } from '../../../lib/notes/db';
import { createNotesStore } from '../../../lib/notes/store';

let n = 0;
function fresh(start = Date.UTC(2026, 2, 1)) {
  const name = `archive-test-${++n}-${Math.random()}`;
  let t = start;
  let id = 0;
  const openDb = () => openNotesDb({ name });
  return {
    store: createArchiveStore({
      openDb,
      now: () => {
        t += 86_400_000;
        return new Date(t);
      },
      newId: () => `person-${++id}`,
    }),
    openDb,
  };
}

function said(text: string, speaker: string | null, aliases: string[] = []): StatementInput {
  const body = `Intro. "${text}" said ${speaker ?? 'someone'}.`;
  const start = body.indexOf(text);
  return {
    text,
    speaker,
    speakerKind: speaker ? 'person' : null,
    aliases,
    fragment: false,
    confidence: 0.93,
    selectors: describeSpan(body, start, start + text.length),
  };
}

const article = (url: string, statements: StatementInput[], site = new URL(url).hostname) => ({
  url,
  title: `Title of ${url}`,
  site,
  statements,
});

describe('archive store', () => {
  it('one person named three ways across three articles is one speaker', async () => {
    const { store } = fresh();
    await store.record(
      article('https://a.example/1', [
        said('We will not retreat', 'Russian President Vladimir Putin'),
      ]),
    );
    await store.record(article('https://b.example/2', [said('The talks are over', 'Putin')]));
    await store.record(article('https://c.example/3', [said('Gas prices will fall', 'V. Putin')]));
    const people = await store.people();
    expect(people).toHaveLength(1);
    expect(people[0]).toMatchObject({ name: 'Vladimir Putin', statementCount: 3, articleCount: 3 });
    const page = await store.speaker(people[0]!.id);
    expect(page.statements.map((s) => s.text)).toEqual([
      'Gas prices will fall',
      'The talks are over',
      'We will not retreat',
    ]);
    expect(page.statements[0]?.articleTitle).toBe('Title of https://c.example/3');
    expect(page.months).toEqual([{ month: '2026-03', count: 3 }]);
  });

  it('re-reading an article updates it, never duplicates (keyed on the canonical URL)', async () => {
    const { store } = fresh();
    await store.record(
      article('https://news.example/story?utm_source=x', [said('First words', 'Ana Ferreira')]),
    );
    await store.record({
      ...article('https://m.news.example/story', [
        said('First words', 'Ana Ferreira'),
        said('More words', 'Ana Ferreira'),
      ]),
      canonical: 'https://news.example/story',
    });
    const s = await store.stats();
    expect(s).toMatchObject({ articles: 1, statements: 2, people: 1 });
    expect((await store.people())[0]).toMatchObject({ statementCount: 2, articleCount: 1 });
  });

  it('forgetting a site removes its articles and nothing else; people left empty go too', async () => {
    const { store } = fresh();
    await store.record(article('https://a.example/1', [said('Alpha', 'Hillary Clinton')]));
    await store.record(
      article('https://b.example/1', [
        said('Beta', 'Bill Clinton'),
        said('Gamma', 'Hillary Clinton'),
      ]),
    );
    expect(await store.forgetSite('b.example')).toBe(1);
    expect(await store.stats()).toMatchObject({ articles: 1, statements: 1, people: 1 });
    expect((await store.people()).map((p) => p.name)).toEqual(['Hillary Clinton']);
    expect(await store.search('beta')).toEqual([]);
    await store.forgetArticle('a.example/1');
    expect(await store.stats()).toMatchObject({ articles: 0, statements: 0, people: 0 });
  });

  it('forgetting everything empties the archive and its pins', async () => {
    const { store, openDb } = fresh();
    await store.record(
      article('https://a.example/1', [
        said('Alpha', 'Hillary Clinton'),
        said('Beta', 'Bill Clinton'),
      ]),
    );
    const [a, b] = await store.people();
    await store.merge(a!.id, b!.id);
    await store.forgetAll();
    const db = await openDb();
    for (const s of [
      'archive-articles',
      'archive-statements',
      'archive-people',
      'archive-pins',
    ] as const) {
      expect(await db.count(s)).toBe(0);
    }
    db.close();
    await store.record(
      article('https://a.example/2', [
        said('Again', 'Hillary Clinton'),
        said('Too', 'Bill Clinton'),
      ]),
    );
    expect(await store.people()).toHaveLength(2);
  });

  it('searches statements by words (last word a prefix) and speakers by name', async () => {
    const { store } = fresh();
    await store.record(
      article('https://a.example/1', [
        said('The ferry timetable is a disgrace', 'Siobhan Brennan'),
        said('Ferries run late', 'Omar Haddad'),
      ]),
    );
    expect((await store.search('ferry disgr')).map((s) => s.text)).toEqual([
      'The ferry timetable is a disgrace',
    ]);
    expect((await store.search('FERRY')).map((s) => s.personName)).toEqual(['Siobhan Brennan']);
    expect((await store.people('bren')).map((p) => p.name)).toEqual(['Siobhan Brennan']);
    expect(await store.search('')).toEqual([]);
  });

  it('merge and split are the reader’s and stick across later articles', async () => {
    const { store } = fresh();
    await store.record(article('https://a.example/1', [said('One', 'Hillary Clinton')]));
    await store.record(article('https://a.example/2', [said('Two', 'Bill Clinton')]));
    await store.record(article('https://a.example/3', [said('Three', 'Clinton')]));
    expect(await store.people()).toHaveLength(3);
    const bare = (await store.people('clinton')).find((p) => p.name === 'Clinton')!;
    const hillary = (await store.people('hillary'))[0]!;
    const merged = await store.merge(bare.id, hillary.id);
    expect(merged).toMatchObject({ statementCount: 2, articleCount: 2 });
    await store.record(article('https://a.example/4', [said('Four', 'Clinton')]));
    expect((await store.speaker(hillary.id)).statements.map((s) => s.text)).toEqual([
      'Four',
      'Three',
      'One',
    ]);
    // Split "clinton" away again: its statements leave, and the next "Clinton" follows them.
    const split = await store.split(hillary.id, 'clinton');
    expect(split).toMatchObject({ name: 'Clinton', statementCount: 2 });
    await store.record(article('https://a.example/5', [said('Five', 'Clinton')]));
    expect((await store.speaker(split.id)).statements.map((s) => s.text)).toEqual([
      'Five',
      'Four',
      'Three',
    ]);
    expect((await store.speaker(hillary.id)).person.statementCount).toBe(1);
    // A fresh store (browser restart) reads the pins back.
    await expect(store.split(hillary.id, 'hillary clinton')).rejects.toThrow(/other names/);
  });

  it('the popup lookup counts other articles, without writing', async () => {
    const { store } = fresh();
    await store.record(article('https://a.example/1', [said('One', 'Vladimir Putin')]));
    await store.record(article('https://a.example/2', [said('Two', 'Putin')]));
    const [hit, none] = await store.lookup(
      [
        { name: 'President Putin', kind: 'person' },
        { name: 'Olaf Scholz', kind: 'person' },
      ],
      'https://a.example/2',
    );
    expect(hit).toMatchObject({ name: 'Vladimir Putin', otherArticles: 1 });
    expect(none).toBeNull();
    expect(await store.people()).toHaveLength(1);
  });

  it('a speaker page interleaves the reader’s notes on those statements', async () => {
    const { store, openDb } = fresh();
    const s = said('The dam will hold', 'Grace Mwangi');
    await store.record(article('https://a.example/dam', [s, said('Other words', 'Grace Mwangi')]));
    const notes = createNotesStore({ openDb });
    await notes.add({
      url: 'https://a.example/dam',
      title: 'Dam',
      text: 'check this',
      tags: [],
      selectors: s.selectors,
    });
    const person = (await store.people())[0]!;
    const page = await store.speaker(person.id);
    const onIt = page.statements.find((x) => x.text === s.text)!;
    expect(page.notes[onIt.id]?.map((n) => n.body[0]?.value)).toEqual(['check this']);
  });

  it('statements with no named speaker are kept but make no person', async () => {
    const { store } = fresh();
    await store.record(article('https://a.example/1', [said('Anonymous words', null)]));
    expect(await store.stats()).toMatchObject({ statements: 1, people: 0 });
    expect((await store.search('anonymous'))[0]?.personName).toBeNull();
  });

  it('refuses what is not a web article', async () => {
    const { store } = fresh();
    await expect(store.record(article('file:///tmp/x.html', [], 'x'))).rejects.toThrow(
      /web articles/,
    );
  });
});

describe('archive search joins words', () => {
  it('finds statements holding all words, newest first, the last word a prefix', async () => {
    const { store } = fresh();
    const texts = [
      'ferry timetable changes',
      'the ferry is late',
      'timetable for buses',
      'ferry timetables published',
      'ferry and timetable again',
    ];
    for (const [i, t] of texts.entries()) {
      await store.record(
        article(`https://a.example/${i}`, [
          said(t, 'Omar Haddad'),
          said(`filler ${i}`, 'Ana Ferreira'),
        ]),
      );
    }
    expect((await store.search('ferry timetable')).map((s) => s.text)).toEqual([
      'ferry and timetable again',
      'ferry timetables published',
      'ferry timetable changes',
    ]);
    expect((await store.search('timetable ferr')).map((s) => s.text)).toEqual([
      'ferry and timetable again',
      'ferry timetable changes',
    ]);
    expect(await store.search('ferry buses')).toEqual([]);
    expect((await store.search('fill')).length).toBe(5);
  });
});
