// The Dependencies view of a module version: the resolved tree (name, version, the range that chose it,
// verification state) for a resolvable module, and the explained conflict for one that cannot resolve.
import { buildRegistry, registryPath, removeRegistry, screenshot } from './support/registries.js';
import { test, expect } from './harness/fixture.js';

const registry = registryPath('deps');

test.use({ registry });

test.beforeAll(async () => {
  await buildRegistry(registry, [
    { name: 'unicode-tables', version: '2.1.0' },
    { name: 'unicode-tables', version: '3.0.0' },
    { name: 'text-normalizer', version: '1.0.0' },
    { name: 'text-normalizer', version: '1.4.2', dependencies: { 'unicode-tables': '^2.0.0' } },
    { name: 'technical-summarizer', version: '1.2.0', dependencies: { 'text-normalizer': '^1.2.0' } },
    // app needs a ^2 and b ^1; every a 2.x needs c ^3 while b 1.x needs c ^1: no c satisfies both.
    { name: 'c', version: '1.0.0' },
    { name: 'c', version: '3.0.0' },
    { name: 'a', version: '2.0.0', dependencies: { c: '^3.0.0' } },
    { name: 'b', version: '1.0.0', dependencies: { c: '^1.0.0' } },
    { name: 'app', version: '1.0.0', dependencies: { a: '^2.0.0', b: '^1.0.0' } },
  ]);
});

test.afterAll(() => removeRegistry(registry));

test('a resolvable module shows its resolved tree', async ({ page }) => {
  await page.getByRole('listbox', { name: 'Modules' }).getByRole('option', { name: /technical-summarizer/ }).click();
  await page.getByRole('tab', { name: /Dependencies/ }).click();
  await expect(page.getByRole('row', { name: /text-normalizer/ })).toContainText('^1.2.0');

  const tree = page.getByRole('tree', { name: 'Resolved dependencies' });
  await expect(tree).toBeVisible();
  await expect(page.getByText('Resolves to 2 modules, one version each.')).toBeVisible();
  const normalizer = tree.getByRole('treeitem').filter({ hasText: 'text-normalizer' });
  await expect(normalizer).toContainText('1.4.2');
  await expect(normalizer).toContainText('via ^1.2.0');
  await expect(normalizer.locator('[data-state="ok"]')).toHaveCount(1);
  const tables = tree.getByRole('treeitem').filter({ hasText: 'unicode-tables' });
  await expect(tables).toContainText('2.1.0');
  await expect(tables).toContainText('via ^2.0.0');
  await page.screenshot({ path: screenshot('08-dependencies-tree') });

  // Keyboard: collapse the dependency with ←, open a node with Enter.
  await tree.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowLeft');
  await expect(tree.getByRole('treeitem').filter({ hasText: 'unicode-tables' })).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'text-normalizer' })).toBeVisible();
  await expect(page.locator('.title-version')).toHaveText('1.4.2');
});

test('a conflicting module explains the conflict in plain words', async ({ page, harness }) => {
  await page.getByRole('listbox', { name: 'Modules' }).getByRole('option', { name: /^app/ }).click();
  await page.getByRole('tab', { name: /Dependencies/ }).click();
  const conflict = page.locator('.conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict).toHaveAttribute('data-reason', 'CONFLICT');
  await expect(conflict.getByRole('heading')).toHaveText('The dependencies conflict');
  await expect(conflict.locator('.explanation')).toContainText('a@2.0.0 depends on c ^3.0.0');
  await expect(conflict.locator('.explanation')).toContainText('b@1.0.0 depends on c ^1.0.0');
  await expect(conflict.locator('.explanation li').first()).toBeVisible();
  await page.screenshot({ path: screenshot('09-dependencies-conflict') });
  expect(harness.pageErrors).toEqual([]);
});
