// The real app: launches out/main with the Electron binary and runs the same flow as the harness spec
// (browse → search → open module → run tests → verify, steps in support/flows.ts). Runs only where the
// binary was downloaded (node_modules/electron/path.txt); elsewhere it skips, saying why.
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { browseSearchOpenTestVerify, buildFlowRegistry } from './support/flows.js';
import { registryPath, removeRegistry } from './support/registries.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pathFile = join(root, 'node_modules/electron/path.txt');
const binary = existsSync(pathFile) ? join(root, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim()) : null;

const skipReason =
  binary === null || !existsSync(binary)
    ? 'The Electron binary is not installed here (node_modules/electron/path.txt missing), so the real app cannot start. ' +
      'The same flow runs in Chromium through the bridge harness; run `npx install-electron` on a machine with internet to run this spec.'
    : null;
// The list reporter shows a skipped test without its reason: say it where it is seen.
if (skipReason !== null) console.log(`electron.spec.ts skipped: ${skipReason}`);
test.skip(skipReason !== null, skipReason ?? '');

const registry = registryPath('electron');

test.afterAll(() => removeRegistry(registry));

test('browse → search → open module → run tests → verify in the real Electron app', async () => {
  await buildFlowRegistry(registry);
  // Main shows the registry by its real path (symlinks resolved, e.g. macOS's /var → /private/var).
  const opened = realpathSync(registry);
  // Beside the registry, so removeRegistry cleans it up too.
  const userData = join(registry, '..', 'userdata');
  mkdirSync(userData, { recursive: true });
  // As if the user had opened this registry in an earlier session.
  writeFileSync(join(userData, 'settings.json'), JSON.stringify({ version: 1, recentRegistries: [opened], currentRegistry: opened, window: null }));

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

    await browseSearchOpenTestVerify(page, opened, (name) => page.screenshot({ path: test.info().outputPath(`electron-${name}.png`) }));
  } finally {
    await app.close();
  }
});
