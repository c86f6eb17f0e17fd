// findChromium with this machine's environment, file system and Playwright install.
import { chromium } from '@playwright/test';
import { findChromium, isExecutableFile, type ChromiumFound } from './find-chromium.js';

export function chromiumForE2e(): ChromiumFound {
  return findChromium({ env: process.env, playwrightChromium: () => chromium.executablePath(), isExecutable: isExecutableFile });
}
