// Command-line parsing helpers that run before commander: --version placement and name@version specs.
import { describe, expect, it } from 'vitest';
import { PromptPMError } from '../../src/core/errors.js';
import { parseModuleSpec } from '../../src/cli/usage.js';
import { toolVersionRequested } from '../../src/cli/version.js';

describe('toolVersionRequested', () => {
  it('is true only when --version comes before any command', () => {
    expect(toolVersionRequested(['--version'])).toBe(true);
    expect(toolVersionRequested(['--json', '--registry', 'r', '--config=c.json', '--version'])).toBe(true);
    expect(toolVersionRequested(['init', '--version', '1.0.0'])).toBe(false);
    expect(toolVersionRequested(['info', 'x', '--version', '1.0.0'])).toBe(false);
    expect(toolVersionRequested(['--registry', '--version'])).toBe(false);
    expect(toolVersionRequested([])).toBe(false);
  });
});

describe('parseModuleSpec', () => {
  it('splits name and version at the @', () => {
    expect(parseModuleSpec('text-normalizer', 'info')).toEqual({ name: 'text-normalizer' });
    expect(parseModuleSpec('a@1.0.0+build', 'info')).toEqual({ name: 'a', version: '1.0.0+build' });
  });

  it('rejects an empty name or version as a usage error', () => {
    for (const bad of ['', '@1.0.0', 'a@']) {
      expect(() => parseModuleSpec(bad, 'verify')).toThrow(PromptPMError);
      try {
        parseModuleSpec(bad, 'verify');
      } catch (error) {
        expect((error as PromptPMError).toObject()).toMatchObject({ code: 'VALIDATION_ERROR', reason: 'USAGE' });
      }
    }
  });
});
