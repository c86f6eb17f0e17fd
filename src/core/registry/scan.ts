// What is under modules/: module folders with safe names, version folders with strict semver names.
// Anything else (e.g. `1.0.0.tmp` left by a killed publish of the earlier tool) is stray: never a version.
import { readdirSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import type SemVer from 'semver/classes/semver.js';
import { isModuleName } from '../module/name-version.js';
import { parseStrictVersion } from '../module/strict-version.js';
import semverEq from 'semver/functions/eq.js';
import { compareCodePoints } from '../text-order.js';
import { moduleDir, modulesDir } from './paths.js';

interface Entry {
  name: string;
  isDirectory(): boolean;
}

const absent = (err: unknown): boolean => ['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '');

async function entries(dir: string): Promise<Entry[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (err) {
    if (absent(err)) return [];
    throw err;
  }
}

function entriesSync(dir: string): Entry[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if (absent(err)) return [];
    throw err;
  }
}

export interface NameScan {
  names: string[];
  stray: string[];
}

export interface VersionScan {
  versions: string[];
  stray: string[];
}

function classifyNames(list: Entry[]): NameScan {
  const names: string[] = [];
  const stray: string[] = [];
  for (const e of list) {
    if (e.isDirectory() && isModuleName(e.name)) names.push(e.name);
    else stray.push(`modules/${e.name}`);
  }
  return { names: names.sort(compareCodePoints), stray: stray.sort(compareCodePoints) };
}

function classifyVersions(name: string, list: Entry[]): VersionScan {
  const found: Array<[string, SemVer]> = [];
  const stray: string[] = [];
  for (const e of list) {
    const parsed = e.isDirectory() ? parseStrictVersion(e.name) : null;
    if (parsed === null) stray.push(`modules/${name}/${e.name}`);
    else found.push([e.name, parsed]);
  }
  // Semver precedence, then build metadata, so the order never depends on the file system; each version is
  // parsed once, as a registry-wide scan sorts every module's versions.
  found.sort((a, b) => a[1].compareBuild(b[1]));
  return { versions: found.map(([v]) => v), stray: stray.sort(compareCodePoints) };
}

/** Module names under modules/, sorted; stray paths are relative to the registry. */
export async function scanNames(registry: string): Promise<NameScan> {
  return classifyNames(await entries(modulesDir(registry)));
}

/** Version folders of one module, sorted by semver; symlinks and files are never versions. */
export async function scanVersions(registry: string, name: string): Promise<VersionScan> {
  return classifyVersions(name, await entries(moduleDir(registry, name)));
}

/** scanVersions without the thread pool round trip, for worker threads and small refreshes. */
export function scanVersionsSync(registry: string, name: string): VersionScan {
  return classifyVersions(name, entriesSync(moduleDir(registry, name)));
}

/** A published version with the same semver precedence (1.0.0+a vs 1.0.0+b), or null. */
export async function findEqualVersion(registry: string, name: string, version: string): Promise<string | null> {
  const { versions } = await scanVersions(registry, name);
  return versions.find((v) => semverEq(v, version)) ?? null;
}
