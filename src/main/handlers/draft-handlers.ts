// Authoring in the app: drafts (work-in-progress modules) in drafts areas — `<userData>/drafts` and folders
// the user adds in the native dialog — their files, live validation, the render preview, form edits of the
// manifest, the next version, publish and export, and the watcher that tells the page what changed on disk.
// Main acts only on a draft directly inside a known area (after resolving links), on the open registry, and on
// folders the user chose; the renderer never names any other path.
import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import {
  createDraft,
  createNewVersionDraft,
  discardJournal,
  exportDraft,
  exportVersion,
  isDraftName,
  journalDraft,
  listDrafts,
  openArea,
  publishDraft,
  readDraftFile,
  recoverDrafts,
  renderPreview,
  saveDraftFile,
  suggestVersion,
  summarizeDraft,
  validateDraftText,
  runDraftTests,
} from '../../core/drafts/index.js';
import { editManifest } from '../../core/module/yaml-edit.js';
import type { ProgressListener } from '../../core/progress.js';
import { PromptPMError } from '../../core/errors.js';
import { readVersionOffMainThread, verifyVersion, type VersionStatus } from '../../core/registry/index.js';
import { integrityError } from '../../core/registry/errors.js';
import { versionPath } from '../../core/registry/paths.js';
import type { Handlers } from '../ipc/dispatch.js';
import { ipcError } from '../ipc/error-object.js';
import { ChangeFeed } from '../watch/change-feed.js';
import type { HandlerDeps } from './deps.js';
import type { Jobs } from './jobs.js';

export const DEFAULT_DRAFTS_FOLDER = 'drafts';

type DraftChannel = Extract<keyof Handlers, `drafts.${string}`>;
type DraftHandlers = Pick<Handlers, DraftChannel>;

interface Context {
  deps: HandlerDeps;
  jobs: Jobs;
  registry: () => Promise<string>;
  progressOf: (jobId: string) => ProgressListener;
}

const notAllowed = (path: string) => ipcError('PATH_NOT_ALLOWED', `Not a draft of a drafts folder: ${path}`, 'Open drafts from the drafts list.', path);

/**
 * A version's state after it changed on disk, hashed on the registry's task thread (never on the window's
 * thread); reading it also records the state in the registry's index. Throws when it is gone or unreadable as a module.
 */
async function verifyOffMainThread(registry: string, name: string, version: string): Promise<VersionStatus> {
  try {
    const { verification } = await readVersionOffMainThread(registry, name, version);
    return verification === 'unverified' ? 'unreadable' : verification;
  } catch (error) {
    const reason = error instanceof PromptPMError ? error.reason : undefined;
    if (reason === 'TAMPERED' || reason === 'UNREADABLE') return reason === 'TAMPERED' ? 'tampered' : 'unreadable';
    throw error;
  }
}

