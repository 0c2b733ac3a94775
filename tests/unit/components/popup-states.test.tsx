// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { buildNote } from '../../../lib/notes/web-annotation';
import { fakeApi, pageState } from './popup-fixture';
import { $, $$, button, click, mountPopup, unmountAll, until } from './popup-harness';

afterEach(unmountAll);

const title = (root: HTMLElement) => root.querySelector('.ql-status-title')?.textContent ?? '';
const view = (root: HTMLElement) => $(root, '.ql-popup').dataset.view;

describe('popup states', () => {
  it('shows "working" while the page works, then the list once it is ready', async () => {
    const api = fakeApi({ states: [pageState({ status: 'working', quotes: [] }), pageState()] });
    const { root } = await mountPopup(api, { pollMs: 40 });
    expect(view(root)).toBe('working');
    expect(title(root)).toBe('Finding statements…');
    expect($(root, '.ql-status').getAttribute('aria-busy')).toBe('true');
    await until(() => expect(view(root)).toBe('list'));
    expect($$(root, '.ql-speaker')).toHaveLength(4);
  });

  it('lists what is found so far while the page is still being read', async () => {
    const partial = pageState({ status: 'working', quotes: pageState().quotes.slice(0, 2) });
    const api = fakeApi({ states: [partial, pageState()] });
    const { root } = await mountPopup(api, { pollMs: 40 });
    expect(view(root)).toBe('list');
    expect($(root, '.ql-summary').textContent).toBe('2 speakers · 2 statements so far…');
    await until(() => expect($(root, '.ql-summary').textContent).toBe('4 speakers · 8 statements'));
  });

  it('says when no statements were found and offers to look again', async () => {
    const api = fakeApi({ states: [pageState({ quotes: [], speakers: [] })] });
    const { root } = await mountPopup(api);
    expect(title(root)).toBe('No statements found');
    await click(button(root, 'Look again'));
    expect(api.sent.map((r) => r.type)).toContain('page:reannotate');
  });

  it('says when the page is not an article', async () => {
    const { root } = await mountPopup(
      fakeApi({ states: [pageState({ status: 'not-article', quotes: [] })] }),
    );
    expect(title(root)).toBe('Not an article');
    expect(root.querySelector('.ql-speakers')).toBeNull();
  });

  it('says when it is switched off for this site, and the switch turns it back on', async () => {
    const api = fakeApi({
      states: [pageState({ status: 'disabled', quotes: [] }), pageState()],
      settings: { enabled: true, disabledSites: ['news.example.org'] },
    });
    const { root } = await mountPopup(api, { pollMs: 1000 });
    expect(title(root)).toBe('QuoteLens is off for news.example.org');
    const siteSwitch = $(root, '#ql-switch-site');
    expect(siteSwitch.getAttribute('role')).toBe('switch');
    expect(siteSwitch.getAttribute('aria-checked')).toBe('false');
    await click(button(root, 'Turn on for this site'));
    expect(api.settings.disabledSites).toEqual([]);
    expect($(root, '#ql-switch-site').getAttribute('aria-checked')).toBe('true');
  });

  it('says when it is switched off for all sites', async () => {
    const api = fakeApi({
      states: [pageState({ status: 'disabled', quotes: [] })],
      settings: { enabled: false, disabledSites: [] },
    });
    const { root } = await mountPopup(api);
    expect(title(root)).toBe('QuoteLens is off for all sites');
    // The per-site switch cannot turn anything on while the master switch is off.
    expect(($(root, '#ql-switch-site') as HTMLButtonElement).disabled).toBe(true);
    await click(button(root, 'Turn on for all sites'));
    expect(api.settings.enabled).toBe(true);
  });

  it('shows the engine error and offers to try again', async () => {
    const { root } = await mountPopup(
      fakeApi({
        states: [pageState({ status: 'error', quotes: [], error: 'The article is empty.' })],
      }),
    );
    expect(title(root)).toBe('Something went wrong on this page');
    expect(root.textContent).toContain('The article is empty.');
    expect(button(root, 'Try again')).toBeTruthy();
  });

  it('explains a page the browser does not let extensions read', async () => {
    const api = fakeApi({
      lookup: { kind: 'tab', tab: { id: 3, url: 'chrome://extensions/' } },
      states: [new Error('Could not establish connection. Receiving end does not exist.')],
    });
    const { root } = await mountPopup(api);
    expect(view(root)).toBe('restricted');
    expect(title(root)).toBe('QuoteLens cannot read this page');
    expect(root.querySelector('#ql-switch-site')).toBeNull();
    expect(root.querySelector('#ql-switch-all')).not.toBeNull();
    expect(root.querySelector('.ql-notes')).toBeNull();
  });

  it('offers a reload where the page could be read but nothing answers', async () => {
    const api = fakeApi({
      lookup: { kind: 'tab', tab: { id: 11, url: 'https://news.example.org/old-tab' } },
      states: [new Error('Receiving end does not exist.')],
    });
    const { root } = await mountPopup(api);
    expect(view(root)).toBe('unreachable');
    await click(button(root, 'Reload the page'));
    expect(api.reloaded).toEqual([11]);
  });

  it('explains both reasons, with a reload, when the browser hides the URL of a silent tab', async () => {
    const api = fakeApi({
      lookup: { kind: 'tab', tab: { id: 12 } },
      states: [new Error('Receiving end does not exist.')],
    });
    const { root } = await mountPopup(api);
    expect(view(root)).toBe('unreadable');
    expect(title(root)).toBe('QuoteLens cannot read this page');
    expect(root.textContent).toContain('reload it');
    await click(button(root, 'Reload the page'));
    expect(api.reloaded).toEqual([12]);
    expect(root.querySelector('#ql-switch-site')).toBeNull();
  });

  it('keeps asking a silent page for a moment: its content script may be starting', async () => {
    const api = fakeApi({
      lookup: { kind: 'tab', tab: { id: 13 } },
      states: [new Error('Receiving end does not exist.'), pageState()],
    });
    const { root } = await mountPopup(api, { pollMs: 10 });
    await until(() => expect(view(root)).toBe('list'));
  });

  it('says the tab is closed when ?tab=ID is gone, or when it closes later', async () => {
    const gone = await mountPopup(fakeApi({ lookup: { kind: 'closed' } }));
    expect(title(gone.root)).toBe('The tab is closed');

    const api = fakeApi();
    const { root } = await mountPopup(api);
    expect(view(root)).toBe('list');
    api.emitTab.closed();
    await until(() => expect(title(root)).toBe('The tab is closed'));
  });

  it('lists the notes whose text is gone under "not found on this page", as text', async () => {
    const orphan = buildNote({
      draft: {
        url: 'https://news.example.org/saltcombe/gauge',
        title: 'Saltcombe tide gauge',
        text: '<img src=x onerror=alert(1)> check this',
        selectors: {
          quote: {
            type: 'TextQuoteSelector',
            exact: 'a sentence that was edited away',
            prefix: '',
            suffix: '',
          },
        },
        speaker: 'Mara Quill',
      },
      source: 'https://news.example.org/saltcombe/gauge',
      now: new Date('2026-03-14T10:00:00Z'),
    });
    const { root } = await mountPopup(fakeApi({ notes: { count: 2, orphans: [orphan] } }));
    expect($(root, '.ql-notes-count').textContent).toBe('2 notes on this page (1 not found)');
    const section = $(root, '.ql-orphans');
    expect(section.textContent).toContain('Not found on this page (1)');
    expect(section.textContent).toContain('a sentence that was edited away');
    expect(section.textContent).toContain('<img src=x onerror=alert(1)> check this');
    expect(section.querySelector('img')).toBeNull();
  });

  it('says when there is no tab at all', async () => {
    const { root } = await mountPopup(fakeApi({ lookup: { kind: 'no-tab' } }));
    expect(title(root)).toBe('No page to read');
  });

  it('follows the tab to its next page', async () => {
    const api = fakeApi({
      states: [pageState(), pageState({ status: 'not-article', quotes: [] })],
    });
    const { root } = await mountPopup(api);
    expect(view(root)).toBe('list');
    api.emitTab.changed();
    await until(() => expect(view(root)).toBe('not-article'));
  });

  it('picks up statements that arrive later, while keeping the reader’s place', async () => {
    const api = fakeApi({ states: [pageState({ quotes: [] }), pageState()] });
    const { root } = await mountPopup(api, { slowPollMs: 20 });
    expect(view(root)).toBe('empty');
    await until(() => expect(view(root)).toBe('list'));
    await click(button(root, /^Tobias Renn/));
    const asked = api.sent.length;
    await until(() => expect(api.sent.length).toBeGreaterThan(asked + 2));
    expect($(root, '.ql-position').textContent).toBe('1 of 3');
  });

  it('follows a switch flipped elsewhere (keyboard command, another popup)', async () => {
    const api = fakeApi({ states: [pageState(), pageState({ status: 'disabled', quotes: [] })] });
    const { root } = await mountPopup(api);
    expect(view(root)).toBe('list');
    api.emitSettings({ enabled: true, disabledSites: ['news.example.org'] });
    await until(() => expect(view(root)).toBe('disabled'));
    expect($(root, '#ql-switch-site').getAttribute('aria-checked')).toBe('false');
  });

  it('switches QuoteLens off for the site and for all sites from the footer', async () => {
    const api = fakeApi();
    const { root } = await mountPopup(api);
    await click($(root, '#ql-switch-site'));
    expect(api.settings.disabledSites).toEqual(['news.example.org']);
    await click($(root, '#ql-switch-all'));
    expect(api.settings.enabled).toBe(false);
    expect($(root, '#ql-switch-all').getAttribute('aria-checked')).toBe('false');
    expect($(root, '#ql-switch-site-label').textContent).toContain('news.example.org');
  });

  it('shows the count of notes on the page with a link to the notes page', async () => {
    const api = fakeApi({ notes: 3 });
    const { root } = await mountPopup(api);
    expect($(root, '.ql-notes-count').textContent).toBe('3 notes on this page');
    await click($(root, '.ql-notes a'));
    expect(api.notesOpened).toBe(1);

    api.emitNotes(1);
    await until(() => expect($(root, '.ql-notes-count').textContent).toBe('1 note on this page'));

    const none = await mountPopup(fakeApi({ notes: null }));
    expect($(none.root, '.ql-notes-count').textContent).toBe('Your notes');
  });
});
