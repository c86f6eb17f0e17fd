// The main-side implementation of every contract channel, free of Electron: the Electron adapter and
// the browser test harness both build it from injected dependencies and call it through dispatch().
import { listModuleNames, readVersionOffMainThread, testVersionOffMainThread, verifyRegistry } from '../../core/registry/index.js';
import { diffVersionsOffMainThread, fileTextsOffMainThread } from '../../core/diff/index.js';
import type { Handlers } from '../ipc/dispatch.js';
import type { HandlerDeps } from './deps.js';
import { draftHandlers } from './draft-handlers.js';
import { importHandlers } from './import-handlers.js';
import { remoteHandlers } from './remote-handlers.js';
import { RemoteCredentials } from '../state/remote-credentials.js';
import { join } from 'node:path';
import { Jobs, progressForwarder } from './jobs.js';
import { ListingPages } from './listing-pages.js';
import { resolveVersion } from './module-handlers.js';
import { RegistrySession } from './registry-session.js';

export interface MainHandlers {
  handlers: Handlers;
  session: RegistrySession;
  jobs: Jobs;
}

export async function createHandlers(deps: HandlerDeps): Promise<MainHandlers> {
  const session = new RegistrySession(deps);
  await session.init();
  const jobs = new Jobs();
  const listings = new ListingPages();
  const registry = async (): Promise<string> => (await session.current()).path;
  const progressOf = (jobId: string) => progressForwarder(jobId, (event) => deps.sendEvent('progress', event));

  const handlers: Handlers = {
    'app.info': async () => deps.app,
    'registry.current': () => session.current(),
    'registry.recent': () => session.recent(),
    'registry.choose': async () => {
      const chosen = await deps.dialog.chooseFolder();
      return chosen === null ? null : session.openChosen(chosen, 'dialog');
    },
    'registry.open': (path) => session.openAllowed(path),
    'registry.list': async (request) => {
      const { jobId } = request;
      return listings.page(await registry(), request, jobId === undefined ? undefined : progressOf(jobId));
    },
    'registry.names': async () => listModuleNames(await registry()),
    'registry.verify': async ({ jobId, name, version }) => {
      const path = await registry();
      const onProgress = progressOf(jobId);
      return jobs.run(jobId, (signal) =>
        verifyRegistry(path, { ...(name !== undefined && { name }), ...(version !== undefined && { version }), onProgress, signal }),
      );
    },
    'jobs.cancel': async (jobId) => jobs.cancel(jobId),
    // Both hash the whole version: core runs them on its task thread, so the window never freezes on a large one.
    'module.read': async ({ name, version }) => readVersionOffMainThread(await registry(), name, version),
    'module.runTests': async ({ name, version }) => testVersionOffMainThread(await registry(), name, version),
    'module.resolve': async (ref) => resolveVersion(await registry(), ref, jobs, deps.sendEvent),
    // Reading, hashing and diffing two versions' files is core's work on its task thread, like module.read.
    'module.diff': async ({ name, a, b }) => diffVersionsOffMainThread(await registry(), name, a, b),
    'module.diffFile': async (req) => fileTextsOffMainThread(await registry(), req),
    ...importHandlers({ deps, jobs, registry, progressOf }),
    ...draftHandlers({ deps, jobs, registry, progressOf }),
    ...remoteHandlers({ deps, jobs, registry, progressOf, credentials: new RemoteCredentials(join(deps.userDataDir, 'remote-credentials.json'), deps.encryptor) }),
  };
  return { handlers, session, jobs };
}
