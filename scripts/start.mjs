#!/usr/bin/env node
// `npm start`: build, then launch the app with the Electron binary. `npm run dev` (--dev): electron-vite
// dev with hot reload. Where the binary was never downloaded (offline installs), say so and what to do.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
const dev = process.argv.includes('--dev');

/** The Electron executable, found the way the `electron` package does it, without its download side effect. */
function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Electron 45 and its tools (download, rebuild, packaging) declare Node 22.12+; the CLI and tests need 20.19+. */
function appToolingNodeNote() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major > 22 || (major === 22 && minor >= 12)) return [];
  return [
    `Note: this is Node ${process.versions.node}. Electron's installer and packaging tools need Node 22.12 or later:`,
    '  switch to it first (e.g. `nvm install 22`).',
    '',
  ];
}

const binary = electronBinary();
if (!binary) {
  console.error(
    [
      'PromptPM Desktop cannot start: the Electron binary is not installed.',
      '',
      `  ${electronDir} has no downloaded Electron (path.txt / dist/ missing).`,
      '  The electron package fetches its binary from the internet on first use, which this machine cannot reach.',
      '',
      'To fix it, on a machine with internet access run:',
      '  npx install-electron            (downloads the binary for the installed electron version)',
      'then `npm start` again.',
      '',
      ...appToolingNodeNote(),
      'Everything else works without it, on Node 20.19 or later: the CLI (`npx promptpm --help`) and the',
      'browser test suite (`npm run test:e2e`, which drives the renderer in Chromium).',
    ].join('\n'),
  );
  process.exit(1);
}

const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function run(command, args) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

if (dev) {
  run(bin('electron-vite'), ['dev']);
} else {
  const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('The build failed (see above); not starting the app.');
    process.exit(build.status ?? 1);
  }
  run(binary, [root]);
}
