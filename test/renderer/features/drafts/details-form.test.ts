import { describe, expect, it } from 'vitest';
import { detailsOf, rangeHelp } from '../../../../src/renderer/features/drafts/details.js';

describe('the details form', () => {
  it('says what the common range forms allow', () => {
    expect(rangeHelp('^1.2.0')).toBe('^1.2.0: 1.2.0 or newer, below 2.0.0 (no breaking change).');
    expect(rangeHelp('^0.3.1')).toBe('^0.3.1: 0.3.1 or newer, below 0.4.0 (no breaking change).');
    expect(rangeHelp('^0.0.4')).toBe('^0.0.4: 0.0.4 or newer, below 0.0.5 (no breaking change).');
    expect(rangeHelp('~1.2.3')).toBe('~1.2.3: 1.2.3 or newer, below 1.3.0 (fixes only).');
    expect(rangeHelp('1.2.3')).toBe('1.2.3: exactly 1.2.3.');
    expect(rangeHelp('>=1 <2')).toMatch(/^Any semver range/);
  });

  it('reads description, tags and dependencies from the text being typed, or nothing from broken YAML', () => {
    const text =
      'module:\n  name: a\n  version: 1.0.0\n  description: Says hi\n  tags: [x, y]\ninterface:\n  outputs:\n    - { type: reply, description: A reply }\ndependencies:\n  - { name: b, version: ^1.0.0 }\n';
    expect(detailsOf(text)).toEqual({
      name: 'a',
      version: '1.0.0',
      description: 'Says hi',
      tags: ['x', 'y'],
      outputs: [{ type: 'reply', description: 'A reply' }],
      dependencies: [{ name: 'b', range: '^1.0.0' }],
    });
    expect(detailsOf('module: [')).toBeNull();
  });
});
