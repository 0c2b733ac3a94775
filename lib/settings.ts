/**
 * The reader's on/off switches: QuoteLens for all sites, and per site.
 * Persisted in the extension's storage.local under one typed, versioned key;
 * every context (content script, popup, background) reads and watches it here.
 * Takes the storage API as an argument so lib/ stays free of WXT and testable;
 * never stores anything about the pages visited beyond the host names switched off.
 */

export interface Settings {
  /** Master switch: false = QuoteLens does nothing on any site. */
  enabled: boolean;
  /** Sites (see `siteOf`) the reader switched off, sorted, no duplicates. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  enabled: true,
  disabledSites: [],
});

export const SETTINGS_KEY = 'quotelens.settings.v1';

/** The slice of `browser.storage` this module needs (the real one and WXT's fakeBrowser fit). */
export interface StorageLike {
  local: {
    get(keys: string | string[]): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  onChanged: {
    addListener(cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void): void;
    removeListener(
      cb: (changes: Record<string, { newValue?: unknown }>, area: string) => void,
    ): void;
  };
}

/**
 * The host a per-site switch applies to: lower-case host name without a leading `www.`,
 * so `https://www.example.org/a` and `http://example.org/b` share one switch.
 * Returns '' for URLs without a host (file:, about:, data:).
 */
export function siteOf(url: string): string {
  let host = '';
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return '';
  }
  return host.replace(/^www\./, '').replace(/\.$/, '');
}

/** Reads whatever is stored and keeps only what is well-formed (a bad value never throws). */
export function parseSettings(raw: unknown): Settings {
  if (typeof raw !== 'object' || raw === null) return { ...DEFAULT_SETTINGS, disabledSites: [] };
  const value = raw as { enabled?: unknown; disabledSites?: unknown };
  const enabled = typeof value.enabled === 'boolean' ? value.enabled : DEFAULT_SETTINGS.enabled;
  const sites = Array.isArray(value.disabledSites)
    ? value.disabledSites.filter((s): s is string => typeof s === 'string' && s.length > 0)
    : [];
  return { enabled, disabledSites: [...new Set(sites.map((s) => s.toLowerCase()))].sort() };
}

/** True when QuoteLens should run on `site` under `settings`. */
export function isActiveOn(settings: Settings, site: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(site);
}

export interface SettingsStore {
  get(): Promise<Settings>;
  /** Whether QuoteLens runs on `site` right now. */
  isActiveOn(site: string): Promise<boolean>;
  setEnabled(enabled: boolean): Promise<Settings>;
  setSiteEnabled(site: string, enabled: boolean): Promise<Settings>;
  /** Flips the per-site switch; returns the new settings. */
  toggleSite(site: string): Promise<Settings>;
  /** Calls `cb` with the new settings whenever any context changes them; returns an unsubscribe. */
  watch(cb: (settings: Settings) => void): () => void;
}

export function createSettingsStore(storage: StorageLike): SettingsStore {
  // Writes from this context are chained so two quick toggles cannot lose one another.
  let queue: Promise<unknown> = Promise.resolve();

  async function get(): Promise<Settings> {
    const stored = await storage.local.get(SETTINGS_KEY);
    return parseSettings(stored[SETTINGS_KEY]);
  }

  function update(change: (s: Settings) => Settings): Promise<Settings> {
    const next = queue.then(async () => {
      const updated = parseSettings(change(await get()));
      await storage.local.set({ [SETTINGS_KEY]: updated });
      return updated;
    });
    queue = next.catch(() => undefined);
    return next;
  }

  function setSite(s: Settings, site: string, enabled: boolean): Settings {
    const key = site.toLowerCase();
    const others = s.disabledSites.filter((x) => x !== key);
    return { ...s, disabledSites: enabled || !key ? others : [...others, key] };
  }

  return {
    get,
    isActiveOn: async (site) => isActiveOn(await get(), site),
    setEnabled: (enabled) => update((s) => ({ ...s, enabled })),
    setSiteEnabled: (site, enabled) => update((s) => setSite(s, site, enabled)),
    toggleSite: (site) =>
      update((s) => setSite(s, site, s.disabledSites.includes(site.toLowerCase()))),
    watch(cb) {
      const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
        if (area !== 'local' || !(SETTINGS_KEY in changes)) return;
        cb(parseSettings(changes[SETTINGS_KEY]?.newValue));
      };
      storage.onChanged.addListener(listener);
      return () => storage.onChanged.removeListener(listener);
    },
  };
}
