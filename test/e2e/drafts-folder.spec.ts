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

test('a drafts folder chosen in the dialog lists its modules as drafts; a draft runs its tests beside the editor', async ({ page }) => {
  await page.getByRole('button', { name: 'Drafts' }).click();
  await page.getByRole('button', { name: 'Add a drafts folder…' }).click();
  const row = page.getByRole('listitem', { name: 'release-notes@0.3.0' });
  await expect(row).toBeVisible();
  await row.getByRole('button').click();
  const tests = page.getByRole('region', { name: 'Tests' });
  await tests.getByRole('button', { name: 'Run tests' }).click();
  await expect(tests.getByRole('status')).toHaveText(/^(\d+) passed, 0 failed of \1$/);
  await expect(tests.locator('[data-passed="true"]').first()).toContainText('passed');

  // The common fields as a form: the YAML changes in place, with what a range means said beside it.
  const details = page.getByRole('region', { name: 'Details' });
  const main = details.getByRole('form', { name: 'Name, version, description and tags' });
  await main.getByLabel('Description', { exact: true }).fill('Writes release notes from a changelog');
  await main.getByRole('button', { name: 'Apply' }).click();
  const yaml = page.getByLabel('promptpm.yaml editor', { exact: true });
  await expect(yaml).toContainText('description: Writes release notes from a changelog');
  const add = details.getByRole('form', { name: 'Add a dependency' });
  await add.getByLabel('Module').fill('summarizer');
  await add.getByLabel('Range').fill('^1.2.0');
  await expect(add).toContainText('1.2.0 or newer, below 2.0.0');
  await add.getByRole('button', { name: 'Add dependency' }).click();
  await expect(details.getByRole('list', { name: 'Dependencies' })).toContainText('summarizer ^1.2.0');
  await expect(yaml).toContainText('summarizer');
  const outputs = details.getByRole('form', { name: 'Add an output' });
  await outputs.getByLabel('Type').fill('changelog_summary');
  await outputs.getByLabel('Description').fill('Notes for readers');
  await outputs.getByRole('button', { name: 'Add output' }).click();
  await expect(yaml).toContainText('changelog_summary');
  // Each declared item has its own Remove button, naming what it removes.
  await details.getByRole('button', { name: 'Remove output changelog_summary' }).click();
  await expect(yaml).not.toContainText('changelog_summary');
  await details.getByRole('button', { name: 'Remove dependency summarizer' }).click();
  await expect(details.getByRole('list', { name: 'Dependencies' })).not.toContainText('summarizer');
  await expect(yaml).not.toContainText('summarizer');
});
