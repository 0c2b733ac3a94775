import { describe, expect, it, vi } from 'vitest';
import type { Tabs } from 'webextension-polyfill';
import { fakeBrowser } from 'wxt/testing';
import { createBrowserApi, tabParam } from '../../../entrypoints/popup/browser-api';

describe('the popup’s target tab', () => {
  it('reads ?tab=ID, and rejects anything that is not an id', () => {
    expect(tabParam('?tab=42')).toBe(42);
    expect(tabParam('')).toBeNull();
    expect(tabParam('?tab=abc')).toBeNaN();
    expect(tabParam('?tab=-1')).toBeNaN();
  });

  it('targets the given tab, says "closed" when it is gone and "no tab" for a bad id', async () => {
    const get = vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation(async (id: number) => {
      if (id === 42) return { id: 42, url: 'https://news.example.org/a' } as Tabs.Tab;
      throw new Error(`No tab with id: ${id}.`);
    });
    expect(await createBrowserApi('?tab=42').findTab()).toEqual({
      kind: 'tab',
      tab: { id: 42, url: 'https://news.example.org/a', title: undefined },
    });
    expect(await createBrowserApi('?tab=43').findTab()).toEqual({ kind: 'closed' });
    expect(await createBrowserApi('?tab=nope').findTab()).toEqual({ kind: 'no-tab' });
    get.mockRestore();
  });

  it('otherwise targets the active tab of the current window', async () => {
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ id: 7 } as Tabs.Tab]);
    expect(await createBrowserApi('').findTab()).toMatchObject({ kind: 'tab', tab: { id: 7 } });
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    query.mockResolvedValue([]);
    expect(await createBrowserApi('').findTab()).toEqual({ kind: 'no-tab' });
    query.mockRestore();
  });

  it('keeps the switches in the shared settings store', async () => {
    const api = createBrowserApi('');
    await api.setSiteEnabled('news.example.org', false);
    expect((await api.getSettings()).disabledSites).toEqual(['news.example.org']);
    await api.setAllEnabled(false);
    expect((await api.getSettings()).enabled).toBe(false);
  });
});
