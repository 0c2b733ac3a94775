/** The real machine as `find.ts` sees it. */
import { execFileSync } from 'node:child_process';
import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import type { System } from './find';
import type { Distro } from './install';
import { parseOsRelease } from './install';
import type { Platform } from './places';

export function realPlatform(): Platform {
  const p = process.platform;
  return p === 'darwin' || p === 'win32' ? p : 'linux';
}

export function realSystem(): System {
  const platform = realPlatform();
  return {
    platform,
    env: process.env,
    home: homedir(),
    isExecutable(path) {
      try {
        if (!statSync(path).isFile()) return false;
        if (platform !== 'win32') accessSync(path, constants.X_OK);
        return true;
      } catch {
        return false;
      }
    },
    versionOf(path) {
      // Windows builds print nothing for --version; the version stays unknown there.
      if (platform === 'win32') return null;
      try {
        const out = execFileSync(path, ['--version'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
          timeout: 15_000,
        });
        // Debian's Chromium adds "built on Debian GNU/Linux 12 (bookworm)".
        const line = out.trim().split('\n').pop()?.trim() ?? '';
        return line.replace(/\s+built on .*$/, '') || null;
      } catch {
        return null;
      }
    },
  };
}

export function realDistro(): Distro | null {
  try {
    return parseOsRelease(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return null;
  }
}

export function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}
