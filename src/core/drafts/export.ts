// Export: a published version (verified, each file checked against its hash as it is copied) or a draft (the
// files publish would copy) written as a new module folder `<name>-<version>` inside a chosen folder. The
// folder is built beside its final place and renamed into it, so a half-written export never shows; its files
// are byte for byte the originals, so it validates and publishes back to the same immutability manifest.
import { copyFile, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { validationFailure } from '../errors.js';
import { loadModule } from '../module/index.js';
import { isModuleName, isStrictSemverSyntax } from '../module/name-version.js';
import { integrityError } from '../registry/errors.js';
import { readVersion, resolveRegistryLocation } from '../registry/index.js';
import { copyVerified } from './create.js';

async function freeTarget(dest: string, folder: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = join(dest, n === 1 ? folder : `${folder}-${n}`);
    if (!(await stat(candidate).then(() => true, () => false))) return candidate;
  }
}

/** Builds the folder with `fill` in a hidden staging folder of `dest`, then renames it into place. */
async function writeExport(dest: string, folder: string, fill: (into: string) => Promise<void>): Promise<string> {
  const root = resolve(dest);
  await mkdir(root, { recursive: true });
  const staging = await mkdtemp(join(root, '.promptpm-export-'));
  try {
    await fill(staging);
    const target = await freeTarget(root, folder);
    await rename(staging, target);
    return target;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/** Exports `name@version` (refused unless it verifies) into `dest`; returns the new folder. */
export async function exportVersion(registry: string, name: string, version: string, dest: string): Promise<string> {
  const detail = await readVersion(await resolveRegistryLocation(registry, { mustExist: true }), name, version);
  if (detail.verification !== 'ok') throw integrityError(name, version, detail.verification === 'unreadable' ? 'unreadable' : 'tampered', detail.integrity);
  return writeExport(dest, `${name}-${version}`, (into) => copyVerified(detail, into));
}

/**
 * Exports the files of a draft that publish would copy into `dest`, as they are (work in progress may not
 * validate yet); refused when the draft has no manifest.
 */
export async function exportDraft(draft: string, dest: string): Promise<string> {
  const mod = await loadModule(draft, { contents: {} });
  if (mod.files === undefined) throw validationFailure(mod.path, mod.errors, mod.warnings);
  const files = mod.files;
  const { name, version } = mod.claimed;
  // The name as written becomes a folder name only when it is a safe one.
  const folder = name !== null && version !== null && isModuleName(name) && isStrictSemverSyntax(version) ? `${name}-${version}` : basename(mod.path);
  return writeExport(dest, folder, async (into) => {
    for (const file of files) {
      const target = join(into, file.path);
      await mkdir(dirname(target), { recursive: true });
      await copyFile(file.abs, target);
    }
  });
}
