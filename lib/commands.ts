/**
 * Keyboard commands handled in the background. `toggle-site` flips the per-site switch for
 * the active tab's site; the content script there follows the switch live (lib/settings.ts).
 * The tab's site comes from its URL when the browser shows it, else from the tab's content
 * script (`page:get-state`), so no "tabs" permission is needed. Browser calls are injected.
 */
import type { PageState } from './messages';
import { type Settings, type SettingsStore, siteOf } from './settings';

export const TOGGLE_SITE = 'toggle-site';

export interface TabRef {
  id?: number;
  url?: string;
}

export interface CommandDeps {
  settings: SettingsStore;
  /** The active tab of the current window (used when the command event brings none). */
  activeTab(): Promise<TabRef | undefined>;
  /** Sends a message to a tab's content script; rejects when none answers. */
  sendToTab(tabId: number, message: { type: 'page:get-state' }): Promise<unknown>;
}

export interface ToggleResult {
  site: string;
  settings: Settings;
}

/** The site of a tab: from its URL, else from its content script; '' when unknown. */
export async function siteOfTab(tab: TabRef | undefined, deps: CommandDeps): Promise<string> {
  if (!tab) return '';
  if (tab.url) {
    const site = siteOf(tab.url);
    if (site) return site;
  }
  if (tab.id === undefined) return '';
  try {
    const state = (await deps.sendToTab(tab.id, { type: 'page:get-state' })) as PageState | null;
    return typeof state?.site === 'string' ? state.site : '';
  } catch {
    return ''; // no content script there (browser pages): nothing to toggle
  }
}

/**
 * Runs a command. Returns what `toggle-site` changed, or null when the command is not ours
 * or the tab has no site QuoteLens runs on.
 */
export async function runCommand(
  command: string,
  tab: TabRef | undefined,
  deps: CommandDeps,
): Promise<ToggleResult | null> {
  if (command !== TOGGLE_SITE) return null;
  const target = tab?.id !== undefined || tab?.url ? tab : await deps.activeTab();
  const site = await siteOfTab(target, deps);
  if (!site) return null;
  const settings = await deps.settings.toggleSite(site);
  return { site, settings };
}
