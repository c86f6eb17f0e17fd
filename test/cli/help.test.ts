// `promptpm help [command]` through the built CLI: help on stdout with exit 0, like --help, and a topic
// that names no command is a usage mistake like an unknown command.
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli-runner.js';

describe('promptpm help', () => {
  it('prints the tool help, the same as --help, on stdout with exit 0', async () => {
    const [help, flag] = await Promise.all([runCli(['help']), runCli(['--help'])]);
    expect(help.code).toBe(0);
    expect(help.stderr).toBe('');
    expect(help.stdout).toBe(flag.stdout);
    expect(help.stdout).toContain('Usage: promptpm [options] [command]');
  });

  it("prints a command's help, the same as <command> --help, global flags after it included", async () => {
    for (const args of [['help', 'list'], ['help', 'list', '--json'], ['--json', 'help', 'list']]) {
      const [help, flag] = await Promise.all([runCli(args), runCli(['list', '--help'])]);
      expect(help.code, args.join(' ')).toBe(0);
      expect(help.stdout).toBe(flag.stdout);
      expect(help.stdout).toContain('Usage: promptpm list');
    }
  });

  it('reports a topic that names no command as a usage mistake naming it, exit 1', async () => {
    const run = await runCli(['help', 'bogus', '--json']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.json).toMatchObject({ ok: false, operation: 'help', error: { code: 'VALIDATION_ERROR', reason: 'USAGE' } });
    expect((run.json as { error: { message: string } }).error.message).toMatch(/^Unknown help topic 'bogus'/);
    const line = await runCli(['help', 'bogus']);
    expect(line.code).toBe(1);
    expect(line.stdout).toMatch(/^ERROR code="VALIDATION_ERROR" path=".*" message="Unknown help topic 'bogus'.*\n$/);
  });
});
