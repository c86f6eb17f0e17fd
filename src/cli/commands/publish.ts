// `promptpm publish [path]`: validate, test, and publish an immutable version into the registry.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { defineCommand } from '../define-command.js';
import { execute } from '../run.js';

export function registerPublish(program: Command): void {
  defineCommand(program, 'publish', 'Validate and test a module, then publish it immutably to the registry', { modulePath: true })
    .action((path: string, _opts: unknown, cmd: Command) =>
      execute('publish', cmd, resolve(path), async (ctx) => {
        const registry = await ctx.registry({ create: true });
        const { publishModule } = await import('../../core/registry/index.js');
        return { ...(await publishModule(registry, resolve(path), ctx.work)) };
      }),
    );
}
