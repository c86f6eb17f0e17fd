// Every command is declared the same way: its name and description, the global flags, and for the
// commands that work on a module folder, the optional [path] argument.
import type { Command } from 'commander';
import { addGlobalOptions } from './options.js';

export function defineCommand(program: Command, name: string, description: string, opts: { modulePath?: boolean } = {}): Command {
  const cmd = addGlobalOptions(program.command(name)).description(description);
  return opts.modulePath ? cmd.argument('[path]', 'module folder', '.') : cmd;
}
