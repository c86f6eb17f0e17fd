// E2E: the renderer in Debian's Chromium through the bridge harness (test/e2e/harness), and the real
// Electron app where its binary exists (test/e2e/electron.spec.ts skips with a reason elsewhere).
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  timeout: 30_000,
  use: { headless: true, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium-harness',
      testIgnore: /(electron|app-bundle)\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: process.env.PROMPTPM_CHROMIUM ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts$/ },
    // Plain Node, no browser: what of the app's bundle runs without Electron.
    { name: 'app-bundle', testMatch: /app-bundle\.spec\.ts$/ },
  ],
});
