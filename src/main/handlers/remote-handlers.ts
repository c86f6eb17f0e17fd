// The app's remotes (docs/remote.md): OCI registries the open registry pushes to and pulls from. The list of
// remotes is the app's own file in its user-data folder; a remote's token stays in main, encrypted by the
// system's secure storage, and is sent only to that remote's host.
import { join } from 'node:path';
import type { ProgressListener } from '../../core/progress.js';
import {
  addRemote,
  findRemote,
  parseRemoteUrl,
  pullVersions,
  pushVersions,
  readRemotes,
  remoteStatus,
  removeRemote,
  type CredentialSource,
  type RemoteConfig,
} from '../../core/remote/index.js';
import type { Handlers } from '../ipc/dispatch.js';
import { ipcError } from '../ipc/error-object.js';
import type { RemoteCredentials } from '../state/remote-credentials.js';
import type { HandlerDeps } from './deps.js';
import type { Jobs } from './jobs.js';

type RemoteHandlers = Pick<Handlers, 'remotes.list' | 'remotes.add' | 'remotes.remove' | 'remotes.signIn' | 'remotes.status' | 'remotes.push' | 'remotes.pull'>;

interface Context {
  deps: HandlerDeps;
  jobs: Jobs;
  registry: () => Promise<string>;
  progressOf: (jobId: string) => ProgressListener;
  credentials: RemoteCredentials;
}

export const remotesFile = (userDataDir: string): string => join(userDataDir, 'remotes.json');

/** The remote's stored credentials, offered only to the remote's own host (never to a host it redirects to). */
function credentialsFor(remote: RemoteConfig, store: RemoteCredentials): CredentialSource {
  const host = parseRemoteUrl(remote.url, remote.insecure).host;
  return async (asked) => (asked === host ? store.get(remote.name) : null);
}

export function remoteHandlers({ deps, jobs, registry, progressOf, credentials }: Context): RemoteHandlers {
  const file = remotesFile(deps.userDataDir);
  const target = async (name: string) => {
    const remote = await findRemote(file, name);
    return { remote, options: { credentials: credentialsFor(remote, credentials) } };
  };
  const list = async () =>
    Promise.all((await readRemotes(file)).map(async (r) => ({ name: r.name, url: r.url, insecure: r.insecure, signedIn: await credentials.has(r.name) })));
  return {
    'remotes.list': list,
    'remotes.add': async ({ name, url, insecure, username, token }) => {
      if ((username === undefined || username === '') !== (token === undefined || token === '')) {
        throw ipcError('CREDENTIALS_INCOMPLETE', 'Give both a user name and a token, or neither', 'Registries that need sign-in take a user name with a token or password.', name);
      }
      await addRemote(file, { name, url, insecure });
      if (username && token) await credentials.set(name, { username, password: token });
      return list();
    },
    'remotes.remove': async (name) => {
      await removeRemote(file, name);
      await credentials.delete(name);
      return list();
    },
    'remotes.signIn': async ({ name, username, token }) => {
      await findRemote(file, name);
      await credentials.set(name, { username, password: token });
      return list();
    },
    'remotes.status': async ({ jobId, remote }) => {
      const [root, t] = [await registry(), await target(remote)];
      return jobs.run(jobId, (signal) => remoteStatus(root, t.remote, { ...t.options, onProgress: progressOf(jobId), signal }));
    },
    'remotes.push': async ({ jobId, remote, versions }) => {
      const [root, t] = [await registry(), await target(remote)];
      return jobs.run(jobId, (signal) => pushVersions(root, t.remote, versions, { ...t.options, onProgress: progressOf(jobId), signal }));
    },
    'remotes.pull': async ({ jobId, remote, versions }) => {
      const [root, t] = [await registry(), await target(remote)];
      const requests = versions.map(({ name, version }) => ({ name, range: version }));
      return jobs.run(jobId, (signal) => pullVersions(root, t.remote, requests, { ...t.options, onProgress: progressOf(jobId), signal }));
    },
  };
}
