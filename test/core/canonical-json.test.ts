// The serializer reuses objects whose keys are already in order; its bytes must be exactly those of the
// plain definition: copy every object with Object.keys(...).sort(), drop undefined fields, stringify.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalJsonChunks, GeneratedList, ITEMS_PER_PIECE, JsonText, presorted, sortKeys } from '../../src/core/canonical-json.js';

function reference(value: unknown): string {
  const sortKeys = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortKeys);
    if (v !== null && typeof v === 'object') {
      const source = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(source).sort()) {
        if (source[key] !== undefined) Object.defineProperty(out, key, { value: sortKeys(source[key]), enumerable: true });
      }
      return out;
    }
    return v;
  };
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

// Keys that exercise the corners: integer-like keys (enumerated first), non-ASCII, and the special names.
const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('0', '1', '10', '9', 'é', '😀', 'a', 'b', '__proto__', 'toJSON', 'constructor'));
const leaf = fc.oneof(fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.string(), fc.date({ noInvalidDate: true }));
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object'), tie('sortedObject')),
  array: fc.array(tie('node'), { maxLength: 5 }),
  object: fc.array(fc.tuple(key, tie('node')), { maxLength: 6 }).map((entries) => Object.fromEntries(entries)),
  // Objects built in sorted key order, the shape the fast path reuses.
  sortedObject: fc
    .array(fc.tuple(fc.string({ maxLength: 4 }), tie('node')), { maxLength: 6 })
    .map((entries) => Object.fromEntries([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))),
})).node;

describe('canonicalJson and sortKeys', () => {
  it('prints the same bytes as copying every object with sorted keys', () => {
    fc.assert(fc.property(value, (v) => canonicalJson(v) === reference(v)), { numRuns: 2000 });
  });

  it('matches on parsed JSON with __proto__ keys, null-prototype objects and arrays with holes', () => {
    const parsed: unknown = JSON.parse('{"b":{"__proto__":{"x":1},"a":2},"a":[1,{"d":4,"c":3}]}');
    const holes: unknown[] = [1];
    holes[2] = { b: 1, a: 2 };
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1, b: { d: undefined, c: holes } });
    for (const v of [parsed, bare, holes, { a: undefined }, [undefined, () => 1]]) expect(canonicalJson(v)).toBe(reference(v));
  });

  it('keeps an own __proto__ key as data, at any depth', () => {
    expect(canonicalJson(JSON.parse('{"a":1,"__proto__":{"x":2}}'))).toBe('{"__proto__":{"x":2},"a":1}');
    expect(canonicalJson(JSON.parse('[{"b":{"__proto__":[1],"a":0}}]'))).toBe('[{"b":{"__proto__":[1],"a":0}}]');
    // Kept as a field, not turned into the copy's prototype.
    expect((sortKeys(JSON.parse('{"b":1,"__proto__":{"x":2}}')) as Record<string, unknown>).x).toBeUndefined();
  });

  it('leaves the value it was given unchanged', () => {
    const data = { z: { b: 1, a: [{ d: 1, c: 2 }] }, a: 1 };
    const before = JSON.stringify(data);
    expect(canonicalJson(data)).toBe('{"a":1,"z":{"a":[{"c":2,"d":1}],"b":1}}');
    expect(JSON.stringify(data)).toBe(before);
  });
});

