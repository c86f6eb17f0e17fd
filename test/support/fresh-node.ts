// Start-up tests: what a call into the built CLI's core (out/cli, made by test/global-setup.ts) loads, seen
// in a fresh Node's require.cache, where nothing else has loaded code before it.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Runs `call`, an expression over `m` (the built module `modulePath`, relative to out/cli) that gives a value
 * or a promise of one, in a fresh Node: its value as JSON, and which of `watched` (name → file pattern) it loaded.
 */
export function inFreshNode<T>(modulePath: string, call: string, watched: Readonly<Record<string, RegExp>>): { value: T; loaded: string[] } {
  const script = `
    const m = require(${JSON.stringify(resolve('out/cli', modulePath))});
    const watched = { ${Object.entries(watched).map(([name, re]) => `${JSON.stringify(name)}: ${re.toString()}`).join(', ')} };
    Promise.resolve(${call}).then((value) => {
      const files = Object.keys(require.cache);
      const loaded = Object.keys(watched).filter((name) => files.some((file) => watched[name].test(file)));
      process.stdout.write(JSON.stringify({ value, loaded }));
    });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { value: T; loaded: string[] };
}
