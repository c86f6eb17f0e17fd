// `promptpm remote add <name> <url> [--insecure] | list | remove <name>`: the remotes push and pull use, kept
// in the user's config folder (docs/remote.md). Credentials are not stored here: they come from Docker's.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { defineCommand } from '../define-command.js';
import { execute } from '../run.js';
import { usageError } from '../usage.js';

/** `$XDG_CONFIG_HOME/promptpm/remotes.json` (else ~/.config/…; %APPDATA%\promptpm\… on Windows). */
export function remotesFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || (process.platform === 'win32' && env.APPDATA) || join(homedir(), '.config');
  return join(base, 'promptpm', 'remotes.json');
}

/** The remote a command names (else the only one configured), with the credentials Docker's config gives. */
export async function chosenRemote(name: string | undefined) {
  const { dockerCredentials, findRemote } = await import('../../core/remote/index.js');
  return { remote: await findRemote(remotesFile(), name), credentials: dockerCredentials() };
}

const USAGE = 'Expected `remote add <name> <url>`, `remote list` or `remote remove <name>`';

export function registerRemote(program: Command): void {
  defineCommand(program, 'remote', 'Add, list or remove the OCI registries that push and pull use')
    .argument('<action>', 'add, list or remove')
    .argument('[name]', 'the remote\'s name (add, remove)')
    .argument('[url]', 'an OCI repository prefix such as ghcr.io/acme/prompts (add)')
    .option('--insecure', 'allow plain HTTP to a host that is not loopback (add)')
    .action((action: string, name: string | undefined, url: string | undefined, opts: { insecure?: boolean }, cmd: Command) =>
      execute('remote', cmd, remotesFile(), async () => {
        const file = remotesFile();
        const { addRemote, readRemotes, removeRemote } = await import('../../core/remote/index.js');
        if (action === 'list' && name === undefined) {
          const remotes = await readRemotes(file);
          return { remotes_file: file, count: remotes.length, remotes };
        }
        if (action === 'add' && name !== undefined && url !== undefined) {
          const remotes = await addRemote(file, { name, url, insecure: !!opts.insecure });
          return { remotes_file: file, added: name, count: remotes.length, remotes };
        }
        if (action === 'remove' && name !== undefined && url === undefined) {
          const remotes = await removeRemote(file, name);
          return { remotes_file: file, removed: name, count: remotes.length, remotes };
        }
        throw usageError(`${USAGE}, got: remote ${[action, name, url].filter((a) => a !== undefined).join(' ')}`, 'remote');
      }),
    );
}
