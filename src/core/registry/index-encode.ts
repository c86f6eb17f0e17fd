// Writing the index file (layout in index-format.ts): modules are added one after another in index order, each
// column's text growing as they come (moved to a temporary file 64 KiB at a time, spill.ts, when the writer has
// one), repeated lists and strings stored once. The same writer serves an index held in memory (encodeIndex) and
// a first build that never holds one (index-build.ts), so both write the same bytes.
import { entryAt, FORMAT, STATE_LETTER, type IndexFile, type Problem } from './index-format.js';
import type { StoredVersion } from './index-entry.js';
import { latestIndex } from './latest.js';
import { SpilledText, type SpillFile } from './spill.js';
import type { Dependency, InvalidVersion, Verification } from './types.js';

/** A JSON array's text, its items appended a run at a time. */
export class ArrayText {
  private readonly text: SpilledText;
  private empty = true;

  constructor(spill: SpillFile | null) {
    this.text = new SpilledText(spill);
  }

  /** Appends items: `items` is their JSON, comma-separated, as inside an array's brackets ('' for none). */
  add(items: string): void {
    if (items === '') return;
    this.text.append(this.empty ? items : `,${items}`);
    this.empty = false;
  }

  *pieces(): Generator<string | Uint8Array> {
    yield '[';
    yield* this.text.pieces();
    yield ']';
  }
}

/** The items of a list of strings as `ArrayText.add` takes them. */
const stringItems = (items: readonly string[]): string => (items.length === 0 ? '' : JSON.stringify(items).slice(1, -1));

// Tables of distinct items stop remembering new ones past this many: a registry with more distinct lists stores
// some twice (which readers accept) rather than keep a key for each of them for the whole build.
const MAX_REMEMBERED = 8192;

/** A table of distinct items, written to its column as they first appear; `id` gives an item's position. */
class Table<T> {
  readonly column: ArrayText;
  private size = 0;
  private readonly ids = new Map<string, number>();

  constructor(spill: SpillFile | null) {
    this.column = new ArrayText(spill);
  }

  id(value: T, key: string): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.size++;
      this.column.add(JSON.stringify(value));
      if (this.ids.size < MAX_REMEMBERED) this.ids.set(key, id);
    }
    return id;
  }
}

/**
 * A key that tells lists apart: their count and items joined with NUL, which names, ranges and types never hold;
 * a list with an item that does (a tag could) is keyed by its JSON, which starts with `[` where this starts
 * with a digit. Three to four times cheaper to make than JSON for every list of a large index.
 */
const listKey = (items: string[]): string => (items.some((x) => x.includes('\0')) ? JSON.stringify(items) : `${items.length}\0${items.join('\0')}`);

/**
 * A table of lists that remembers, for each kind of list it is given (`kind`: tags, input types…), the last array
 * and its position: entries read on one thread share equal lists (index-entry.ts), one after another, so most
 * need no key. Only the last: arrays held longer outlive the young generation, which then grows for the whole build.
 */
class ListTable extends Table<string[]> {
  private readonly last: unknown[] = [];
  private readonly lastIds: number[] = [];
  /** `stored` makes the list as the file stores it (a module-level function: no closure per call). */
  of<T>(from: T[], stored: (from: T[]) => string[], kind = 0): number {
    if (from !== this.last[kind]) {
      const items = stored(from);
      this.lastIds[kind] = this.id(items, listKey(items));
      this.last[kind] = from;
    }
    return this.lastIds[kind]!;
  }
}

const asStored = (items: string[]): string[] => items;
// The kinds of list `lists` holds.
const [TAGS, INPUT_TYPES, OUTPUT_TYPES] = [0, 1, 2];
/** Name, range, name, range…: a loop into an array of the final length allocates a quarter of what `flatMap` does. */
function flatDependencies(deps: Dependency[]): string[] {
  const flat = new Array<string>(deps.length * 2);
  for (let i = 0; i < deps.length; i++) {
    flat[2 * i] = deps[i]!.name;
    flat[2 * i + 1] = deps[i]!.range;
  }
  return flat;
}

/** What the writer takes of a module besides its entries: its folder's stamp, its versions and its stray entries. */
export interface ModuleColumns {
  mtime: number | null;
  versions: readonly string[];
  stray: readonly string[];
}

/** The index file's columns, filled a module at a time in index order. */
export class IndexColumns {
  private readonly stray: ArrayText;
  private readonly names: ArrayText;
  private readonly mtimes: ArrayText;
  private readonly counts: ArrayText;
  private readonly versions: ArrayText;
  private readonly sources: ArrayText;
  private readonly latestDescriptions: ArrayText;
  private readonly tags: ArrayText;
  private readonly inputTypes: ArrayText;
  private readonly outputTypes: ArrayText;
  private readonly lists: ListTable;
  private readonly strings: Table<string>;
  private readonly dependencies: ArrayText;
  private readonly depLists: ListTable;
  private readonly invalid: ArrayText;
  private readonly problems: Table<Problem>;
  private readonly inos: ArrayText;
  private readonly descriptions: ArrayText;
  /** One letter per version (STATE_LETTER): kept in memory, a byte a version, so a writer can still change them. */
  private states = Buffer.allocUnsafe(1024);
  /** Versions added so far. */
  total = 0;
  /** Whether every module added has a settled mtime (a listing text can record them). */
  allStamped = true;

