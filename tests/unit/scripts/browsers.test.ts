import { describe, expect, it } from 'vitest';
import {
  candidates,
  describeFound,
  findBrowser,
  isFound,
  type System,
} from '../../../scripts/browsers/find';
import { autoInstall, notFoundMessage, parseOsRelease } from '../../../scripts/browsers/install';

/** A fake machine: the executables that exist, with their --version lines. */
function fakeSystem(
  platform: System['platform'],
  env: Record<string, string>,
  executables: Record<string, string | null>,
): System {
  return {
    platform,
    env,
    home: platform === 'darwin' ? '/Users/ann' : '/home/ann',
    isExecutable: (path) => path in executables,
    versionOf: (path) => executables[path] ?? null,
  };
}

const DEBIAN = parseOsRelease('PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n');
const UBUNTU = parseOsRelease('NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n');
const FEDORA = parseOsRelease('NAME="Fedora Linux"\nID=fedora\n');

describe('finding Chromium-family browsers', () => {
  it('takes CHROME_PATH first, even when others are on PATH', () => {
    const sys = fakeSystem(
      'linux',
      { CHROME_PATH: '/opt/my/chrome', PATH: '/usr/bin' },
      { '/opt/my/chrome': 'Google Chrome 150.0.1', '/usr/bin/chromium': 'Chromium 156.0' },
    );
    const r = findBrowser('chromium', sys);
    expect(r).toEqual({
      family: 'chromium',
      path: '/opt/my/chrome',
      version: 'Google Chrome 150.0.1',
      source: 'CHROME_PATH',
    });
  });

  it('falls back past a CHROME_PATH that points at nothing, and says so if all fail', () => {
    const sys = fakeSystem(
      'linux',
      { CHROME_PATH: '/nope', PATH: '/usr/bin' },
      {
        '/usr/bin/chromium': 'Chromium 156.0.8078.114',
      },
    );
    const r = findBrowser('chromium', sys);
    expect(isFound(r) && describeFound(r)).toBe(
      'Chromium 156.0.8078.114 (/usr/bin/chromium, found on PATH)',
    );
    const none = findBrowser('chromium', fakeSystem('linux', { CHROME_PATH: '/nope' }, {}));
    expect(none).toEqual({ family: 'chromium', tooOld: [], badEnv: 'CHROME_PATH=/nope' });
  });

  it('finds Ubuntu names on PATH in preference order', () => {
    const sys = fakeSystem(
      'linux',
      { PATH: '/usr/local/bin:/usr/bin' },
      {
        '/usr/bin/google-chrome-stable': 'Google Chrome 151.0',
        '/usr/bin/chromium-browser': 'Chromium 150.0',
      },
    );
    const r = findBrowser('chromium', sys);
    expect(isFound(r) && r.path).toBe('/usr/bin/chromium-browser');
  });

  it('finds standard Linux install paths off PATH', () => {
    const sys = fakeSystem(
      'linux',
      { PATH: '/usr/local/bin' },
      {
        '/opt/microsoft/msedge/msedge': 'Microsoft Edge 150.0',
      },
    );
    const r = findBrowser('chromium', sys);
    expect(isFound(r) && [r.path, r.source]).toEqual([
      '/opt/microsoft/msedge/msedge',
      'standard location',
    ]);
  });

  it('finds Chrome, Chromium, Edge or Brave in macOS Applications folders', () => {
    for (const app of ['Google Chrome', 'Chromium', 'Microsoft Edge', 'Brave Browser']) {
      const path = `/Applications/${app}.app/Contents/MacOS/${app}`;
      const r = findBrowser(
        'chromium',
        fakeSystem('darwin', { PATH: '/usr/bin' }, { [path]: null }),
      );
      expect(isFound(r) && r.path).toBe(path);
    }
    const userApp = '/Users/ann/Applications/Chromium.app/Contents/MacOS/Chromium';
    const r = findBrowser('chromium', fakeSystem('darwin', {}, { [userApp]: null }));
    expect(isFound(r) && r.path).toBe(userApp);
  });

  it('finds Edge and Chrome under the Windows Program Files roots', () => {
    const env = {
      Path: 'C:\\Windows\\system32',
      PROGRAMFILES: 'C:\\Program Files',
      'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
      LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local',
    };
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const r = findBrowser('chromium', fakeSystem('win32', env, { [edge]: null }));
    expect(isFound(r) && [r.path, r.version]).toEqual([edge, null]);
    const chrome = 'C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const r2 = findBrowser('chromium', fakeSystem('win32', env, { [chrome]: null, [edge]: null }));
    expect(isFound(r2) && r2.path).toBe(chrome);
    const onPath = findBrowser(
      'chromium',
      fakeSystem('win32', { Path: 'C:\\tools;C:\\bin\\' }, { 'C:\\bin\\msedge.exe': null }),
    );
    expect(isFound(onPath) && onPath.source).toBe('found on PATH');
  });

  it('lists PATH candidates before standard places', () => {
    const list = candidates('chromium', fakeSystem('linux', { PATH: '/a:/b' }, {}));
    expect(list.slice(0, 3).map((c) => c.path)).toEqual([
      '/a/chromium',
      '/b/chromium',
      '/a/chromium-browser',
    ]);
    expect(list.at(-1)?.source).toBe('standard location');
  });
});

