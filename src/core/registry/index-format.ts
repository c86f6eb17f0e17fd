// The index cache on disk (.promptpm/index.json), format 5: three lines, each a compact JSON object of
// columns with one entry per version in name-then-semver order, repeated lists (tags, types, dependency
// lists) and manifest file names stored once. The first line holds what a warm `list` prints (plus each
// package's latest description); the second what the resolver needs besides versions (dependencies, why a
// version does not validate); the third the rest (inodes, all descriptions). Later lines are parsed only when
// asked for: a warm list of a large registry parses the first alone, the resolver the first two. Entries stay
// in the parsed columns until something asks for them, so listing builds no per-version objects besides its rows.
// Any other format, or a file that does not check out, is rebuilt from modules/. Writing is in index-encode.ts.
import { isModuleName, isStrictSemverSyntax } from '../module/name-version.js';
import type { StoredVersion } from './index-entry.js';
import type { IndexEntry, InvalidVersion, Verification } from './types.js';

// 4: versions that do not validate are recorded as such (with their first error), not as having no dependencies.
// 5: the resolver's columns on a line of their own.
export const FORMAT = 5;

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
  /** The second and third lines' columns once parsed (see `loadDetail`). */
  detail: Detail | null;
  /** The second line's columns, parsed alone for the resolver (see `loadResolution`) before `detail` is. */
  resolution: Resolution | null;
  /** The second and third lines, as read (bytes are decoded a line at a time when asked), until they are parsed. */
  detailText: IndexText | null;
  /** Identity (stamps.ts) of the index file that holds exactly this, or null when none is known to. */
  origin: string | null;
}

