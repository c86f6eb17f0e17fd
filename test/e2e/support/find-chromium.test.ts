// Unit test (vitest) of the e2e's browser discovery: the override first, then Playwright's download, then
// the PATH in the order of SYSTEM_BROWSERS, and a message that says what to install when there is none.
import { describe, expect, it } from 'vitest';
import { findChromium, NO_CHROMIUM_MESSAGE, type ChromiumSearch } from './find-chromium.js';

const PLAYWRIGHT = '/home/u/.cache/ms-playwright/chromium-1/chrome-linux/chrome';

/** A machine where exactly `installed` are executable files. */
function machine(installed: string[], env: NodeJS.ProcessEnv = { PATH: '/usr/local/bin:/usr/bin' }): ChromiumSearch {
  return { env, playwrightChromium: () => PLAYWRIGHT, isExecutable: (path) => installed.includes(path) };
}

describe('findChromium', () => {
  it('takes PROMPTPM_CHROMIUM over every other browser', () => {
    const search = machine(['/opt/my/chrome', PLAYWRIGHT, '/usr/bin/chromium'], { PATH: '/usr/bin', PROMPTPM_CHROMIUM: '/opt/my/chrome' });
    expect(findChromium(search)).toEqual({ path: '/opt/my/chrome', source: 'PROMPTPM_CHROMIUM' });
  });

  it('reports an override that is not an executable instead of falling back to another browser', () => {
    const found = findChromium(machine(['/usr/bin/chromium'], { PATH: '/usr/bin', PROMPTPM_CHROMIUM: '/nowhere/chrome' }));
    expect(found).toEqual({ path: null, problem: expect.stringContaining('PROMPTPM_CHROMIUM is set to /nowhere/chrome') });
  });

  it("takes Playwright's own Chromium when it is on disk, before the PATH", () => {
    expect(findChromium(machine([PLAYWRIGHT, '/usr/bin/chromium']))).toEqual({ path: PLAYWRIGHT, source: 'playwright' });
  });

  it('looks for the system names on the PATH, Debian chromium first, each name through every folder', () => {
    expect(findChromium(machine(['/usr/bin/chromium-browser', '/usr/bin/chromium']))).toEqual({ path: '/usr/bin/chromium', source: 'PATH' });
    expect(findChromium(machine(['/usr/local/bin/google-chrome', '/usr/bin/chromium-browser']))).toEqual({ path: '/usr/bin/chromium-browser', source: 'PATH' });
    expect(findChromium(machine(['/usr/local/bin/google-chrome']))).toEqual({ path: '/usr/local/bin/google-chrome', source: 'PATH' });
  });

  it('says what to install when no browser is found', () => {
    const found = findChromium(machine([], { PATH: '/usr/bin' }));
    expect(found).toEqual({ path: null, problem: NO_CHROMIUM_MESSAGE });
    expect(NO_CHROMIUM_MESSAGE).toContain('apt-get install -y chromium xvfb xauth');
    expect(NO_CHROMIUM_MESSAGE).toContain('npx playwright install chromium');
  });
});
