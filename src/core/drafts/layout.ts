// Where a drafts area keeps things: each draft is a module folder directly
// inside the area and holds only module files, so publishing it copies nothing else. What the tool keeps about
// a draft lives beside it, in `<area>/.promptpm-drafts/`: `based-on/<folder>.json` (the version it is a new
// version of) and `journal/<folder>.json` (editor text not saved yet). Published drafts move to `<area>/.archive/`. Hidden
// names are never drafts. An area never lies inside a registry, so a draft never lands in its `modules/`.
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { PromptPMError } from '../errors.js';
import { isRegistryFolder } from '../registry-folder.js';

export const SIDECAR_FOLDER = '.promptpm-drafts';
export const ARCHIVE_FOLDER = '.archive';

export const sidecarDir = (area: string): string => join(area, SIDECAR_FOLDER);
export const journalDir = (area: string): string => join(sidecarDir(area), 'journal');
export const metaFile = (draft: string): string => join(sidecarDir(dirname(draft)), 'based-on', `${basename(draft)}.json`);
export const journalFile = (draft: string): string => join(journalDir(dirname(draft)), `${basename(draft)}.json`);

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** Whether a folder entry of an area can be a draft: hidden entries are the tool's own. */
export const isDraftName = (name: string): boolean => !name.startsWith('.');

/** The registry folder that holds `dir` (or is it), else null. */
function enclosingRegistry(dir: string): string | null {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (isRegistryFolder(at)) return at;
    if (dirname(at) === at) return null;
  }
}

/** The absolute area, created when missing; refused inside a registry. */
export async function openArea(area: string): Promise<string> {
  const abs = resolve(area);
  const registry = enclosingRegistry(abs);
  if (registry !== null) {
    throw new PromptPMError('VALIDATION_ERROR', `A drafts folder cannot be inside a registry: ${abs} is in ${registry}`, {
      hint: 'Keep drafts in a folder of their own; publishing is what puts a module into a registry.',
      path: abs,
      reason: 'DRAFTS_IN_REGISTRY',
    });
  }
  await mkdir(abs, { recursive: true });
  return abs;
}
