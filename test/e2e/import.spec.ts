// Bringing modules in without a terminal: a real drop on the window (a `drop` event whose DataTransfer holds
// Files, turned into paths by the app's bridge) shows the preview — validation errors located, duplicates,
// the verdict against the published version — then the good ones are published and appear in the browser.
// And a new module made in the app goes from nothing to published.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { publishModule } from '../../src/core/registry/index.js';
import { writeTree } from '../support/files.js';
import { registryPath, removeRegistry, screenshot } from './support/registries.js';
import { manifest } from './support/manifests.js';
import { test, expect } from './harness/fixture.js';

const registry = registryPath('import');
const work = join(registry, '..');
const incoming = join(work, 'incoming');
const created = join(work, 'created');
const otherRegistry = join(work, 'team-registry');

const module = (name: string, version: string, inputs: string[], template = inputs.map((i) => `{{${i}}}`).join(' ') + '\n') => ({
  'promptpm.yaml': manifest(name, version, inputs),
  'template.prompt': template,
});

test.use({ registry, dropFolders: [incoming, otherRegistry], dialogFolders: [created] });

test.beforeAll(async () => {
  removeRegistry(registry);
  await publishModule(registry, writeTree(join(work, 'src', 'summarizer'), module('summarizer', '1.2.0', ['document', 'tone'])));
  writeTree(join(incoming, 'welcomer'), module('welcomer', '1.0.0', ['person']));
  // Two folders claiming one name@version: neither is published until one is removed.
  writeTree(join(incoming, 'greeter'), module('greeter', '1.0.0', ['person']));
  writeTree(join(incoming, 'more', 'greeter-copy'), module('greeter', '1.0.0', ['person']));
  // Drops input `tone` in a minor release: ready to publish, but under-bumped.
  writeTree(join(incoming, 'summarizer-next'), module('summarizer', '1.3.0', ['document']));
  // Uses a placeholder no input declares.
  writeTree(join(incoming, 'broken'), module('broken', '0.1.0', ['text'], 'Say {{text}} to {{nobody}}\n'));
  await publishModule(otherRegistry, writeTree(join(work, 'src', 'shared'), module('shared', '1.0.0', ['text'])));
  mkdirSync(created, { recursive: true });
});

test.afterAll(() => removeRegistry(registry));

/** Drags folders onto the window as a file manager does: File objects in a DataTransfer. */
async function dropFolders(page: Page, names: string[]): Promise<void> {
  // Page code (the spec is compiled without the DOM's types).
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    for (const name of ${JSON.stringify(names)}) data.items.add(new File([], name));
    const target = document.querySelector('main') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) target.dispatchEvent(new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true }));
  })()`);
}

test('drop folders: preview with errors, duplicates and verdicts, then publish the good ones', async ({ page }) => {
  await dropFolders(page, ['incoming', 'team-registry']);
  await expect(page).toHaveURL(/#\/import$/);
  const rows = page.getByRole('list', { name: 'Modules to import' });
  await expect(rows.getByRole('listitem').filter({ has: page.locator('.import-title') })).toHaveCount(5);

  const broken = rows.locator('[data-status="invalid"]');
  await expect(broken).toContainText('broken@0.1.0');
  await expect(broken).toContainText(/promptpm\.yaml:\d+:\d+|template\.prompt:\d+:\d+/);
  await expect(broken).toContainText('nobody');
  await expect(rows.locator('[data-status="duplicate"]')).toHaveCount(2);
  await expect(rows.locator('[data-status="duplicate"]').first()).toContainText('same name and version');
  const next = rows.getByRole('listitem', { name: 'summarizer@1.3.0' });
  await expect(next).toHaveAttribute('data-status', 'ready');
  await expect(next).toContainText('Under-bumped');
  await expect(next.getByRole('region', { name: 'Semver verdict' })).toContainText('this needs 2.0.0');
  // The dropped registry is not imported: it can be opened instead.
  await expect(page.getByRole('list', { name: 'Folders not imported' })).toContainText('team-registry');
  await expect(page.getByRole('button', { name: 'Open this registry' })).toBeVisible();
  await page.screenshot({ path: screenshot('import-preview'), fullPage: true });

  // Publish only the new welcomer: leave the under-bumped summarizer out.
  await rows.getByRole('checkbox', { name: 'Publish summarizer@1.3.0' }).uncheck();
  await page.getByRole('button', { name: 'Publish 1 selected' }).click();
  const summary = page.getByRole('status', { name: 'Publish summary' });
  await expect(summary).toContainText('1 published, 0 failed, 0 skipped');
  await expect(page.getByRole('listbox', { name: 'Modules' }).getByRole('option', { name: /welcomer/ })).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Modules' }).getByRole('option', { name: /greeter/ })).toHaveCount(0);
  await expect(page.getByRole('listbox', { name: 'Modules' }).getByRole('option', { name: /summarizer/ })).toContainText('1.2.0');
  // The preview checks again: the welcomer is published now, with exactly these files.
  await expect(rows.getByRole('listitem', { name: 'welcomer@1.0.0' })).toHaveAttribute('data-status', 'exists');
  await expect(rows.getByRole('listitem', { name: 'welcomer@1.0.0' })).toContainText('already published with exactly these files');
  await page.screenshot({ path: screenshot('import-published'), fullPage: true });

  await page.getByRole('button', { name: 'Open this registry' }).click();
  await expect(page.getByRole('listbox', { name: 'Modules' }).getByRole('option', { name: /shared/ })).toBeVisible();
});

test('a new module made in the app, shown in the file manager, then published', async ({ page, harness }) => {
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'New module' });
  await dialog.getByLabel('Name').fill('fresh-module');
  await dialog.getByRole('button', { name: 'Choose folder and create…' }).click();
  await expect(dialog).toBeHidden();
  const folder = join(created, 'fresh-module');
  expect(existsSync(join(folder, 'promptpm.yaml'))).toBe(true);
  const row = page.getByRole('listitem', { name: 'fresh-module@0.1.0' });
  await expect(row).toHaveAttribute('data-status', 'ready');
  await expect(row).toContainText(/Tests: (\d+) of \1 passed/);
  await page.getByRole('button', { name: 'Show in file manager' }).click();
  await expect.poll(() => harness.revealed()).toEqual([folder]);
  await page.screenshot({ path: screenshot('import-new-module'), fullPage: true });

  await page.getByRole('button', { name: 'Publish 1 selected' }).click();
  await expect(page.getByRole('status', { name: 'Publish summary' })).toContainText('1 published');
  await page.getByRole('button', { name: 'published — open' }).click();
  await expect(page.getByRole('heading', { name: 'fresh-module' })).toBeVisible();
  rmSync(folder, { recursive: true, force: true });
});
