import { describe, expect, it } from 'vitest';
import { isModuleName, isStrictSemverSyntax } from '../../../src/core/module/name-version.js';
import { isStrictSemver } from '../../../src/core/module/strict-version.js';

describe('module names and versions as path segments', () => {
  it('accepts §2 names up to 214 characters and rejects dot segments, separators and longer names', () => {
    expect(isModuleName('summarize.v2_x+y-z')).toBe(true);
    expect(isModuleName('a'.repeat(214))).toBe(true);
    for (const bad of ['', '.', '..', '.hidden', 'a/b', 'a\\b', 'a b', 'a'.repeat(215)]) expect(isModuleName(bad)).toBe(false);
  });

  it('accepts canonical strict SemVer only', () => {
    for (const ok of ['0.0.0', '1.2.3-rc.1', '1.2.3+build.01', '1.0.0-99999999999999999999']) expect(isStrictSemver(ok)).toBe(true);
    for (const bad of ['v1.0.0', '=1.0.0', ' 1.0.0', '1.0', '1.0.0-01', '1.0.0-a..b', '1.0.0+', '1.0.0/..', `1.0.0-${'a'.repeat(256)}`]) {
      expect(isStrictSemverSyntax(bad)).toBe(false);
      expect(isStrictSemver(bad)).toBe(false);
    }
  });

  it('leaves the numeric range to the full check: the syntax check alone is what the index cache needs', () => {
    expect(isStrictSemverSyntax('99999999999999999.0.0')).toBe(true);
    expect(isStrictSemver('99999999999999999.0.0')).toBe(false);
  });
});
