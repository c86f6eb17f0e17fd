// Public API of import (docs/cli.md, "publish"): find module folders in what was dropped or named, preview
// what publishing them would do without writing anything, and publish a batch, each module atomically.
export type * from './types.js';
export { findModules, FIND_DEFAULTS } from './find.js';
export { previewImport } from './preview.js';
export { publishBatch } from './batch.js';
