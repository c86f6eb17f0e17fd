// Comparing two versions of a module: the verdict on the version number and the contract changes first,
// then every changed file side by side or inline (the choice remembered), stepping through changes with
// the keyboard; the comparison has its own place in history.
import { join } from 'node:path';
import { publishModule } from '../../src/core/registry/index.js';
import { writeTree } from '../support/files.js';
import { registryPath, removeRegistry, screenshot } from './support/registries.js';
import { test, expect } from './harness/fixture.js';

const registry = registryPath('diff');

test.use({ registry });

interface Shape {
  inputs: string[];
  output: string;
  template: string;
}

const INPUTS: Record<string, string> = {
  document: '    - { name: document, type: technical_document, description: Source text, required: true }',
  audience: '    - { name: audience, type: audience_label, description: Reader, required: false }',
  tone: '    - { name: tone, type: tone_label, description: Voice of the summary, required: false }',
};

function manifest(version: string, shape: Shape): string {
  const placeholders = shape.inputs.filter((i) => i !== 'tone' || shape.template.includes('{{tone}}'));
  return [
    'module:',
    '  name: summarizer',
    `  version: "${version}"`,
    '  description: Summarizes technical documents',
    'prompt:',
    '  template: template.prompt',
    `  placeholders: [${placeholders.join(', ')}]`,
    'interface:',
    '  intent: Summarize a technical document.',
    '  inputs:',
    ...shape.inputs.map((i) => INPUTS[i]!),
    '  outputs:',
    `    - { type: ${shape.output}, description: Concise summary }`,
    '',
  ].join('\n');
}

const body = (lines: number, edit: (i: number) => string | null): string =>
  Array.from({ length: lines }, (_, i) => edit(i) ?? `Line ${i + 1} of the instructions stays the same.`).join('\n') + '\n';

const VERSIONS: [string, Shape][] = [
  ['1.2.0', { inputs: ['document', 'audience', 'tone'], output: 'structured_summary', template: 'Summarize {{document}} for {{audience}} in a {{tone}} voice.\n' + body(40, () => null) }],
  // Removes input `tone` and retypes the output in a minor release: under-bumped.
  [
    '1.3.0',
    {
      inputs: ['document', 'audience'],
      output: 'plain_summary',
      template: 'Summarize {{document}} for {{audience}}.\n' + body(40, (i) => (i === 20 ? 'Line 21 now asks for short sentences.' : i === 35 ? 'Line 36 cites every source.' : null)),
    },
  ],
];

test.beforeAll(async () => {
  removeRegistry(registry);
  for (const [version, shape] of VERSIONS) {
    const dir = writeTree(join(registry, '..', 'src', version), { 'promptpm.yaml': manifest(version, shape), 'template.prompt': shape.template });
    await publishModule(registry, dir);
  }
});

test.afterAll(() => removeRegistry(registry));

test('compare with the previous version: verdict, contract changes, files; layouts and keyboard steps', async ({ page, harness }) => {
  await page.getByRole('listbox', { name: 'Modules' }).getByRole('option', { name: /summarizer/ }).click();
  await page.getByRole('button', { name: 'Compare 1.3.0 with previous version 1.2.0' }).click();
  await expect(page).toHaveURL(/#\/compare\/summarizer\/1\.2\.0\/1\.3\.0$/);

  const verdict = page.getByRole('region', { name: 'Semver verdict' });
  await expect(verdict).toHaveAttribute('data-verdict', 'under-bumped');
  await expect(verdict).toContainText('Under-bumped');
  await expect(verdict).toContainText('this needs 2.0.0');
  const breaking = page.getByRole('group', { name: /Breaking changes/ });
  await expect(breaking.locator('[data-kind="input-removed"]')).toContainText('tone');
  await expect(breaking.locator('[data-kind="output-retyped"]')).toBeVisible();

  const template = page.getByRole('region', { name: 'template.prompt (changed)' });
  await expect(template.locator('.cm-mergeView')).toBeVisible();
  await expect(template.locator('.cm-changedText').first()).toBeVisible();
  // Unchanged runs are folded.
  await expect(template.locator('.cm-collapsedLines').first()).toBeVisible();
  await page.screenshot({ path: screenshot('diff-side-by-side-light') });
  await template.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot('diff-side-by-side-light-template') });

  // n steps through the changes of the focused file, and the file says where it is.
  await template.getByRole('textbox', { name: /template\.prompt in 1\.3\.0/ }).focus();
  // The cursor starts in the first change (line 1 changed), so n lands on the second; three changes in all.
  const step = template.getByRole('status');
  await page.keyboard.press('n');
  await expect(step).toHaveText('Change 2 of 3');
  await page.keyboard.press('n');
  await expect(step).toHaveText('Change 3 of 3');
  await page.keyboard.press('n');
  await expect(step).toHaveText('Change 1 of 3');
  await page.keyboard.press('p');
  await expect(step).toHaveText('Change 3 of 3');

  // Inline, and the choice is remembered on the next comparison.
  await page.getByRole('radio', { name: 'Inline' }).click();
  await expect(template.locator('.cm-mergeView')).toHaveCount(0);
  await expect(template.locator('.cm-deletedChunk').first()).toBeVisible();
  await template.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot('diff-inline-light') });

  // Swap the pair: going back from 1.3.0 to 1.2.0 is a downgrade, and the URL says so.
  await page.getByRole('button', { name: 'Swap the two versions' }).click();
  await expect(page).toHaveURL(/#\/compare\/summarizer\/1\.3\.0\/1\.2\.0$/);
  await expect(verdict).toHaveAttribute('data-verdict', 'not-increased');
  await expect(page.getByRole('radio', { name: 'Inline' })).toHaveAttribute('aria-checked', 'true');

  // Back and forward walk the comparisons like any other place in the app.
  await page.goBack();
  await expect(page).toHaveURL(/1\.2\.0\/1\.3\.0$/);
  await expect(verdict).toHaveAttribute('data-verdict', 'under-bumped');
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'summarizer' })).toBeVisible();
  await page.goForward();
  await expect(verdict).toHaveAttribute('data-verdict', 'under-bumped');
  expect(harness.pageErrors).toEqual([]);
});

test('dark theme', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate("window.location.hash = '#/compare/summarizer/1.2.0/1.3.0'");
  await expect(page.getByRole('region', { name: 'Semver verdict' })).toHaveAttribute('data-verdict', 'under-bumped');
  await expect(page.locator('.cm-changedText').first()).toBeVisible();
  await page.screenshot({ path: screenshot('diff-side-by-side-dark') });
  await page.getByRole('region', { name: 'template.prompt (changed)' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot('diff-side-by-side-dark-template') });
});

test('line numbers stay beside their lines when a long line wraps on one side only', async ({ page }) => {
  await page.evaluate("window.location.hash = '#/compare/summarizer/1.2.0/1.3.0'");
  const template = page.getByRole('region', { name: 'template.prompt (changed)' });
  await expect(template.locator('.cm-changedText').first()).toBeVisible();
  await template.scrollIntoViewIfNeeded();
  for (const side of ['a', 'b'] as const) {
    const editor = template.locator(`.cm-merge-${side}`);
    // "Line 23 …" is line 24 of both versions' templates.
    const line = editor.locator('.cm-line', { hasText: 'Line 23 of the instructions' });
    const number = editor.locator('.cm-lineNumbers .cm-gutterElement', { hasText: /^24$/ });
    await expect(async () => {
      const [l, n] = [await line.boundingBox(), await number.boundingBox()];
      expect(Math.abs(l!.y - n!.y)).toBeLessThan(2);
    }).toPass({ timeout: 3000 });
  }
});
