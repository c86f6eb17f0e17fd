// Authoring in the app: a draft made from the scaffold, a template typed with a placeholder no input
// declares (the problem shows at its line:column, inline and in the list), fixed, previewed, published and
// found in the browser; "new version of" a published module, an input removed, the next major suggested;
// text a crash left unsaved offered on the next start; a file changed on disk under unsaved text asks first;
// leaving the editor saves at once.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createDraft, journalDraft } from '../../src/core/drafts/index.js';
import { publishModule } from '../../src/core/registry/index.js';
import { writeTree } from '../support/files.js';
import { registryPath, removeRegistry, screenshot } from './support/registries.js';
import { manifest } from './support/manifests.js';
import { test, expect } from './harness/fixture.js';

const registry = registryPath('drafts');
const exports = join(registry, '..', 'exports');

test.use({ registry, dialogFolders: [exports] });

test.beforeAll(async () => {
  removeRegistry(registry);
  mkdirSync(exports, { recursive: true });
  const files = { 'promptpm.yaml': manifest('summarizer', '1.2.0', ['document', 'tone']), 'template.prompt': 'Summarize {{document}} in a {{tone}} tone.\n' };
  await publishModule(registry, writeTree(join(registry, '..', 'src', 'summarizer'), files));
});

test.afterAll(() => removeRegistry(registry));

// The editable content by its label (while completion is open its role is not a plain textbox).
const editor = (page: Page, file: string) => page.getByLabel(`${file} editor`, { exact: true });

/** Replaces an editor's whole text, as a paste over a selection does. */
async function replaceText(page: Page, file: string, text: string): Promise<void> {
  await editor(page, file).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(text);
}

