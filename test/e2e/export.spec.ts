// Export… on a published version writes it to a folder the user picks, as a module folder that validates;
// dragging it out hands its folder to the system's drag (in the app, webContents.startDrag; here recorded).
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadModule } from '../../src/core/module/index.js';
import { buildRegistry, registryPath, removeRegistry } from './support/registries.js';
import { test, expect } from './harness/fixture.js';

const registry = registryPath('export');
const target = join(registry, '..', 'exports');

test.use({ registry, dialogFolders: [target] });

test.beforeAll(async () => {
  await buildRegistry(registry, [{ name: 'summarizer', version: '1.2.0' }]);
  mkdirSync(target, { recursive: true });
});
test.afterAll(() => removeRegistry(registry));

test('a published version exported from the module view validates, with the published files', async ({ page }) => {
  await page.getByRole('listbox', { name: 'Modules' }).getByRole('option', { name: /summarizer/ }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('button', { name: 'Exported ✓' })).toBeVisible();
  const folder = join(target, 'summarizer-1.2.0');
  expect(existsSync(join(folder, '.promptpm_immutable.json'))).toBe(false);
  expect(readFileSync(join(folder, 'template.prompt'), 'utf8')).toBe(readFileSync(join(registry, 'modules', 'summarizer', '1.2.0', 'template.prompt'), 'utf8'));
  const loaded = await loadModule(folder);
  expect(loaded.errors).toEqual([]);
});

test('dragging a version out of the window hands its folder to the system drag', async ({ page, harness }) => {
  await page.getByRole('listbox', { name: 'Modules' }).getByRole('option', { name: /summarizer/ }).click();
  await page.getByRole('button', { name: 'Drag summarizer@1.2.0 out of the window' }).dispatchEvent('dragstart');
  await expect.poll(() => harness.dragged()).toEqual([join(registry, 'modules', 'summarizer', '1.2.0')]);
});
