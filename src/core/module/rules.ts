// The lexical rules of §2: module names, semantic type identifiers, strict SemVer, ranges.
// Only the two semver functions used here: the whole library adds to the start-up of every command.
import validVersion from 'semver/functions/valid.js';
import validRange from 'semver/ranges/valid.js';

/** A module name is also a path segment in the registry; the first character rules out `.` and `..`. */
export const MODULE_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
export const MAX_NAME_LENGTH = 214;
export const TYPE_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
/** Input names double as placeholder names, so they follow the placeholder syntax. */
export const INPUT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

// The regular expression published at semver.org, without the leniencies of semver.valid (v-prefix, spaces).
const STRICT_SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;
const MAX_VERSION_LENGTH = 256;
const RANGE_CHARS = /^[0-9A-Za-z.+\-^~<>=|*\s]+$/;

export function isModuleName(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && MODULE_NAME.test(name);
}

/** Strict SemVer 2.0.0 that the semver library also accepts (so its numbers fit in a safe integer). */
export function isStrictSemver(version: string): boolean {
  return version.length <= MAX_VERSION_LENGTH && STRICT_SEMVER.test(version) && validVersion(version) !== null;
}

/** A range semver parses, without the empty or `||`-only forms it would silently read as `*`. */
export function isValidRange(range: string): boolean {
  if (range.length > MAX_VERSION_LENGTH || range.trim() === '' || !RANGE_CHARS.test(range)) return false;
  if (range.split('||').some((part) => part.trim() === '')) return false;
  return validRange(range) !== null;
}
