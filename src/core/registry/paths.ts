// Registry layout and the path-segment rules that keep every name and version inside it.
import { join } from 'node:path';
import { isModuleName, isStrictSemverSyntax } from '../module/name-version.js';

export { MANIFEST_FILE } from '../registry-folder.js';

export const modulesDir = (registry: string): string => join(registry, 'modules');
export const moduleDir = (registry: string, name: string): string => join(registry, 'modules', name);
export const toolDir = (registry: string): string => join(registry, '.promptpm');
export const stagingDir = (registry: string): string => join(registry, '.promptpm', 'staging');
export const locksDir = (registry: string): string => join(registry, '.promptpm', 'locks');
export const indexFile = (registry: string): string => join(registry, '.promptpm', 'index.json');
export const listTextFile = (registry: string): string => join(registry, '.promptpm', 'list.json');

/**
 * Folder of one published version. Throws unless the name is a §2 module name (its first character rules out
 * `.` and `..`) and the version has strict SemVer syntax (no slash, backslash or empty identifier), so no caller
 * can escape the registry. Whether its numbers fit semver's range is for the callers that parse it.
 */
export function versionPath(registry: string, name: string, version: string): string {
  if (!isModuleName(name)) throw new RangeError(`Unsafe module name: ${JSON.stringify(name)}`);
  if (!isStrictSemverSyntax(version)) throw new RangeError(`Unsafe version: ${JSON.stringify(version)}`);
  return join(registry, 'modules', name, version);
}

/**
 * A manifest's file path is safe when it is relative POSIX with plain segments: no empty, `.` or `..` segment,
 * no backslash or NUL, so verifying a hostile manifest can never read outside the version folder.
 */
export function isSafeRelativePath(path: string): boolean {
  const n = path.length;
  if (n === 0 || n > 4096) return false;
  // One pass over the characters, no segment strings: verify and install check every path of every manifest.
  let start = 0;
  for (let i = 0; i <= n; i++) {
    const c = i === n ? SLASH : path.charCodeAt(i);
    if (c === BACKSLASH || c === NUL) return false;
    if (c !== SLASH) continue;
    const length = i - start;
    if (length === 0 || (path.charCodeAt(start) === DOT && (length === 1 || (length === 2 && path.charCodeAt(start + 1) === DOT)))) return false;
    start = i + 1;
  }
  return true;
}

const [NUL, DOT, SLASH, BACKSLASH] = [0, 0x2e, 0x2f, 0x5c];

