// Lists repeat from one version of a module to the next (dependencies, tags, types), and from one read of a
// folder to the next (versions, stray entries): equal ones are told apart without a key, item by item.
import type { Dependency } from './types.js';

/** Whether two dependency lists name the same modules with the same ranges, in the same order. */
export const sameDependencies = (a: readonly Dependency[], b: readonly Dependency[]): boolean =>
  a === b || (a.length === b.length && a.every((d, i) => d.name === b[i]!.name && d.range === b[i]!.range));

/** Whether two lists of strings hold the same items in the same order. */
export const sameStrings = (a: readonly string[], b: readonly string[]): boolean => a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
