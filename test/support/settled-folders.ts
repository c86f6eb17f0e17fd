// Module folders made to look settled: the index trusts a folder's mtime only once it is more than 2 s old, so a
// registry made during a test is rescanned on every read unless its folders are aged like this.
import { readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';

/** Sets the mtime of `<registry>/modules` and of every module folder in it an hour back. */
export function settleModuleFolders(registry: string): void {
  const past = new Date(Date.now() - 3600_000);
  const modules = join(registry, 'modules');
  for (const name of readdirSync(modules)) utimesSync(join(modules, name), past, past);
  utimesSync(modules, past, past);
}
