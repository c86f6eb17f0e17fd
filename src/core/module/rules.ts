// The lexical rules of §2: module names, semantic type identifiers, strict SemVer, ranges.
// Only the semver function used here: the whole library adds to the start-up of every command.
import validRange from 'semver/ranges/valid.js';
import { MAX_VERSION_LENGTH } from './name-version.js';

export { isModuleName } from './name-version.js';
export { isStrictSemver } from './strict-version.js';
export const TYPE_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
/** Input names double as placeholder names, so they follow the placeholder syntax. */
export const INPUT_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const RANGE_CHARS = /^[0-9A-Za-z.+\-^~<>=|*\s]+$/;

/** A range semver parses, without the empty or `||`-only forms it would silently read as `*`. */
export function isValidRange(range: string): boolean {
  if (range.length > MAX_VERSION_LENGTH || range.trim() === '' || !RANGE_CHARS.test(range)) return false;
  if (range.split('||').some((part) => part.trim() === '')) return false;
  return validRange(range) !== null;
}
