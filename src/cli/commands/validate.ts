// `promptpm validate [path]`: every rule of the module format, all problems reported at once.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { defineCommand } from '../define-command.js';
import { execute } from '../run.js';
import { loadValidModule } from '../valid-module.js';

export function registerValidate(program: Command): void {
  defineCommand(program, 'validate', 'Validate a module folder and report every error and warning with its location', { modulePath: true })
    .action((path: string, _opts: unknown, cmd: Command) =>
      execute('validate', cmd, resolve(path), async () => {
        const mod = await loadValidModule(path, ({ path, source }) => ({ path, source }));
        const { name, version } = mod.manifest?.module ?? {};
        return { path: mod.path, source: mod.source, module: { name, version }, errors: [], warnings: mod.warnings };
      }),
    );
}
