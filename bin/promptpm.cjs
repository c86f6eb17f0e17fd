#!/usr/bin/env node
// Thin launcher: the CLI is built into out/cli-bundle by `npm run build:cli` (run by `prepare` on install).
require('../out/cli-bundle/cli/main.js');
