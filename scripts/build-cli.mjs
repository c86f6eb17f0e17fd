// Builds the CLI: tsc compiles src/core and src/cli to CommonJS in out/cli (tsconfig.cli.json), and a
// package.json there tells Node so (the project itself is an ES module package). CommonJS because Node 20
// loads it faster than an ES module graph: `promptpm list` and every other command start sooner.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.cli.json')], { stdio: 'inherit' });
writeFileSync(join(root, 'out', 'cli', 'package.json'), '{ "type": "commonjs" }\n');
