import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import SemVer from 'semver/classes/semver.js';
import { isStrictSemverSyntax } from '../../src/core/module/name-version.js';
import { channelNames, channels, events } from '../../src/shared/ipc/contract.js';
import { eventWireName, splitChannel, DROPPED_PATHS_WIRE } from '../../src/shared/ipc/api.js';
import { moduleNameSchema, versionRefSchema, versionStringSchema } from '../../src/shared/ipc/schemas.js';

describe('IPC contract', () => {
  it('names every channel domain.verb, each becoming api.domain.verb once', () => {
    const seen = new Set<string>();
    for (const channel of channelNames) {
      expect(channel).toMatch(/^[a-z]+\.[a-zA-Z]+$/);
      const [domain, verb] = splitChannel(channel);
      expect(`${domain}.${verb}`).toBe(channel);
      seen.add(`${domain}/${verb}`);
      expect(channels[channel].args.def.type).toBe('tuple');
    }
    expect(seen.size).toBe(channelNames.length);
  });

  it('keeps event and private wire names apart from channel names', () => {
    const wires = Object.keys(events).map((e) => eventWireName(e as keyof typeof events));
    expect(new Set([...wires, DROPPED_PATHS_WIRE, ...channelNames]).size).toBe(wires.length + 1 + channelNames.length);
  });

  it('keeps path separators and dot-dot out of module names and versions', () => {
    for (const bad of ['..', '../x', 'a/b', 'a\\b', '.hidden', '', 'a b', 'x'.repeat(215)]) expect(moduleNameSchema.safeParse(bad).success).toBe(false);
    for (const bad of ['../1.0.0', '1.0.0/..', 'v1.0.0', '']) expect(versionStringSchema.safeParse(bad).success).toBe(false);
    expect(versionRefSchema.safeParse({ name: 'technical-summarizer', version: '1.2.0-rc.1+build.7' }).success).toBe(true);
  });

  it('accepts exactly the versions core accepts: strict SemVer syntax the semver library also parses (property)', () => {
    const semverParses = (v: string): boolean => {
      try {
        new SemVer(v);
        return true;
      } catch {
        return false;
      }
    };
    const number = fc.oneof(fc.nat(99).map(String), fc.bigInt({ min: 9007199254740980n, max: 99999999999999999999n }).map(String), fc.constantFrom('01', '00'));
    const tail = fc.string({ unit: fc.constantFrom('0', '1', '9', 'a', 'Z', '-', '.', '+'), maxLength: 8 });
    const versionish = fc.oneof(fc.tuple(number, number, number, tail).map(([a, b, c, t]) => `${a}.${b}.${c}${t}`), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(versionish, (v) => {
        expect(versionStringSchema.safeParse(v).success).toBe(isStrictSemverSyntax(v) && semverParses(v));
      }),
      { numRuns: 2000 },
    );
    expect(versionStringSchema.safeParse('1..0').success).toBe(false);
    expect(versionStringSchema.safeParse('9007199254740992.0.0').success).toBe(false);
    expect(versionStringSchema.safeParse('9007199254740991.0.0-99999999999999999999').success).toBe(true);
  });
});
