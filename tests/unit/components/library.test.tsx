// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fillMonths } from '../../../components/library/ActivityChart';
import type { LibraryApi } from '../../../components/library/api';
import { parseRoute, routeHash } from '../../../components/library/LibraryPage';
import { SpeakersView } from '../../../components/library/SpeakersView';
import { DEFAULT_ARCHIVE_SETTINGS } from '../../../lib/archive/settings';
import type { SpeakerPage } from '../../../lib/archive/store';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => render(null, root));

const wait = () => act(async () => new Promise((ok) => setTimeout(ok, 10)));

const page: SpeakerPage = {
  person: {
    id: 'p1',
    name: 'Marta Kowalczyk',
    kind: 'person',
    statementCount: 2,
    articleCount: 2,
    lastSeen: '2026-03-02',
    names: ['marta kowalczyk', 'kowalczyk'],
  },
  statements: [
    {
      id: '000002.0',
      articleKey: 'b.example/2',
      personId: 'p1',
      speaker: 'Kowalczyk',
      nameKey: 'person:kowalczyk',
      text: 'Every subsidy has to earn its keep',
      fragment: false,
      confidence: 0.95,
      selectors: {
        quote: {
          type: 'TextQuoteSelector',
          exact: 'Every subsidy has to earn its keep',
          prefix: '',
          suffix: '',
        },
      },
      readAt: '2026-03-02T10:00:00.000Z',
      articleTitle: 'Ferry subsidy',
      articleUrl: 'https://b.example/2',
      site: 'b.example',
      personName: 'Marta Kowalczyk',
    },
  ],
  notes: {},
  months: [
    { month: '2026-01', count: 1 },
    { month: '2026-03', count: 1 },
  ],
};

function fakeApi(): LibraryApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    settings: async () => ({ ...DEFAULT_ARCHIVE_SETTINGS, enabled: true, asked: true }),
    set: async (p) => ({ ...DEFAULT_ARCHIVE_SETTINGS, ...p }),
    people: async () => [page.person],
    search: async (q, after) => {
      calls.push(`search:${q}${after ? `:after ${after}` : ''}`);
      // Two pages: the first says there is more, the second (after it) ends the list.
      const [first] = page.statements;
      const second = first && { ...first, id: '000001.0', text: 'Older words on the same' };
      return after
        ? { people: [], statements: second ? [second] : [], more: false }
        : { people: [page.person], statements: first ? [first] : [], more: true };
    },
    speaker: async () => page,
    articles: async () => [],
    merge: async () => page.person,
    split: async (id, key) => {
      calls.push(`split:${id}:${key}`);
      return { ...page.person, id: 'p2' };
    },
    forget: async (scope, key) => void calls.push(`forget:${scope}:${key}`),
    exportArchive: async (id, format) => void calls.push(`export:${id}:${format}`),
    stats: async () => ({
      stats: { articles: 2, statements: 2, people: 1, bytes: 2048 },
      usage: null,
    }),
    open: async (s) => {
      calls.push(`open:${s.id}`);
      return 'orphaned';
    },
  };
}

describe('library page', () => {
  it('routes by the address', () => {
    expect(parseRoute('#speaker=p%201')).toEqual({ view: 'speakers', speakerId: 'p 1' });
    expect(parseRoute('#speakers')).toEqual({ view: 'speakers', speakerId: null });
    expect(parseRoute('')).toEqual({ view: 'notes' });
    expect(routeHash({ view: 'speakers', speakerId: 'p 1' })).toBe('#speaker=p%201');
  });

  it('charts every month between the first and the last', () => {
    expect(fillMonths(page.months).map((m) => m.count)).toEqual([1, 0, 1]);
    expect(
      fillMonths([
        { month: '2025-12', count: 2 },
        { month: '2026-01', count: 1 },
      ]).map((m) => m.month),
    ).toEqual(['2025-12', '2026-01']);
  });

  it('lists speakers with the archive size, and a speaker page with export, split and open', async () => {
    const api = fakeApi();
    let shown: string | null = null;
    await act(async () =>
      render(<SpeakersView api={api} speakerId={null} onShow={(id) => (shown = id)} />, root),
    );
    await wait();
    expect(root.querySelector('[data-testid="archive-size"]')?.textContent).toContain(
      '2 articles · 2 statements · 1 speaker · 2.0 KB',
    );
    (root.querySelector('.ql-person') as HTMLElement).click();
    expect(shown).toBe('p1');

    await act(async () =>
      render(<SpeakersView api={api} speakerId="p1" onShow={(id) => (shown = id)} />, root),
    );
    await wait();
    expect(root.querySelector('[data-testid="speaker-summary"]')?.textContent).toBe(
      '1 statement in 1 article you read',
    );
    const buttons = [...root.querySelectorAll('button')];
    buttons.find((b) => b.textContent === 'CSV')?.click();
    buttons.find((b) => b.textContent?.includes('Split off “kowalczyk”'))?.click();
    (root.querySelector('.ql-archive-meta a') as HTMLElement).click();
    await wait();
    expect(api.calls).toEqual(['export:p1:csv', 'split:p1:kowalczyk', 'open:000002.0']);
    expect(shown).toBe('p2');
    expect(root.querySelector('[data-opened="orphaned"] .ql-orphan')?.textContent).toContain(
      'no longer on the page',
    );
  });

  it('pages search results: "More statements" asks for the page after the last one shown', async () => {
    const api = fakeApi();
    await act(async () =>
      render(<SpeakersView api={api} speakerId={null} onShow={() => {}} />, root),
    );
    await wait();
    const box = root.querySelector('.ql-archive-search') as HTMLInputElement;
    box.value = 'subsidy';
    await act(async () => {
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await wait();
    expect(root.querySelectorAll('.ql-archive-statement')).toHaveLength(1);
    (root.querySelector('.ql-archive-more') as HTMLButtonElement).click();
    await wait();
    expect(
      [...root.querySelectorAll('.ql-archive-statement blockquote')].map((b) => b.textContent),
    ).toEqual(['“Every subsidy has to earn its keep”', '“Older words on the same”']);
    expect(root.querySelector('.ql-archive-more')).toBeNull();
    expect(api.calls).toEqual(['search:subsidy', 'search:subsidy:after 000002.0']);
  });
});
