// How a dependency's range moved between two versions (docs/semver-rules.md, "Dependency ranges"), by the
// sets of versions the ranges admit, as the `semver` library reads them.
import semver from 'semver';
import type { Severity } from './types.js';

/**
 * `another-major`: the ranges' compatibility lines differ; `same-versions`: written differently, same set;
 * `widened`: the new set contains the old; `narrowed`: the new set is inside the old; `shifted`: neither.
 */
export type RangeRelation = 'another-major' | 'same-versions' | 'widened' | 'narrowed' | 'shifted';

/**
 * The compatibility line of a range: the major of the lowest version it admits, or `0.y` below 1.0.0 (where
 * each minor is its own line, Cargo's rule); null when the range admits no version at all.
 */
export function compatibilityLine(range: string): string | null {
  let lowest: semver.SemVer | null;
  try {
    lowest = semver.minVersion(range);
  } catch {
    return null;
  }
  if (lowest === null) return null;
  return lowest.major > 0 ? String(lowest.major) : `0.${lowest.minor}`;
}

function isSubset(sub: string, dom: string): boolean {
  try {
    return semver.subset(sub, dom);
  } catch {
    return false;
  }
}

export function compareRanges(before: string, after: string): RangeRelation {
  if (compatibilityLine(before) !== compatibilityLine(after)) return 'another-major';
  const grew = isSubset(before, after);
  const shrank = isSubset(after, before);
  if (grew && shrank) return 'same-versions';
  if (grew) return 'widened';
  return shrank ? 'narrowed' : 'shifted';
}

export const RANGE_SEVERITY: Readonly<Record<RangeRelation, Severity>> = {
  'another-major': 'major',
  widened: 'minor',
  shifted: 'minor',
  narrowed: 'patch',
  'same-versions': 'patch',
};
