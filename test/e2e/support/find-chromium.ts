// Which Chromium the browser e2e runs in, found the usual ways: the PROMPTPM_CHROMIUM override, then the
// Chromium Playwright downloaded (`npx playwright install chromium`), then a system browser on the PATH
// (Debian's `chromium`, `chromium-browser`, Google Chrome). playwright.config.ts asks once per run.
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const SYSTEM_BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

export const NO_CHROMIUM_MESSAGE =
  'No Chromium found for the browser e2e tests. Install one: `apt-get install -y chromium xvfb xauth` (Debian/Ubuntu) ' +
  'or `npx playwright install chromium`, or set PROMPTPM_CHROMIUM to a Chromium or Chrome executable.';

export interface ChromiumSearch {
  env: NodeJS.ProcessEnv;
  /** Where Playwright's own Chromium is or would be installed (chromium.executablePath()). */
  playwrightChromium: () => string | undefined;
  isExecutable: (path: string) => boolean;
}

export type ChromiumFound = { path: string; source: 'PROMPTPM_CHROMIUM' | 'playwright' | 'PATH' } | { path: null; problem: string };

export function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function findChromium(search: ChromiumSearch): ChromiumFound {
  const override = search.env.PROMPTPM_CHROMIUM;
  if (override) {
    // An explicit choice is never second-guessed: a wrong one is reported, not replaced by another browser.
    if (search.isExecutable(override)) return { path: override, source: 'PROMPTPM_CHROMIUM' };
    return {
      path: null,
      problem: `PROMPTPM_CHROMIUM is set to ${override}, which is not an executable file: point it at a Chromium or Chrome, or unset it to use one found on this machine.`,
    };
  }
  const downloaded = search.playwrightChromium();
  if (downloaded && search.isExecutable(downloaded)) return { path: downloaded, source: 'playwright' };
  const dirs = (search.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of SYSTEM_BROWSERS) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (search.isExecutable(candidate)) return { path: candidate, source: 'PATH' };
    }
  }
  return { path: null, problem: NO_CHROMIUM_MESSAGE };
}
