// §2's rules for module names and versions, which the registry also uses as path segments. Free of imports
// (no Node, no semver library), so the registry's start-up (`list`) loads no semver code and the IPC contract
// (src/shared/ipc/schemas.ts, allowed by eslint.config.js LAYERS) refuses exactly what core refuses.

/** A module name is also a path segment in the registry; the first character rules out `.` and `..`. */
const MODULE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
const MAX_NAME_LENGTH = 214;

// The regular expression published at semver.org, without the leniencies of semver.valid (v-prefix, spaces).
const STRICT_SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
export const MAX_VERSION_LENGTH = 256;

export function isModuleName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && MODULE_NAME.test(name);
}

/**
 * Strict SemVer 2.0.0 syntax only (no library call): enough to make a version a safe path segment, as
 * SemVer's alphabet has no slash or backslash and no empty dot-separated identifier.
 */
export function isStrictSemverSyntax(version: string): boolean {
  return version.length <= MAX_VERSION_LENGTH && STRICT_SEMVER.test(version);
}

/**
 * Strict SemVer 2.0.0 whose major, minor and patch fit in a safe integer: exactly the versions the semver
 * library also accepts, checked without loading it.
 */
export function isStrictSemver(version: string): boolean {
  const m = version.length <= MAX_VERSION_LENGTH ? STRICT_SEMVER.exec(version) : null;
  return m !== null && [m[1], m[2], m[3]].every((n) => Number(n) <= Number.MAX_SAFE_INTEGER);
}
