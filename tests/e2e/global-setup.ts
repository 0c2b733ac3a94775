/**
 * Finds (or, on Debian/Ubuntu as root, installs) the browser once before any worker starts,
 * and hands its path to the workers through CHROME_PATH so they do not look again.
 */
import { describeFound, requireBrowser } from '../../scripts/browsers';

export default function globalSetup(): void {
  const found = requireBrowser('chromium');
  process.env.CHROME_PATH = found.path;
  console.log(`Browser: ${describeFound(found)}`);
}
