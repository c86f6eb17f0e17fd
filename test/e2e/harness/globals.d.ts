// Page code in the e2e specs (page.evaluate) sees the renderer's global, the preload's API object.
// The node tsconfig has no DOM lib, so specs reach it as `globalThis.promptpm`.
import type { PromptPMApi } from '../../../src/shared/ipc/api.js';

declare global {
  var promptpm: PromptPMApi;
}