describe('canonicalJsonChunks', () => {
  const joined = (v: unknown, size: number): string => [...canonicalJsonChunks(v, size)].join('');

  it('gives, joined, the bytes of canonicalJson, whatever the chunk size', () => {
    fc.assert(fc.property(value, fc.integer({ min: 1, max: 64 }), (v, size) => joined(v, size) === canonicalJson(v)), { numRuns: 2000 });
  });

  it('matches where JSON.stringify leaves things out or writes null, and on toJSON', () => {
    const holes: unknown[] = [1];
    holes[3] = undefined;
    const values: unknown[] = [
      undefined,
      () => 1,
      [undefined, () => 1, Symbol('s')],
      { a: undefined, b: () => 1, c: Symbol('s'), d: holes },
      { a: { toJSON: () => 'x' }, b: [{ toJSON: () => undefined }], c: { toJSON: () => undefined }, d: new Date(0) },
      JSON.parse('{"b":{"__proto__":{"x":1},"a":2},"a":[1,{"d":4,"c":3}]}'),
      Object.assign(Object.create(null) as Record<string, unknown>, { b: [], a: {} }),
    ];
    for (const v of values) expect(joined(v, 4)).toBe(canonicalJson(v));
  });

  it('writes a long list in chunks of about the size asked, never splitting an item', () => {
    const rows = presorted(Array.from({ length: 10_000 }, (_, i) => ({ name: `module-${i}`, version: '1.0.0' })));
    const chunks = [...canonicalJsonChunks({ data: { modules: rows }, ok: true }, 4096)];
    const longestRow = Math.max(...rows.map((r) => JSON.stringify(r).length + 1));
    expect(chunks.length).toBeGreaterThan(30);
    // Rows are written a run at a time: a chunk is at most the size asked plus one run.
    for (const chunk of chunks) expect(chunk.length).toBeLessThan(4096 + ITEMS_PER_PIECE * longestRow);
    for (const chunk of chunks.slice(1, -1)) expect(chunk).toMatch(/^,\{.*\}$/);
    expect(chunks.join('')).toBe(canonicalJson({ data: { modules: rows }, ok: true }));
  });
});

describe('GeneratedList', () => {
  const rowArb = fc.record({ name: fc.string(), source: fc.string(), version: fc.string() });

  it('is written as the list its runs make, whole or as a field, each run made as it is written', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 3 * ITEMS_PER_PIECE }), (rows) => {
        const asked: Array<[number, number]> = [];
        const list = new GeneratedList(rows.length, (start, end) => (asked.push([start, end]), rows.slice(start, end)));
        const expected = canonicalJson({ data: { modules: rows }, ok: true });
        expect([...canonicalJsonChunks({ data: { modules: list }, ok: true }, 64)].join('')).toBe(expected);
        // One run after another, none longer than a piece, covering every row once.
        expect(asked.flatMap(([start, end]) => (expect(end - start).toBeLessThanOrEqual(ITEMS_PER_PIECE), [start, end]))).toEqual(
          Array.from({ length: Math.ceil(rows.length / ITEMS_PER_PIECE) }, (_, k) => [k * ITEMS_PER_PIECE, Math.min(rows.length, (k + 1) * ITEMS_PER_PIECE)]).flat(),
        );
        // A plain stringify (canonicalJson) makes them all at once, with the same bytes.
        expect(canonicalJson({ data: { modules: list }, ok: true })).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});


describe('JsonText', () => {
  // Joined as bytes: a piece may end inside a character.
  const text = (chunks: Iterable<string | Uint8Array>): string => Buffer.concat([...chunks].map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c))).toString('utf8');

  it('is written as its bytes, whole or in pieces, where the value it stands for would be', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: 1, max: 4 }), (v, parts) => {
        const bytes = Buffer.from(canonicalJson(v), 'utf8');
        const cut = Array.from({ length: parts }, (_, k) => bytes.subarray(Math.floor((k * bytes.length) / parts), Math.floor(((k + 1) * bytes.length) / parts)));
        // The value the text stands for (undefined, a function or a symbol inside `v` is written as null or left out).
        const expected = canonicalJson({ data: { modules: JSON.parse(bytes.toString('utf8')) as unknown, count: 1 }, ok: true });
        expect(text(canonicalJsonChunks({ data: { modules: new JsonText(() => cut), count: 1 }, ok: true }, 8))).toBe(expected);
        // Bytes come as they are, never decoded into the chunks around them.
        expect([...canonicalJsonChunks({ a: JsonText.of(bytes) })]).toContain(bytes);
        // A plain stringify parses them.
        expect(canonicalJson({ data: { modules: JsonText.of(bytes), count: 1 }, ok: true })).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });
});
