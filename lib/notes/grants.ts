/**
 * What the background remembers about the tabs that show notes, out of every page's reach:
 * - panel grants: the note frame a tab's content script opened on one spot of its article,
 *   under an unguessable token (the frame proves nothing else; the grant says which tab and
 *   which article its notes belong to);
 * - watchers: which tab shows which article, so a change is told to those tabs only (no page
 *   ever learns which other articles carry notes).
 * Kept in memory and mirrored to a trusted key-value area (storage.session, which content
 * scripts cannot read), so a restarted service worker still knows them. No browser APIs here.
 */
import type { PanelSpot } from '../messages';

export interface PanelGrant {
  tabId: number;
  /** The frame of the tab whose content script opened it (where its events go back). */
  frameId: number;
  /** The page's address, from the sender (never from the request). */
  url: string;
  canonical: string | null;
  title: string;
  /** lib/notes/url.ts articleKeys of url + canonical: the only notes this grant reaches. */
  articleKeys: string[];
  spot: PanelSpot;
  at: number;
}

export interface Watch {
  tabId: number;
  frameId: number;
  articleKeys: string[];
}

/** storage.session, or a Map in tests. */
export interface KeyValue {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Open panels per tab: older ones are forgotten (a tab shows one panel at a time). */
export const MAX_GRANTS_PER_TAB = 8;
const GRANT_PREFIX = 'grant:';
const WATCH_KEY = 'watchers';

export interface Grants {
  issue(grant: Omit<PanelGrant, 'at'>): Promise<string>;
  get(token: string): Promise<PanelGrant | null>;
  update(token: string, grant: PanelGrant): Promise<void>;
  revoke(token: string): Promise<void>;
  watch(w: Watch): Promise<void>;
  unwatchTab(tabId: number): Promise<void>;
  /** Watchers of any of `keys`, each with the keys it shares. */
  watchersOf(keys: readonly string[]): Promise<Watch[]>;
}

function randomToken(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function createGrants(kv: KeyValue | null, now = () => Date.now()): Grants {
  const grants = new Map<string, PanelGrant>();
  let watches: Map<string, Watch> | null = null;

  async function loadWatches(): Promise<Map<string, Watch>> {
    if (watches) return watches;
    const stored = (await kv?.get(WATCH_KEY).catch(() => null)) as Watch[] | null | undefined;
    watches = new Map((Array.isArray(stored) ? stored : []).map((w) => [watchKey(w), w]));
    return watches;
  }
  const watchKey = (w: { tabId: number; frameId: number }) => `${w.tabId}/${w.frameId}`;
  const saveWatches = async () => {
    await kv?.set(WATCH_KEY, [...(await loadWatches()).values()]).catch(() => undefined);
  };

  return {
    async issue(g) {
      const token = randomToken();
      const grant: PanelGrant = { ...g, at: now() };
      const same = [...grants.entries()].filter(([, x]) => x.tabId === g.tabId);
      for (const [old] of same.slice(0, Math.max(0, same.length - MAX_GRANTS_PER_TAB + 1))) {
        grants.delete(old);
        await kv?.remove(GRANT_PREFIX + old).catch(() => undefined);
      }
      grants.set(token, grant);
      await kv?.set(GRANT_PREFIX + token, grant).catch(() => undefined);
      return token;
    },
    async get(token) {
      const known = grants.get(token);
      if (known) return known;
      const stored = (await kv?.get(GRANT_PREFIX + token).catch(() => null)) as PanelGrant | null;
      if (stored && typeof stored === 'object' && typeof stored.tabId === 'number') {
        grants.set(token, stored);
        return stored;
      }
      return null;
    },
    async update(token, grant) {
      grants.set(token, grant);
      await kv?.set(GRANT_PREFIX + token, grant).catch(() => undefined);
    },
    async revoke(token) {
      grants.delete(token);
      await kv?.remove(GRANT_PREFIX + token).catch(() => undefined);
    },
    async watch(w) {
      (await loadWatches()).set(watchKey(w), w);
      await saveWatches();
    },
    async unwatchTab(tabId) {
      const all = await loadWatches();
      for (const [k, w] of all) if (w.tabId === tabId) all.delete(k);
      for (const [t, g] of grants) if (g.tabId === tabId) grants.delete(t);
      await saveWatches();
    },
    async watchersOf(keys) {
      const out: Watch[] = [];
      for (const w of (await loadWatches()).values()) {
        const shared = w.articleKeys.filter((k) => keys.includes(k));
        if (shared.length) out.push({ ...w, articleKeys: shared });
      }
      return out;
    },
  };
}
