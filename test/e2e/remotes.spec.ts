// Team registries in the app: add a remote that needs sign-in (a real docker-registry on loopback with
// htpasswd), see what is only here, push it, then open a second registry and pull it from the remote; the
// browser shows the pulled module. Skips, saying why, where docker-registry is not installed.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { registryMissing, startRegistry, type TestRegistry } from '../support/oci-registry.js';
import { buildRegistry, registryPath, removeRegistry, screenshot } from './support/registries.js';
import { test, expect } from './harness/fixture.js';

const missing = registryMissing();
const registry = registryPath('remotes');
const second = join(registry, '..', 'second');

test.use({ registry, recentRegistries: [second] });

let server: TestRegistry;

test.beforeAll(async () => {
  test.skip(missing !== null, `docker-registry is needed for the Remotes view: ${missing}`);
  await buildRegistry(registry, [
    { name: 'summarizer', version: '1.0.0' },
    { name: 'summarizer', version: '1.1.0' },
  ]);
  mkdirSync(second, { recursive: true });
  server = await startRegistry({ htpasswd: { ada: 's3cret' } });
});

test.afterAll(async () => {
  await server?.stop();
  removeRegistry(registry);
});

test('add a remote, sign in, push what is only here, pull it into another registry', async ({ page, harness }) => {
  await page.getByRole('button', { name: 'Remotes' }).click();
  const form = page.getByRole('form', { name: 'Add a remote' });
  await form.getByLabel('Name', { exact: true }).fill('team');
  await form.getByLabel('Registry URL and prefix').fill(`${server.host}/acme`);
  await form.getByRole('button', { name: 'Add remote' }).click();

  // No token yet: the registry asks for sign-in, said in words, with the way to do it.
  await expect(page.getByRole('alert')).toContainText('sign in required');
  await page.getByRole('button', { name: 'Sign in…' }).click();
  const signIn = page.getByRole('form', { name: 'Sign in to team' });
  await signIn.getByLabel('User name').fill('ada');
  await signIn.getByLabel('Token or password').fill('s3cret');
  await signIn.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('tab', { name: /team/ })).toContainText('signed in');

  const table = page.getByRole('table', { name: 'Versions here and on the remote' });
  await expect(table.getByRole('row', { name: 'summarizer@1.1.0' })).toHaveAttribute('data-state', 'local-only');
  await page.screenshot({ path: screenshot('remotes-before-push') });
  await page.getByRole('button', { name: 'Push 2 missing there' }).click();
  await expect(table.getByRole('row', { name: 'summarizer@1.0.0' })).toHaveAttribute('data-state', 'same');
  await expect(table.getByRole('row', { name: 'summarizer@1.1.0' })).toHaveAttribute('data-state', 'same');
  await page.screenshot({ path: screenshot('remotes-pushed') });

  // The second registry (empty) pulls the newer version from the same remote.
  await page.getByRole('button', { name: 'Recent ▾' }).click();
  await page.getByRole('menuitem', { name: second }).click();
  await expect(page.getByTestId('registry-path')).toHaveText(second);
  await page.getByRole('button', { name: 'Remotes' }).click();
  await expect(table.getByRole('row', { name: 'summarizer@1.1.0' })).toHaveAttribute('data-state', 'remote-only');
  await table.getByRole('row', { name: 'summarizer@1.1.0' }).getByRole('button', { name: 'Pull' }).click();
  await expect(table.getByRole('row', { name: 'summarizer@1.1.0' })).toHaveAttribute('data-state', 'same');
  await expect(page.getByRole('listbox', { name: 'Modules' }).getByRole('option', { name: /summarizer/ })).toContainText('1.1.0');
  await page.screenshot({ path: screenshot('remotes-pulled') });
  expect(harness.pageErrors).toEqual([]);
});