test('a new draft: an undeclared placeholder is located, fixed, previewed, then published', async ({ page }) => {
  await page.getByRole('button', { name: 'Drafts' }).click();
  await expect(page).toHaveURL(/#\/drafts$/);
  const form = page.getByRole('form', { name: 'New draft' });
  await form.getByLabel('Name').fill('explainer');
  await form.getByRole('button', { name: 'New draft…' }).click();
  await expect(page).toHaveURL(/#\/drafts\/.+explainer-0\.1\.0$/);
  await expect(page.getByRole('heading', { name: 'explainer' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('None: the draft validates.');

  // The scaffold's template has six lines; a seventh uses a placeholder no input declares.
  await editor(page, 'template.prompt').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type('Ask {{nobody}}');
  const problems = page.getByRole('list', { name: 'Problems' });
  await expect(problems).toContainText('nobody');
  await expect(problems).toContainText('template.prompt:7:5');
  await expect(page.getByRole('region', { name: 'template.prompt' }).locator('.cm-lintRange-error')).toHaveCount(1);
  await expect(page.getByRole('status', { name: 'template.prompt save state' })).toHaveText('Saved');
  await page.screenshot({ path: screenshot('authoring-problem'), fullPage: true });

  // Fixed through the inputs form: the manifest declares and lists the placeholder.
  const addInput = page.getByRole('form', { name: 'Add an input' });
  await addInput.getByLabel('Name').fill('nobody');
  await addInput.getByLabel('Description').fill('Who is asked');
  // Optional: the scaffold's test gives no value for it.
  await addInput.getByLabel('Required').uncheck();
  await addInput.getByRole('button', { name: 'Add input' }).click();
  await expect(editor(page, 'promptpm.yaml')).toContainText('name: nobody');
  await expect(editor(page, 'promptpm.yaml')).toContainText('placeholders: [topic, tone, nobody]');
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('None: the draft validates.');

  // Completion offers the declared inputs after `{{`.
  await editor(page, 'template.prompt').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' {{to');
  const completions = page.getByRole('listbox').filter({ hasText: 'topic' });
  await expect(completions.getByRole('option')).toHaveText(['tone', 'topic']);
  // Keys the editor handles stay in it: Escape closes the completion, Ctrl+F opens its find panel.
  await page.keyboard.press('Escape');
  await expect(completions).toBeHidden();
  await page.keyboard.press('Control+f');
  await expect(page.getByRole('region', { name: 'template.prompt' }).getByRole('textbox', { name: 'Find' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/drafts\/.+explainer-0\.1\.0$/);

  await replaceText(page, 'template.prompt', 'Explain {{topic}} in a {{tone}} tone to {{nobody}}.\n');
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('None: the draft validates.');
  const preview = page.getByRole('region', { name: 'Preview' });
  await preview.getByLabel('topic').fill('semver');
  await preview.getByLabel('tone').fill('calm');
  await preview.getByLabel('nobody').fill('Bob');
  await expect(preview.getByLabel('Rendered prompt')).toHaveText('Explain semver in a calm tone to Bob.\n');
  await expect(preview.getByRole('status', { name: 'Rendered length' })).toHaveText('38 characters');
  await expect(page.getByRole('status', { name: 'template.prompt save state' })).toHaveText('Saved');
  await page.screenshot({ path: screenshot('authoring-preview'), fullPage: true });

  await page.getByRole('button', { name: 'Export…' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Exported to' })).toContainText(exports);
  const draft = decodeURIComponent(new URL(page.url()).hash.replace('#/drafts/', ''));
  expect(readFileSync(join(exports, 'explainer-0.1.0', 'template.prompt'), 'utf8')).toBe(readFileSync(join(draft, 'template.prompt'), 'utf8'));

  await page.getByRole('button', { name: 'Publish' }).click();
  await expect(page).toHaveURL(/#\/module\/explainer\/0\.1\.0/);
  await expect(page.getByRole('listbox', { name: 'Modules' }).getByRole('option', { name: /explainer/ })).toBeVisible();
});

test('"new version of" a published module: removing an input suggests the next major', async ({ page }) => {
  await page.getByRole('listbox', { name: 'Modules' }).getByRole('option', { name: /summarizer/ }).click();
  await page.getByRole('button', { name: 'New version of 1.2.0' }).click();
  await expect(page).toHaveURL(/#\/drafts\/.+summarizer-/);
  await expect(page.getByText('new version of summarizer@1.2.0')).toBeVisible();
  const next = page.getByRole('region', { name: 'Next version' });
  await expect(next).toContainText('Against summarizer@1.2.0');

  await replaceText(page, 'template.prompt', 'Summarize {{document}}.\n');
  await replaceText(page, 'promptpm.yaml', manifest('summarizer', '1.3.0', ['document']));
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText('None: the draft validates.');
  await expect(next.getByTestId('suggested-version')).toHaveText('2.0.0');
  await expect(next.getByRole('region', { name: 'Semver verdict' })).toHaveAttribute('data-verdict', 'under-bumped');
  await expect(next).toContainText('Breaking changes');
  await next.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshot('authoring-next-version'), fullPage: true });
});

test('text a crash left unsaved is offered on the next start and restored', async ({ page, harness }) => {
  const draft = await createDraft(join(harness.userDataDir, 'drafts'), { name: 'crashed', version: '0.1.0' });
  await journalDraft(draft, 'template.prompt', 'Explain {{topic}} again, in a {{tone}} tone.\n');
  await page.reload();
  const notice = page.getByRole('alert', { name: 'Unsaved changes recovered' });
  await notice.getByRole('button', { name: 'Open crashed-0.1.0' }).click();
  const offer = page.getByRole('alert', { name: 'Unsaved changes of template.prompt' });
  await offer.getByRole('button', { name: 'Restore them' }).click();
  await expect(editor(page, 'template.prompt')).toContainText('Explain {{topic}} again');
  await expect(page.getByRole('status', { name: 'template.prompt save state' })).toHaveText('Saved');
  expect(readFileSync(join(draft, 'template.prompt'), 'utf8')).toBe('Explain {{topic}} again, in a {{tone}} tone.\n');
});

test('a file changed on disk under unsaved text asks: keep mine saves over it, reload shows the disk', async ({ page, harness }) => {
  const draft = await createDraft(join(harness.userDataDir, 'drafts'), { name: 'contested', version: '0.1.0' });
  // The autosave waits on the page's clock: the change on disk lands before it, whatever the machine's speed.
  await page.clock.install();
  await page.reload();
  await page.getByRole('button', { name: 'Drafts' }).click();
  const listed = page.getByRole('listitem', { name: 'contested@0.1.0' });
  await expect(listed).toContainText('valid');
  await page.screenshot({ path: screenshot('authoring-list'), fullPage: true });
  await listed.getByRole('button').click();
  await replaceText(page, 'template.prompt', 'Mine {{topic}} {{tone}}\n');
  writeFileSync(join(draft, 'template.prompt'), 'Theirs {{topic}} {{tone}}\n');
  await page.clock.runFor(2000);
  const conflict = page.getByRole('alert', { name: 'template.prompt changed on disk' });
  await expect(conflict).toBeVisible();
  await page.screenshot({ path: screenshot('authoring-conflict'), fullPage: true });
  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await expect(page.getByRole('status', { name: 'template.prompt save state' })).toHaveText('Saved');
  expect(readFileSync(join(draft, 'template.prompt'), 'utf8')).toBe('Mine {{topic}} {{tone}}\n');

  await replaceText(page, 'template.prompt', 'Mine again {{topic}} {{tone}}\n');
  writeFileSync(join(draft, 'template.prompt'), 'Theirs again {{topic}} {{tone}}\n');
  await page.clock.runFor(2000);
  await conflict.getByRole('button', { name: 'Reload from disk' }).click();
  await expect(editor(page, 'template.prompt')).toContainText('Theirs again');
  await expect(page.getByRole('status', { name: 'template.prompt save state' })).toHaveText('Saved');
});

test('leaving the editor before the autosave pause still saves the text', async ({ page, harness }) => {
  const draft = await createDraft(join(harness.userDataDir, 'drafts'), { name: 'hasty', version: '0.1.0' });
  // The page's clock stands still: the autosave's pause never ends, only leaving saves.
  await page.clock.install();
  await page.reload();
  await page.getByRole('button', { name: 'Drafts' }).click();
  await page.getByRole('listitem', { name: 'hasty@0.1.0' }).getByRole('button').click();
  await replaceText(page, 'template.prompt', 'Quick {{topic}} {{tone}}\n');
  await page.getByRole('button', { name: '← Drafts' }).click();
  await expect.poll(() => readFileSync(join(draft, 'template.prompt'), 'utf8')).toBe('Quick {{topic}} {{tone}}\n');
});
