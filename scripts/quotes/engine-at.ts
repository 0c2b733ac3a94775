/**
 * The engine of a git commit, unpacked once per commit under the system's temp folder, for the
 * scripts that compare an engine with another (same-output.ts, speed-ab.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './corpus';

/** The folder holding `lib/` as it is at commit `ref` (any name git knows: main, a hash). */
export function engineDirAt(ref: string): string {
  const sha = execFileSync('git', ['-C', ROOT, 'rev-parse', '--verify', `${ref}^{commit}`], {
    encoding: 'utf8',
  }).trim();
  const dir = join(tmpdir(), `quotelens-engine-${sha.slice(0, 12)}`);
  if (!existsSync(join(dir, 'lib/quotes/index.ts'))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // (lib is over a megabyte, execFileSync's default output limit)
    const tar = execFileSync('git', ['-C', ROOT, 'archive', sha, 'lib'], {
      maxBuffer: 256 * 1024 * 1024,
    });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  }
  return dir;
}
