// `promptpm init [--name <n>] [--version <v>]`: scaffold a module in the current folder.
import type { Command } from 'commander';
import { defineCommand } from '../define-command.js';
import { execute } from '../run.js';

export function registerInit(program: Command): void {
  defineCommand(program, 'init', 'Create a module (promptpm.yaml, template.prompt, tests/) in the current folder')
    .option('--name <name>', "module name (default: the folder's name)")
    .option('--version <version>', 'module version', '0.1.0')
    .action((opts: { name?: string; version: string }, cmd: Command) =>
      execute('init', cmd, process.cwd(), async (ctx) => {
        const { scaffoldModule } = await import('../../core/module/index.js');
        return { ...(await scaffoldModule(ctx.cwd, { name: opts.name, version: opts.version })) };
      }),
    );
}
