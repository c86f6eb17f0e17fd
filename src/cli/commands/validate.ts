// `promptpm validate [path]`: every rule of the module format, all problems reported at once.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { validationFailure } from '../../core/errors.js';
import { addGlobalOptions } from '../options.js';
import { execute } from '../run.js';

export function registerValidate(program: Command): void {
  addGlobalOptions(program.command('validate'))
    .description('Validate a module folder and report every error and warning with its location')
    .argument('[path]', 'module folder', '.')
    .action((path: string, _opts: unknown, cmd: Command) =>
      execute('validate', cmd, resolve(path), async () => {
        const { loadModule } = await import('../../core/module/index.js');
        const mod = await loadModule(resolve(path));
        const located = { path: mod.path, source: mod.source };
        if (mod.errors.length > 0) throw validationFailure(mod.path, mod.errors, mod.warnings, located);
        const { name, version } = mod.manifest?.module ?? {};
        return { ...located, module: { name, version }, errors: [], warnings: mod.warnings };
      }),
    );
}
