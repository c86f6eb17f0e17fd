// The finite set of versions one package can take, as a bit set: bit i is the i-th highest version and
// the top bit is "not selected". Every term of the solver is such a set of worlds, so intersection,
// union and complement are exact bit operations and never need interval arithmetic.
// Only the semver pieces used here: the whole library (semver/index.js) adds to the start-up of `install`.
import Range from 'semver/classes/range.js';
import type SemVer from 'semver/classes/semver.js';
import compareBuild from 'semver/functions/compare-build.js';
import parse from 'semver/functions/parse.js';

/**
 * Parsed ranges and versions shared by the universes of one resolution (null for text that does not parse):
 * most modules of a registry share their version numbers, so each is parsed once.
 */
export class SemverCache {
  private readonly ranges = new Map<string, Range | null>();
  private readonly versions = new Map<string, SemVer | null>();

  /** The version exactly as written (a loose or coerced reading is not one). */
  version(text: string): SemVer | null {
    let v = this.versions.get(text);
    if (v === undefined) {
      const p = parse(text);
      v = p && p.version === text ? p : null;
      this.versions.set(text, v);
    }
    return v;
  }

  range(text: string): Range | null {
    let r = this.ranges.get(text);
    if (r === undefined) {
      try {
        r = new Range(text);
      } catch {
        r = null;
      }
      this.ranges.set(text, r);
    }
    return r;
  }
}

export class Universe {
  /** Valid versions, highest first; ties in precedence ordered by build metadata for determinism. */
  readonly versions: readonly string[];
  /** The "package not selected" world. */
  readonly none: bigint;
  /** Every world: all versions plus "not selected". */
  readonly all: bigint;
  private readonly rangeMasks = new Map<string, bigint>();
  /** Bit i of each version, made once: the solver asks for them in its innermost loops. */
  private readonly bits: readonly bigint[];
  /** Parsed once: range tests on strings would re-parse every version for every range. */
  private readonly parsed: readonly SemVer[];

  constructor(
    versions: Iterable<string>,
    private readonly cache: SemverCache,
  ) {
    const valid: SemVer[] = [];
    for (const v of new Set(versions)) {
      const p = cache.version(v);
      if (p) valid.push(p);
    }
    this.parsed = valid.sort((a, b) => compareBuild(b, a));
    this.versions = this.parsed.map((p) => p.version);
    this.bits = this.versions.map((_, i) => 1n << BigInt(i));
    this.none = 1n << BigInt(this.versions.length);
    this.all = (this.none << 1n) - 1n;
  }

  get versionBits(): bigint {
    return this.all ^ this.none;
  }

  bit(index: number): bigint {
    return this.bits[index] ?? 1n << BigInt(index);
  }

  /** Versions that satisfy `range` with npm semantics (prereleases only when the range names one). */
  matching(range: string): bigint {
    let mask = this.rangeMasks.get(range);
    if (mask === undefined) {
      mask = 0n;
      const parsed = this.cache.range(range);
      if (parsed) this.parsed.forEach((v, i) => (parsed.test(v) ? (mask! |= this.bit(i)) : 0));
      this.rangeMasks.set(range, mask);
    }
    return mask;
  }

  /** Ranges asked of this package so far whose versions are exactly `mask`, for readable explanations. */
  rangesEqualTo(mask: bigint): string[] {
    const bits = mask & this.versionBits;
    return [...this.rangeMasks].filter(([, m]) => m === bits).map(([r]) => r);
  }

  complement(worlds: bigint): bigint {
    return this.all & ~worlds;
  }

  /** Index of the highest version in `worlds`, or -1. */
  highest(worlds: bigint): number {
    for (let i = 0; i < this.versions.length; i++) if (worlds & this.bit(i)) return i;
    return -1;
  }

  count(worlds: bigint): number {
    let n = 0;
    for (let w = worlds & this.versionBits; w; w &= w - 1n) n++;
    return n;
  }

  list(worlds: bigint): string[] {
    return this.versions.filter((_, i) => (worlds & this.bit(i)) !== 0n);
  }
}
