// Builds the CLI in two forms of the same sources, both CommonJS (Node 20 loads it faster than an ES module
// graph; a package.json in each output folder tells Node so, the project itself being an ES module package):
// - out/cli: src/core and src/cli compiled file by file by tsc (tsconfig.cli.json), for the tests that load
//   one module of the core in a fresh Node or start its worker script;
// - out/cli-bundle: the same entries bundled by rolldown, split only where the sources import on demand, which
//   is what bin/promptpm.cjs runs: an install loads 28 files instead of 76, and every command starts sooner.
// Both keep the entries at the same relative paths (cli/main.js, core/registry/registry-worker.js), so the
// entry finds its worker script the same way in either.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.cli.json')], { stdio: 'inherit' });
writeFileSync(join(root, 'out', 'cli', 'package.json'), '{ "type": "commonjs" }\n');

const bundle = join(root, 'out', 'cli-bundle');
await build({
  cwd: root,
  input: { 'cli/main': 'src/cli/main.ts', 'core/registry/registry-worker': 'src/core/registry/registry-worker.ts' },
  platform: 'node',
  logLevel: 'warn',
  output: { dir: bundle, format: 'cjs', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', cleanDir: true },
});
writeFileSync(join(bundle, 'package.json'), '{ "type": "commonjs" }\n');
