// What is under modules/: module folders with safe names, version folders with strict semver names.
// Anything else (e.g. `1.0.0.tmp` left by a killed publish of the earlier tool) is stray: never a version.
import { readdir } from 'node:fs/promises';
import semver from 'semver';
import { compareCodePoints, isSafeName, isSafeVersion, moduleDir, modulesDir } from './paths.js';

const byCodePoint = (a: string, b: string): number => compareCodePoints(a, b);

/** Semver precedence, then build metadata, so the order never depends on the file system. */
export const compareVersions = (a: string, b: string): number => semver.compareBuild(a, b);

async function entries(dir: string): Promise<Array<{ name: string; isDir: boolean }>> {
  try {
    const list = await readdir(dir, { withFileTypes: true });
    return list.map((d) => ({ name: d.name, isDir: d.isDirectory() }));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw err;
  }
}

export interface NameScan {
  names: string[];
  stray: string[];
}

/** Module names under modules/, sorted; stray paths are relative to the registry. */
export async function scanNames(registry: string): Promise<NameScan> {
  const names: string[] = [];
  const stray: string[] = [];
  for (const e of await entries(modulesDir(registry))) {
    if (e.isDir && isSafeName(e.name)) names.push(e.name);
    else stray.push(`modules/${e.name}`);
  }
  return { names: names.sort(byCodePoint), stray: stray.sort(byCodePoint) };
}

/** Version folders of one module, sorted by semver; symlinks and files are never versions. */
export async function scanVersions(registry: string, name: string): Promise<{ versions: string[]; stray: string[] }> {
  const versions: string[] = [];
  const stray: string[] = [];
  for (const e of await entries(moduleDir(registry, name))) {
    if (e.isDir && isSafeVersion(e.name)) versions.push(e.name);
    else stray.push(`modules/${name}/${e.name}`);
  }
  return { versions: versions.sort(compareVersions), stray: stray.sort(byCodePoint) };
}

/** A published version with the same semver precedence (1.0.0+a vs 1.0.0+b), or null. */
export async function findEqualVersion(registry: string, name: string, version: string): Promise<string | null> {
  const { versions } = await scanVersions(registry, name);
  return versions.find((v) => semver.eq(v, version)) ?? null;
}
