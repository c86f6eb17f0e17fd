#!/usr/bin/env node
// Thin launcher: the CLI is compiled to out/cli by `npm run build:cli` (run by `prepare` on install).
require('../out/cli/cli/main.js');
