/**
 * What to do when no browser is found. On Debian or Ubuntu as root the distribution's
 * own package is installed (never a download from anywhere else); everywhere else the
 * message names the command for that system.
 */

import type { NotFound } from './find';
import { ENV_VAR, type Family, MIN_FIREFOX_MAJOR, type Platform } from './places';

export interface Distro {
  /** ID and ID_LIKE from /etc/os-release, lower case. */
  ids: string[];
}

export function parseOsRelease(text: string): Distro {
  const ids: string[] = [];
  for (const line of text.split('\n')) {
    const m = line.match(/^(ID|ID_LIKE)=["']?([^"'\n]*)["']?/);
    if (m?.[2]) ids.push(...m[2].toLowerCase().split(/\s+/).filter(Boolean));
  }
  return { ids };
}

/** The apt package for a family on this distro, or null when apt does not apply. */
export function aptPackage(family: Family, distro: Distro | null): string | null {
  if (!distro) return null;
  const isUbuntu = distro.ids.includes('ubuntu');
  const isDebian = isUbuntu || distro.ids.includes('debian');
  if (!isDebian) return null;
  if (family === 'chromium') return isUbuntu ? 'chromium-browser' : 'chromium';
  return isUbuntu ? 'firefox' : 'firefox-esr';
}

/** The apt-get command to run as root, or null when this system should not self-install. */
export function autoInstall(
  family: Family,
  platform: Platform,
  distro: Distro | null,
  isRoot: boolean,
): string[] | null {
  if (platform !== 'linux' || !isRoot) return null;
  const pkg = aptPackage(family, distro);
  return pkg ? ['apt-get', 'install', '-y', '-qq', pkg] : null;
}

function installHint(family: Family, platform: Platform, distro: Distro | null): string {
  const chromium = family === 'chromium';
  if (platform === 'darwin') {
    return chromium
      ? 'Install Google Chrome (https://www.google.com/chrome/) or run: brew install --cask chromium'
      : 'Install Firefox (https://www.mozilla.org/firefox/) or run: brew install --cask firefox';
  }
  if (platform === 'win32') {
    return chromium
      ? 'Install Google Chrome or Microsoft Edge, e.g.: winget install Google.Chrome'
      : 'Install Firefox, e.g.: winget install Mozilla.Firefox';
  }
  const pkg = aptPackage(family, distro);
  if (pkg) return `Install it with: sudo apt-get install ${pkg}`;
  const ids = distro?.ids ?? [];
  const name = chromium ? 'chromium' : 'firefox';
  if (ids.some((i) => ['fedora', 'rhel', 'centos'].includes(i)))
    return `Install it with: sudo dnf install ${name}`;
  if (ids.includes('arch')) return `Install it with: sudo pacman -S ${name}`;
  if (ids.some((i) => i.includes('suse'))) return `Install it with: sudo zypper install ${name}`;
  return `Install ${chromium ? 'Chromium or Google Chrome' : 'Firefox'} with your system's package manager`;
}

/** The one message printed when no browser of a family can be used. */
export function notFoundMessage(r: NotFound, platform: Platform, distro: Distro | null): string {
  const chromium = r.family === 'chromium';
  const what = chromium
    ? 'No Chromium-family browser (Chromium, Chrome, Edge, Brave) was found'
    : `No Firefox ${MIN_FIREFOX_MAJOR} or newer was found`;
  const lines = [`${what}.`];
  if (r.badEnv) lines.push(`${r.badEnv} is not an executable browser.`);
  for (const old of r.tooOld) lines.push(`Too old for the Custom Highlight API: ${old}.`);
  lines.push(`${installHint(r.family, platform, distro)}`);
  lines.push(`or set ${ENV_VAR[r.family]} to the browser's executable.`);
  return lines.join('\n');
}
