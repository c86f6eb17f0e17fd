// Dependency lists repeat from one version of a module to the next: equal ones are kept as one array.
import type { Dependency } from './types.js';

/** Whether two dependency lists name the same modules with the same ranges, in the same order. */
export const sameDependencies = (a: readonly Dependency[], b: readonly Dependency[]): boolean =>
  a === b || (a.length === b.length && a.every((d, i) => d.name === b[i]!.name && d.range === b[i]!.range));
