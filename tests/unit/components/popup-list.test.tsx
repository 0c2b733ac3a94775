// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../components/popup/App';
import { toCsv, toMarkdown } from '../../../lib/export';
import { fakeApi, nth, pageState } from './popup-fixture';
import { $, $$, button, click, key, mountPopup, type, unmountAll, until } from './popup-harness';

afterEach(unmountAll);

const rowNames = (root: HTMLElement) =>
  $$(root, '.ql-speaker-name').map((n) => n.textContent ?? '');
const jumps = (api: ReturnType<typeof fakeApi>) =>
  api.sent.flatMap((r) => (r.type === 'page:jump' ? [r.quoteId] : []));
const position = (root: HTMLElement) => $(root, '.ql-position').textContent;

describe('the speakers list', () => {
  it('lists speakers by first appearance with role, colour and counts; unknown last', async () => {
    const { root } = await mountPopup(fakeApi());
    expect(rowNames(root)).toEqual(['Mara Quill', 'Tobias Renn', 'Anja Sorel', 'Unknown speaker']);
    const [quill] = $$(root, '.ql-speaker');
    expect(quill?.querySelector('.ql-speaker-role')?.textContent).toBe('harbour master');
    expect(quill?.querySelector('.ql-count-main')?.textContent).toBe('1');
    expect(quill?.querySelector('.ql-count-frag')?.textContent).toBe('+1 frag.');
    expect(quill?.style.getPropertyValue('--ql-swatch')).toMatch(/^hsl\(/);
    expect(quill?.querySelector('.ql-speaker-main')?.getAttribute('aria-label')).toBe(
      'Mara Quill, harbour master: 1 statement · 1 fragment. Go to the first statement.',
    );
    expect($(root, '.ql-summary').textContent).toBe('4 speakers · 8 statements');
  });

  it('orders by number of statements when asked, and tells the caller', async () => {
    const orders: string[] = [];
    const { root } = await mountPopup(fakeApi(), { onOrderChange: (o) => orders.push(o) });
    await click($(root, 'input[value="count"]'));
    expect(rowNames(root)).toEqual(['Tobias Renn', 'Mara Quill', 'Anja Sorel', 'Unknown speaker']);
    expect(orders).toEqual(['count']);
  });

  it('starts in the order the reader chose last time', async () => {
    const { root } = await mountPopup(fakeApi(), { initialOrder: 'count' });
    expect(rowNames(root)[0]).toBe('Tobias Renn');
    expect(($(root, 'input[value="count"]') as HTMLInputElement).checked).toBe(true);
  });

  it('filters speakers and statements by the search text; Enter jumps; Escape clears', async () => {
    const api = fakeApi();
    const { root } = await mountPopup(api);
    const search = $(root, 'input[type="search"]') as HTMLInputElement;
    await type(search, 'gauge');
    expect(rowNames(root)).toEqual(['Mara Quill', 'Tobias Renn']);
    // Matching statements are shown, opened, under their speaker.
    expect($$(root, '.ql-statement-text').map((s) => s.textContent)).toEqual([
      '“The tide gauge failed twice this week and nobody came…”',
      '“We will fund a new gauge, and quickly.”',
    ]);
    expect($(root, '.ql-summary').textContent).toBe('2 speakers, 2 of 8 statements match');

    // A match past the opening words is shown in its context.
    await type(search, 'fix');
    expect($$(root, '.ql-statement-text').map((s) => s.textContent)).toContain(
      '“…failed twice this week and nobody came to fix it.”',
    );

    await type(search, 'mayor');
    expect(rowNames(root)).toEqual(['Tobias Renn']);
    await type(search, 'zeppelin');
    expect(rowNames(root)).toEqual([]);
    expect($(root, '.ql-summary').textContent).toBe('Nothing matches “zeppelin”.');

    await type(search, 'port open');
    await key(search, 'Enter');
    expect(jumps(api)).toEqual([4]);
    expect(position(root)).toBe('2 of 3');

    await key(search, 'Escape');
    expect(search.value).toBe('');
    expect(rowNames(root)).toHaveLength(4);
  });

  it('jumps to a speaker’s first statement and steps through the rest, wrapping', async () => {
    const api = fakeApi();
    const { root } = await mountPopup(api);
    await click(button(root, /^Tobias Renn/));
    expect(jumps(api)).toEqual([1]);
    expect(position(root)).toBe('1 of 3');
    expect($$(root, '.ql-speaker-main[aria-current="true"]')).toHaveLength(1);

    await click(button(root, 'Next statement'));
    await click(button(root, 'Next statement'));
    expect(position(root)).toBe('3 of 3');
    await click(button(root, 'Next statement'));
    expect(position(root)).toBe('1 of 3');
    await click(button(root, 'Previous statement'));
    expect(position(root)).toBe('3 of 3');
    expect(jumps(api)).toEqual([1, 4, 5, 1, 5]);
  });

  it('steps with the N and P keys, not while typing in the search box', async () => {
    const api = fakeApi();
    const { root } = await mountPopup(api);
    await click(button(root, /^Tobias Renn/));
    await key(document.body, 'n');
    expect(position(root)).toBe('2 of 3');
    await key(document.body, 'p');
    await key(document.body, 'p');
    expect(position(root)).toBe('3 of 3');
    await key($(root, 'input[type="search"]'), 'n');
    expect(position(root)).toBe('3 of 3');
    expect(jumps(api)).toEqual([1, 4, 1, 5]);
  });

  it('expands a speaker to the opening words of each statement; choosing one jumps there', async () => {
    const api = fakeApi();
    const { root } = await mountPopup(api);
    const expand = button(root, 'Show the statements of Tobias Renn');
    expect(expand.getAttribute('aria-expanded')).toBe('false');
    await click(expand);
    expect(expand.getAttribute('aria-expanded')).toBe('true');
    const list = $(root, `#${expand.getAttribute('aria-controls')}`);
    const items = $$(list, '.ql-statement');
    expect(items.map((i) => i.getAttribute('aria-label'))).toEqual([
      'Statement 1 of 3: We will fund a new gauge, and quickly.',
      'Statement 2 of 3: Boats are safe; the port is open.',
      'Statement 3 of 3: I trust the engineers, not the rumours.',
    ]);
    await click(nth(items, 1));
    expect(jumps(api)).toEqual([4]);
    expect(position(root)).toBe('2 of 3');
    expect(items[1]?.getAttribute('aria-current')).toBe('true');
  });

  it('marks fragments in the expanded list', async () => {
    const { root } = await mountPopup(fakeApi());
    await click(button(root, 'Show the statements of Mara Quill'));
    expect($$(root, '.ql-statement .ql-tag').map((t) => t.textContent)).toEqual(['fragment']);
  });

  it('shows only one speaker until cleared, by button or Escape', async () => {
    const api = fakeApi();
    const { root } = await mountPopup(api);
    await click(button(root, /^Mara Quill/));
    const only = button(root, 'Only this speaker');
    expect(only.getAttribute('aria-pressed')).toBe('false');
    await click(only);
    expect(api.sent.at(-1)).toEqual({ type: 'page:only-speaker', speakerId: 0 });
    expect(button(root, 'Only this speaker').getAttribute('aria-pressed')).toBe('true');
    expect($(root, '.ql-only-banner').textContent).toContain('Only Mara Quill is highlighted');

    await click(button(root, 'Show everyone'));
    expect(api.sent.at(-1)).toEqual({ type: 'page:only-speaker', speakerId: null });
    expect(root.querySelector('.ql-only-banner')).toBeNull();

    await click(button(root, 'Only this speaker'));
    await key(document.body, 'Escape');
    expect(api.sent.at(-1)).toEqual({ type: 'page:only-speaker', speakerId: null });
    await until(() => expect(root.querySelector('.ql-only-banner')).toBeNull());
  });

  it('takes keys from the moment the list shows, before the browser paints', async () => {
    // A real popup can get a key press between the list's first render and its next frame:
    // mounted outside act(), so passive effects have not run when the key arrives.
    // No frame comes (a popup that is not painted yet): effects wait for Preact's fallback timer.
    vi.stubGlobal('requestAnimationFrame', () => 0);
    const api = fakeApi({ states: [pageState({ onlySpeakerId: 1 })] });
    const root = document.createElement('div');
    document.body.append(root);
    render(<App api={api} pollMs={5} />, root);
    try {
      const end = Date.now() + 2000;
      while (!root.querySelector('.ql-only-banner') && Date.now() < end) {
        await new Promise((ok) => setTimeout(ok, 0));
      }
      expect(root.querySelector('.ql-only-banner')).not.toBeNull();
      document.body.dispatchEvent(
        new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }),
      );
      expect(api.sent.at(-1)).toEqual({ type: 'page:only-speaker', speakerId: null });
    } finally {
      render(null, root);
      root.remove();
      vi.unstubAllGlobals();
    }
  });

  it('shows the page’s own "only" choice when reopened', async () => {
    const { root } = await mountPopup(fakeApi({ states: [pageState({ onlySpeakerId: 1 })] }));
    expect($(root, '.ql-only-banner').textContent).toContain('Only Tobias Renn');
  });

  it('offers no "only this speaker" for the unknown speaker', async () => {
    const { root } = await mountPopup(fakeApi());
    await click(button(root, /^Unknown speaker/));
    expect(position(root)).toBe('1 of 2');
    expect(() => button(root, 'Only this speaker')).toThrow();
  });

  it('tells the reader when the page could not jump', async () => {
    const api = fakeApi({ actionReply: { ok: false, error: 'that statement is gone' } });
    const { root } = await mountPopup(api);
    await click(button(root, /^Anja Sorel/));
    await until(() =>
      expect($(root, '.ql-popup > [role="status"]').textContent).toBe(
        'QuoteLens could not do that: that statement is gone',
      ),
    );
  });
});

