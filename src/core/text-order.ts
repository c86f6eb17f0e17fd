// Code-point order: how Python (the earlier tool) sorts strings, and so how file lists, manifest keys and
// test results are ordered. JavaScript's default sort compares UTF-16 code units, which puts astral
// characters (surrogate pairs) before U+E000..U+FFFF.

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;

/** Compares by Unicode code point; lone surrogates count as their own code point, as in Python. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Below the surrogate range a code unit is a whole code point: the common case, no allocation.
    if (x < 0xd800 && y < 0xd800) return x - y;
    // The strings may differ in the low half of a pair whose high half they share: compare from there.
    if (i > 0 && isHighSurrogate(a.charCodeAt(i - 1))) {
      const d = a.codePointAt(i - 1)! - b.codePointAt(i - 1)!;
      if (d !== 0) return d;
    }
    return a.codePointAt(i)! - b.codePointAt(i)!;
  }
  return a.length - b.length;
}
