// Which command lines skip commander: only plain `list` / `verify [module]` lines, read as commander would.
import { describe, expect, it } from 'vitest';
import { plainCommand } from '../../src/cli/plain-command.js';

describe('plainCommand', () => {
  it('reads the command, its operand and global flags before or after it', () => {
    expect(plainCommand(['list'])).toEqual({ command: 'list', options: {} });
    expect(plainCommand(['--registry', 'reg', 'list', '--json'])).toEqual({ command: 'list', options: { registry: 'reg', json: true } });
    expect(plainCommand(['verify', 'alpha@1.0.0', '--quiet', '--config', 'c.json'])).toEqual({
      command: 'verify',
      options: { quiet: true, config: 'c.json' },
      operand: 'alpha@1.0.0',
    });
    // A flag's value may be a command name: it is the value, not the command.
    expect(plainCommand(['--registry', 'verify', 'list', '--pretty'])).toEqual({ command: 'list', options: { registry: 'verify', pretty: true } });
  });

  it('leaves every other line to commander', () => {
    for (const argv of [
      [],
      ['--json'],
      ['publish'],
      ['list', 'extra'],
      ['verify', 'a', 'b'],
      ['list', '--help'],
      ['list', '-h'],
      ['list', '--registry=reg'],
      ['list', '--json', '--json'],
      ['--registry', 'a', 'list', '--registry', 'b'],
      ['list', '--registry'],
      ['list', '--registry', '--json'],
      ['list', '--'],
      ['list', 'list'],
      ['unknown', 'list'],
      ['--version', 'list'],
    ]) {
      expect(plainCommand(argv), argv.join(' ')).toBeNull();
    }
  });
});