export interface Columns {
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

/** The second line: what resolving reads besides the versions. */
export interface Resolution {
  dependencies: number[];
  /** Interned dependency lists, each stored flat as name, range, name, range… */
  depLists: string[][];
  /** Per version: its position in `problems`, or -1 when it validates. */
  invalid: number[];
  /** First validation errors as [message, file, line, column]. */
  problems: Problem[];
}

/** The third line. */
export interface Storage {
  inos: string[];
  descriptions: string[];
}

type Detail = Resolution & Storage;

export type Problem = [message: string, file: string | null, line: number | null, column: number | null];

export const STATE_LETTER: Record<Verification, string> = { ok: 'o', tampered: 't', unreadable: 'r', unverified: 'u' };
const LETTER_STATE: Record<string, Verification> = { o: 'ok', t: 'tampered', r: 'unreadable', u: 'unverified' };

export const emptyIndex = (): IndexFile => ({ modulesMtime: null, stray: [], names: new Map(), columns: null, detail: null, resolution: null, detailText: null, origin: null });

export const newName = (mtime: number | null, versions: string[], entries: StoredVersion[], stray: string[]): StoredName => ({
  mtime,
  versions,
  stray,
  entries,
  first: 0,
  row: 0,
});

function dependenciesIn(r: Resolution, k: number): StoredVersion['dependencies'] {
  const flat = r.depLists[r.dependencies[k]!]!;
  const dependencies: StoredVersion['dependencies'] = [];
  for (let i = 0; i < flat.length; i += 2) dependencies.push({ name: flat[i]!, range: flat[i + 1]! });
  return dependencies;
}

function invalidIn(r: Resolution, k: number): InvalidVersion | null {
  const p = r.invalid[k]!;
  const problem = p < 0 ? null : r.problems[p]!;
  return problem && { message: problem[0], file: problem[1], line: problem[2], column: problem[3] };
}

function fromColumns(c: Columns, d: Detail, k: number): StoredVersion {
  const s = c.sources[k]!;
  return {
    ino: d.inos[k]!,
    source: s < 0 ? null : c.strings[s]!,
    description: d.descriptions[k]!,
    tags: c.lists[c.tags[k]!]!,
    dependencies: dependenciesIn(d, k),
    verification: LETTER_STATE[c.states[k]!]!,
    inputTypes: c.lists[c.inputTypes[k]!]!,
    outputTypes: c.lists[c.outputTypes[k]!]!,
    invalid: invalidIn(d, k),
  };
}

/** Empties a lazily read index whose later lines turned out damaged, so that it is rebuilt from modules/. */
function rebuildFromScratch(idx: IndexFile): false {
  Object.assign(idx, emptyIndex());
  return false;
}

/**
 * An index file's content: as read from disk (bytes, so that a line is decoded only when it is parsed: a warm
 * list decodes the first of three) or as text.
 */
export type IndexText = string | Buffer;

const NEWLINE = 10;
const newlineIn = (text: IndexText, from = 0): number => (typeof text === 'string' ? text.indexOf('\n', from) : text.indexOf(NEWLINE, from));
const decode = (text: IndexText, start: number, end = text.length): string => (typeof text === 'string' ? text.slice(start, end) : text.toString('utf8', start, end));
const rest = (text: IndexText, start: number): IndexText => (typeof text === 'string' ? text.slice(start) : text.subarray(start));

function firstLine(text: IndexText): string {
  const nl = newlineIn(text);
  return decode(text, 0, nl < 0 ? text.length : nl);
}

/**
 * Parses the second line alone if nothing later is parsed yet (for the resolver); false when it does not check
 * out, in which case `idx` is emptied so that it is rebuilt from modules/.
 */
export function loadResolution(idx: IndexFile): boolean {
  if (idx.detailText === null || idx.resolution !== null) return true;
  const resolution = parseResolution(firstLine(idx.detailText), idx.columns!);
  if (resolution === null) return rebuildFromScratch(idx);
  idx.resolution = resolution;
  return true;
}

/**
 * Parses the second and third lines if that is still to do; false when they do not check out, in which case
 * `idx` is emptied so that it is rebuilt from modules/.
 */
export function loadDetail(idx: IndexFile): boolean {
  if (idx.detailText === null) return true;
  const detail = parseDetail(idx.detailText, idx.columns!, idx.resolution);
  if (detail === null) return rebuildFromScratch(idx);
  Object.assign(idx, { detail, resolution: null, detailText: null });
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

/** A version's dependencies; needs `loadResolution` (or `loadDetail`). */
export function dependenciesAt(idx: IndexFile, stored: StoredName, i: number): StoredVersion['dependencies'] {
  return stored.entries?.[i]?.dependencies ?? dependenciesIn((idx.detail ?? idx.resolution)!, stored.first + i);
}

/** Why a version does not validate, or null; needs `loadResolution` (or `loadDetail`). */
export function invalidAt(idx: IndexFile, stored: StoredName, i: number): InvalidVersion | null {
  const entry = stored.entries?.[i];
  return entry ? entry.invalid : invalidIn((idx.detail ?? idx.resolution)!, stored.first + i);
}

export function stateAt(idx: IndexFile, stored: StoredName, i: number): Verification {
  return stored.entries?.[i]?.verification ?? LETTER_STATE[idx.columns!.states[stored.first + i]!]!;
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

/** A line's JSON object, or null. */
function parseLine(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The second line's columns, or null when they do not check out against the first line's. */
function parseResolution(text: string, c: Columns): Resolution | null {
  const r = parseLine(text) as Resolution | null;
  if (r === null) return null;
  const total = c.versions.length;
  if (!Array.isArray(r.depLists) || !r.depLists.every((l) => isStrings(l) && l.length % 2 === 0)) return null;
  if (!Array.isArray(r.problems) || !r.problems.every(isProblem)) return null;
  return indexesWithin(r.dependencies, total, r.depLists.length) && indexesWithin(r.invalid, total, r.problems.length, -1) ? r : null;
}

/** The second and third lines' columns (the second reused when already parsed), or null when they do not check out. */
function parseDetail(text: IndexText, c: Columns, parsed: Resolution | null): Detail | null {
  const nl = newlineIn(text);
  if (nl < 0) return null;
  const r = parsed ?? parseResolution(decode(text, 0, nl), c);
  const s = parseLine(decode(text, nl + 1)) as Storage | null;
  const total = c.versions.length;
  if (r === null || s === null || !isStrings(s.inos) || s.inos.length !== total || !isStrings(s.descriptions) || s.descriptions.length !== total) return null;
  return { ...r, inos: s.inos, descriptions: s.descriptions };
}

const ALL_OK_TAIL = /^,"states":"o*"\}$/;

/**
 * Whether an index file's text records every version as verified ok. The states column is the first line's
 * last (letters need no escaping), so this reads its tail instead of parsing the line: a verify that found
 * everything intact then knows there is nothing to record.
 */
export function recordsAllOk(text: IndexText): boolean {
  const found = newlineIn(text);
  const end = found < 0 ? text.length : found;
  const tail = text.lastIndexOf(',"states":"', end);
  return tail >= 0 && ALL_OK_TAIL.test(decode(text, tail, end));
}

/**
 * The index in a file's text, or null when it is not a well-formed index of this format. With `lazy`, the
 * later lines are left for `loadResolution` and `loadDetail` (which empty the index if they turn out damaged).
 */
export function decodeIndex(text: IndexText, opts: { lazy?: boolean } = {}): IndexFile | null {
  const nl = newlineIn(text);
  if (nl < 0) return null;
  let c: Columns;
  try {
    c = JSON.parse(decode(text, 0, nl)) as Columns;
  } catch {
    return null;
  }
  if (!wellFormed(c)) return null;
  const idx: IndexFile = { modulesMtime: c.modulesMtime, stray: [], names: new Map(), columns: c, detail: null, resolution: null, detailText: rest(text, nl + 1), origin: null };
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
