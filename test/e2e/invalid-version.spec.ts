// A published version whose manifest does not validate (published by a tool with other rules: intact, but
// invalid) is marked in the module view, and resolving through it shows the error instead of taking it as a
// module without dependencies.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { republishManifest, requiredAsText } from '../support/invalid-version.js';
import { buildRegistry, registryPath, removeRegistry, screenshot } from './support/registries.js';
import { test, expect } from './harness/fixture.js';

const registry = registryPath('invalid');

test.use({ registry });

test.beforeAll(async () => {
  await buildRegistry(registry, [
    { name: 'unicode-tables', version: '2.1.0' },
    { name: 'loose', version: '1.0.0', dependencies: { 'unicode-tables': '^2.0.0' } },
    { name: 'consumer', version: '1.0.0', dependencies: { loose: '^1.0.0' } },
  ]);
  republishManifest(join(registry, 'modules', 'loose', '1.0.0'), requiredAsText);
  // As the other tool leaves a registry: no index of ours that saw the version before.
  rmSync(join(registry, '.promptpm'), { recursive: true, force: true });
});

test.afterAll(() => removeRegistry(registry));

test('the version is marked as not validating, with its first error located', async ({ page, harness }) => {
  await page.getByRole('listbox', { name: 'Modules' }).getByRole('option', { name: /^loose/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'loose' })).toBeVisible();
  await expect(page.locator('[data-state="invalid"]')).toHaveText(/Does not validate/);
  const panel = page.getByRole('alert');
  await expect(panel.getByRole('heading')).toHaveText('This version does not validate');
  await expect(panel).toContainText('Published version does not validate: loose@1.0.0');
  await expect(panel).toContainText(/promptpm\.yaml:\d+:\d+/);
  await expect(panel.locator('.invalid-first-error')).toContainText('required');
  await page.screenshot({ path: screenshot('15-invalid-version') });
  expect(harness.pageErrors).toEqual([]);
});

test('resolving through it shows the error naming the version and its first error', async ({ page, harness }) => {
  await page.getByRole('listbox', { name: 'Modules' }).getByRole('option', { name: /^consumer/ }).click();
  await page.getByRole('tab', { name: /Dependencies/ }).click();
  const conflict = page.locator('.conflict');
  await expect(conflict).toHaveAttribute('data-reason', 'INVALID_MODULE');
  await expect(conflict.getByRole('heading')).toHaveText('A dependency does not validate');
  await expect(conflict.locator('.error-message')).toContainText(/^loose@1\.0\.0 does not validate: .*required.*\(.*promptpm\.yaml:\d+:\d+\)$/);
  await expect(page.getByRole('tree', { name: 'Resolved dependencies' })).toHaveCount(0);
  await page.screenshot({ path: screenshot('16-dependency-invalid') });
  expect(harness.pageErrors).toEqual([]);
});
