// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NotesPage, type NotesPageApi } from '../../../components/notes/NotesPage';
import type { NoteItem } from '../../../components/notes/note-item';
import { groupByArticle, noteMatcher, parseTags } from '../../../components/notes/note-item';

function note(over: Partial<NoteItem> & { id: string }): NoteItem {
  return {
    articleKey: 'https://news.example/a',
    url: 'https://news.example/a?utm_source=x',
    title: 'Ferry fares to rise',
    site: 'news.example',
    exact: 'We have no choice but to raise fares',
    speaker: 'Ana Ruiz',
    body: 'Check last year’s figures.',
    tags: [],
    created: '2026-01-01T10:00:00.000Z',
    updated: '2026-01-01T10:00:00.000Z',
    ...over,
  };
}

const NOTES: NoteItem[] = [
  note({ id: 'n1' }),
  note({
    id: 'n2',
    exact: 'The timetable will not change',
    speaker: 'Ana Ruiz',
    body: 'Contradicts the winter schedule',
    tags: ['timetable'],
    updated: '2026-01-03T10:00:00.000Z',
  }),
  note({
    id: 'n3',
    articleKey: 'https://other.example/b',
    url: 'https://other.example/b',
    title: 'Library opens late',
    site: 'other.example',
    exact: 'Books are back',
    speaker: 'Jo Park',
    body: 'Nice quote',
    tags: ['culture', 'Libraries'],
    updated: '2026-01-02T10:00:00.000Z',
  }),
];

