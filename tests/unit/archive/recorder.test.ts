import { describe, expect, it } from 'vitest';
import {
  articleFromExtraction,
  maybeRecord,
  type RecorderSender,
} from '../../../lib/archive/recorder';
import { routeArchiveMessage } from '../../../lib/archive/router';
import { DEFAULT_ARCHIVE_SETTINGS, parseArchiveSettings } from '../../../lib/archive/settings';
import { type ArticleInput, createArchiveStore } from '../../../lib/archive/store';
import type { EngineRequest } from '../../../lib/messages';
import { openNotesDb } from '../../../lib/notes/db';
import type { Extraction } from '../../../lib/quotes/types';

const text =
  'Talks resume\n"We will not retreat," said Russian President Vladimir Putin on Monday.';
const start = text.indexOf('We will');
const end = text.indexOf(',"');
const request: EngineRequest = {
  type: 'engine:extract',
  model: {
    text,
    blocks: [
      { kind: 'headline', start: 0, end: 12 },
      { kind: 'paragraph', start: 13, end: text.length },
    ],
    inline: [],
  },
  page: { canonical: 'https://news.example/talks', title: 'Talks resume' },
};
const extraction: Extraction = {
  quotes: [
    {
      id: 0,
      text: text.slice(start, end),
      start,
      end,
      speaker: 'Vladimir Putin',
      speakerId: 0,
      mention: 'Russian President Vladimir Putin',
      fragment: false,
      parent: null,
      confidence: 0.95,
      runnerUp: null,
    },
  ],
  speakers: [
    {
      id: 0,
      name: 'Vladimir Putin',
      aliases: ['Russian President Vladimir Putin'],
      role: null,
      kind: 'person',
      count: 1,
      fragmentCount: 0,
    },
  ],
};
const tab = (over: Partial<NonNullable<RecorderSender['tab']>> = {}): RecorderSender => ({
  id: 'ql',
  frameId: 0,
  url: 'https://www.news.example/talks?utm_source=feed',
  tab: { id: 3, url: 'https://www.news.example/talks?utm_source=feed', incognito: false, ...over },
});

function deps(settings = { ...DEFAULT_ARCHIVE_SETTINGS, enabled: true }) {
  const recorded: ArticleInput[] = [];
  return {
    recorded,
    deps: {
      store: {
        record: async (a: ArticleInput) => {
          recorded.push(a);
          return { key: '', personIds: [] };
        },
      },
      settings: async () => parseArchiveSettings(settings),
      selfId: 'ql',
    },
  };
}

describe('archive recorder', () => {
  it('builds the article: canonical, title, statement with TextQuote + TextPosition selectors', () => {
    const a = articleFromExtraction(request, extraction, 'https://news.example/talks')!;
    expect(a).toMatchObject({
      canonical: 'https://news.example/talks',
      title: 'Talks resume',
      site: 'news.example',
    });
    expect(a.statements[0]).toMatchObject({
      text: 'We will not retreat',
      speaker: 'Vladimir Putin',
      aliases: ['Russian President Vladimir Putin'],
      confidence: 0.95,
      selectors: {
        quote: {
          exact: 'We will not retreat',
          prefix: 'Talks resume\n"',
          suffix: expect.stringMatching(/^,"/),
        },
        position: { start, end },
      },
    });
  });

  it('records only when opted in, never private windows, excluded sites or frames', async () => {
    const off = deps({ ...DEFAULT_ARCHIVE_SETTINGS });
    expect(await maybeRecord(off.deps, request, extraction, tab())).toBe('off');
    const on = deps();
    expect(await maybeRecord(on.deps, request, extraction, tab({ incognito: true }))).toBe(
      'private',
    );
    expect(await maybeRecord(on.deps, request, extraction, { ...tab(), frameId: 2 })).toBe(
      'not-a-page',
    );
    expect(await maybeRecord(on.deps, request, extraction, { ...tab(), id: 'other' })).toBe(
      'not-a-page',
    );
    const excluded = deps({
      ...DEFAULT_ARCHIVE_SETTINGS,
      enabled: true,
      excludedSites: ['news.example'],
    });
    expect(await maybeRecord(excluded.deps, request, extraction, tab())).toBe('excluded');
    expect(on.recorded).toHaveLength(0);
    expect(await maybeRecord(on.deps, request, { quotes: [], speakers: [] }, tab())).toBe(
      'nothing-said',
    );
    expect(await maybeRecord(on.deps, request, extraction, tab())).toBe('recorded');
    expect(on.recorded).toHaveLength(1);
  });

  it('end to end into the store: the canonical URL is the key', async () => {
    const name = `rec-${Math.random()}`;
    const store = createArchiveStore({ openDb: () => openNotesDb({ name }) });
    const d = {
      store,
      settings: async () => ({ ...DEFAULT_ARCHIVE_SETTINGS, enabled: true }),
      selfId: 'ql',
    };
    await maybeRecord(d, request, extraction, tab());
    await maybeRecord(d, request, extraction, tab());
    expect((await store.articles()).map((a) => a.key)).toEqual(['news.example/talks']);
    expect(await store.stats()).toMatchObject({ articles: 1, statements: 1, people: 1 });
  });

  it('the router answers our pages only', async () => {
    const store = createArchiveStore({ openDb: () => openNotesDb({ name: `r-${Math.random()}` }) });
    const values: Record<string, unknown> = {};
    const storage = {
      local: {
        get: async (k: string | string[]) =>
          Object.fromEntries([k].flat().map((x) => [x, values[x]])),
        set: async (items: Record<string, unknown>) => void Object.assign(values, items),
      },
    };
    const self = { id: 'ql', origin: 'chrome-extension://ql/' };
    const page = { id: 'ql', url: 'chrome-extension://ql/notes.html' };
    const content = { id: 'ql', url: 'https://news.example/a', tab: { id: 1 } };
    expect(
      await routeArchiveMessage(
        { store, storage },
        { type: 'archive:people', query: '' },
        content,
        self,
      ),
    ).toMatchObject({ ok: false });
    expect(
      await routeArchiveMessage({ store, storage }, { type: 'archive:settings' }, page, self),
    ).toMatchObject({
      ok: true,
      settings: { enabled: false, asked: false },
    });
    expect(
      await routeArchiveMessage(
        { store, storage },
        { type: 'archive:set', patch: { enabled: true, asked: true } },
        page,
        self,
      ),
    ).toMatchObject({ ok: true, settings: { enabled: true, asked: true } });
    expect(
      await routeArchiveMessage({ store, storage }, { type: 'archive:nope' }, page, self),
    ).toMatchObject({ ok: false });
  });
});
