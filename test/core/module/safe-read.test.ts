// Strict UTF-8 reading: the located first bad byte agrees with TextDecoder's fatal mode.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeUtf8, firstInvalidUtf8 } from '../../../src/core/module/safe-read.js';

describe('UTF-8', () => {
  test('firstInvalidUtf8 finds a bad byte exactly when TextDecoder (fatal) rejects', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8(bytes) === bytes.length).toBe(valid);
      }),
      { numRuns: 3000 },
    );
  });

  test('overlong, surrogate and out-of-range sequences are rejected at their first byte', () => {
    expect(firstInvalidUtf8(Uint8Array.from([0x41, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(Uint8Array.from([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(new TextEncoder().encode('é😀'))).toBe(6);
  });

  test('the location counts code points on the line', () => {
    const bytes = Uint8Array.from([...new TextEncoder().encode('ab\n😀x'), 0xff]);
    expect(decodeUtf8(bytes)).toEqual({ ok: false, problem: { kind: 'not-utf8', line: 2, column: 3 } });
  });
});
