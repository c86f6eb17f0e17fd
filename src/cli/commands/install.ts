// `promptpm install [path] [--frozen] [--remote <name>]`: resolve, verify and lock the module's dependencies (with --remote, pulling the versions the registry lacks first).
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { presorted } from '../../core/canonical-json.js';
import type { LongWorkOptions } from '../../core/progress.js';
import { defineCommand } from '../define-command.js';
import { execute, type Action } from '../run.js';
import { usageError } from '../usage.js';

/** install --remote: the dependency versions the registry lacks, pulled first (the lock then pins their contents). */
async function pullDependencies(registry: string, moduleDir: string, remoteName: string, work: LongWorkOptions) {
  const [{ pullMissingDependencies }, { remote, credentials }] = await Promise.all([import('../../core/remote/index.js'), import('./remote.js').then((m) => m.chosenRemote(remoteName))]);
  return pullMissingDependencies(registry, moduleDir, remote, { ...work, credentials });
}

/** The action of `install [path] [--frozen] [--remote <name>]` (a plain `install [path]` runs it without commander). */
export function installAction(path: string, opts: { frozen?: boolean; remote?: string } = {}): Action {
  return async (ctx) => {
    const moduleDir = (ctx.subject = resolve(path));
    if (opts.frozen && opts.remote !== undefined) throw usageError('--frozen writes nothing, so it cannot pull from --remote', 'install');
    const registry = await ctx.registry();
    const pulled = opts.remote === undefined ? undefined : await pullDependencies(registry, moduleDir, opts.remote, ctx.work);
    // The install module itself, not the barrel (which also exports the solver): a kept resolution loads no solver.
    const { installModule } = await import('../../core/resolve/install.js');
    const result = await installModule(moduleDir, registry, { ...ctx.work, frozen: !!opts.frozen });
    // The core builds rows and tree with keys in canonical order (resolve.ts, graph.ts): printed without a walk.
    return { ...result, installed: presorted(result.installed), tree: presorted(result.tree), ...(pulled && { pulled: pulled.versions }) };
  };
}

export function registerInstall(program: Command): void {
  defineCommand(program, 'install', "Resolve a module's dependencies from the registry, verify them and write promptpm.lock", { modulePath: true })
    .option('--frozen', 'write nothing; fail unless promptpm.lock matches what resolving gives now')
    .option('--remote <name>', 'first pull from this remote the dependency versions the registry lacks (docs/remote.md)')
    .action((path: string, opts: { frozen?: boolean; remote?: string }, cmd: Command) => execute('install', cmd, resolve(path), installAction(path, opts)));
}
