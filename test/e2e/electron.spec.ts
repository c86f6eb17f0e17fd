// The real app: launches out/main with the Electron binary and clicks browse → open module. Runs only
// where the binary was downloaded (node_modules/electron/path.txt); elsewhere it skips, saying why.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pathFile = join(root, 'node_modules/electron/path.txt');
const binary = existsSync(pathFile) ? join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim()) : null;

test.skip(
  binary === null || !existsSync(binary),
  'The Electron binary is not installed here (node_modules/electron/path.txt missing), so the real app cannot start. ' +
    'The same flow runs in Chromium through the bridge harness; run `npx install-electron` on a machine with internet to run this spec.',
);

test('browse → open module in the real Electron app', async () => {
  const work = mkdtempSync(join(tmpdir(), 'promptpm-electron-'));
  const registry = join(work, 'registry');
  const userData = join(work, 'userdata');
  execFileSync(process.execPath, [join(root, '../shared/bench/make-registry.mjs'), '--out', registry, '--modules', '3', '--versions', '2']);
  execFileSync('mkdir', ['-p', userData]);
  // As if the user had opened this registry in an earlier session.
  writeFileSync(join(userData, 'settings.json'), JSON.stringify({ version: 1, recentRegistries: [registry], currentRegistry: registry, window: null }));

  const app = await electron.launch({
    executablePath: binary!,
    args: [root],
    env: { ...process.env, PROMPTPM_USER_DATA_DIR: userData, ELECTRON_RENDERER_URL: '' },
  });
  try {
    const page = await app.firstWindow();
    const url = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL());
    expect(url).toBe('app://promptpm/index.html');
    // Context isolation + no Node integration: the page sees the API object and nothing of Node.
    const globals = await page.evaluate(() => {
      const g = globalThis as Record<string, unknown>;
      return { require: typeof g.require, process: typeof g.process, api: Object.keys(g.promptpm as object).sort() };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', api: ['app', 'jobs', 'module', 'on', 'pathsForFiles', 'registry'] });

    await expect(page.getByText('module-00002').first()).toBeVisible();
    await page.getByText('module-00002').first().click();
    await expect(page.getByText('Synthetic module 2 version 1').first()).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('electron-module.png') });
  } finally {
    await app.close();
    rmSync(work, { recursive: true, force: true });
  }
});
