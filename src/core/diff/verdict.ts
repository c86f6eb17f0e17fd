// The semver verdict (docs/semver-rules.md, "Verdict"): does the new version number tell callers the truth
// about the changes? The smallest honest version comes from the old version and the biggest change; the
// new version is compared with it by its release numbers, so a prerelease of the right release counts.
import semver from 'semver';
import type { ContractChange, Severity, Verdict } from './types.js';

type Level = Severity | 'none';

const RANK: Readonly<Record<Level, number>> = { none: 0, patch: 1, minor: 2, major: 3 };
const HIGHER: Readonly<Record<Severity, Severity | null>> = { patch: 'minor', minor: 'major', major: null };

const max = (levels: Level[]): Level => levels.reduce<Level>((m, l) => (RANK[l] > RANK[m] ? l : m), 'none');

/**
 * The bump a change of this severity needs after `base`: below 1.0.0 every level moves down one (a
 * breaking change needs a new minor, a feature a new patch: Cargo's rule), and no change still needs the
 * next patch for a new version to exist.
 */
export function neededBump(severity: Level, base: semver.SemVer): Severity {
  if (severity === 'none') return 'patch';
  if (base.major > 0) return severity;
  return severity === 'major' ? 'minor' : 'patch';
}

const releaseOf = (v: semver.SemVer): string => `${v.major}.${v.minor}.${v.patch}`;

/** The first release number the new version raises, or none when they are equal (a prerelease step). */
function actualBump(a: semver.SemVer, b: semver.SemVer): Level {
  if (b.major !== a.major) return b.major > a.major ? 'major' : 'none';
  if (b.minor !== a.minor) return b.minor > a.minor ? 'minor' : 'none';
  if (b.patch !== a.patch) return b.patch > a.patch ? 'patch' : 'none';
  return 'none';
}

/** A change's sentence as the predicate of "<version> …": "Removes input `x`: …." → "removes input `x`: …". */
const predicate = (message: string): string => message.charAt(0).toLowerCase() + message.slice(1).replace(/\.$/, '');

function underBumpedMessage(b: string, needing: ContractChange[], minimum: string): string {
  const [first] = needing;
  if (first === undefined) return `${b} is below ${minimum}, the smallest version these changes allow.`;
  const more = needing.length > 1 ? `, and ${needing.length - 1} more change${needing.length > 2 ? 's' : ''} need${needing.length > 2 ? '' : 's'} it too` : '';
  return `${b} ${predicate(first.message)}${more}; this needs ${minimum}.`;
}

export function semverVerdict(aVersion: string, bVersion: string, changes: readonly ContractChange[], filesChanged: boolean): Verdict {
  const a = new semver.SemVer(aVersion);
  const b = new semver.SemVer(bVersion);
  const required = max([...changes.map((c) => c.severity), filesChanged ? 'patch' : 'none']);
  const bump = neededBump(required, a);
  const minimum = semver.inc(a, bump)!;
  const actual = actualBump(a, b);
  const release = releaseOf(b);
  const prerelease = b.prerelease.length > 0;
  const note = prerelease ? ` ${bVersion} is a prerelease, so this is information only.` : '';
  const verdict = (status: Verdict['status'], message: string, needing: ContractChange[] = []): Verdict => ({
    status,
    required,
    actual,
    minimum,
    informational: prerelease || status === 'over-bumped',
    needing,
    message: message + note,
  });

  // The same version with nothing changed is the truth: there is nothing to release.
  if (semver.eq(b, a) && required === 'none') return { ...verdict('ok', `${bVersion} is ${aVersion}, and nothing changed.`), minimum: aVersion };
  if (semver.lte(b, a)) {
    return verdict('not-increased', `${bVersion} is not above ${aVersion}: a new version must come after the one it replaces; these changes need ${minimum}.`);
  }
  if (semver.lt(release, minimum)) {
    const needing = changes.filter((c) => semver.lt(release, semver.inc(a, neededBump(c.severity, a))!));
    return verdict('under-bumped', underBumpedMessage(bVersion, needing, minimum), needing);
  }
  // Leaving 0.y for 1.0.0 declares the interface stable: a choice, never more than needed.
  const higher = HIGHER[bump];
  const stabilises = a.major === 0 && b.major > 0;
  if (higher !== null && !stabilises && !semver.lt(release, semver.inc(releaseOf(a), higher)!)) {
    return verdict('over-bumped', `${bVersion} is a ${actual} release, but the changes only need ${minimum}: callers may hold back from an upgrade that is safe.`);
  }
  const zeroNote = a.major === 0 && required === 'major' ? ' (before 1.0.0 a breaking change needs a new minor)' : '';
  const bumpWord = actual === 'none' ? '' : `${actual} `;
  return verdict('ok', `${bVersion} is an honest ${bumpWord}release after ${aVersion}${zeroNote}.`);
}
