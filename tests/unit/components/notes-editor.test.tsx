// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NoteEditor } from '../../../components/notes/NoteEditor';
import { NotePanel } from '../../../components/notes/NotePanel';
import type { NoteItem } from '../../../components/notes/note-item';
import { OrphanList } from '../../../components/notes/OrphanList';
import { placePanel } from '../../../components/notes/PageNotesLayer';
import { PopupNotes } from '../../../components/notes/PopupNotes';
import { buildNote } from '../../../lib/notes/web-annotation';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const q = <T extends Element>(sel: string) => root.querySelector(sel) as T;
async function type(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(async () => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
const key = (el: Element, k: string, init: KeyboardEventInit = {}) =>
  act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, ...init }));
  });
const click = (label: string) =>
  act(async () => {
    [...root.querySelectorAll('button')].find((b) => b.textContent === label)?.click();
  });

describe('NoteEditor', () => {
  it('saves a multi-line body and typed tags; focuses the body', async () => {
    const onSave = vi.fn(async () => {});
    await act(async () => {
      render(
        <NoteEditor
          quote="We will rebuild"
          speaker="Mia Lund"
          onSave={onSave}
          onCancel={() => {}}
        />,
        root,
      );
    });
    expect(document.activeElement).toBe(q('textarea'));
    expect(q('button[type=submit]').hasAttribute('disabled')).toBe(true); // nothing typed yet
    await type(q('textarea'), 'line one\nline two');
    await type(q('input'), '#budget, roads, budget');
    await key(q('textarea'), 'Enter', { ctrlKey: true });
    expect(onSave).toHaveBeenCalledWith({ body: 'line one\nline two', tags: ['budget', 'roads'] });
    expect(root.textContent).toContain('— Mia Lund');
  });

  it('shows the quota error and keeps the draft', async () => {
    const onSave = vi.fn(async () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    await act(async () => {
      render(<NoteEditor quote="x" onSave={onSave} onCancel={() => {}} />, root);
    });
    await type(q('textarea'), 'precious draft');
    await act(async () => q<HTMLFormElement>('form').requestSubmit());
    await act(async () => {});
    expect(q('[role=alert]').textContent).toBe(
      'Not saved: the browser has no storage space left for QuoteLens. Your text is kept here — try again.',
    );
    expect(q<HTMLTextAreaElement>('textarea').value).toBe('precious draft');
    expect(q('button[type=submit]').hasAttribute('disabled')).toBe(false);
  });

  it('does not drop a typed draft on one Escape; a second one cancels', async () => {
    const onCancel = vi.fn();
    await act(async () => {
      render(<NoteEditor quote="x" onSave={async () => {}} onCancel={onCancel} />, root);
    });
    await type(q('textarea'), 'draft');
    await key(q('textarea'), 'Escape');
    expect(onCancel).not.toHaveBeenCalled();
    expect(q('[role=status]').textContent).toContain('Unsaved changes');
    await key(q('textarea'), 'Escape');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('edits an existing note: prefilled, times shown, delete offered', async () => {
    const onDelete = vi.fn(async () => {});
    await act(async () => {
      render(
        <NoteEditor
          quote="x"
          initial={{ body: 'old', tags: ['a', 'b'] }}
          created="2026-01-01T10:00:00.000Z"
          updated="2026-01-02T10:00:00.000Z"
          onSave={async () => {}}
          onCancel={() => {}}
          onDelete={onDelete}
        />,
        root,
      );
    });
    expect(q<HTMLTextAreaElement>('textarea').value).toBe('old');
    expect(q<HTMLInputElement>('input').value).toBe('a, b');
    expect(q('h2').textContent).toBe('Edit note');
    expect([...root.querySelectorAll('time')].map((t) => t.getAttribute('datetime'))).toEqual([
      '2026-01-01T10:00:00.000Z',
      '2026-01-02T10:00:00.000Z',
    ]);
    await click('Delete');
    expect(onDelete).toHaveBeenCalled();
  });

  it('renders quote and speaker holding HTML as text', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    await act(async () => {
      render(
        <NoteEditor
          quote={evil}
          speaker={evil}
          initial={{ body: evil, tags: [] }}
          onSave={async () => {}}
          onCancel={() => {}}
        />,
        root,
      );
    });
    expect(root.querySelector('img')).toBeNull();
    expect(q('.ql-note-quote-text').textContent).toBe(evil);
    expect(q<HTMLTextAreaElement>('textarea').value).toBe(evil);
  });
});

describe('NoteEditor drafts', () => {
  it('starts from a kept draft, reports changes, and drops the draft once saved', async () => {
    const onDraft = vi.fn();
    const onSave = vi.fn(async () => {});
    await act(async () => {
      render(
        <NoteEditor
          quote="x"
          initial={{ body: 'saved text', tags: [] }}
          restored={{ body: 'unsaved text', tags: ['t'] }}
          onDraft={onDraft}
          onSave={onSave}
          onCancel={() => {}}
        />,
        root,
      );
    });
    expect(q<HTMLTextAreaElement>('textarea').value).toBe('unsaved text');
    expect(q<HTMLInputElement>('input').value).toBe('t');
    expect(q('[role=status]').textContent).toContain('unsaved draft was kept');
    await type(q('textarea'), 'unsaved text, more');
    expect(onDraft).toHaveBeenLastCalledWith({ body: 'unsaved text, more', tags: ['t'] });
    await act(async () => q<HTMLFormElement>('form').requestSubmit());
    expect(onSave).toHaveBeenCalledWith({ body: 'unsaved text, more', tags: ['t'] });
    expect(onDraft).toHaveBeenLastCalledWith(null);
  });

  it('keeps the draft when saving fails', async () => {
    const onDraft = vi.fn();
    await act(async () => {
      render(
        <NoteEditor
          quote="x"
          onDraft={onDraft}
          onSave={async () => {
            throw new Error('disk full');
          }}
          onCancel={() => {}}
        />,
        root,
      );
    });
    await type(q('textarea'), 'words');
    await act(async () => q<HTMLFormElement>('form').requestSubmit());
    await act(async () => {});
    expect(onDraft).not.toHaveBeenCalledWith(null);
    expect(q('[role=alert]').textContent).toContain('disk full.');
  });
});

describe('OrphanList', () => {
  it('lists notes not found on the page, as text', async () => {
    await act(async () => {
      render(
        <OrphanList
          orphans={[
            buildNote({
              draft: {
                url: 'https://news.example/a',
                title: 'A',
                text: '<i>kept</i>',
                tags: ['t'],
                selectors: {
                  quote: { type: 'TextQuoteSelector', exact: 'gone words', prefix: '', suffix: '' },
                },
              },
              source: 'https://news.example/a',
              now: new Date('2026-01-01T00:00:00Z'),
            }),
          ]}
          notesPageUrl="chrome-extension://x/notes.html"
        />,
        root,
      );
    });
    expect(q('h3').textContent).toBe('Not found on this page (1)');
    expect(q('.ql-orphan-body').textContent).toBe('<i>kept</i>');
    expect(q('.ql-orphan-quote').textContent).toBe('gone words');
    expect(q('.ql-orphan-tags').textContent).toBe('#t');
    expect(root.querySelector('i')).toBeNull();
    expect(q('a').getAttribute('href')).toBe('chrome-extension://x/notes.html');
  });

  it('renders nothing when every note was found', async () => {
    await act(async () => {
      render(<OrphanList orphans={[]} />, root);
    });
    expect(root.innerHTML).toBe('');
  });
});

describe('NotePanel', () => {
  const item = (id: string, body: string): NoteItem => ({
    id,
    articleKey: 'k',
    url: 'https://news.example/a',
    title: 'A',
    site: 'news.example',
    exact: 'We will rebuild the bridge',
    speaker: 'Mia Lund',
    body,
    tags: ['roads'],
    created: '2026-01-01T10:00:00.000Z',
    updated: '2026-01-01T10:00:00.000Z',
  });
  const handlers = () => ({
    onCreate: vi.fn(async () => {}),
    onUpdate: vi.fn(async () => {}),
    onDelete: vi.fn(async () => {}),
    onClose: vi.fn(),
  });

  it('opens straight into a new note when the statement has none', async () => {
    const h = handlers();
    await act(async () => {
      render(
        <NotePanel quote="We will rebuild the bridge" speaker="Mia Lund" notes={[]} {...h} />,
        root,
      );
    });
    expect(q('h2').textContent).toBe('New note');
    await type(q('textarea'), 'first');
    await act(async () => q<HTMLFormElement>('form').requestSubmit());
    expect(h.onCreate).toHaveBeenCalledWith({ body: 'first', tags: [] });
  });

  it('lists existing notes as text and edits one in place', async () => {
    const h = handlers();
    const evil = '<script>window.__x=1</script>line 1\nline 2';
    await act(async () => {
      render(
        <NotePanel
          quote="We will rebuild"
          speaker="Mia Lund"
          notes={[item('a', evil), item('b', 'two')]}
          {...h}
        />,
        root,
      );
    });
    expect(q('h2').textContent).toBe('2 notes');
    expect(root.querySelector('script')).toBeNull();
    expect(q('[data-note-id="a"] .ql-note-text').textContent).toBe(evil);
    expect(q('[data-note-id="a"] .ql-panel-tags').textContent).toBe('#roads');
    await act(async () => {
      (q('[data-note-id="b"] button') as HTMLButtonElement).click(); // Edit
    });
    const editor = q<HTMLTextAreaElement>('textarea');
    expect(editor.value).toBe('two');
    await type(editor, 'two, edited');
    await act(async () => q<HTMLFormElement>('form').requestSubmit());
    expect(h.onUpdate).toHaveBeenCalledWith(expect.objectContaining({ id: 'b' }), {
      body: 'two, edited',
      tags: ['roads'],
    });
    await click('Delete');
    expect(h.onDelete).toHaveBeenCalledWith(expect.objectContaining({ id: 'a' }));
    await click('Add another note');
    expect(q('h2').textContent).toBe('New note');
  });

  it('closes on Escape when no editor is open', async () => {
    const h = handlers();
    await act(async () => {
      render(<NotePanel quote="q" speaker={null} notes={[item('a', 'x')]} {...h} />, root);
    });
    await key(q('.ql-note-panel'), 'Escape');
    expect(h.onClose).toHaveBeenCalled();
  });
});

describe('placePanel', () => {
  const vp = { width: 1200, height: 800 };
  it('goes under its text when there is room', () => {
    expect(placePanel({ top: 100, bottom: 140, left: 300, right: 600 }, vp)).toMatchObject({
      top: '148px',
      left: '300px',
    });
  });
  it('goes above, growing upwards, when the text is low on the screen', () => {
    const p = placePanel({ top: 700, bottom: 740, left: 300, right: 600 }, vp);
    expect(p.top).toBeUndefined();
    expect(p.bottom).toBe('108px');
  });
  it('stays inside a narrow viewport', () => {
    const p = placePanel(
      { top: 100, bottom: 120, left: 300, right: 320 },
      { width: 320, height: 600 },
    );
    expect(p.width).toBe('304px');
    expect(p.left).toBe('8px');
  });
});

describe('PopupNotes', () => {
  it('shows the count and the orphans the content script reports', async () => {
    const orphan = buildNote({
      draft: {
        url: 'https://news.example/a',
        title: 'A',
        text: 'kept',
        selectors: { quote: { type: 'TextQuoteSelector', exact: 'gone', prefix: '', suffix: '' } },
      },
      source: 'https://news.example/a',
      now: new Date('2026-01-01T00:00:00Z'),
    });
    const load = vi.fn(async () => ({ count: 3, anchored: [], orphans: [orphan] }));
    await act(async () => {
      render(<PopupNotes load={load} notesPageUrl="notes.html" />, root);
    });
    await act(async () => {});
    expect(q('.ql-popup-notes-count').textContent).toBe('3 notes on this page (2 found)');
    expect(q('h3').textContent).toBe('Not found on this page (1)');
  });

  it('shows nothing when the page has no notes or cannot be asked', async () => {
    await act(async () => {
      render(<PopupNotes load={async () => null} notesPageUrl="notes.html" />, root);
    });
    expect(root.innerHTML).toBe('');
    const failing = async () => {
      throw new Error('no content script');
    };
    await act(async () => {
      render(<PopupNotes load={failing} notesPageUrl="notes.html" />, root);
    });
    await act(async () => {});
    expect(root.innerHTML).toBe('');
  });
});
