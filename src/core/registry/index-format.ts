// The index cache on disk (.promptpm/index.json), format 2: one compact JSON object of columns, one
// entry per version in name-then-semver order, with repeated lists (tags, types, dependency lists) and
// manifest file names stored once. A warm `list` parses it on every run: entries stay in the parsed
// columns until something asks for them, so listing builds no per-version objects besides its rows.
// Any other format, or a file that does not check out, is rebuilt from modules/.
import { isModuleName, isStrictSemverSyntax } from '../module/name-version.js';
import type { StoredVersion } from './index-entry.js';
import type { Verification } from './types.js';

export const FORMAT = 2;

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
}

export interface IndexFile {
  modulesMtime: number | null;
  /** Entries of modules/ that are not module folders, sorted. */
  stray: string[];
  /** Module folders in code-point order. */
  names: Map<string, StoredName>;
  columns: Columns | null;
}

interface Columns {
  format: number;
  modulesMtime: number | null;
  stray: string[];
  names: string[];
  mtimes: Array<number | null>;
  counts: number[];
  versions: string[];
  inos: string[];
  sources: number[];
  descriptions: string[];
  tags: number[];
  inputTypes: number[];
  outputTypes: number[];
  dependencies: number[];
  /** Interned string lists; a dependency list is stored flat as name, range, name, range… */
  lists: string[][];
  /** Interned manifest file names (`sources` is -1 for none). */
  strings: string[];
  /** One letter per version. */
  states: string;
}

const STATE_LETTER: Record<Verification, string> = { ok: 'o', tampered: 't', unreadable: 'r', unverified: 'u' };
const LETTER_STATE: Record<string, Verification> = { o: 'ok', t: 'tampered', r: 'unreadable', u: 'unverified' };

export const emptyIndex = (): IndexFile => ({ modulesMtime: null, stray: [], names: new Map(), columns: null });

export const newName = (mtime: number | null, versions: string[], entries: StoredVersion[], stray: string[]): StoredName => ({ mtime, versions, stray, entries, first: 0 });

function fromColumns(c: Columns, k: number): StoredVersion {
  const s = c.sources[k]!;
  const flat = c.lists[c.dependencies[k]!]!;
  const dependencies: StoredVersion['dependencies'] = [];
  for (let i = 0; i < flat.length; i += 2) dependencies.push({ name: flat[i]!, range: flat[i + 1]! });
  return {
    ino: c.inos[k]!,
    source: s < 0 ? null : c.strings[s]!,
    description: c.descriptions[k]!,
    tags: c.lists[c.tags[k]!]!,
    dependencies,
    verification: LETTER_STATE[c.states[k]!]!,
    inputTypes: c.lists[c.inputTypes[k]!]!,
    outputTypes: c.lists[c.outputTypes[k]!]!,
  };
}

/** One entry, read from the columns when the module was not rescanned (a fresh object each time then). */
export function entryAt(idx: IndexFile, stored: StoredName, i: number): StoredVersion {
  return stored.entries?.[i] ?? fromColumns(idx.columns!, stored.first + i);
}

/** All entries of a module, kept on it so they can be changed. */
export function entriesOf(idx: IndexFile, stored: StoredName): StoredVersion[] {
  return (stored.entries ??= stored.versions.map((_, i) => fromColumns(idx.columns!, stored.first + i)));
}

export function stateAt(idx: IndexFile, stored: StoredName, i: number): Verification {
  return stored.entries?.[i]?.verification ?? LETTER_STATE[idx.columns!.states[stored.first + i]!]!;
}

export function sourceAt(idx: IndexFile, stored: StoredName, i: number): string | null {
  if (stored.entries) return stored.entries[i]!.source;
  const c = idx.columns!;
  const s = c.sources[stored.first + i]!;
  return s < 0 ? null : c.strings[s]!;
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

export function encodeIndex(idx: IndexFile): string {
  const lists = new Interner<string[]>();
  const strings = new Interner<string>();
  const list = (items: string[]): number => lists.id(items, JSON.stringify(items));
  const c: Columns = {
    format: FORMAT,
    modulesMtime: idx.modulesMtime,
    stray: [...idx.stray],
    names: [],
    mtimes: [],
    counts: [],
    versions: [],
    inos: [],
    sources: [],
    descriptions: [],
    tags: [],
    inputTypes: [],
    outputTypes: [],
    dependencies: [],
    lists: lists.items,
    strings: strings.items,
    states: '',
  };
  const states: string[] = [];
  for (const [name, stored] of idx.names) {
    c.names.push(name);
    c.mtimes.push(stored.mtime);
    c.counts.push(stored.versions.length);
    c.stray.push(...stored.stray);
    stored.versions.forEach((version, i) => {
      const e = entryAt(idx, stored, i);
      c.versions.push(version);
      c.inos.push(e.ino);
      c.sources.push(e.source === null ? -1 : strings.id(e.source, e.source));
      c.descriptions.push(e.description);
      c.tags.push(list(e.tags));
      c.inputTypes.push(list(e.inputTypes));
      c.outputTypes.push(list(e.outputTypes));
      c.dependencies.push(list(e.dependencies.flatMap((d) => [d.name, d.range])));
      states.push(STATE_LETTER[e.verification]);
    });
  }
  c.states = states.join('');
  return JSON.stringify(c);
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

/** Checks every column once, so entries can later be read from them without further checks. */
function wellFormed(c: Columns): boolean {
  if (typeof c !== 'object' || c === null || c.format !== FORMAT || !isNumberOrNull(c.modulesMtime)) return false;
  if (!isStrings(c.names) || !isStrings(c.versions) || !isStrings(c.stray) || !isStrings(c.strings) || typeof c.states !== 'string') return false;
  const n = c.names.length;
  const total = c.versions.length;
  if (!Array.isArray(c.mtimes) || c.mtimes.length !== n || !Array.isArray(c.counts) || c.counts.length !== n) return false;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const count = c.counts[i];
    if (!isModuleName(c.names[i]!) || !isNumberOrNull(c.mtimes[i]) || !Number.isInteger(count) || count! < 0) return false;
    sum += count!;
  }
  if (sum !== total || !isStrings(c.inos) || c.inos.length !== total || !isStrings(c.descriptions) || c.descriptions.length !== total) return false;
  for (const v of c.versions) if (!isStrictSemverSyntax(v)) return false;
  if (c.states.length !== total || !/^[otru]*$/.test(c.states) || !Array.isArray(c.lists) || !c.lists.every(isStrings)) return false;
  const L = c.lists.length;
  if (!indexesWithin(c.sources, total, c.strings.length, -1)) return false;
  if (![c.tags, c.inputTypes, c.outputTypes, c.dependencies].every((col) => indexesWithin(col, total, L))) return false;
  return c.dependencies.every((d) => c.lists[d]!.length % 2 === 0);
}

/** The index in a file's text, or null when it is not a well-formed index of this format. */
export function decodeIndex(text: string): IndexFile | null {
  let c: Columns;
  try {
    c = JSON.parse(text) as Columns;
  } catch {
    return null;
  }
  if (!wellFormed(c)) return null;
  const idx: IndexFile = { modulesMtime: c.modulesMtime, stray: [], names: new Map(), columns: c };
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
    idx.names.set(name, { mtime: c.mtimes[i]!, versions: c.versions.slice(first, first + count), stray: strayOf.get(name) ?? [], entries: null, first });
    first += count;
  }
  return idx;
}
