// `promptpm help [command]`: the same help as `--help`, on stdout with exit 0. A real command rather than
// commander's implicit one, so the global flags parse after it (`help list --json`) and a topic that names
// no command is a usage mistake like any other.
import { CommanderError, type Command } from 'commander';
import { defineCommand } from '../define-command.js';

export function registerHelp(program: Command): void {
  program.helpCommand(false);
  defineCommand(program, 'help', 'Show help for promptpm or for one of its commands')
    .argument('[command]', 'command to show help for')
    .action((topic: string | undefined) => {
      const target = topic === undefined ? program : program.commands.find((c) => c.name() === topic);
      if (!target) throw new CommanderError(1, 'promptpm.unknownHelpTopic', `Unknown help topic '${topic}': there is no such command`);
      target.outputHelp();
    });
}
