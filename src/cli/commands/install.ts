// `promptpm install [path] [--frozen]`: resolve, verify and lock the module's dependencies.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { defineCommand } from '../define-command.js';
import { execute } from '../run.js';

export function registerInstall(program: Command): void {
  defineCommand(program, 'install', "Resolve a module's dependencies from the registry, verify them and write promptpm.lock", { modulePath: true })
    .option('--frozen', 'write nothing; fail unless promptpm.lock matches what resolving gives now')
    .action((path: string, opts: { frozen?: boolean }, cmd: Command) =>
      execute('install', cmd, resolve(path), async (ctx) => {
        const registry = await ctx.registry();
        const { installModule } = await import('../../core/resolve/index.js');
        return { ...(await installModule(resolve(path), registry, { ...ctx.work, frozen: !!opts.frozen })) };
      }),
    );
}
