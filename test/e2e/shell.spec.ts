// The window shell: first run on the empty default registry, opening registries through the dialog and
// the recent list, the About box, keyboard shortcuts, and the not-found state of a module link.
import { buildRegistry, registryPath, removeRegistry, screenshot } from './support/registries.js';
import { test, expect } from './harness/fixture.js';

const other = registryPath('shell');
const third = registryPath('shell-third');

test.beforeAll(async () => {
  await buildRegistry(other, [{ name: 'email-drafter', version: '0.1.0', description: 'Drafts polite emails', tags: ['writing'] }]);
  await buildRegistry(third, [{ name: 'code-reviewer', version: '2.0.0', description: 'Reviews a diff', tags: ['code'] }]);
});

test.afterAll(() => {
  removeRegistry(other);
  removeRegistry(third);
});

test('first run shows the empty default registry and says how to publish', async ({ page, harness }) => {
  await expect(page.getByTestId('registry-path')).toHaveText(new RegExp(`^${harness.userDataDir}`));
  await expect(page.getByRole('heading', { name: 'No modules yet' })).toBeVisible();
  await expect(page.locator('.command')).toContainText('promptpm publish path/to/module --registry');
  await page.screenshot({ path: screenshot('00-empty-registry') });

  await page.getByRole('button', { name: 'About PromptPM' }).click();
  await expect(page.getByRole('dialog')).toContainText('Version 0.0.0-harness');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(harness.pageErrors).toEqual([]);
});

test.describe('opening registries', () => {
  test.use({ dialogFolders: [null, other, third] });

  test('through the dialog (cancel, then a folder) and back through the recent list', async ({ page, harness }) => {
    const open = page.getByRole('button', { name: 'Open registry…' });
    await open.click();
    await expect.poll(() => harness.dialogRequests()).toBe(1);
    await expect(page.getByRole('heading', { name: 'No modules yet' })).toBeVisible();

    const modules = page.getByRole('listbox', { name: 'Modules' });
    await page.keyboard.press('Control+o');
    await expect(page.getByTestId('registry-path')).toHaveText(other);
    await expect(modules.getByRole('option', { name: /email-drafter/ })).toBeVisible();
    await open.click();
    await expect(page.getByTestId('registry-path')).toHaveText(third);
    await expect(modules.getByRole('option', { name: /code-reviewer/ })).toBeVisible();
    await page.screenshot({ path: screenshot('11-opened-registry') });

    // The recent list offers the earlier registry (not the open one); Enter on the focused item reopens it.
    await page.getByRole('button', { name: 'Recent ▾' }).click();
    await expect(page.getByRole('menuitem', { name: other })).toBeFocused();
    await expect(page.getByRole('menuitem', { name: third })).toHaveCount(0);
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('registry-path')).toHaveText(other);
    await expect(modules.getByRole('option', { name: /email-drafter/ })).toBeVisible();

    // The default registry of the first run stays on the recent list: the user can always get back to it.
    await page.getByRole('button', { name: 'Recent ▾' }).click();
    await expect(page.getByRole('menuitem')).toHaveText([third, new RegExp(`^${harness.userDataDir}.*default$`)]);
    await page.screenshot({ path: screenshot('12-recent-registries') });
    await page.getByRole('menuitem', { name: new RegExp(`^${harness.userDataDir}`) }).click();
    await expect(page.getByTestId('registry-path')).toHaveText(new RegExp(`^${harness.userDataDir}`));
    await expect(page.locator('.registry-path .pill')).toHaveText('default');
    await expect(page.getByRole('heading', { name: 'No modules yet' })).toBeVisible();
    expect(harness.pageErrors).toEqual([]);
  });
});

test.describe('links', () => {
  test.use({ registry: other });

  test('a module that is not in the registry says so, and / focuses search', async ({ page, harness }) => {
    await page.goto(`${harness.appUrl}#/module/not-there//overview`);
    await expect(page.getByRole('heading', { name: 'No module named “not-there”' })).toBeVisible();
    await page.getByRole('button', { name: 'Back to the registry' }).click();
    await expect(page.getByRole('heading', { name: 'Registry', level: 1 })).toBeVisible();
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search modules' })).toBeFocused();
  });
});
