// The main path through the app on a registry built at test time: browse → search → open a module →
// run its tests → verify the registry, where one version was tampered after publish.
import { buildRegistry, registryPath, removeRegistry, screenshot, tamper } from './support/registries.js';
import { test, expect } from './harness/fixture.js';

const registry = registryPath('browse');

test.use({ registry });

test.beforeAll(async () => {
  await buildRegistry(registry, [
    { name: 'text-normalizer', version: '1.0.0', description: 'Normalizes whitespace and quotes', tags: ['text', 'cleanup'] },
    { name: 'text-normalizer', version: '1.1.0', description: 'Normalizes whitespace and quotes', tags: ['text', 'cleanup'] },
    {
      name: 'technical-summarizer',
      version: '1.2.0',
      description: 'Summarizes technical documents',
      tags: ['summarization', 'technical'],
      dependencies: { 'text-normalizer': '^1.0.0' },
    },
    { name: 'json-extractor', version: '0.3.0', description: 'Pulls fields out of prose', tags: ['extraction'], outputType: 'json_record' },
  ]);
  tamper(registry, 'text-normalizer', '1.0.0');
});

test.afterAll(() => removeRegistry(registry));

test('browse, search, open, run tests, verify a registry with a tampered version', async ({ page, harness }) => {
  await expect(page.getByTestId('registry-path')).toHaveText(registry);

  const rows = page.getByRole('listbox', { name: 'Modules' }).getByRole('option');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('json-extractor');
  await expect(page.getByText('3 of 3 modules')).toBeVisible();
  await page.screenshot({ path: screenshot('01-registry-browser') });

  // Search matches names, descriptions, tags and semantic types.
  const search = page.getByRole('searchbox', { name: 'Search modules' });
  await search.fill('json_record');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('json-extractor');
  await search.fill('cleanup');
  await expect(rows).toHaveCount(1);
  await search.fill('summarizes technical');
  await expect(rows).toHaveCount(1);
  await search.fill('no-such-thing');
  await expect(page.getByText('No matching modules')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(rows).toHaveCount(3);

  // Keyboard: ↓ from the search box into the list; moving the selection opens the module.
  await search.fill('technical_document');
  await expect(rows).toHaveCount(3);
  await search.press('ArrowDown');
  await page.keyboard.press('End');
  await expect(page.getByRole('heading', { level: 1, name: 'text-normalizer' })).toBeVisible();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('heading', { level: 1, name: 'technical-summarizer' })).toBeVisible();
  await expect(page.getByText('Summarizes technical documents').first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'technical_document' })).toBeVisible();
  await page.screenshot({ path: screenshot('02-module-overview') });

  await page.getByRole('tab', { name: /Template/ }).click();
  await expect(page.locator('mark.placeholder', { hasText: '{{ audience }}' })).toBeVisible();
  await expect(page.locator('.template mark.placeholder', { hasText: '{{document}}' })).toBeVisible();
  await page.screenshot({ path: screenshot('03-module-template') });

  await page.getByRole('tab', { name: /Tests/ }).click();
  await page.getByRole('button', { name: 'Run tests' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 passed, 0 failed of 2' })).toBeVisible();
  const firstTest = page.locator('[data-test-name="audience-is-rendered"]');
  await expect(firstTest.getByText('Passed')).toBeVisible();
  await expect(firstTest.getByRole('row', { name: /icontains/ })).toContainText('MANAGERS');
  await expect(page.locator('[data-test-name="mentions-summary"] .assertion-pass')).toHaveCount(3);
  await page.screenshot({ path: screenshot('04-module-tests') });

  // Verify the whole registry: the tampered version is reported with its files, and marked everywhere.
  await page.getByRole('button', { name: 'PromptPM', exact: true }).click();
  await page.getByRole('button', { name: 'Verify registry' }).click();
  const report = page.getByTestId('verify-report');
  await expect(report).toContainText('4 versions checked. 1 tampered, 0 unreadable.');
  await expect(report).toContainText('text-normalizer@1.0.0');
  await expect(report.locator('.file-change-changed')).toContainText('template.prompt');
  await expect(report.locator('.file-change-extra')).toContainText('payload.sh');
  await expect(page.locator('[data-name="text-normalizer"] [data-state="tampered"]')).toBeVisible();
  await page.screenshot({ path: screenshot('05-verify-report') });

  await report.getByRole('button', { name: 'text-normalizer@1.0.0' }).click();
  await expect(page.getByRole('alert')).toContainText('This version was modified after it was published.');
  await expect(page.locator('[data-version="1.0.0"] [data-state="tampered"]')).toBeVisible();
  await expect(page.locator('[data-version="1.1.0"] [data-state="ok"]')).toBeVisible();
  await page.screenshot({ path: screenshot('06-tampered-version') });

  // Tests of a tampered version are refused with the error as the core reports it.
  await page.getByRole('tab', { name: /Tests/ }).click();
  await page.getByRole('button', { name: 'Run tests' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The tests could not run' })).toContainText('TAMPERED');

  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('tab', { name: /Overview/ }).click();
  await page.screenshot({ path: screenshot('07-tampered-version-dark') });
  expect(harness.pageErrors).toEqual([]);
});
