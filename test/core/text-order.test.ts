import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareCodePoints } from '../../src/core/text-order.js';

/** Reference: compare the strings' code points one by one (lone surrogates are their own code point). */
function byCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

const sign = (n: number): number => Math.sign(n);
// Code units of every kind, so pairs, lone halves and U+E000..U+FFFF meet at the same positions.
const unit = fc.constantFrom('a', 'é', '\uE000', '\uFF01', '\uD83D', '\uDE00', '\uDE01', '\uD800');

describe('compareCodePoints', () => {
  it('sorts like Python: astral characters after U+FFxx, unlike UTF-16 order', () => {
    const list = ['\u{1F600}', '\uFF01', 'b', 'a', 'é', 'ab'];
    expect([...list].sort(compareCodePoints)).toEqual(['a', 'ab', 'b', 'é', '\uFF01', '\u{1F600}']);
    expect([...list].sort()).not.toEqual([...list].sort(compareCodePoints));
  });

  it('orders a shared high surrogate by what follows it: a full pair after a lone half and U+E000', () => {
    expect(sign(compareCodePoints('\uD83D\uDE00', '\uD83D\uE000'))).toBe(1);
    expect(sign(compareCodePoints('\uD83D\uE000', '\uD83D\uE001'))).toBe(-1);
  });

  it('agrees with code-point by code-point comparison on any strings', () => {
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 6 }), fc.string({ unit, maxLength: 6 }), (a, b) => {
        expect(sign(compareCodePoints(a, b))).toBe(sign(byCodePoints(a, b)));
      }),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(sign(compareCodePoints(a, b))).toBe(sign(byCodePoints(a, b)));
      }),
    );
  });
});
