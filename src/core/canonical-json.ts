// Deterministic JSON: object keys sorted at every depth, so the same data always gives the same bytes (the
// CLI's output and promptpm.lock). Large results (a list of tens of thousands of rows) mostly arrive with keys already in order: those
// objects and arrays are serialized as they are, and only the parts out of order are copied sorted.

/** Keys a copy must handle itself (`__proto__` would set a prototype on assignment, `toJSON` is called). */
const SPECIAL = new Set(['__proto__', 'toJSON']);

function isPlain(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function sortedCopy(source: Record<string, unknown>): Record<string, unknown> {
  // No prototype, so an own `__proto__` key (parsed JSON, a module of that name) is assigned as plain data.
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(source).sort()) {
    if (source[key] !== undefined) sorted[key] = sortKeys(source[key]);
  }
  return sorted;
}

/** Values whose producer guarantees sorted keys at every depth (see `presorted`). */
const PRESORTED = new WeakSet<object>();

/**
 * Marks `value` as already in canonical order at every depth (keys sorted, no undefined fields), so it is
 * printed without being walked: for the list's tens of thousands of rows, which the core builds in order.
 */
export function presorted<T extends object>(value: T): T {
  PRESORTED.add(value);
  return value;
}

/**
 * A long list whose items are made a run at a time while it is written, so they never all exist at once
 * (the rows of a big registry's list). `make(start, end)` gives items `start` to `end - 1` with their keys
 * already in canonical order at every depth, as `presorted` requires; a plain JSON.stringify makes them all.
 */
export class GeneratedList<T> {
  constructor(
    readonly length: number,
    readonly make: (start: number, end: number) => T[],
  ) {}

  toJSON(): T[] {
    return this.make(0, this.length);
  }
}

/**
 * A value's canonical JSON, already made (the list's cached text, list-text.ts): written as these bytes,
 * unparsed. Whoever makes one vouches that the bytes are UTF-8 JSON in canonical form; a plain
 * JSON.stringify parses them (the app never meets one: it is for the CLI's output).
 */
export class JsonText {
  /** `read` gives the bytes, in one piece or several, once. */
  constructor(readonly read: () => Iterable<Uint8Array>) {}

  static of(bytes: Uint8Array): JsonText {
    return new JsonText(() => [bytes]);
  }

  toJSON(): unknown {
    return JSON.parse(Buffer.concat([...this.read()]).toString('utf8'));
  }
}

/** The value with keys sorted at every depth (undefined fields dropped); returns the value itself when it already is. */
export function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || PRESORTED.has(value) || value instanceof GeneratedList || value instanceof JsonText) return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      const sorted = sortKeys(item);
      if (sorted !== item) (copy ??= value.slice())[i] = sorted;
    }
    return copy ?? value;
  }
  const source = value as Record<string, unknown>;
  // Anything but a plain object (a Date, a class instance) is copied as its own enumerable fields.
  if (!isPlain(source)) return sortedCopy(source);
  const keys = Object.keys(source);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if ((i > 0 && keys[i - 1]! > key) || SPECIAL.has(key)) return sortedCopy(source);
  }
  // Keys are in order: copy only if a field must be dropped (undefined) or a child had to be copied.
  let copy: Record<string, unknown> | null = null;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const item = source[key];
    const sorted = item === undefined ? undefined : sortKeys(item);
    if (copy === null && (item === undefined || sorted !== item)) {
      copy = {};
      for (let j = 0; j < i; j++) copy[keys[j]!] = source[keys[j]!];
    }
    if (copy !== null && sorted !== undefined) copy[key] = sorted;
  }
  return copy ?? source;
}

/** Compact JSON with sorted keys (no spaces), as `--json` and the default line mode print it. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

/** Whether `value` is written piece by piece: a list, or a plain object without a toJSON of its own for JSON.stringify to call. */
const walked = (value: unknown): value is object =>
  value !== null &&
  typeof value === 'object' &&
  (Array.isArray(value) || value instanceof GeneratedList || value instanceof JsonText || (isPlain(value) && typeof (value as { toJSON?: unknown }).toJSON !== 'function'));

// Array items stringified per call: one call per row would cost more than the rows' own JSON.
export const ITEMS_PER_PIECE = 256;

/**
 * The JSON of a walked value (keys already sorted) in pieces: each key with its value's pieces, array items
 * whole, a run of them at a time. Anything else is one JSON.stringify, exactly as within the whole text
 * (except that a toJSON is not told its key).
 */
function* pieces(value: object): Generator<string | Uint8Array> {
  if (value instanceof JsonText) {
    yield* value.read();
    return;
  }
  if (Array.isArray(value) || value instanceof GeneratedList) {
    const run = Array.isArray(value) ? (start: number, end: number): unknown[] => value.slice(start, end) : value.make;
    for (let i = 0; i < value.length; i += ITEMS_PER_PIECE) {
      // The run's own brackets dropped: the same items, written as JSON.stringify writes them in the whole array.
      const text = JSON.stringify(run(i, Math.min(i + ITEMS_PER_PIECE, value.length)));
      yield `${i === 0 ? '[' : ','}${text.slice(1, -1)}`;
    }
    yield value.length === 0 ? '[]' : ']';
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const item: unknown = (value as Record<string, unknown>)[key];
    const text = walked(item) ? null : JSON.stringify(item);
    // Inside an object, what JSON.stringify cannot write is left out with its key.
    if (text === undefined) continue;
    yield `${first ? '{' : ','}${JSON.stringify(key)}:`;
    first = false;
    if (text === null) yield* pieces(item as object);
    else yield text;
  }
  yield first ? '{}' : '}';
}

/**
 * `canonicalJson(value)` in chunks of `size` characters or somewhat more (a run of array items is never split): a
 * result of tens of thousands of rows is written out without ever being one string. A JsonText's bytes (UTF-8)
 * come as they are read, in chunks of their own; everything else as strings.
 */
export function* canonicalJsonChunks(value: unknown, size = 64 * 1024): Generator<string | Uint8Array> {
  const sorted = sortKeys(value);
  if (!walked(sorted)) {
    yield JSON.stringify(sorted) ?? 'null';
    return;
  }
  let chunk = '';
  for (const piece of pieces(sorted)) {
    if (typeof piece !== 'string') {
      if (chunk !== '') yield chunk;
      yield piece;
      chunk = '';
      continue;
    }
    chunk += piece;
    if (chunk.length >= size) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}
