/**
 * Where each browser family usually lives, per platform: names looked up on PATH first,
 * then standard install locations. Windows locations are relative to the Program Files
 * and LocalAppData roots, which come from the environment at lookup time.
 */
export type Family = 'chromium' | 'firefox';
export type Platform = 'linux' | 'darwin' | 'win32';

export interface Places {
  /** Executable names searched for on PATH, in order of preference. */
  names: string[];
  /** Absolute paths (linux, darwin) or paths under a Windows root (win32). */
  paths: string[];
}

const MAC_APPS = ['/Applications', '~/Applications'];

function macApps(bundles: Array<[app: string, binary: string]>): string[] {
  return MAC_APPS.flatMap((root) =>
    bundles.map(([app, binary]) => `${root}/${app}.app/Contents/MacOS/${binary}`),
  );
}

export const PLACES: Record<Family, Record<Platform, Places>> = {
  chromium: {
    linux: {
      names: [
        'chromium',
        'chromium-browser',
        'google-chrome',
        'google-chrome-stable',
        'microsoft-edge',
        'microsoft-edge-stable',
        'brave-browser',
      ],
      paths: [
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/snap/bin/chromium',
        '/usr/lib/chromium/chromium',
        '/opt/google/chrome/chrome',
        '/opt/microsoft/msedge/msedge',
        '/opt/brave.com/brave/brave',
      ],
    },
    darwin: {
      names: ['chromium', 'google-chrome'],
      paths: macApps([
        ['Google Chrome', 'Google Chrome'],
        ['Chromium', 'Chromium'],
        ['Microsoft Edge', 'Microsoft Edge'],
        ['Brave Browser', 'Brave Browser'],
      ]),
    },
    win32: {
      names: ['chrome.exe', 'msedge.exe', 'brave.exe'],
      paths: [
        'Google\\Chrome\\Application\\chrome.exe',
        'Chromium\\Application\\chrome.exe',
        'Microsoft\\Edge\\Application\\msedge.exe',
        'BraveSoftware\\Brave-Browser\\Application\\brave.exe',
      ],
    },
  },
  firefox: {
    linux: {
      names: ['firefox-esr', 'firefox'],
      paths: [
        '/usr/bin/firefox-esr',
        '/usr/bin/firefox',
        '/usr/lib/firefox-esr/firefox-esr',
        '/usr/lib/firefox/firefox',
        '/snap/bin/firefox',
        '/opt/firefox/firefox',
      ],
    },
    darwin: {
      names: ['firefox'],
      paths: macApps([
        ['Firefox', 'firefox'],
        ['Firefox Developer Edition', 'firefox'],
        ['Firefox Nightly', 'firefox'],
      ]),
    },
    win32: {
      names: ['firefox.exe'],
      paths: ['Mozilla Firefox\\firefox.exe', 'Firefox Developer Edition\\firefox.exe'],
    },
  },
};

/** The environment variable that names a browser outright. */
export const ENV_VAR: Record<Family, string> = {
  chromium: 'CHROME_PATH',
  firefox: 'FIREFOX_PATH',
};

/** Firefox paints the Custom Highlight API from 140 on. */
export const MIN_FIREFOX_MAJOR = 140;

/** Windows roots the relative install paths sit under, by environment variable. */
export const WINDOWS_ROOTS = ['PROGRAMFILES', 'PROGRAMFILES(X86)', 'LOCALAPPDATA'];