export function draftHandlers({ deps, jobs, registry, progressOf }: Context): DraftHandlers {
  let defaultArea: Promise<string> | null = null;
  /** Every known area, canonical: the default one (created on first use), then those the user added and still exist. */
  const areas = async (): Promise<string[]> => {
    defaultArea ??= openArea(join(deps.userDataDir, DEFAULT_DRAFTS_FOLDER)).then((area) => realpath(area));
    const added = await Promise.all(deps.settings.get().draftAreas.map((area) => realpath(area).catch(() => null)));
    return [...new Set([await defaultArea, ...added.filter((area): area is string => area !== null)])];
  };
  const knownArea = async (area: string | undefined): Promise<string> => {
    const all = await areas();
    if (area === undefined) return all[0]!;
    const canonical = await realpath(area).catch(() => null);
    if (canonical === null || !all.includes(canonical)) throw ipcError('PATH_NOT_ALLOWED', `Not a drafts folder: ${area}`, 'Add the folder with Add Drafts Folder… first.', area);
    return canonical;
  };
  /** The draft's real path, when it is a folder directly inside a known area (not a link leading elsewhere). */
  const known = async (draft: string): Promise<string> => {
    if (!isAbsolute(draft) || !isDraftName(basename(draft))) throw notAllowed(draft);
    const [parent, real] = await Promise.all([realpath(dirname(draft)).catch(() => null), realpath(draft).catch(() => null)]);
    if (parent === null || real !== join(parent, basename(draft)) || !(await areas()).includes(parent)) throw notAllowed(draft);
    return real;
  };
  /** A folder the user picks for an export; it joins the allow-list so it can be shown in the file manager. */
  const chooseDestination = async (title: string): Promise<string | null> => {
    const [dest] = await deps.dialog.chooseFolders({ title, multiple: false });
    return dest ?? null;
  };
  const feed = new ChangeFeed({
    verify: (root, name, version) => verifyOffMainThread(root, name, version),
    send: (event) => deps.sendEvent('changed', event),
  });

  return {
    'drafts.areas': () => areas(),
    'drafts.addArea': async () => {
      const [chosen] = await deps.dialog.chooseFolders({ title: 'Add a Drafts Folder', multiple: false });
      if (chosen === undefined) return null;
      const area = await realpath(await openArea(chosen));
      if (!(await areas()).includes(area)) await deps.settings.update((s) => ({ ...s, draftAreas: [...s.draftAreas, area] }));
      await deps.allowList.add(area, 'dialog');
      return area;
    },
    'drafts.list': async () => (await Promise.all((await areas()).map((area) => listDrafts(area)))).flat(),
    'drafts.create': async ({ name, version, area }) => summarizeDraft(await createDraft(await knownArea(area), { name, version })),
    'drafts.newVersionOf': async ({ name, version, newVersion, area }) =>
      summarizeDraft(await createNewVersionDraft(await knownArea(area), await registry(), { name, version }, newVersion === undefined ? {} : { version: newVersion })),
    'drafts.read': async ({ draft, file }) => readDraftFile(await known(draft), file),
    'drafts.save': async ({ draft, file, text, expectedHash }) => saveDraftFile(await known(draft), file, text, expectedHash === undefined ? {} : { expectedHash }),
    'drafts.journal': async ({ draft, file, text }) => {
      await journalDraft(await known(draft), file, text);
      return true;
    },
    'drafts.discard': async ({ draft, file }) => {
      await discardJournal(await known(draft), file);
      return true;
    },
    'drafts.recover': async () => (await Promise.all((await areas()).map((area) => recoverDrafts(area)))).flat(),
    'drafts.validate': async ({ draft, manifestText, templateText }) =>
      validateDraftText(await known(draft), { ...(manifestText !== undefined && { manifestText }), ...(templateText !== undefined && { templateText }) }),
    'drafts.preview': async ({ draft, inputs, templateText }) => renderPreview(await known(draft), inputs, templateText === undefined ? {} : { templateText }),
    'drafts.runTests': async ({ draft }) => runDraftTests(await known(draft)),
    'drafts.editManifest': async ({ text, edits }) => editManifest(text, edits),
    'drafts.suggestVersion': async ({ draft }) => suggestVersion(await registry(), await known(draft)),
    'drafts.publish': async ({ jobId, draft }) => {
      const [root, folder] = [await registry(), await known(draft)];
      return jobs.run(jobId, (signal) => publishDraft(root, folder, { onProgress: progressOf(jobId), signal }));
    },
    'drafts.exportVersion': async ({ name, version }) => {
      const dest = await chooseDestination(`Export ${name}@${version} to…`);
      return dest === null ? null : deps.allowList.add(await exportVersion(await registry(), name, version, dest), 'dialog');
    },
    'drafts.startDrag': async (what) => {
      if ('draft' in what) {
        deps.shell.startDrag(await known(what.draft));
        return true;
      }
      // Only an intact version leaves the window: the file manager copies the folder as it is on disk.
      const root = await registry();
      const check = await verifyVersion(root, what.name, what.version);
      if (check.status !== 'ok') throw integrityError(what.name, what.version, check.status, check);
      deps.shell.startDrag(versionPath(root, what.name, what.version));
      return true;
    },
    'drafts.exportDraft': async ({ draft }) => {
      const folder = await known(draft);
      const dest = await chooseDestination('Export the draft to…');
      return dest === null ? null : deps.allowList.add(await exportDraft(folder, dest), 'dialog');
    },
    'drafts.watch': async () => {
      await feed.follow({ registry: await registry(), areas: await areas() });
      return true;
    },
  };
}
