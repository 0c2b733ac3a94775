/**
 * The archive's switches, in storage.local under one key: opt-in (off until the reader says
 * yes), whether the popup has asked yet, and the sites never recorded. Storage is injected.
 */
import type { StorageLike } from '../settings';

export interface ArchiveSettings {
  /** Off by default: nothing is kept before the reader says yes. */
  enabled: boolean;
  /** The popup asked once ("Remember who said what…?"), whatever the answer. */
  asked: boolean;
  /** Sites (lib/settings siteOf) never recorded, sorted. */
  excludedSites: string[];
}

export const ARCHIVE_SETTINGS_KEY = 'quotelens.archive.v1';

export const DEFAULT_ARCHIVE_SETTINGS: Readonly<ArchiveSettings> = Object.freeze({
  enabled: false,
  asked: false,
  excludedSites: [],
});

export function parseArchiveSettings(raw: unknown): ArchiveSettings {
  const v = (typeof raw === 'object' && raw !== null ? raw : {}) as Partial<
    Record<keyof ArchiveSettings, unknown>
  >;
  const sites = Array.isArray(v.excludedSites)
    ? v.excludedSites.filter((s): s is string => typeof s === 'string' && s.length > 0)
    : [];
  return {
    enabled: v.enabled === true,
    asked: v.asked === true,
    excludedSites: [...new Set(sites.map((s) => s.toLowerCase()))].sort(),
  };
}

export async function readArchiveSettings(
  storage: Pick<StorageLike, 'local'>,
): Promise<ArchiveSettings> {
  const got = await storage.local.get(ARCHIVE_SETTINGS_KEY);
  return parseArchiveSettings(got[ARCHIVE_SETTINGS_KEY]);
}

export async function writeArchiveSettings(
  storage: Pick<StorageLike, 'local'>,
  patch: Partial<ArchiveSettings>,
): Promise<ArchiveSettings> {
  const next = parseArchiveSettings({ ...(await readArchiveSettings(storage)), ...patch });
  await storage.local.set({ [ARCHIVE_SETTINGS_KEY]: next });
  return next;
}

/** Whether an article on `site` may be recorded now. */
export function mayRecord(settings: ArchiveSettings, site: string): boolean {
  return settings.enabled && site !== '' && !settings.excludedSites.includes(site);
}
