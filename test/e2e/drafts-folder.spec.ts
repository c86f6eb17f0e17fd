// A folder of work-in-progress modules kept outside the app joins the drafts list ("Add a drafts folder…").
import { join } from 'node:path';
import { scaffoldModule } from '../../src/core/module/index.js';
import { buildRegistry, registryPath, removeRegistry } from './support/registries.js';
import { test, expect } from './harness/fixture.js';
import { mkdirSync } from 'node:fs';

const registry = registryPath('drafts-folder');
const area = join(registry, '..', 'my-prompts');

test.use({ registry, dialogFolders: [area] });

test.beforeAll(async () => {
  await buildRegistry(registry, [{ name: 'summarizer', version: '1.2.0' }]);
  mkdirSync(join(area, 'release-notes-0.3.0'), { recursive: true });
  await scaffoldModule(join(area, 'release-notes-0.3.0'), { name: 'release-notes', version: '0.3.0' });
});
test.afterAll(() => removeRegistry(registry));

test('a drafts folder chosen in the dialog lists its modules as drafts', async ({ page }) => {
  await page.getByRole('button', { name: 'Drafts' }).click();
  await page.getByRole('button', { name: 'Add a drafts folder…' }).click();
  await expect(page.getByText('release-notes', { exact: false }).first()).toBeVisible();
  await expect(page.locator('.drafts-page')).toContainText('0.3.0');
});
