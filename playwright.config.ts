// E2E: the renderer in Chromium through the bridge harness (test/e2e/harness), and the real Electron app
// where its binary exists (test/e2e/electron.spec.ts skips with a reason elsewhere). Which Chromium:
// test/e2e/support/find-chromium.ts (PROMPTPM_CHROMIUM, Playwright's own, or one on the PATH); when there
// is none, the chromium setup project fails saying what to install and the harness specs do not run.
import { defineConfig } from '@playwright/test';
import { chromiumForE2e } from './test/e2e/support/chromium-for-e2e.js';

const chromium = chromiumForE2e();

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  timeout: 30_000,
  use: { headless: true, trace: 'retain-on-failure' },
  projects: [
    { name: 'chromium', testMatch: /chromium\.setup\.ts$/ },
    {
      name: 'chromium-harness',
      dependencies: ['chromium'],
      testMatch: /\.spec\.ts$/,
      testIgnore: /(electron|app-bundle)\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromium.path ?? undefined,
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
