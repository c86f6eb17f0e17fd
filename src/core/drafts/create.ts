// Making drafts: from the `init` scaffold, or as a new version of a published version (a verified copy of its
// files, the immutability manifest left out, with `module.version` bumped through the form editor so the
// user's manifest text is kept). A draft's folder is `<name>-<version>`, with `-2`, `-3`… when taken.
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import semver from 'semver';
import { PromptPMError } from '../errors.js';
import { MANIFEST_TOML, MANIFEST_YAML, scaffoldModule } from '../module/index.js';
import { editManifest } from '../module/yaml-edit.js';
import { integrityError } from '../registry/errors.js';
import { readVersion, resolveRegistryLocation, type VersionDetail } from '../registry/index.js';
import { openArea, sha256, sidecarDir } from './layout.js';
import { writeBasedOn } from './meta.js';

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

/** The first free folder name for a draft of `name@version`. */
async function freeFolder(area: string, name: string, version: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = join(area, n === 1 ? `${name}-${version}` : `${name}-${version}-${n}`);
    if (!(await exists(candidate))) return candidate;
  }
}

/** A new draft from the `init` scaffold; returns its folder. */
export async function createDraft(area: string, opts: { name: string; version: string }): Promise<string> {
  const root = await openArea(area);
  for (;;) {
    const folder = await freeFolder(root, opts.name, opts.version);
    try {
      // mkdir without `recursive` claims the name: a folder made meanwhile by someone else makes it fail.
      await mkdir(folder);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    try {
      await scaffoldModule(folder, opts);
    } catch (err) {
      await rm(folder, { recursive: true, force: true });
      throw err;
    }
    return folder;
  }
}

/** Copies a verified version's files into `into`, each checked against the hash it was verified with. */
export async function copyVerified(detail: VersionDetail, into: string): Promise<void> {
  for (const file of detail.files) {
    const bytes = await readFile(join(detail.path, file.path));
    if (sha256(bytes) !== file.sha256) throw integrityError(detail.name, detail.version, 'tampered', { changed: [file.path], missing: [], extra: [] });
    const target = join(into, file.path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, bytes, { flag: 'wx' });
  }
}

async function bumpVersion(folder: string, version: string, from: VersionDetail): Promise<void> {
  const manifest = join(folder, MANIFEST_YAML);
  if (!(await exists(manifest))) {
    const toml = await exists(join(folder, MANIFEST_TOML));
    throw new PromptPMError('VALIDATION_ERROR', `${from.name}@${from.version} has ${toml ? `a ${MANIFEST_TOML}` : 'no'} manifest; only ${MANIFEST_YAML} can be edited here`, {
      hint: 'Export the version and edit its manifest in a text editor.',
      path: from.path,
      reason: 'MANIFEST_NOT_EDITABLE',
    });
  }
  const text = await readFile(manifest, 'utf8');
  await writeFile(manifest, editManifest(text, [{ op: 'setField', field: 'version', value: version }]));
}

/**
 * A draft that is a new version of `name@version` in `registry` (refused unless the version verifies):
 * `opts.version`, by default the next patch. Records the base beside the draft; returns its folder.
 */
export async function createNewVersionDraft(area: string, registry: string, ref: { name: string; version: string }, opts: { version?: string } = {}): Promise<string> {
  const root = await openArea(area);
  const detail = await readVersion(await resolveRegistryLocation(registry, { mustExist: true }), ref.name, ref.version);
  if (detail.verification !== 'ok') throw integrityError(ref.name, ref.version, detail.verification === 'unreadable' ? 'unreadable' : 'tampered', detail.integrity);
  const version = opts.version ?? semver.inc(ref.version, 'patch')!;
  await mkdir(sidecarDir(root), { recursive: true });
  // Built in the sidecar folder and moved into place whole: a half-made draft never shows in the list.
  const staging = await mkdtemp(join(sidecarDir(root), 'new-'));
  try {
    await copyVerified(detail, staging);
    await bumpVersion(staging, version, detail);
    const folder = await freeFolder(root, ref.name, version);
    await writeBasedOn(folder, { name: ref.name, version: ref.version });
    await rename(staging, folder);
    return folder;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}