describe('keyboard use', () => {
  it('moves between speakers with the arrows, opens with →, closes with ←', async () => {
    const { root } = await mountPopup(fakeApi());
    const mains = () => $$(root, '.ql-speaker-main');
    // One item of the list is in the Tab order.
    expect(mains().map((m) => m.tabIndex)).toEqual([0, -1, -1, -1]);
    mains()[0]?.focus();
    await key(document.activeElement ?? document.body, 'ArrowDown');
    expect(document.activeElement).toBe(mains()[1]);
    expect(mains().map((m) => m.tabIndex)).toEqual([-1, 0, -1, -1]);
    await key(document.activeElement ?? document.body, 'End');
    expect(document.activeElement).toBe(mains()[3]);
    await key(document.activeElement ?? document.body, 'Home');
    expect(document.activeElement).toBe(mains()[0]);

    await key(document.activeElement ?? document.body, 'ArrowRight');
    expect(button(root, 'Hide the statements of Mara Quill').getAttribute('aria-expanded')).toBe(
      'true',
    );
    await key(document.activeElement ?? document.body, 'ArrowDown');
    expect(document.activeElement?.classList.contains('ql-statement')).toBe(true);
    await key(document.activeElement ?? document.body, 'ArrowLeft');
    expect(document.activeElement).toBe(mains()[0]);
    await key(document.activeElement ?? document.body, 'ArrowLeft');
    expect(root.querySelector('.ql-statements')).toBeNull();

    await key(document.activeElement ?? document.body, 'ArrowUp');
    expect(document.activeElement).toBe($(root, 'input[type="search"]'));
    await key(document.activeElement ?? document.body, 'ArrowDown');
    expect(document.activeElement).toBe(mains()[0]);
  });

  it('"/" goes to the search box and Escape undoes the choice of speaker', async () => {
    const { root } = await mountPopup(fakeApi());
    await click(button(root, /^Tobias Renn/));
    expect(root.querySelector('.ql-stepper')).not.toBeNull();
    await key(document.body, 'Escape');
    expect(root.querySelector('.ql-stepper')).toBeNull();
    await key(document.body, '/');
    expect(document.activeElement).toBe($(root, 'input[type="search"]'));
  });
});

describe('export', () => {
  it('copies the statements as Markdown and downloads CSV and JSON', async () => {
    const api = fakeApi();
    const { root } = await mountPopup(api);
    await click(button(root, 'Copy 8 statements as Markdown'));
    expect(api.copied).toEqual([toMarkdown(pageState())]);
    await click(button(root, 'Download 8 statements as CSV'));
    await click(button(root, 'Download 8 statements as JSON'));
    expect(api.downloads.map((d) => [d.fileName, d.mime])).toEqual([
      ['quotelens-saltcombe-tide-gauge-mayor-promises-repair.csv', 'text/csv'],
      ['quotelens-saltcombe-tide-gauge-mayor-promises-repair.json', 'application/json'],
    ]);
    expect(api.downloads[0]?.text).toBe(toCsv(pageState()));
    expect(JSON.parse(api.downloads[1]?.text ?? '').statements).toHaveLength(8);
    await until(() =>
      expect($(root, '.ql-popup > [role="status"]').textContent).toBe(
        'Saved 8 statements as JSON.',
      ),
    );
  });
});
