// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { PopupArchiveApi } from '../../../components/popup/api';
import { type ArchiveSettings, DEFAULT_ARCHIVE_SETTINGS } from '../../../lib/archive/settings';
import { fakeApi, pageState } from './popup-fixture';
import { $, $$, button, mountPopup, unmountAll, until } from './popup-harness';

function fakeArchive(start: Partial<ArchiveSettings> = {}) {
  let settings: ArchiveSettings = { ...DEFAULT_ARCHIVE_SETTINGS, ...start };
  const opened: string[] = [];
  const api: PopupArchiveApi = {
    settings: async () => settings,
    set: async (patch) => {
      settings = { ...settings, ...patch };
      return settings;
    },
    lookup: async (_url, speakers) =>
      speakers.map((s, i) =>
        i === 0 ? { personId: 'p-1', name: s.name, otherArticles: 7 } : null,
      ),
    openSpeaker: (id) => void opened.push(id),
  };
  return { api, opened, current: () => settings };
}

afterEach(unmountAll);

describe('popup: the reader’s archive', () => {
  it('offers once; yes turns it on and the offer goes', async () => {
    const archive = fakeArchive();
    const api = { ...fakeApi({ states: [pageState()] }), archive: archive.api };
    const m = await mountPopup(api);
    await until(() =>
      expect(m.root.textContent).toContain('Remember who said what in the articles you read?'),
    );
    expect($(m.root, '#ql-switch-archive').getAttribute('aria-checked')).toBe('false');
    button(m.root, 'Yes, remember').click();
    await until(() => expect(m.root.querySelector('.ql-archive-offer')).toBeNull());
    expect(archive.current()).toMatchObject({ enabled: true, asked: true });
    expect($(m.root, '#ql-switch-archive').getAttribute('aria-checked')).toBe('true');
  });

  it('no offer once asked; speaker rows say where the reader met them before', async () => {
    const archive = fakeArchive({ asked: true, enabled: true });
    const api = { ...fakeApi({ states: [pageState()] }), archive: archive.api };
    const m = await mountPopup(api);
    await until(() => expect($$(m.root, '.ql-seen')).toHaveLength(1));
    expect(m.root.querySelector('.ql-archive-offer')).toBeNull();
    const link = $(m.root, '.ql-seen');
    expect(link.textContent).toBe('also in 7 articles you read');
    link.click();
    expect(archive.opened).toEqual(['p-1']);
  });
});
