// The index cache on disk (.promptpm/index.json), format 4: two lines, each a compact JSON object of
// columns with one entry per version in name-then-semver order, repeated lists (tags, types, dependency
// lists) and manifest file names stored once. The first line holds what a warm `list` prints (plus each
// package's latest description); the second the rest (inodes, all descriptions, dependencies, why a version
// does not validate), parsed
// only when asked for: a warm list of a large registry never parses it. Entries stay in the parsed
// columns until something asks for them, so listing builds no per-version objects besides its rows.
// Any other format, or a file that does not check out, is rebuilt from modules/.
import { isModuleName, isStrictSemverSyntax } from '../module/name-version.js';
import type { StoredVersion } from './index-entry.js';
import { latestIndex } from './latest.js';
import type { IndexEntry, InvalidVersion, Verification } from './types.js';

// 4: versions that do not validate are recorded as such (with their first error), not as having no dependencies.
export const FORMAT = 4;

export interface StoredName {
  /** The folder's mtime (ms) when it was last scanned, or null to rescan it on the next read. */
  mtime: number | null;
  /** Version folders in semver order. */
  versions: string[];
  /** Entries of the folder that are not versions (registry-relative paths), sorted. */
  stray: string[];
  /** The entries at the same positions as `versions`; null while they are still only in the file's columns. */
  entries: StoredVersion[] | null;
  /** Column position of the first version, while `entries` is null. */
  first: number;
  /** Column position of the name, while `entries` is null. */
  row: number;
}

export interface IndexFile {
  modulesMtime: number | null;
  /** Entries of modules/ that are not module folders, sorted. */
  stray: string[];
  /** Module folders in code-point order. */
  names: Map<string, StoredName>;
  columns: Columns | null;
  /** The second line's columns once parsed (see `loadDetail`). */
  detail: Detail | null;
  /** The second line's text until it is parsed. */
  detailText: string | null;
}

interface Columns {
  format: number;
  modulesMtime: number | null;
  stray: string[];
  names: string[];
  mtimes: Array<number | null>;
  counts: number[];
  versions: string[];
  sources: number[];
  /** One per name: the description of its latest version. */
  latestDescriptions: string[];
  tags: number[];
  inputTypes: number[];
  outputTypes: number[];
  /** Interned string lists (tags, types). */
  lists: string[][];
  /** Interned manifest file names (`sources` is -1 for none). */
  strings: string[];
  /** One letter per version; the last column, so `recordsAllOk` can read it without parsing the line. */
  states: string;
}

interface Detail {
  inos: string[];
  descriptions: string[];
  dependencies: number[];
  /** Interned dependency lists, each stored flat as name, range, name, range… */
  depLists: string[][];
  /** Per version: its position in `problems`, or -1 when it validates. */
  invalid: number[];
  /** First validation errors as [message, file, line, column]. */
  problems: Problem[];
}

type Problem = [message: string, file: string | null, line: number | null, column: number | null];

const STATE_LETTER: Record<Verification, string> = { ok: 'o', tampered: 't', unreadable: 'r', unverified: 'u' };
const LETTER_STATE: Record<string, Verification> = { o: 'ok', t: 'tampered', r: 'unreadable', u: 'unverified' };

export const emptyIndex = (): IndexFile => ({ modulesMtime: null, stray: [], names: new Map(), columns: null, detail: null, detailText: null });

export const newName = (mtime: number | null, versions: string[], entries: StoredVersion[], stray: string[]): StoredName => ({
  mtime,
  versions,
  stray,
  entries,
  first: 0,
  row: 0,
});

function fromColumns(c: Columns, d: Detail, k: number): StoredVersion {
  const s = c.sources[k]!;
  const flat = d.depLists[d.dependencies[k]!]!;
  const dependencies: StoredVersion['dependencies'] = [];
  for (let i = 0; i < flat.length; i += 2) dependencies.push({ name: flat[i]!, range: flat[i + 1]! });
  const p = d.invalid[k]!;
  const problem = p < 0 ? null : d.problems[p]!;
  return {
    ino: d.inos[k]!,
    source: s < 0 ? null : c.strings[s]!,
    description: d.descriptions[k]!,
    tags: c.lists[c.tags[k]!]!,
    dependencies,
    verification: LETTER_STATE[c.states[k]!]!,
    inputTypes: c.lists[c.inputTypes[k]!]!,
    outputTypes: c.lists[c.outputTypes[k]!]!,
    invalid: problem && { message: problem[0], file: problem[1], line: problem[2], column: problem[3] },
  };
}

/**
 * Parses the second line if that is still to do; false when it does not check out, in which case `idx`
 * is emptied so that it is rebuilt from modules/.
 */
export function loadDetail(idx: IndexFile): boolean {
  if (idx.detailText === null) return true;
  const detail = parseDetail(idx.detailText, idx.columns!);
  idx.detailText = null;
  if (detail === null) {
    Object.assign(idx, emptyIndex());
    return false;
  }
  idx.detail = detail;
  return true;
}

