// Bringing module folders into the open registry: choose or drop folders, preview what publishing them
// would do, publish the good ones, or start from a new scaffolded module. Main acts only on folders the
// user chose in the dialog or dropped (the allow-list); the renderer never names another path.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { previewImport, publishBatch } from '../../core/import/index.js';
import { scaffoldModule } from '../../core/module/index.js';
import type { ProgressListener } from '../../core/progress.js';
import type { Handlers } from '../ipc/dispatch.js';
import { ipcError } from '../ipc/error-object.js';
import type { HandlerDeps } from './deps.js';
import type { Jobs } from './jobs.js';

type ImportHandlers = Pick<Handlers, 'import.choose' | 'import.preview' | 'import.publish' | 'import.newModule' | 'shell.reveal'>;

interface Context {
  deps: HandlerDeps;
  jobs: Jobs;
  registry: () => Promise<string>;
  progressOf: (jobId: string) => ProgressListener;
}

/** The canonical paths, each a folder the user chose or dropped, or inside one; else refused. */
async function allowed(deps: HandlerDeps, paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const canonical = await deps.allowList.lookupWithin(path);
    if (canonical === null) throw ipcError('PATH_NOT_ALLOWED', `Folder not chosen or dropped by the user: ${path}`, 'Drop the folder on the window, or choose it with Import….', path);
    out.push(canonical);
  }
  return out;
}

export function importHandlers({ deps, jobs, registry, progressOf }: Context): ImportHandlers {
  return {
    'import.choose': async () => {
      const chosen = await deps.dialog.chooseFolders({ title: 'Import Modules', multiple: true });
      return Promise.all(chosen.map((path) => deps.allowList.add(path, 'dialog')));
    },
    'import.preview': async ({ jobId, paths }) => {
      const [root, folders] = [await registry(), await allowed(deps, paths)];
      return jobs.run(jobId, (signal) => previewImport(root, folders, { onProgress: progressOf(jobId), signal }));
    },
    'import.publish': async ({ jobId, paths }) => {
      const [root, folders] = [await registry(), await allowed(deps, paths)];
      return jobs.run(jobId, (signal) => publishBatch(root, folders, { onProgress: progressOf(jobId), signal }));
    },
    'import.newModule': async ({ name, version }) => {
      const [parent] = await deps.dialog.chooseFolders({ title: `Choose where to create ${name}`, multiple: false });
      if (parent === undefined) return null;
      const dir = join(parent, name);
      try {
        await mkdir(dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw ipcError('FOLDER_EXISTS', `A folder named ${name} already exists in ${parent}`, 'Choose another place, or another name for the module.', dir);
        }
        throw error;
      }
      await scaffoldModule(dir, { name, version });
      return { path: await deps.allowList.add(dir, 'dialog') };
    },
    'shell.reveal': async (path) => {
      const [folder] = await allowed(deps, [path]);
      deps.shell.reveal(folder!);
      return true;
    },
  };
}
