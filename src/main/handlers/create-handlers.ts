// The main-side implementation of every contract channel, free of Electron: the Electron adapter and
// the browser test harness both build it from injected dependencies and call it through dispatch().
import { listRegistry, verifyRegistry } from '../../core/registry/index.js';
import type { Handlers } from '../ipc/dispatch.js';
import type { RegistryListing } from '../../shared/ipc/schemas.js';
import type { HandlerDeps } from './deps.js';
import { Jobs, progressForwarder } from './jobs.js';
import { readModuleVersion, resolveVersion, runVersionTests } from './module-handlers.js';
import { RegistrySession } from './registry-session.js';

export interface MainHandlers {
  handlers: Handlers;
  session: RegistrySession;
  jobs: Jobs;
}

async function listing(registry: string): Promise<RegistryListing> {
  const list = await listRegistry(registry);
  return {
    registry_path: list.registry_path,
    count: list.count,
    packages: list.packages.map((p) => ({
      name: p.name,
      versions: p.versions,
      latest: p.latest,
      description: p.description,
      tags: p.tags,
      verification: p.verification,
      inputTypes: p.inputTypes,
      outputTypes: p.outputTypes,
    })),
    versionStates: list.versionStates,
  };
}

export async function createHandlers(deps: HandlerDeps): Promise<MainHandlers> {
  const session = new RegistrySession(deps);
  await session.init();
  const jobs = new Jobs();
  const registry = async (): Promise<string> => (await session.current()).path;

  const handlers: Handlers = {
    'app.info': async () => deps.app,
    'registry.current': () => session.current(),
    'registry.recent': () => session.recent(),
    'registry.choose': async () => {
      const chosen = await deps.dialog.chooseFolder();
      return chosen === null ? null : session.openChosen(chosen, 'dialog');
    },
    'registry.open': (path) => session.openAllowed(path),
    'registry.list': async () => listing(await registry()),
    'registry.verify': async ({ jobId, name, version }) => {
      const path = await registry();
      const onProgress = progressForwarder(jobId, (event) => deps.sendEvent('progress', event));
      return jobs.run(jobId, (signal) =>
        verifyRegistry(path, { ...(name !== undefined && { name }), ...(version !== undefined && { version }), onProgress, signal }),
      );
    },
    'jobs.cancel': async (jobId) => jobs.cancel(jobId),
    'module.read': async (ref) => readModuleVersion(await registry(), ref),
    'module.runTests': async (ref) => runVersionTests(await registry(), ref),
    'module.resolve': async (ref) => resolveVersion(await registry(), ref, jobs, deps.sendEvent),
  };
  return { handlers, session, jobs };
}
