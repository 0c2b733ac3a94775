/**
 * Finds a browser of one family on a system described by `System` (the real one in
 * system.ts, fake ones in the unit tests): the environment variable first, then names
 * on PATH, then standard install locations. Firefox older than 140 is skipped (no
 * Custom Highlight API), but remembered so the failure message can name it.
 */
import {
  ENV_VAR,
  type Family,
  MIN_FIREFOX_MAJOR,
  PLACES,
  type Platform,
  WINDOWS_ROOTS,
} from './places';

export interface System {
  platform: Platform;
  env: Record<string, string | undefined>;
  home: string;
  isExecutable(path: string): boolean;
  /** The browser's `--version` line, or null when it cannot be asked (or is not there). */
  versionOf(path: string): string | null;
}

export type Source = 'CHROME_PATH' | 'FIREFOX_PATH' | 'found on PATH' | 'standard location';

export interface Found {
  family: Family;
  path: string;
  /** e.g. "Chromium 156.0.8078.114", "Mozilla Firefox 153.8.0esr"; null if unknown. */
  version: string | null;
  source: Source;
}

export interface NotFound {
  family: Family;
  /** Browsers that were there but too old, as "path (version)". */
  tooOld: string[];
  /** An environment variable pointing at nothing usable, if set. */
  badEnv?: string;
}

export function majorVersion(version: string | null): number | null {
  const m = version?.match(/(\d+)\.\d+/);
  return m ? Number(m[1]) : null;
}

function pathSep(platform: Platform): { list: string; dir: string } {
  return platform === 'win32' ? { list: ';', dir: '\\' } : { list: ':', dir: '/' };
}

function envValue(env: System['env'], name: string): string | undefined {
  // Windows environment names are case-insensitive (Path, PATH).
  const key = Object.keys(env).find((k) => k.toUpperCase() === name.toUpperCase());
  return key === undefined ? undefined : env[key];
}

/** Every place looked at, in order, with where each came from. */
export function candidates(family: Family, sys: System): Array<{ path: string; source: Source }> {
  const places = PLACES[family][sys.platform];
  const sep = pathSep(sys.platform);
  const out: Array<{ path: string; source: Source }> = [];
  const dirs = (envValue(sys.env, 'PATH') ?? '').split(sep.list).filter(Boolean);
  for (const name of places.names) {
    for (const dir of dirs) {
      out.push({ path: `${dir.replace(/[\\/]+$/, '')}${sep.dir}${name}`, source: 'found on PATH' });
    }
  }
  for (const place of places.paths) {
    if (sys.platform === 'win32') {
      for (const root of WINDOWS_ROOTS) {
        const base = envValue(sys.env, root);
        if (base) out.push({ path: `${base}\\${place}`, source: 'standard location' });
      }
    } else {
      out.push({ path: place.replace(/^~/, sys.home), source: 'standard location' });
    }
  }
  return out;
}

export function findBrowser(family: Family, sys: System): Found | NotFound {
  const tooOld: string[] = [];
  const accept = (path: string, source: Source): Found | null => {
    if (!sys.isExecutable(path)) return null;
    const version = sys.versionOf(path);
    const major = majorVersion(version);
    if (family === 'firefox' && major !== null && major < MIN_FIREFOX_MAJOR) {
      tooOld.push(`${path} (${version})`);
      return null;
    }
    return { family, path, version, source };
  };

  const envName = ENV_VAR[family];
  const fromEnv = envValue(sys.env, envName);
  let badEnv: string | undefined;
  if (fromEnv) {
    const found = accept(fromEnv, envName as Source);
    if (found) return found;
    if (!tooOld.some((t) => t.startsWith(fromEnv))) badEnv = `${envName}=${fromEnv}`;
  }
  const seen = new Set<string>();
  for (const { path, source } of candidates(family, sys)) {
    if (seen.has(path)) continue;
    seen.add(path);
    const found = accept(path, source);
    if (found) return found;
  }
  return { family, tooOld, ...(badEnv ? { badEnv } : {}) };
}

export function isFound(r: Found | NotFound): r is Found {
  return 'path' in r;
}

/** One line for logs: "Chromium 156.0.8078.114 (/usr/bin/chromium, found on PATH)". */
export function describeFound(found: Found): string {
  const name = found.version ?? (found.family === 'firefox' ? 'Firefox' : 'Chromium');
  return `${name} (${found.path}, ${found.source})`;
}