describe('finding Firefox', () => {
  it('prefers firefox-esr and reads its version', () => {
    const sys = fakeSystem(
      'linux',
      { PATH: '/usr/bin' },
      {
        '/usr/bin/firefox-esr': 'Mozilla Firefox 153.8.0esr',
        '/usr/bin/firefox': 'Mozilla Firefox 155.0',
      },
    );
    const r = findBrowser('firefox', sys);
    expect(isFound(r) && describeFound(r)).toBe(
      'Mozilla Firefox 153.8.0esr (/usr/bin/firefox-esr, found on PATH)',
    );
  });

  it('skips a Firefox older than 140 and names it when nothing else fits', () => {
    const sys = fakeSystem(
      'linux',
      { PATH: '/usr/bin' },
      {
        '/usr/bin/firefox-esr': 'Mozilla Firefox 128.9.0esr',
        '/opt/firefox/firefox': 'Mozilla Firefox 146.0',
      },
    );
    const r = findBrowser('firefox', sys);
    expect(isFound(r) && r.path).toBe('/opt/firefox/firefox');
    const old = findBrowser(
      'firefox',
      fakeSystem(
        'linux',
        { PATH: '/usr/bin' },
        { '/usr/bin/firefox-esr': 'Mozilla Firefox 128.9.0esr' },
      ),
    );
    expect(isFound(old)).toBe(false);
    if (isFound(old)) return;
    expect(old.tooOld).toEqual(['/usr/bin/firefox-esr (Mozilla Firefox 128.9.0esr)']);
    expect(notFoundMessage(old, 'linux', DEBIAN)).toContain('Too old for the Custom Highlight API');
  });

  it('takes FIREFOX_PATH, and the macOS and Windows locations', () => {
    const own = findBrowser(
      'firefox',
      fakeSystem('linux', { FIREFOX_PATH: '/x/ff' }, { '/x/ff': 'Mozilla Firefox 150.0' }),
    );
    expect(isFound(own) && own.source).toBe('FIREFOX_PATH');
    const mac = '/Applications/Firefox.app/Contents/MacOS/firefox';
    expect(
      findBrowser('firefox', fakeSystem('darwin', {}, { [mac]: 'Mozilla Firefox 152.0' })),
    ).toMatchObject({ path: mac });
    const win = 'C:\\Program Files\\Mozilla Firefox\\firefox.exe';
    expect(
      findBrowser(
        'firefox',
        fakeSystem('win32', { PROGRAMFILES: 'C:\\Program Files' }, { [win]: null }),
      ),
    ).toMatchObject({ path: win, version: null });
  });
});

describe('when nothing is found', () => {
  it('installs the distribution package only on Debian or Ubuntu as root', () => {
    expect(autoInstall('chromium', 'linux', DEBIAN, true)).toEqual([
      'apt-get',
      'install',
      '-y',
      '-qq',
      'chromium',
    ]);
    expect(autoInstall('firefox', 'linux', DEBIAN, true)).toEqual([
      'apt-get',
      'install',
      '-y',
      '-qq',
      'firefox-esr',
    ]);
    expect(autoInstall('chromium', 'linux', UBUNTU, true)?.at(-1)).toBe('chromium-browser');
    expect(autoInstall('chromium', 'linux', DEBIAN, false)).toBeNull();
    expect(autoInstall('chromium', 'linux', FEDORA, true)).toBeNull();
    expect(autoInstall('chromium', 'darwin', null, true)).toBeNull();
  });

  it('names the command for each system', () => {
    const none = { family: 'chromium' as const, tooOld: [] };
    expect(notFoundMessage(none, 'linux', DEBIAN)).toContain('sudo apt-get install chromium');
    expect(notFoundMessage(none, 'linux', FEDORA)).toContain('sudo dnf install chromium');
    expect(notFoundMessage(none, 'darwin', null)).toContain('brew install --cask chromium');
    expect(notFoundMessage(none, 'win32', null)).toContain('winget install Google.Chrome');
    const ff = notFoundMessage({ family: 'firefox', tooOld: [] }, 'linux', DEBIAN);
    expect(ff).toContain('No Firefox 140 or newer');
    expect(ff).toContain('sudo apt-get install firefox-esr');
    expect(ff).toContain('FIREFOX_PATH');
  });
});
