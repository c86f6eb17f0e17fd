// `promptpm pull <name>[@<range>] | --all [--remote R]`: fetch versions from an OCI registry into the local
// registry, each checked and landed like a publish (docs/remote.md).
import type { Command } from 'commander';
import { defineCommand } from '../define-command.js';
import { execute } from '../run.js';
import { parseModuleSpec, usageError } from '../usage.js';
import { chosenRemote } from './remote.js';

export function registerPull(program: Command): void {
  defineCommand(program, 'pull', 'Pull versions from a remote OCI registry into the local registry')
    .argument('[module]', '<name> (every version) or <name>@<range>')
    .option('--all', 'pull every module under the remote (needs the registry\'s catalog endpoint)')
    .option('--remote <name>', 'the remote to pull from (default: the only one configured)')
    .action((spec: string | undefined, opts: { all?: boolean; remote?: string }, cmd: Command) =>
      execute('pull', cmd, process.cwd(), async (ctx) => {
        if ((spec === undefined) === !opts.all) throw usageError('Expected <name>[@<range>] or --all (not both)', 'pull');
        const request = spec === undefined ? undefined : parseModuleSpec(spec, 'pull');
        const registry = (ctx.subject = await ctx.registry());
        const [{ pullVersions }, { remote, credentials }] = await Promise.all([import('../../core/remote/index.js'), chosenRemote(opts.remote)]);
        const which = request === undefined ? 'all' : [{ name: request.name, ...(request.version !== undefined && { range: request.version }) }];
        const result = await pullVersions(registry, remote, which, { ...ctx.work, credentials });
        return { ...result, remote_name: remote.name };
      }),
    );
}
