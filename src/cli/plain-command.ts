// A plain `promptpm list`, `promptpm verify [module]` or `promptpm install [path]` (the command, its operand
// and global flags, each at most once) runs without commander and the other commands: these run often (in
// scripts and CI) and start-up is a good part of their time. The lines accepted here are a strict subset of what commander
// parses, with the same meaning; anything else (help, `--flag=value`, a repeated or unknown flag, a value
// starting with `-`, an extra operand) goes through commander.
import type { GlobalOptions } from './options.js';
import type { Action } from './run.js';

const SWITCHES: Readonly<Record<string, 'json' | 'pretty' | 'quiet'>> = { '--json': 'json', '--pretty': 'pretty', '--quiet': 'quiet' };
const VALUED: Readonly<Record<string, 'registry' | 'config'>> = { '--registry': 'registry', '--config': 'config' };

/** The plain commands and how their action is loaded (with the operand, if any). */
const COMMANDS: Readonly<Record<string, { operands: number; load: (operand?: string) => Promise<Action> }>> = {
  list: { operands: 0, load: async () => (await import('./commands/list.js')).listAction },
  verify: { operands: 1, load: async (operand) => (await import('./commands/verify.js')).verifyAction(operand) },
  install: { operands: 1, load: async (operand) => (await import('./commands/install.js')).installAction(operand ?? '.') },
};

export interface PlainCommand {
  command: string;
  options: GlobalOptions;
  operand?: string;
}

/** The parts of a plain command line, or null when commander must parse it. */
export function plainCommand(argv: readonly string[]): PlainCommand | null {
  let command: string | undefined;
  let operand: string | undefined;
  const options: GlobalOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const flag = Object.hasOwn(SWITCHES, arg) ? SWITCHES[arg]! : undefined;
    const key = Object.hasOwn(VALUED, arg) ? VALUED[arg]! : undefined;
    if (flag !== undefined) {
      if (options[flag] !== undefined) return null;
      options[flag] = true;
    } else if (key !== undefined) {
      const value = argv[++i];
      if (options[key] !== undefined || value === undefined || value.startsWith('-')) return null;
      options[key] = value;
    } else if (arg.startsWith('-')) {
      return null;
    } else if (command === undefined) {
      if (!Object.hasOwn(COMMANDS, arg)) return null;
      command = arg;
    } else {
      if (operand !== undefined || COMMANDS[command]!.operands === 0) return null;
      operand = arg;
    }
  }
  return command === undefined ? null : { command, options, ...(operand === undefined ? {} : { operand }) };
}

/** Runs a plain command line: the same action, envelope and exit code as through commander. */
export async function runPlainCommand(plain: PlainCommand): Promise<void> {
  const [{ runPlain }, action] = await Promise.all([import('./run.js'), COMMANDS[plain.command]!.load(plain.operand)]);
  await runPlain(plain.command, plain.options, action);
}
