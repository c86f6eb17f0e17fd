// The listing's rows made from the index (list.ts): one row per version plus one per package, in index order
// (names sorted, versions in semver order), keys sorted, made a run at a time as they are written. No semver
// parsing here: the index keeps versions in semver order.
import { sep } from 'node:path';
import { GeneratedList } from '../canonical-json.js';
import { stateAt, summaryAt, type IndexFile, type StoredName } from './index-format.js';
import { latestIndex } from './latest.js';
import type { IndexEntry, ListRows, PackageRow, Verification } from './types.js';

const SEVERITY: Record<Verification, number> = { ok: 0, unverified: 1, unreadable: 2, tampered: 3 };

/** The listing's rows as the CLI writes them: made a run at a time while written, never all in memory at once. */
export interface GeneratedListRows {
  registry_path: string;
  count: number;
  modules: GeneratedList<ListRows['modules'][number]>;
  packages: GeneratedList<PackageRow>;
}

/** Rows of every module with versions. */
export function generatedRows(root: string, idx: IndexFile): GeneratedListRows {
  const listed = [...idx.names].filter(([, stored]) => stored.versions.length > 0);
  // firsts[m]: the number of version rows before module m's, so a run of rows finds its first module at once.
  const firsts: number[] = [];
  let count = 0;
  for (const [, stored] of listed) {
    firsts.push(count);
    count += stored.versions.length;
  }
  const modules = (start: number, end: number): ListRows['modules'] => {
    const rows: ListRows['modules'] = [];
    for (let m = moduleAt(firsts, start), k = start; k < end; m++) {
      const [name, { versions }] = listed[m]!;
      // Names and versions in the index are checked path segments: plain concatenation keeps this fast.
      const base = `${root}${sep}modules${sep}${name}${sep}`;
      // `source` is the version folder, as the earlier tool gives it (§6 compatibility rows).
      for (let i = k - firsts[m]!; i < versions.length && k < end; i++, k++) rows.push({ name, source: base + versions[i]!, version: versions[i]! });
    }
    return rows;
  };
  const packages = (start: number, end: number): PackageRow[] => listed.slice(start, end).map(([name, stored]) => packageRow(idx, name, stored));
  return { registry_path: root, count, modules: new GeneratedList(count, modules), packages: new GeneratedList(listed.length, packages) };
}

/** The module whose rows include row `k`: the last with firsts[m] <= k. */
function moduleAt(firsts: readonly number[], k: number): number {
  let lo = 0;
  let hi = firsts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (firsts[mid]! <= k) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The start of every version folder's path in JSON (no closing quote), for `versionRowsJson`. */
export const modulesFolderJson = (root: string): string => JSON.stringify(`${root}${sep}modules${sep}`).slice(0, -1);
const SEP_JSON = JSON.stringify(sep).slice(1, -1);

/**
 * The JSON of module `name`'s version rows as `generatedRows` makes them (as inside an array), made as text: names
 * and versions are checked path segments, with nothing to escape; `folder` is `modulesFolderJson(root)`.
 */
export function versionRowsJson(folder: string, name: string, versions: readonly string[]): string {
  let json = '';
  for (let i = 0; i < versions.length; i++) json += `${i === 0 ? '' : ','}{"name":"${name}","source":${folder}${name}${SEP_JSON}${versions[i]!}","version":"${versions[i]!}"}`;
  return json;
}

type Summary = Pick<IndexEntry, 'description' | 'tags' | 'inputTypes' | 'outputTypes'>;

/** A package's row: the worst state of its versions, and what its latest version (`summary(latest)`) shows. */
export function packageRowOf(name: string, versions: string[], state: (i: number) => Verification, summary: (latest: number) => Summary): PackageRow {
  let worst: Verification = 'ok';
  for (let i = 0; i < versions.length; i++) {
    const s = state(i);
    if (SEVERITY[s] > SEVERITY[worst]) worst = s;
  }
  const latest = latestIndex(versions);
  const top = summary(latest);
  return { description: top.description, inputTypes: top.inputTypes, latest: versions[latest]!, name, outputTypes: top.outputTypes, tags: top.tags, verification: worst, versions };
}

const packageRow = (idx: IndexFile, name: string, stored: StoredName): PackageRow =>
  packageRowOf(
    name,
    stored.versions,
    (i) => stateAt(idx, stored, i),
    (latest) => summaryAt(idx, stored, latest),
  );
