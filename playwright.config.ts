import { defineConfig } from '@playwright/test';

// One worker: each worker runs its own Chromium with the extension, and the machine has 2 cores.
export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: 'test-results',
  use: { trace: 'off' },
});