function fakeApi(notes: NoteItem[]): NotesPageApi & { store: NoteItem[] } {
  const store = [...notes];
  return {
    store,
    list: vi.fn(async () => [...store]),
    update: vi.fn(async (n, d) => {
      const i = store.findIndex((x) => x.id === n.id);
      store[i] = { ...n, body: d.body, tags: d.tags, updated: '2026-02-01T00:00:00.000Z' };
    }),
    remove: vi.fn(async (n) => {
      store.splice(
        store.findIndex((x) => x.id === n.id),
        1,
      );
    }),
    restore: vi.fn(async (n) => {
      store.push(n);
    }),
    exportJsonLd: vi.fn(async () => '{}'),
    exportMarkdown: vi.fn(async () => '# notes'),
    importJsonLd: vi.fn(async () => ({ added: 2, updated: 1, skipped: 3 })),
    open: vi.fn(async () => {}),
    download: vi.fn(),
  };
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount(api: NotesPageApi) {
  await act(async () => {
    render(<NotesPage api={api} />, root);
  });
  await act(async () => {});
}

const flush = () => act(async () => {});
const byText = (sel: string, text: string) =>
  [...root.querySelectorAll<HTMLElement>(sel)].find((e) => e.textContent?.trim() === text);
const noteIds = () =>
  [...root.querySelectorAll<HTMLElement>('[data-note-id]')].map((e) => e.dataset.noteId);

async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('notes page list logic', () => {
  it('groups by article, newest article and newest note first', () => {
    const groups = groupByArticle(NOTES);
    expect(groups.map((g) => g.title)).toEqual(['Ferry fares to rise', 'Library opens late']);
    expect(groups[0]?.notes.map((n) => n.id)).toEqual(['n2', 'n1']);
  });

  it('searches every word across body, quote, speaker and tags, ignoring case and accents', () => {
    const m = (q: string) => NOTES.filter(noteMatcher(q)).map((n) => n.id);
    expect(m('jo park')).toEqual(['n3']); // speaker
    expect(m('TIMETABLE winter')).toEqual(['n2']); // tag + body
    expect(m('raise fares')).toEqual(['n1']); // quote
    expect(m('librâries')).toEqual(['n3']); // tag, accent-folded
    expect(m('')).toEqual(['n1', 'n2', 'n3']);
    expect(m('nothing-like-this')).toEqual([]);
  });

  it('parses typed tags', () => {
    expect(parseTags(' #eu, Economy,,eu\nwar  zone ')).toEqual(['eu', 'Economy', 'war zone']);
  });
});

describe('NotesPage', () => {
  it('shows every note under its article heading with title and site', async () => {
    await mount(fakeApi(NOTES));
    const headings = [...root.querySelectorAll('h2.ql-group-title')].map((h) => h.textContent);
    expect(headings).toEqual(['Ferry fares to rise', 'Library opens late']);
    expect(root.querySelector('.ql-group-meta')?.textContent).toContain('news.example');
    expect(noteIds()).toEqual(['n2', 'n1', 'n3']);
    expect(root.querySelector('.ql-count')?.textContent).toBe('3 notes on 2 articles');
  });

  it('filters by search and says how many match', async () => {
    await mount(fakeApi(NOTES));
    await type(root.querySelector('input[type=search]') as HTMLInputElement, 'culture');
    expect(noteIds()).toEqual(['n3']);
    expect(root.querySelector('.ql-count')?.textContent).toBe('1 of 3 notes match');
    await type(root.querySelector('input[type=search]') as HTMLInputElement, 'zzzz');
    expect(root.querySelector('.ql-empty')?.textContent).toContain('No note matches');
  });

  it('filters by a tag when the tag is chosen; titles link to web addresses only', async () => {
    await mount(
      fakeApi([
        ...NOTES,
        note({ id: 'j', articleKey: 'j', url: 'javascript:alert(1)', title: 'J' }),
      ]),
    );
    await act(async () => byText('[data-note-id="n3"] button', '#culture')?.click());
    expect((root.querySelector('input[type=search]') as HTMLInputElement).value).toBe('culture');
    expect(noteIds()).toEqual(['n3']);
    await type(root.querySelector('input[type=search]') as HTMLInputElement, '');
    const links = [...root.querySelectorAll('h2.ql-group-title a')].map((a) =>
      a.getAttribute('href'),
    );
    expect(links).toContain('https://news.example/a?utm_source=x');
    expect(links).toContain(null);
  });

  it('renders a note holding HTML as text, running nothing', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    await mount(fakeApi([note({ id: 'x', body: evil, exact: evil, speaker: '<b>Bo</b>' })]));
    const row = root.querySelector('[data-note-id="x"]') as HTMLElement;
    expect(row.querySelector('img, script, b')).toBeNull();
    expect(row.querySelector('.ql-note-text')?.textContent).toBe(evil);
    expect(row.textContent).toContain('<b>Bo</b>');
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('windows a 10,000-note list: only rows near the view are in the DOM', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      note({ id: `m${i}`, articleKey: `https://n.example/${i % 50}`, title: `Story ${i % 50}` }),
    );
    const t0 = performance.now();
    await mount(fakeApi(many));
    const ms = performance.now() - t0;
    const rendered = root.querySelectorAll('[data-note-id]').length;
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(60);
    expect(root.querySelector('.ql-count')?.textContent).toBe('10000 notes on 50 articles');
    expect(ms).toBeLessThan(5000);
  });

  it('edits a note in a dialog and shows the change', async () => {
    const api = fakeApi(NOTES);
    await mount(api);
    await act(async () => byText('[data-note-id="n3"] button', 'Edit')?.click());
    const dialog = root.querySelector('[role=dialog]') as HTMLElement;
    expect(dialog).not.toBeNull();
    const body = dialog.querySelector('textarea') as HTMLTextAreaElement;
    expect(body.value).toBe('Nice quote');
    await type(body, 'Better quote\nsecond line');
    await act(async () => (dialog.querySelector('form') as HTMLFormElement).requestSubmit());
    await flush();
    expect(api.update).toHaveBeenCalledWith(expect.objectContaining({ id: 'n3' }), {
      body: 'Better quote\nsecond line',
      tags: ['culture', 'Libraries'],
    });
    expect(root.querySelector('[role=dialog]')).toBeNull();
    expect(root.querySelector('[data-note-id="n3"] .ql-note-text')?.textContent).toBe(
      'Better quote\nsecond line',
    );
  });

  it('keeps the draft and shows the reason when saving fails', async () => {
    const api = fakeApi(NOTES);
    api.update = vi.fn(async () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await mount(api);
    await act(async () => byText('[data-note-id="n1"] button', 'Edit')?.click());
    const body = root.querySelector('[role=dialog] textarea') as HTMLTextAreaElement;
    await type(body, 'my long draft');
    await act(async () =>
      (root.querySelector('[role=dialog] form') as HTMLFormElement).requestSubmit(),
    );
    await flush();
    expect(root.querySelector('[role=alert]')?.textContent).toMatch(/no storage space/);
    expect((root.querySelector('[role=dialog] textarea') as HTMLTextAreaElement).value).toBe(
      'my long draft',
    );
  });

  it('deletes with undo', async () => {
    const api = fakeApi(NOTES);
    await mount(api);
    await act(async () => byText('[data-note-id="n1"] button', 'Delete')?.click());
    await flush();
    expect(noteIds()).toEqual(['n2', 'n3']);
    await act(async () => byText('.ql-toast button', 'Undo')?.click());
    await flush();
    expect(api.restore).toHaveBeenCalledWith(expect.objectContaining({ id: 'n1' }));
    expect(noteIds()).toEqual(['n2', 'n1', 'n3']);
  });

  it('reports an import and shows the importer’s error on a malformed file', async () => {
    const api = fakeApi(NOTES);
    await mount(api);
    const input = root.querySelector('input[type=file]') as HTMLInputElement;
    const pick = async (file: File) => {
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      await act(async () => {
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await flush();
    };
    await pick(new File(['{"type":"AnnotationCollection"}'], 'mine.jsonld'));
    expect(api.importJsonLd).toHaveBeenCalledWith('{"type":"AnnotationCollection"}');
    expect(root.querySelector('[role=status].ql-flash')?.textContent).toContain(
      '2 added, 1 updated, 3 skipped',
    );
    api.importJsonLd = vi.fn(async () => {
      throw new Error('Cannot import: record 2 has no "id" IRI.');
    });
    await pick(new File(['[]'], 'bad.jsonld'));
    expect(root.querySelector('[role=alert]')?.textContent).toContain(
      'Nothing imported from bad.jsonld: Cannot import: record 2 has no "id" IRI.',
    );
  });

  it('exports JSON-LD and Markdown as downloads, and opens the article', async () => {
    const api = fakeApi(NOTES);
    await mount(api);
    await act(async () => byText('button', 'Export JSON-LD')?.click());
    await act(async () => byText('button', 'Export Markdown')?.click());
    await flush();
    expect(api.download).toHaveBeenCalledWith(
      expect.stringMatching(/^quotelens-notes-\d{4}-\d\d-\d\d\.jsonld$/),
      '{}',
      'application/ld+json',
    );
    expect(api.download).toHaveBeenCalledWith(
      expect.stringMatching(/\.md$/),
      '# notes',
      'text/markdown',
    );
    await act(async () => byText('[data-note-id="n3"] button', 'Open article')?.click());
    expect(api.open).toHaveBeenCalledWith(expect.objectContaining({ id: 'n3' }));
  });

  it('moves between notes with the arrow keys and opens the editor with Enter', async () => {
    await mount(fakeApi(NOTES));
    const search = root.querySelector('input[type=search]') as HTMLInputElement;
    await act(async () => {
      search.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    });
    await flush();
    expect((document.activeElement as HTMLElement).dataset.noteId).toBe('n2');
    await act(async () => {
      document.activeElement?.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }),
      );
    });
    await flush();
    expect((document.activeElement as HTMLElement).dataset.noteId).toBe('n1');
    await act(async () => {
      document.activeElement?.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }),
      );
    });
    expect((root.querySelector('[role=dialog] textarea') as HTMLTextAreaElement).value).toBe(
      'Check last year’s figures.',
    );
    // Escape (nothing typed) closes the dialog and focus goes back to that note.
    await act(async () => {
      document.activeElement?.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
      );
    });
    await flush();
    expect(root.querySelector('[role=dialog]')).toBeNull();
    expect((document.activeElement as HTMLElement).dataset.noteId).toBe('n1');
  });
});
