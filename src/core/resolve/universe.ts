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
 * most modules of a registry share their version numbers, so each is parsed once. Packages whose version
 * lists are equal also share their sorted versions and which of them each range allows (`space`): on a
 * registry's usual closure of a thousand modules, a handful of distinct lists.
 */
export class SemverCache {
  private readonly ranges = new Map<string, Range | null>();
  private readonly versions = new Map<string, SemVer | null>();
  private readonly spaces = new Map<string, VersionSpace>();

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

  /** The space of a package whose versions are `list` (any order, repeats allowed), shared with every equal list. */
  space(list: readonly string[]): VersionSpace {
    // JSON keeps any two different lists apart, whatever text a source gives as a version.
    const key = JSON.stringify(list);
    let space = this.spaces.get(key);
    if (space === undefined) this.spaces.set(key, (space = new VersionSpace(list, this)));
    return space;
  }
}

/** Valid versions of a version list, highest first, with the bit of each and the masks of the ranges asked. */
class VersionSpace {
  /** Valid versions, highest first; ties in precedence ordered by build metadata for determinism. */
  readonly versions: readonly string[];
  /** Bit i of each version, made once: the solver asks for them in its innermost loops. */
  readonly bits: readonly bigint[];
  /** Parsed once: range tests on strings would re-parse every version for every range. */
  private readonly parsed: readonly SemVer[];
  private readonly masks = new Map<string, bigint>();

  constructor(
    list: readonly string[],
    private readonly cache: SemverCache,
  ) {
    const valid: SemVer[] = [];
    for (const v of new Set(list)) {
      const p = cache.version(v);
      if (p) valid.push(p);
    }
    this.parsed = valid.sort((a, b) => compareBuild(b, a));
    this.versions = this.parsed.map((p) => p.version);
    this.bits = this.versions.map((_, i) => 1n << BigInt(i));
  }

  /** Versions that satisfy `range` with npm semantics (prereleases only when the range names one). */
  matching(range: string): bigint {
    let mask = this.masks.get(range);
    if (mask === undefined) {
      mask = 0n;
      const parsed = this.cache.range(range);
      if (parsed) this.parsed.forEach((v, i) => (parsed.test(v) ? (mask! |= this.bits[i]!) : 0));
      this.masks.set(range, mask);
    }
    return mask;
  }
}

export class Universe {
  /** Valid versions, highest first; ties in precedence ordered by build metadata for determinism. */
  readonly versions: readonly string[];
  /** The "package not selected" world. */
  readonly none: bigint;
  /** Every world: all versions plus "not selected". */
  readonly all: bigint;
  /** The ranges asked of this package, for explanations (the space's masks are shared with other packages). */
  private readonly rangeMasks = new Map<string, bigint>();
  private readonly bits: readonly bigint[];
  private readonly space: VersionSpace;

  constructor(versions: readonly string[], cache: SemverCache) {
    this.space = cache.space(versions);
    this.versions = this.space.versions;
    this.bits = this.space.bits;
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
    if (mask === undefined) this.rangeMasks.set(range, (mask = this.space.matching(range)));
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
