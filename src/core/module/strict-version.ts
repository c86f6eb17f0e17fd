// Versions parsed by the semver library; which versions are valid is name-version.ts's rule (isStrictSemver).
// Loads semver, so a warm `list` never imports this.
import SemVer from 'semver/classes/semver.js';
import { isStrictSemver } from './name-version.js';

export { isStrictSemver };

/** A strict SemVer 2.0.0 version that the semver library also accepts (so its numbers fit in a safe integer), parsed; else null. */
export function parseStrictVersion(version: string): SemVer | null {
  return isStrictSemver(version) ? new SemVer(version) : null;
}