  constructor(
    spill: SpillFile | null,
    readonly modulesMtime: number | null,
    stray: readonly string[],
  ) {
    const column = (): ArrayText => new ArrayText(spill);
    [this.stray, this.names, this.mtimes, this.counts, this.versions, this.sources] = [column(), column(), column(), column(), column(), column()];
    [this.latestDescriptions, this.tags, this.inputTypes, this.outputTypes] = [column(), column(), column(), column()];
    [this.dependencies, this.invalid, this.inos, this.descriptions] = [column(), column(), column(), column()];
    this.lists = new ListTable(spill);
    this.depLists = new ListTable(spill);
    this.strings = new Table(spill);
    this.problems = new Table(spill);
    this.stray.add(stringItems(stray));
  }

  /** Adds module `name` (after every module before it in index order); `entry(i)` is its version at position i. */
  add(name: string, stored: ModuleColumns, entry: (i: number) => StoredVersion): void {
    const { versions } = stored;
    const n = versions.length;
    this.names.add(JSON.stringify(name));
    this.mtimes.add(JSON.stringify(stored.mtime));
    this.counts.add(String(n));
    this.stray.add(stringItems(stored.stray));
    if (stored.mtime === null) this.allStamped = false;
    const latest = latestIndex(versions);
    // A name without versions has no latest; the column keeps one per name.
    let latestDescription = '';
    // Each column's items of this module, made in place at their known number.
    const ids = (): number[] => new Array<number>(n);
    const [sources, tags, inputTypes, outputTypes, dependencies, invalid] = [ids(), ids(), ids(), ids(), ids(), ids()];
    const inos = new Array<string>(n);
    const descriptions = new Array<string>(n);
    this.reserve(n);
    for (let i = 0; i < n; i++) {
      const e = entry(i);
      if (i === latest) latestDescription = e.description;
      sources[i] = e.source === null ? -1 : this.strings.id(e.source, e.source);
      tags[i] = this.lists.of(e.tags, asStored, TAGS);
      inputTypes[i] = this.lists.of(e.inputTypes, asStored, INPUT_TYPES);
      outputTypes[i] = this.lists.of(e.outputTypes, asStored, OUTPUT_TYPES);
      dependencies[i] = this.depLists.of(e.dependencies, flatDependencies);
      invalid[i] = this.problemId(e.invalid);
      inos[i] = e.ino;
      descriptions[i] = e.description;
      this.states[this.total++] = STATE_LETTER_CODE[e.verification];
    }
    this.latestDescriptions.add(JSON.stringify(latestDescription));
    this.versions.add(stringItems(versions));
    this.sources.add(sources.join(','));
    this.tags.add(tags.join(','));
    this.inputTypes.add(inputTypes.join(','));
    this.outputTypes.add(outputTypes.join(','));
    this.dependencies.add(dependencies.join(','));
    this.invalid.add(invalid.join(','));
    this.inos.add(stringItems(inos));
    this.descriptions.add(stringItems(descriptions));
  }

  /** The names column so far, as JSON text (a listing text records the same names). */
  namesText(): Generator<string | Uint8Array> {
    return this.names.pieces();
  }

  /** The mtimes column so far, as JSON text. */
  mtimesText(): Generator<string | Uint8Array> {
    return this.mtimes.pieces();
  }

  /** The file's text in pieces, to be written one after another; spilled pieces are valid until the next is asked for. */
  *text(): Generator<string | Uint8Array> {
    yield `{"format":${FORMAT},"modulesMtime":${JSON.stringify(this.modulesMtime)}`;
    yield* this.field('stray', this.stray);
    yield* this.field('names', this.names);
    yield* this.field('mtimes', this.mtimes);
    yield* this.field('counts', this.counts);
    yield* this.field('versions', this.versions);
    yield* this.field('sources', this.sources);
    yield* this.field('latestDescriptions', this.latestDescriptions);
    yield* this.field('tags', this.tags);
    yield* this.field('inputTypes', this.inputTypes);
    yield* this.field('outputTypes', this.outputTypes);
    yield* this.field('lists', this.lists.column);
    yield* this.field('strings', this.strings.column);
    // JSON.stringify never emits a raw newline, so newlines separate the lines.
    yield `,"states":"${this.states.toString('latin1', 0, this.total)}"}\n{`;
    yield* this.field('dependencies', this.dependencies, '');
    yield* this.field('depLists', this.depLists.column);
    yield* this.field('invalid', this.invalid);
    yield* this.field('problems', this.problems.column);
    yield '}\n{';
    yield* this.field('inos', this.inos, '');
    yield* this.field('descriptions', this.descriptions);
    yield '}';
  }

  private *field(key: string, column: ArrayText, before = ','): Generator<string | Uint8Array> {
    yield `${before}"${key}":`;
    yield* column.pieces();
  }

  private problemId(v: InvalidVersion | null): number {
    if (v === null) return -1;
    const row: Problem = [v.message, v.file, v.line, v.column];
    return this.problems.id(row, JSON.stringify(row));
  }

  /** Room for `n` more states. */
  private reserve(n: number): void {
    if (this.total + n <= this.states.length) return;
    const grown = Buffer.allocUnsafe(Math.max(2 * this.states.length, this.total + n));
    this.states.copy(grown, 0, 0, this.total);
    this.states = grown;
  }
}

const STATE_LETTER_CODE = Object.fromEntries(Object.entries(STATE_LETTER).map(([state, letter]) => [state, letter.charCodeAt(0)])) as Record<Verification, number>;

/**
 * The text of an index held in memory (its detail loaded, `loadDetail`), in pieces to be written one after
 * another; with `spill`, the columns' text goes there rather than staying in memory until written.
 */
export function* encodeIndex(idx: IndexFile, spill: SpillFile | null = null): Generator<string | Uint8Array> {
  const columns = new IndexColumns(spill, idx.modulesMtime, idx.stray);
  for (const [name, stored] of idx.names) columns.add(name, stored, (i) => entryAt(idx, stored, i));
  yield* columns.text();
}
