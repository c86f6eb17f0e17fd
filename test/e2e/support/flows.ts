// The main path through the app, as steps over a Playwright Page: browse → search → open a module → run
// its tests → verify a registry with a tampered version. The Chromium harness spec and the real-Electron
// spec run these same steps, so both use the selectors the harness run proves.
import { expect, type Page } from '@playwright/test';
import { buildRegistry, tamper, type ModuleSpec } from './registries.js';

const MODULES: ModuleSpec[] = [
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
];

/** Screenshot of a main screen, named by the step; each spec decides where it goes. */
export type Shot = (name: string) => Promise<unknown>;

/** The registry the flow expects: four versions of three modules, text-normalizer@1.0.0 tampered after publish. */
export async function buildFlowRegistry(registry: string): Promise<void> {
  await buildRegistry(registry, MODULES);
  tamper(registry, 'text-normalizer', '1.0.0');
}

/** The registry is open and listed; search matches names, descriptions, tags and semantic types. */
export async function browseAndSearch(page: Page, registry: string, shot: Shot): Promise<void> {
  await expect(page.getByTestId('registry-path')).toHaveText(registry);
  const rows = page.getByRole('listbox', { name: 'Modules' }).getByRole('option');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('json-extractor');
  await expect(page.getByText('3 of 3 modules')).toBeVisible();
  await shot('01-registry-browser');

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
}

/** Keyboard: ↓ from the search box into the list; moving the selection opens the module. */
export async function openModule(page: Page, shot: Shot): Promise<void> {
  const search = page.getByRole('searchbox', { name: 'Search modules' });
  await search.fill('technical_document');
  await expect(page.getByRole('listbox', { name: 'Modules' }).getByRole('option')).toHaveCount(3);
  await search.press('ArrowDown');
  await page.keyboard.press('End');
  await expect(page.getByRole('heading', { level: 1, name: 'text-normalizer' })).toBeVisible();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('heading', { level: 1, name: 'technical-summarizer' })).toBeVisible();
  await expect(page.getByText('Summarizes technical documents').first()).toBeVisible();
  await expect(page.getByRole('cell', { name: 'technical_document' })).toBeVisible();
  await shot('02-module-overview');

  await page.getByRole('tab', { name: /Template/ }).click();
  await expect(page.locator('mark.placeholder', { hasText: '{{ audience }}' })).toBeVisible();
  await expect(page.locator('.template mark.placeholder', { hasText: '{{document}}' })).toBeVisible();
  await shot('03-module-template');
}

/** Runs the open module's tests and checks the per-assertion results. */
export async function runTests(page: Page, shot: Shot): Promise<void> {
  await page.getByRole('tab', { name: /Tests/ }).click();
  await page.getByRole('button', { name: 'Run tests' }).click();
  await expect(page.getByRole('status').filter({ hasText: '2 passed, 0 failed of 2' })).toBeVisible();
  const firstTest = page.locator('[data-test-name="audience-is-rendered"]');
  await expect(firstTest.getByText('Passed')).toBeVisible();
  await expect(firstTest.getByRole('row', { name: /icontains/ })).toContainText('MANAGERS');
  await expect(page.locator('[data-test-name="mentions-summary"] .assertion-pass')).toHaveCount(3);
  await shot('04-module-tests');
}

/** Verifies the whole registry: the tampered version is reported with its files, marked everywhere, and its tests are refused. */
export async function verifyTampered(page: Page, shot: Shot): Promise<void> {
  await page.getByRole('button', { name: 'PromptPM', exact: true }).click();
  await page.getByRole('button', { name: 'Verify registry' }).click();
  const report = page.getByTestId('verify-report');
  await expect(report).toContainText('4 versions checked. 1 tampered, 0 unreadable.');
  await expect(report).toContainText('text-normalizer@1.0.0');
  await expect(report.locator('.file-change-changed')).toContainText('template.prompt');
  await expect(report.locator('.file-change-extra')).toContainText('payload.sh');
  await expect(page.locator('[data-name="text-normalizer"] [data-state="tampered"]')).toBeVisible();
  await shot('05-verify-report');

  await report.getByRole('button', { name: 'text-normalizer@1.0.0' }).click();
  await expect(page.getByRole('alert')).toContainText('This version was modified after it was published.');
  await expect(page.locator('[data-version="1.0.0"] [data-state="tampered"]')).toBeVisible();
  await expect(page.locator('[data-version="1.1.0"] [data-state="ok"]')).toBeVisible();
  await shot('06-tampered-version');

  // Tests of a tampered version are refused with the error as the core reports it.
  await page.getByRole('tab', { name: /Tests/ }).click();
  await page.getByRole('button', { name: 'Run tests' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The tests could not run' })).toContainText('TAMPERED');
}

/** The whole flow on a registry made by buildFlowRegistry and open in the app. */
export async function browseSearchOpenTestVerify(page: Page, registry: string, shot: Shot): Promise<void> {
  await browseAndSearch(page, registry, shot);
  await openModule(page, shot);
  await runTests(page, shot);
  await verifyTampered(page, shot);
}
