import { defineConfig } from '@playwright/test';

// The Firefox suite (tests/firefox): Playwright only runs the tests; each spec file drives one
// Firefox through puppeteer-core over WebDriver BiDi (tests/firefox/harness.ts).
export default defineConfig({
  testDir: 'tests/firefox',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 60_000,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
});
