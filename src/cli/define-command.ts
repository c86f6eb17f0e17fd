// Every command is declared the same way: its name and description, and for the commands that work
// on a module folder, the optional [path] argument. program.ts adds the global flags to each.
import type { Command } from 'commander';

export function defineCommand(program: Command, name: string, description: string, opts: { modulePath?: boolean } = {}): Command {
  const cmd = program.command(name).description(description);
  return opts.modulePath ? cmd.argument('[path]', 'module folder', '.') : cmd;
}
