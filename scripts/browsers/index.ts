/**
 * The one place scripts and tests get their browsers from. `requireBrowser` finds one
 * (see places.ts for where it looks), installs the distribution's package on Debian or
 * Ubuntu when running as root and nothing is found (saying so in one line), and
 * otherwise throws a `BrowserNotFound` whose message names the command to run.
 */
import { execFileSync } from 'node:child_process';
import { describeFound, type Found, findBrowser, isFound } from './find';
import { autoInstall, notFoundMessage } from './install';
import type { Family } from './places';
import { isRoot, realDistro, realSystem } from './system';

export { describeFound, type Found } from './find';
export type { Family } from './places';

export class BrowserNotFound extends Error {
  override name = 'BrowserNotFound';
}

const cache = new Map<Family, Found>();

export interface RequireOptions {
  /** Install the distribution's package when allowed (Debian/Ubuntu as root). Default true. */
  install?: boolean;
  log?: (line: string) => void;
}

export function requireBrowser(family: Family, options: RequireOptions = {}): Found {
  const cached = cache.get(family);
  if (cached) return cached;
  const log = options.log ?? ((line: string) => console.log(line));
  const sys = realSystem();
  let result = findBrowser(family, sys);
  if (!isFound(result) && options.install !== false) {
    const command = autoInstall(family, sys.platform, realDistro(), isRoot());
    if (command) {
      log(
        `No ${family === 'chromium' ? 'Chromium' : 'Firefox'} found; installing: ${command.join(' ')}`,
      );
      try {
        execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
        execFileSync(command[0] as string, command.slice(1), {
          stdio: ['ignore', 'ignore', 'inherit'],
          env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        });
      } catch (error) {
        throw new BrowserNotFound(
          `Installing with "${command.join(' ')}" failed: ${(error as Error).message.split('\n')[0]}`,
        );
      }
      result = findBrowser(family, sys);
    }
  }
  if (!isFound(result)) {
    throw new BrowserNotFound(notFoundMessage(result, sys.platform, realDistro()));
  }
  cache.set(family, result);
  return result;
}

/** The Chromium-family executable for Playwright's `executablePath`. */
export function chromiumPath(): string {
  return requireBrowser('chromium').path;
}

/** The Firefox (≥ 140) executable for puppeteer's `executablePath`. */
export function firefoxPath(): string {
  return requireBrowser('firefox').path;
}

export function describeBrowser(family: Family): string {
  return describeFound(requireBrowser(family));
}
