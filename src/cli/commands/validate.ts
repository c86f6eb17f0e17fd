// `promptpm validate [path]`: every rule of the module format and everything publish would refuse in the folder,
// all problems reported at once; with a registry given, also that the dependencies resolve.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { defineCommand } from '../define-command.js';
import { execute } from '../run.js';
import { selectRegistry } from '../registry-location.js';
import { loadValidModule } from '../valid-module.js';

export function registerValidate(program: Command): void {
  defineCommand(program, 'validate', 'Validate a module folder and report every error and warning with its location', { modulePath: true })
    .action((path: string, _opts: unknown, cmd: Command) =>
      execute('validate', cmd, resolve(path), async (ctx) => {
        // What publish would refuse is checked too, leaving out the registry it would publish to (a warning if inside).
        const target = resolve(await selectRegistry(ctx.options, ctx.cwd));
        const mod = await loadValidModule(path, ({ path, source }) => ({ path, source }), { contents: { registry: target } });
        const { name = '', version = '' } = mod.manifest?.module ?? {};
        const data = { path: mod.path, source: mod.source, module: { name, version }, errors: [], warnings: mod.warnings };
        const dependencies = mod.manifest?.dependencies ?? [];
        // Resolvability is checked only where a registry is given (§2); a failure is DEPENDENCY_ERROR.
        const registry = dependencies.length > 0 ? await ctx.givenRegistry() : undefined;
        if (registry === undefined) return data;
        const { resolveDependencies } = await import('../../core/resolve/index.js');
        const resolution = await resolveDependencies(registry, { name, version, dependencies }, ctx.work);
        return { ...data, registry_path: registry, resolved: resolution.installed };
      }),
    );
}
