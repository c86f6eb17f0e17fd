// Versions as the semver library sees them: strict SemVer 2.0.0 syntax (name-version.ts) whose numbers the
// library also accepts (they fit in a safe integer). Loads semver, so a warm `list` never imports this.
import SemVer from 'semver/classes/semver.js';
import { isStrictSemverSyntax } from './name-version.js';

/** A strict SemVer 2.0.0 version that the semver library also accepts (so its numbers fit in a safe integer), parsed; else null. */
export function parseStrictVersion(version: string): SemVer | null {
  if (!isStrictSemverSyntax(version)) return null;
  try {
    return new SemVer(version);
  } catch {
    return null;
  }
}

/** Strict SemVer 2.0.0 that the semver library also accepts (so its numbers fit in a safe integer). */
export function isStrictSemver(version: string): boolean {
  return parseStrictVersion(version) !== null;
}
