import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { runCommand, TOGGLE_SITE } from '../../lib/commands';
import {
  createSettingsStore,
  isActiveOn,
  parseSettings,
  SETTINGS_KEY,
  type StorageLike,
  siteOf,
} from '../../lib/settings';

const storage = () => fakeBrowser.storage as unknown as StorageLike;

describe('siteOf', () => {
  it('shares one switch between www. and bare host, any scheme or path', () => {
    expect(siteOf('https://www.Example.org/a?b#c')).toBe('example.org');
    expect(siteOf('http://example.org/other')).toBe('example.org');
    expect(siteOf('https://news.example.org/x')).toBe('news.example.org');
  });
  it('gives no site for URLs without a host or garbage', () => {
    expect(siteOf('about:blank')).toBe('');
    expect(siteOf('not a url')).toBe('');
  });
});

describe('parseSettings', () => {
  it('falls back to defaults for missing or malformed values without throwing', () => {
    expect(parseSettings(undefined)).toEqual({ enabled: true, disabledSites: [] });
    expect(parseSettings('on')).toEqual({ enabled: true, disabledSites: [] });
    expect(parseSettings({ enabled: 'no', disabledSites: 'a.org' })).toEqual({
      enabled: true,
      disabledSites: [],
    });
  });
  it('keeps well-formed parts, drops bad entries, dedupes and sorts sites', () => {
    expect(
      parseSettings({ enabled: false, disabledSites: ['b.org', 3, 'A.org', 'b.org', ''] }),
    ).toEqual({ enabled: false, disabledSites: ['a.org', 'b.org'] });
  });
});

describe('settings store', () => {
  it('is on everywhere by default', async () => {
    const store = createSettingsStore(storage());
    expect(await store.get()).toEqual({ enabled: true, disabledSites: [] });
    expect(await store.isActiveOn('example.org')).toBe(true);
  });

  it('persists the per-site switch in storage.local under its key', async () => {
    const store = createSettingsStore(storage());
    await store.setSiteEnabled('example.org', false);
    const raw = await fakeBrowser.storage.local.get(SETTINGS_KEY);
    expect(raw[SETTINGS_KEY]).toEqual({ enabled: true, disabledSites: ['example.org'] });
    // A second store (another context) reads the same thing.
    const other = createSettingsStore(storage());
    expect(await other.isActiveOn('example.org')).toBe(false);
    expect(await other.isActiveOn('elsewhere.net')).toBe(true);
  });

  it('the all-sites switch wins over the per-site one', async () => {
    const store = createSettingsStore(storage());
    await store.setEnabled(false);
    expect(await store.isActiveOn('example.org')).toBe(false);
    await store.setEnabled(true);
    expect(await store.isActiveOn('example.org')).toBe(true);
    expect(isActiveOn({ enabled: false, disabledSites: [] }, 'x.org')).toBe(false);
  });

  it('toggleSite flips, and two quick toggles from one context both land', async () => {
    const store = createSettingsStore(storage());
    const [a, b] = await Promise.all([store.toggleSite('a.org'), store.toggleSite('b.org')]);
    expect(a.disabledSites).toEqual(['a.org']);
    expect(b.disabledSites).toEqual(['a.org', 'b.org']);
    const c = await store.toggleSite('a.org');
    expect(c.disabledSites).toEqual(['b.org']);
  });

  it('tells watchers about changes made by any context, and stops when unsubscribed', async () => {
    const store = createSettingsStore(storage());
    const seen = vi.fn();
    const stop = store.watch(seen);
    await createSettingsStore(storage()).setSiteEnabled('example.org', false);
    expect(seen).toHaveBeenLastCalledWith({ enabled: true, disabledSites: ['example.org'] });
    stop();
    await store.setEnabled(false);
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('ignores other keys and other storage areas', async () => {
    const store = createSettingsStore(storage());
    const seen = vi.fn();
    store.watch(seen);
    await fakeBrowser.storage.local.set({ unrelated: 1 });
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { enabled: false } });
    expect(seen).not.toHaveBeenCalled();
  });
});

describe('toggle-site command', () => {
  const deps = (over: Partial<Parameters<typeof runCommand>[2]> = {}) => ({
    settings: createSettingsStore(storage()),
    activeTab: async () => ({ id: 7 }),
    sendToTab: async () => ({ site: 'from-page.org' }),
    ...over,
  });

  it("toggles the tab's site from its URL when the browser shows it", async () => {
    const d = deps();
    const r = await runCommand(TOGGLE_SITE, { id: 1, url: 'https://www.news.org/a' }, d);
    expect(r?.site).toBe('news.org');
    expect(await d.settings.isActiveOn('news.org')).toBe(false);
    await runCommand(TOGGLE_SITE, { id: 1, url: 'https://news.org/b' }, d);
    expect(await d.settings.isActiveOn('news.org')).toBe(true);
  });

  it('asks the content script for the site when the URL is hidden, and finds the tab itself', async () => {
    const sendToTab = vi.fn(async () => ({ site: 'from-page.org' }));
    const d = deps({ sendToTab });
    const r = await runCommand(TOGGLE_SITE, undefined, d);
    expect(sendToTab).toHaveBeenCalledWith(7, { type: 'page:get-state' });
    expect(r?.site).toBe('from-page.org');
  });

  it('does nothing on pages without a content script, or for other commands', async () => {
    const d = deps({
      sendToTab: async () => {
        throw new Error('no receiver');
      },
    });
    expect(await runCommand(TOGGLE_SITE, { id: 3 }, d)).toBeNull();
    expect(await runCommand('note-selection', { id: 3, url: 'https://a.org' }, d)).toBeNull();
    expect((await d.settings.get()).disabledSites).toEqual([]);
  });
});
