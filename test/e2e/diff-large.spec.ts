// A 2 MB template compared: the comparison paints its first changes quickly and stays responsive (the
// editors render only what is in view; main diffs on its task thread). Prints the time to first paint,
// which `npm run bench` collects; the assertions here are about behaviour, never about time.
import { join } from 'node:path';
import { publishModule } from '../../src/core/registry/index.js';
import { writeTree } from '../support/files.js';
import { registryPath, removeRegistry } from './support/registries.js';
import { test, expect } from './harness/fixture.js';

const registry = registryPath('diff-large');
/** About 2 MB of text (the comparison's text limit is 2 MiB a side). */
const LINES = 22_800;
/** Every 600th line differs between the versions: changes spread over the whole file. */
const EDIT_EVERY = 600;
const CHANGES = Math.floor((LINES - 1) / EDIT_EVERY);

test.use({ registry });

const manifest = (version: string) =>
  `module:\n  name: big-template\n  version: ${version}\n  description: A long prompt\nprompt:\n  template: template.prompt\n  placeholders: [text]\ninterface:\n  intent: Stress the comparison.\n  inputs:\n    - { name: text, type: plain_text, description: Text, required: true }\n  outputs:\n    - { type: plain_text, description: Answer }\n`;

function template(edited: boolean): string {
  const lines = ['Answer about {{text}}.'];
  for (let i = 1; i < LINES; i++) {
    const line = `Rule ${i}: keep the answer factual, short and free of speculation; cite the source line.`;
    lines.push(edited && i % EDIT_EVERY === 0 ? line.replace('short', 'brief') : line);
  }
  return lines.join('\n') + '\n';
}

test.beforeAll(async () => {
  removeRegistry(registry);
  for (const [version, edited] of [['1.0.0', false], ['1.0.1', true]] as const) {
    await publishModule(registry, writeTree(join(registry, '..', 'src', version), { 'promptpm.yaml': manifest(version), 'template.prompt': template(edited) }));
  }
});

test.afterAll(() => removeRegistry(registry));

test('a 2 MB template comparison paints its changes and steps through all of them', async ({ page, harness }) => {
  await expect(page.getByRole('listbox', { name: 'Modules' }).getByRole('option', { name: /big-template/ })).toBeVisible();
  const start = await page.evaluate<number>("window.location.hash = '#/compare/big-template/1.0.0/1.0.1', performance.now()");
  const file = page.getByRole('region', { name: 'template.prompt (changed)' });
  await expect(file.locator('.cm-changedText').first()).toBeVisible({ timeout: 20_000 });
  const painted = await page.evaluate<number>('performance.now()');
  console.log(`time to first paint of a 2 MB template comparison: ${Math.round(painted - start)} ms`);

  await expect(page.getByRole('region', { name: 'Semver verdict' })).toHaveAttribute('data-verdict', 'ok');
  await expect(file).toContainText(`+${CHANGES}`);
  await file.getByRole('textbox', { name: /template\.prompt in 1\.0\.1/ }).focus();
  await page.keyboard.press('p');
  await expect(file.getByRole('status')).toHaveText(`Change ${CHANGES} of ${CHANGES}`);
  await expect(file.locator('.cm-changedText').first()).toBeVisible();
  expect(harness.pageErrors).toEqual([]);
});
