import Range from 'semver/classes/range.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SemverCache, Universe } from '../../../src/core/resolve/universe.js';

afterEach(() => vi.restoreAllMocks());

describe('Universe', () => {
  it('tests a range once for every package whose version list is the same', () => {
    const tests = vi.spyOn(Range.prototype, 'test');
    const cache = new SemverCache();
    const a = new Universe(['1.0.0', '1.1.1', '1.2.0'], cache);
    const b = new Universe(['1.0.0', '1.1.1', '1.2.0'], cache);
    expect(a.list(a.matching('^1.1.0'))).toEqual(['1.2.0', '1.1.1']);
    expect(tests).toHaveBeenCalledTimes(3);
    expect(b.list(b.matching('^1.1.0'))).toEqual(['1.2.0', '1.1.1']);
    expect(tests).toHaveBeenCalledTimes(3);
    // Another list is its own space, sorted highest first, repeats and invalid versions left out.
    const c = new Universe(['1.2.0', '1.0.0', 'not-a-version', '1.2.0'], cache);
    expect(c.versions).toEqual(['1.2.0', '1.0.0']);
    expect(c.list(c.matching('^1.1.0'))).toEqual(['1.2.0']);
    expect(tests).toHaveBeenCalledTimes(5);
    // A list is never taken for another whose versions join to the same text.
    expect(new Universe(['1.0.0\n2.0.0'], cache).versions).toEqual([]);
    expect(new Universe(['1.0.0', '2.0.0'], cache).versions).toEqual(['2.0.0', '1.0.0']);
  });

  it('names only the ranges asked of its own package when explaining a set of versions', () => {
    const cache = new SemverCache();
    const a = new Universe(['1.0.0', '2.0.0'], cache);
    const b = new Universe(['1.0.0', '2.0.0'], cache);
    a.matching('^1.0.0');
    const mask = b.matching('~1.0.0');
    expect(b.rangesEqualTo(mask)).toEqual(['~1.0.0']);
    expect(a.rangesEqualTo(mask)).toEqual(['^1.0.0']);
  });
});
