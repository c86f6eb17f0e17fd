// `promptpm push <name>@<version> | --all [--remote R]`: copy published versions to an OCI registry
// (docs/remote.md). A tag holding other contents is PUBLISH_CONFLICT (exit 4) and is never overwritten.
import type { Command } from 'commander';
import { defineCommand } from '../define-command.js';
import { execute } from '../run.js';
import { parseModuleSpec, usageError } from '../usage.js';
import { chosenRemote } from './remote.js';

export function registerPush(program: Command): void {
  defineCommand(program, 'push', 'Push published versions to a remote OCI registry (one tag per version)')
    .argument('[module]', '<name>@<version>')
    .option('--all', 'push every version of the registry')
    .option('--remote <name>', 'the remote to push to (default: the only one configured)')
    .action((spec: string | undefined, opts: { all?: boolean; remote?: string }, cmd: Command) =>
      execute('push', cmd, process.cwd(), async (ctx) => {
        if ((spec === undefined) === !opts.all) throw usageError('Expected <name>@<version> or --all (not both)', 'push');
        const ref = spec === undefined ? undefined : parseModuleSpec(spec, 'push');
        if (ref !== undefined && ref.version === undefined) throw usageError(`Expected <name>@<version>, got: '${spec}'`, 'push');
        const registry = (ctx.subject = await ctx.registry());
        const [{ pushVersions }, { remote, credentials }] = await Promise.all([import('../../core/remote/index.js'), chosenRemote(opts.remote)]);
        const which = ref === undefined ? 'all' : [{ name: ref.name, version: ref.version! }];
        const result = await pushVersions(registry, remote, which, { ...ctx.work, credentials });
        return { ...result, remote_name: remote.name };
      }),
    );
}
