// Writing the index file (layout in index-format.ts): the columns filled in place, repeated lists and strings
// stored once, and the text made a column at a time as the writer asks for it.
import { entryAt, FORMAT, STATE_LETTER, type Columns, type IndexFile, type Problem, type Resolution, type Storage } from './index-format.js';
import { latestIndex } from './latest.js';
import type { Dependency, InvalidVersion } from './types.js';

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

/**
 * A key that tells lists apart: their count and items joined with NUL, which names, ranges and types never hold;
 * a list with an item that does (a tag could) is keyed by its JSON, which starts with `[` where this starts
 * with a digit. Three to four times cheaper to make than JSON for every list of a large index.
 */
const listKey = (items: string[]): string => (items.some((x) => x.includes('\0')) ? JSON.stringify(items) : `${items.length}\0${items.join('\0')}`);

/** Interned lists: entries read on one thread share equal lists (index-entry.ts), so an array met before needs no key. */
class ListInterner extends Interner<string[]> {
  private readonly seen = new Map<unknown, number>();
  /** `stored` makes the list as the file stores it (a module-level function: no closure per call). */
  of<T>(from: T[], stored: (from: T[]) => string[]): number {
    let id = this.seen.get(from);
    if (id === undefined) {
      const items = stored(from);
      this.seen.set(from, (id = this.id(items, listKey(items))));
    }
    return id;
  }
}

const asStored = (items: string[]): string[] => items;
/** Name, range, name, range…: a loop into an array of the final length allocates a quarter of what `flatMap` does. */
function flatDependencies(deps: Dependency[]): string[] {
  const flat = new Array<string>(deps.length * 2);
  for (let i = 0; i < deps.length; i++) {
    flat[2 * i] = deps[i]!.name;
    flat[2 * i + 1] = deps[i]!.range;
  }
  return flat;
}

/**
 * A JSON object's text (as `JSON.stringify` gives it, for an object without undefined values) in chunks,
 * each made when asked for: one property at a time, so that no more than one column's text is alive.
 */
function* jsonChunks(o: object): Generator<string> {
  let before = '{';
  for (const [key, value] of Object.entries(o)) {
    yield `${before}${JSON.stringify(key)}:`;
    yield JSON.stringify(value);
    before = ',';
  }
  yield '}';
}

/**
 * The file's text in chunks to be written one after another, each made when asked for: the text is never
 * whole in memory, nor one line of it. `idx` must have its detail loaded (`loadDetail`).
 */
export function* encodeIndex(idx: IndexFile): Generator<string> {
  let total = 0;
  for (const stored of idx.names.values()) total += stored.versions.length;
  // Columns are filled in place at their known lengths instead of grown, a copy at each growth.
  const column = <T>(length = total): T[] => new Array<T>(length);
  const lists = new ListInterner();
  const depLists = new ListInterner();
  const strings = new Interner<string>();
  const n = idx.names.size;
  const c: Columns = {
    format: FORMAT,
    modulesMtime: idx.modulesMtime,
    stray: [...idx.stray],
    names: column(n),
    mtimes: column(n),
    counts: column(n),
    versions: column(),
    sources: column(),
    latestDescriptions: column(n),
    tags: column(),
    inputTypes: column(),
    outputTypes: column(),
    lists: lists.items,
    strings: strings.items,
    states: '',
  };
  const problems = new Interner<Problem>();
  const r: Resolution = { dependencies: column(), depLists: depLists.items, invalid: column(), problems: problems.items };
  const storage: Storage = { inos: column(), descriptions: column() };
  const problemId = (v: InvalidVersion | null): number => {
    if (v === null) return -1;
    const row: Problem = [v.message, v.file, v.line, v.column];
    return problems.id(row, JSON.stringify(row));
  };
  const states = column<string>();
  let row = 0;
  let k = 0;
  for (const [name, stored] of idx.names) {
    c.names[row] = name;
    c.mtimes[row] = stored.mtime;
    c.counts[row] = stored.versions.length;
    c.stray.push(...stored.stray);
    const latest = latestIndex(stored.versions);
    // A name without versions has no latest; keep the column one per name.
    c.latestDescriptions[row] = '';
    for (let i = 0; i < stored.versions.length; i++, k++) {
      const e = entryAt(idx, stored, i);
      if (i === latest) c.latestDescriptions[row] = e.description;
      c.versions[k] = stored.versions[i]!;
      c.sources[k] = e.source === null ? -1 : strings.id(e.source, e.source);
      c.tags[k] = lists.of(e.tags, asStored);
      c.inputTypes[k] = lists.of(e.inputTypes, asStored);
      c.outputTypes[k] = lists.of(e.outputTypes, asStored);
      storage.inos[k] = e.ino;
      storage.descriptions[k] = e.description;
      r.dependencies[k] = depLists.of(e.dependencies, flatDependencies);
      r.invalid[k] = problemId(e.invalid);
      states[k] = STATE_LETTER[e.verification];
    }
    row++;
  }
  c.states = states.join('');
  // JSON.stringify never emits a raw newline, so newlines separate the lines.
  yield* jsonChunks(c);
  yield '\n';
  yield* jsonChunks(r);
  yield '\n';
  yield* jsonChunks(storage);
}