/** One entry, read from the columns when the module was not rescanned (a fresh object each time then); needs `loadDetail`. */
export function entryAt(idx: IndexFile, stored: StoredName, i: number): StoredVersion {
  return stored.entries?.[i] ?? fromColumns(idx.columns!, idx.detail!, stored.first + i);
}

/** All entries of a module, kept on it so they can be changed; needs `loadDetail`. */
export function entriesOf(idx: IndexFile, stored: StoredName): StoredVersion[] {
  return (stored.entries ??= stored.versions.map((_, i) => fromColumns(idx.columns!, idx.detail!, stored.first + i)));
}

/** What a package row shows of its latest version (position `latest`); needs only the first line. */
export function summaryAt(idx: IndexFile, stored: StoredName, latest: number): Pick<IndexEntry, 'description' | 'tags' | 'inputTypes' | 'outputTypes'> {
  if (stored.entries) return stored.entries[latest]!;
  const c = idx.columns!;
  const k = stored.first + latest;
  return { description: c.latestDescriptions[stored.row]!, tags: c.lists[c.tags[k]!]!, inputTypes: c.lists[c.inputTypes[k]!]!, outputTypes: c.lists[c.outputTypes[k]!]! };
}

export function stateAt(idx: IndexFile, stored: StoredName, i: number): Verification {
  return stored.entries?.[i]?.verification ?? LETTER_STATE[idx.columns!.states[stored.first + i]!]!;
}

class Interner<T> {
  readonly items: T[] = [];
  private readonly ids = new Map<string, number>();
  id(value: T, key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.items.push(value) - 1;
      this.ids.set(key, id);
    }
    return id;
  }
}

/** The file's text; `idx` must have its detail loaded (`loadDetail`). */
export function encodeIndex(idx: IndexFile): string {
  const lists = new Interner<string[]>();
  const depLists = new Interner<string[]>();
  const strings = new Interner<string>();
  // Entries read on one thread share equal lists (index-entry.ts): an array met before needs no JSON key.
  const seen = new Map<Interner<string[]>, Map<unknown, number>>([[lists, new Map()], [depLists, new Map()]]);
  const list = (into: Interner<string[]>, items: string[], from: unknown = items): number => {
    const ids = seen.get(into)!;
    let id = ids.get(from);
    if (id === undefined) ids.set(from, (id = into.id(items, JSON.stringify(items))));
    return id;
  };
  const c: Columns = {
    format: FORMAT,
    modulesMtime: idx.modulesMtime,
    stray: [...idx.stray],
    names: [],
    mtimes: [],
    counts: [],
    versions: [],
    sources: [],
    latestDescriptions: [],
    tags: [],
    inputTypes: [],
    outputTypes: [],
    lists: lists.items,
    strings: strings.items,
    states: '',
  };
  const problems = new Interner<Problem>();
  const d: Detail = { inos: [], descriptions: [], dependencies: [], depLists: depLists.items, invalid: [], problems: problems.items };
  const problemId = (v: InvalidVersion | null): number => {
    if (v === null) return -1;
    const row: Problem = [v.message, v.file, v.line, v.column];
    return problems.id(row, JSON.stringify(row));
  };
  const states: string[] = [];
  for (const [name, stored] of idx.names) {
    c.names.push(name);
    c.mtimes.push(stored.mtime);
    c.counts.push(stored.versions.length);
    c.stray.push(...stored.stray);
    const latest = latestIndex(stored.versions);
    stored.versions.forEach((version, i) => {
      const e = entryAt(idx, stored, i);
      if (i === latest) c.latestDescriptions.push(e.description);
      c.versions.push(version);
      c.sources.push(e.source === null ? -1 : strings.id(e.source, e.source));
      c.tags.push(list(lists, e.tags));
      c.inputTypes.push(list(lists, e.inputTypes));
      c.outputTypes.push(list(lists, e.outputTypes));
      d.inos.push(e.ino);
      d.descriptions.push(e.description);
      d.dependencies.push(list(depLists, e.dependencies.flatMap((dep) => [dep.name, dep.range]), e.dependencies));
      d.invalid.push(problemId(e.invalid));
      states.push(STATE_LETTER[e.verification]);
    });
    // A name without versions has no latest; keep the column one per name.
    if (latest < 0) c.latestDescriptions.push('');
  }
  c.states = states.join('');
  // JSON.stringify never emits a raw newline, so the first one separates the two lines.
  return `${JSON.stringify(c)}\n${JSON.stringify(d)}`;
}

// Names and versions become path segments: a damaged or hand-edited file must not smuggle in `..`. Syntax is
// enough for that, and skips a semver parse per cached version on every warm `list`.
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isNumberOrNull = (v: unknown): boolean => v === null || typeof v === 'number';

