// Runs before the chromium-harness project (its dependency in playwright.config.ts): says which Chromium
// the harness specs use, or fails with what to install, instead of each spec failing to launch a browser.
import { test } from '@playwright/test';
import { chromiumForE2e } from './chromium-for-e2e.js';

test('a Chromium is installed for the harness specs', () => {
  const found = chromiumForE2e();
  if (found.path === null) throw new Error(found.problem);
  console.log(`Chromium for the harness specs: ${found.path} (from ${found.source})`);
});
