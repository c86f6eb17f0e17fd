import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pythonJsonDumps, type JsonValue } from '../../../src/core/registry/python-json.js';

describe('pythonJsonDumps', () => {
  it('matches json.dumps(sort_keys=True, separators=(",", ":")) byte for byte', () => {
    const value = {
      files: [{ path: 'tests/é\u0001x"\\\n\u007f\u{1F600}.txt', sha256: 'ab' }],
      b: [1, true, null],
      'a\uFF01': 1,
      'a\u{1F600}': 2,
      z: '\t\b\f\r',
    };
    // Output of CPython 3 for the same value.
    expect(pythonJsonDumps(value)).toBe(
      '{"a\\uff01":1,"a\\ud83d\\ude00":2,"b":[1,true,null],"files":[{"path":"tests/\\u00e9\\u0001x\\"\\\\\\n\\u007f\\ud83d\\ude00.txt","sha256":"ab"}],"z":"\\t\\b\\f\\r"}',
    );
  });

  it('is printable ASCII and parses back to the same value', () => {
    const json: fc.Arbitrary<JsonValue> = fc.letrec<{ v: JsonValue }>((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.string({ unit: 'binary' }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('v'), { maxLength: 4 }),
        fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    fc.assert(
      fc.property(json, (v) => {
        const text = pythonJsonDumps(v);
        expect(text).toMatch(/^[\x20-\x7e]*$/);
        expect(JSON.parse(text)).toEqual(v);
      }),
    );
  });
});
