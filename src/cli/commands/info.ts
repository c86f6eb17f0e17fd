// `promptpm info <name>[@<version>] [--version <v>]`: metadata and interface of verified versions.
import type { Command } from 'commander';
import { defineCommand } from '../define-command.js';
import { execute } from '../run.js';
import { parseModuleSpec, usageError } from '../usage.js';

export function registerInfo(program: Command): void {
  defineCommand(program, 'info', "Show a module's versions with metadata and interface (each verified first)")
    .argument('<name>', 'module name, optionally <name>@<version>')
    .option('--version <version>', 'only this version')
    .action((spec: string, opts: { version?: string }, cmd: Command) =>
      execute('info', cmd, spec, async (ctx) => {
        const { name, version } = parseModuleSpec(spec, 'info');
        if (version !== undefined && opts.version !== undefined && version !== opts.version) {
          throw usageError(`Two different versions given: '${spec}' and --version ${opts.version}`, 'info');
        }
        const registry = await ctx.registry();
        const { readModuleInfo } = await import('../../core/registry/index.js');
        return { ...(await readModuleInfo(registry, name, version ?? opts.version)) };
      }),
    );
}
