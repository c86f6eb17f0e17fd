// Search and sort over the registry listing, done in the renderer so typing never waits on main.
// Each package gets one lower-cased haystack (name, description, tags, input and output types), made once
// per row object: pages arriving or a verify changing a few rows recompute nothing else. A query is
// whitespace-separated terms that must all appear.
import compareVersions from 'semver/functions/compare';
import type { PackageRow } from '../../../shared/ipc/schemas';
import { severity } from '../../api/verification-cache';

export const SORT_KEYS = { name: 'Name', version: 'Latest version', verification: 'Verification' } as const;
export type SortKey = keyof typeof SORT_KEYS;

export interface ListedPackage {
  row: PackageRow;
  haystack: string;
}

const listed = new WeakMap<PackageRow, ListedPackage>();

function listedOf(row: PackageRow): ListedPackage {
  let item = listed.get(row);
  if (!item) {
    item = { row, haystack: [row.name, row.description, ...row.tags, ...row.inputTypes, ...row.outputTypes].join('\n').toLowerCase() };
    listed.set(row, item);
  }
  return item;
}

export function listPackages(packages: readonly PackageRow[]): ListedPackage[] {
  return packages.map(listedOf);
}

export function filterPackages(items: ListedPackage[], query: string): ListedPackage[] {
  const terms = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return items;
  return items.filter((item) => terms.every((term) => item.haystack.includes(term)));
}

function byName(a: ListedPackage, b: ListedPackage): number {
  return a.row.name < b.row.name ? -1 : a.row.name > b.row.name ? 1 : 0;
}

function byLatestDescending(a: ListedPackage, b: ListedPackage): number {
  try {
    return compareVersions(b.row.latest, a.row.latest) || byName(a, b);
  } catch {
    return byName(a, b);
  }
}

const COMPARATORS: Record<SortKey, (a: ListedPackage, b: ListedPackage) => number> = {
  name: byName,
  version: byLatestDescending,
  verification: (a, b) => severity(a.row.verification) - severity(b.row.verification) || byName(a, b),
};

export function sortPackages(items: ListedPackage[], key: SortKey): ListedPackage[] {
  return [...items].sort(COMPARATORS[key]);
}
