// The main path through the app on a registry built at test time: browse → search → open a module →
// run its tests → verify the registry, where one version was tampered after publish (steps in support/flows.ts).
import { browseSearchOpenTestVerify, buildFlowRegistry } from './support/flows.js';
import { registryPath, removeRegistry, screenshot } from './support/registries.js';
import { test, expect } from './harness/fixture.js';

const registry = registryPath('browse');

test.use({ registry });

test.beforeAll(() => buildFlowRegistry(registry));

test.afterAll(() => removeRegistry(registry));

test('browse, search, open, run tests, verify a registry with a tampered version', async ({ page, harness }) => {
  await browseSearchOpenTestVerify(page, registry, (name) => page.screenshot({ path: screenshot(name) }));

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('tab', { name: /Overview/ }).click();
  await page.screenshot({ path: screenshot('07-tampered-version-dark') });
  expect(harness.pageErrors).toEqual([]);
});
