import { defineConfig } from '@playwright/test';

// End-to-end tests drive real Chromium with the built extension (.output/chrome-mv3); see tests/e2e/extension.ts.
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  // One persistent browser context per worker; two cores on CI machines.
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  reporter: process.env.CI ? 'line' : 'list',
  use: { trace: 'retain-on-failure' },
});
