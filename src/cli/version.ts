// The tool version, read from package.json without loading anything else, so `promptpm --version`
// starts as fast as Node itself.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Global flags that may precede `--version` (those taking a value skip it). */
const GLOBAL_SWITCHES = new Set(['--json', '--pretty', '--quiet']);
const GLOBAL_WITH_VALUE = new Set(['--registry', '--config']);

/** True when `--version` appears before any command: only there is it the tool's version (§6). */
export function toolVersionRequested(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--version') return true;
    if (GLOBAL_WITH_VALUE.has(arg)) i++;
    else if (!GLOBAL_SWITCHES.has(arg) && !arg.startsWith('--registry=') && !arg.startsWith('--config=')) return false;
  }
  return false;
}

/** Version of the package that ships this file: the nearest package.json up the tree declaring the bin. */
export function toolVersion(): string {
  // The CLI is built as CommonJS (scripts/build-cli.mjs), where __dirname is the folder of the file holding this.
  let dir = __dirname;
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version?: string; bin?: Record<string, string> };
      if (pkg.bin?.promptpm && pkg.version) return pkg.version;
    } catch {
      // No (readable) package.json at this level: keep walking up.
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json of promptpm not found above the CLI');
    dir = parent;
  }
}

export function toolVersionLine(): string {
  return `promptpm, version ${toolVersion()}`;
}