/** Every index in `col` (one per version) points into a table of `size` items (or is -1 where allowed). */
function indexesWithin(col: unknown, total: number, size: number, min = 0): boolean {
  if (!Array.isArray(col) || col.length !== total) return false;
  for (let k = 0; k < total; k++) {
    const x: unknown = col[k];
    if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x >= size) return false;
  }
  return true;
}

/** Checks every column of the first line once, so entries can later be read from them without further checks. */
function wellFormed(c: Columns): boolean {
  if (typeof c !== 'object' || c === null || c.format !== FORMAT || !isNumberOrNull(c.modulesMtime)) return false;
  if (!isStrings(c.names) || !isStrings(c.versions) || !isStrings(c.stray) || !isStrings(c.strings) || typeof c.states !== 'string') return false;
  const n = c.names.length;
  const total = c.versions.length;
  if (!Array.isArray(c.mtimes) || c.mtimes.length !== n || !Array.isArray(c.counts) || c.counts.length !== n) return false;
  if (!isStrings(c.latestDescriptions) || c.latestDescriptions.length !== n) return false;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const count = c.counts[i];
    if (!isModuleName(c.names[i]!) || !isNumberOrNull(c.mtimes[i]) || !Number.isInteger(count) || count! < 0) return false;
    sum += count!;
  }
  if (sum !== total) return false;
  for (const v of c.versions) if (!isStrictSemverSyntax(v)) return false;
  if (c.states.length !== total || !/^[otru]*$/.test(c.states) || !Array.isArray(c.lists) || !c.lists.every(isStrings)) return false;
  const L = c.lists.length;
  if (!indexesWithin(c.sources, total, c.strings.length, -1)) return false;
  return [c.tags, c.inputTypes, c.outputTypes].every((col) => indexesWithin(col, total, L));
}

const isLocation = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isInteger(v) && v > 0);
const isProblem = (v: unknown): v is Problem =>
  Array.isArray(v) && v.length === 4 && typeof v[0] === 'string' && (v[1] === null || typeof v[1] === 'string') && isLocation(v[2]) && isLocation(v[3]);

/** The second line's columns, or null when they do not check out against the first line's. */
function parseDetail(text: string, c: Columns): Detail | null {
  let d: Detail;
  try {
    d = JSON.parse(text) as Detail;
  } catch {
    return null;
  }
  const total = c.versions.length;
  if (typeof d !== 'object' || d === null || !isStrings(d.inos) || d.inos.length !== total || !isStrings(d.descriptions) || d.descriptions.length !== total) {
    return null;
  }
  if (!Array.isArray(d.depLists) || !d.depLists.every((l) => isStrings(l) && l.length % 2 === 0)) return null;
  if (!Array.isArray(d.problems) || !d.problems.every(isProblem)) return null;
  return indexesWithin(d.dependencies, total, d.depLists.length) && indexesWithin(d.invalid, total, d.problems.length, -1) ? d : null;
}

const ALL_OK_TAIL = /^,"states":"o*"\}$/;

/**
 * Whether an index file's text records every version as verified ok. The states column is the first line's
 * last (letters need no escaping), so this reads its tail instead of parsing the line: a verify that found
 * everything intact then knows there is nothing to record.
 */
export function recordsAllOk(text: string): boolean {
  const nl = text.indexOf('\n');
  const line = nl < 0 ? text : text.slice(0, nl);
  return ALL_OK_TAIL.test(line.slice(line.lastIndexOf(',"states":"')));
}

/**
 * The index in a file's text, or null when it is not a well-formed index of this format. With `lazy`, the
 * second line is left for `loadDetail` (which empties the index if it turns out damaged).
 */
export function decodeIndex(text: string, opts: { lazy?: boolean } = {}): IndexFile | null {
  const nl = text.indexOf('\n');
  if (nl < 0) return null;
  let c: Columns;
  try {
    c = JSON.parse(text.slice(0, nl)) as Columns;
  } catch {
    return null;
  }
  if (!wellFormed(c)) return null;
  const idx: IndexFile = { modulesMtime: c.modulesMtime, stray: [], names: new Map(), columns: c, detail: null, detailText: text.slice(nl + 1) };
  if (opts.lazy !== true && !loadDetail(idx)) return null;
  const strayOf = new Map<string, string[]>();
  for (const path of c.stray) {
    const parts = path.split('/');
    if (parts.length === 2) idx.stray.push(path);
    else (strayOf.get(parts[1]!) ?? strayOf.set(parts[1]!, []).get(parts[1]!)!).push(path);
  }
  let first = 0;
  for (let i = 0; i < c.names.length; i++) {
    const count = c.counts[i]!;
    const name = c.names[i]!;
    idx.names.set(name, { mtime: c.mtimes[i]!, versions: c.versions.slice(first, first + count), stray: strayOf.get(name) ?? [], entries: null, first, row: i });
    first += count;
  }
  return idx;
}
