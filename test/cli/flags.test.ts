// Global flags and commander's own outcomes, through the built CLI: --version placement, help on
// stdout, usage mistakes as envelopes, and flags accepted before or after the command.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli-runner.js';
import { moduleFiles, tempDir, writeTree } from './helpers.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('--version', () => {
  it('prints the tool version before a command, whatever global flags precede it', async () => {
    for (const args of [['--version'], ['--json', '--registry', 'x', '--version']]) {
      const run = await runCli(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`promptpm, version ${pkg.version}\n`);
      expect(run.stderr).toBe('');
    }
  });

  it('is an unknown option after a command other than init and info', async () => {
    const run = await runCli(['validate', '.', '--version', '--json']);
    expect(run.code).toBe(1);
    expect(run.json).toMatchObject({ ok: false, operation: 'validate', error: { code: 'VALIDATION_ERROR', reason: 'USAGE' } });
    expect(run.stdout).not.toContain('promptpm, version');
  });

  it("is init's option after init: it sets the module version", async () => {
    const dir = tempDir();
    const run = await runCli(['init', '--version', '2.3.4', '--name', 'demo', '--json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.json).toMatchObject({ data: { module: { name: 'demo', version: '2.3.4' } } });
    expect(readFileSync(`${dir}/promptpm.yaml`, 'utf8')).toContain('2.3.4');
  });
});

describe('help and usage mistakes', () => {
  it('prints help on stdout and exits 0', async () => {
    for (const args of [['--help'], ['validate', '--help'], ['info', '-h']]) {
      const run = await runCli(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Usage: promptpm');
      expect(run.stdout).toContain('--registry <path>');
      expect(run.stderr).toBe('');
    }
  });

  it('reports a usage mistake as one envelope on stdout with exit 1 and nothing on stderr', async () => {
    const cases: [string[], string, RegExp][] = [
      [['--json'], 'promptpm', /No command given/],
      [['frobnicate', '--json'], 'promptpm', /Unknown command 'frobnicate'/],
      [['list', '--bogus', '--json'], 'list', /Unknown option '--bogus'/],
      [['info', '--json'], 'info', /Missing required argument 'name'/],
      [['validate', 'a', 'b', '--json'], 'validate', /Too many arguments/],
      [['verify', 'a@', '--json'], 'verify', /Expected <name> or <name>@<version>/],
    ];
    for (const [args, operation, message] of cases) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(1);
      expect(run.stderr).toBe('');
      expect(run.json).toMatchObject({ ok: false, operation, error: { code: 'VALIDATION_ERROR', reason: 'USAGE' } });
      expect((run.json as { error: { message: string; hint: string } }).error.message).toMatch(message);
      expect(run.stdout.trim().split('\n')).toHaveLength(1);
    }
  });

  it('uses the default line mode for usage mistakes without --json', async () => {
    const run = await runCli(['list', '--bogus']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ERROR code="VALIDATION_ERROR" path=".*" message="Unknown option '--bogus'\." hint=".*"\n$/);
  });
});

describe('global flag placement', () => {
  it('gives the same output with flags before or after the command', async () => {
    const dir = writeTree(tempDir(), moduleFiles({ name: 'placed' }));
    const before = await runCli(['--json', 'validate', dir]);
    const after = await runCli(['validate', dir, '--json']);
    const mixed = await runCli(['--quiet', 'validate', '--json', dir]);
    expect(before.code).toBe(0);
    expect(after.stdout).toBe(before.stdout);
    expect(before.json).toMatchObject({ ok: true, operation: 'validate', data: { path: dir } });
    expect(mixed.stdout).toBe('');
    expect(mixed.code).toBe(0);
  });
});
