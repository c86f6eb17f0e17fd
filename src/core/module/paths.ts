// Containment checks for paths a manifest names: lexically inside the module folder, and still
// inside once symlinked parent folders are resolved.
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** True when `target` is `dir` itself or below it (both absolute). */
export function isInside(dir: string, target: string): boolean {
  const rel = path.relative(dir, target);
  return rel === '' || (!isParentSegment(rel) && !path.isAbsolute(rel));
}

function isParentSegment(rel: string): boolean {
  return rel === '..' || rel.startsWith(`..${path.sep}`);
}

/** Resolves a manifest-relative path, or null when it is absolute or climbs out of the folder. */
export function resolveInside(dir: string, relative: string): string | null {
  if (path.isAbsolute(relative) || relative.includes('\0')) return null;
  const abs = path.resolve(dir, relative);
  return isInside(dir, abs) ? abs : null;
}

/** True when the real location of `target` (parents' symlinks followed) is inside the real `dir`. */
export async function realpathInside(dir: string, target: string): Promise<boolean> {
  try {
    const [realDir, realTarget] = await Promise.all([fs.realpath(dir), fs.realpath(target)]);
    return isInside(realDir, realTarget);
  } catch {
    return false;
  }
}
