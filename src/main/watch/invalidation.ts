// What a changed path on disk makes stale in the app: the open registry's listing, one module's versions,
// one version (re-verified: it may have been tampered with), the list of drafts of an area, or one draft.
// The tool's own bookkeeping (`<registry>/.promptpm/`, a drafts area's journal and archive) changes nothing shown.
import { isAbsolute, relative, sep } from 'node:path';

export type Invalidation =
  | { kind: 'registry' }
  | { kind: 'module'; name: string }
  | { kind: 'version'; name: string; version: string }
  | { kind: 'drafts'; area: string }
  | { kind: 'draft'; area: string; draft: string };

export interface WatchRoots {
  registry: string | null;
  areas: readonly string[];
}

/** The path's segments below `root`, or null when it is not below (or is) `root`. */
function below(root: string, path: string): string[] | null {
  const rel = relative(root, path);
  if (rel === '') return [];
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return rel.split(sep);
}

function inRegistry(segments: string[]): Invalidation | null {
  const [top, name, version] = segments;
  if (top === undefined) return { kind: 'registry' };
  if (top !== 'modules') return null;
  if (name === undefined) return { kind: 'registry' };
  // A version folder itself appearing or going (publish renames it in) changes the module's list of versions;
  // a file inside it changes that version, which is then verified again.
  if (version === undefined || segments.length === 3) return { kind: 'module', name };
  return { kind: 'version', name, version };
}

function inArea(area: string, segments: string[]): Invalidation | null {
  const [top, sub] = segments;
  if (top === undefined) return { kind: 'drafts', area };
  // The sidecar's `based-on/` records show in the list; its journal is the app's own autosave.
  if (top === '.promptpm-drafts') return sub === 'based-on' ? { kind: 'drafts', area } : null;
  if (top.startsWith('.')) return null;
  if (sub === undefined) return { kind: 'drafts', area };
  return { kind: 'draft', area, draft: `${area}${sep}${top}` };
}

export function invalidationFor(roots: WatchRoots, path: string): Invalidation | null {
  for (const area of roots.areas) {
    const segments = below(area, path);
    if (segments !== null) return inArea(area, segments);
  }
  const segments = roots.registry === null ? null : below(roots.registry, path);
  return segments === null ? null : inRegistry(segments);
}

export const invalidationKey = (i: Invalidation): string => JSON.stringify(i);
