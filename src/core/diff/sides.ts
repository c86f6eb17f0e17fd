// Reads the two sides of a comparison: a published version (verified against its immutability manifest
// first; a file that changes while it is read is caught by its hash), or a module folder (validated
// first, as `validate` does, with the files publish would copy).
import { hash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { PromptPMError, validationFailure } from '../errors.js';
import { loadModule, type LoadedModule, type ModuleFile, type ModuleManifest } from '../module/index.js';
import { integrityError } from '../registry/errors.js';
import { readRegularFile, sha256File } from '../registry/hash.js';
import { readVersion } from '../registry/index.js';
import { LIMITS } from '../module/limits.js';
import type { ModuleSide } from './compare.js';
import type { SideFile } from './files.js';

/** Any file publish accepts fits; reading stops past it. */
const READ_LIMIT = LIMITS.fileBytes;

/** The file's bytes, provided they still have the hash the comparison was planned with. */
function readUnchanged(abs: string, sha256: string, changed: () => PromptPMError): Uint8Array {
  const bytes = readRegularFile(abs, READ_LIMIT);
  if (bytes === null || hash('sha256', bytes, 'hex') !== sha256) throw changed();
  return bytes;
}

export async function registrySide(registry: string, name: string, version: string): Promise<ModuleSide> {
  const detail = await readVersion(registry, name, version);
  if (detail.verification !== 'ok') throw integrityError(name, version, 'tampered', detail.integrity);
  const files = detail.files.map(({ path, sha256 }): SideFile => {
    const abs = join(detail.path, path);
    return {
      path,
      sha256,
      size: lstatSync(abs).size,
      read: () => readUnchanged(abs, sha256, () => integrityError(name, version, 'tampered', { changed: [path], missing: [], extra: [] })),
    };
  });
  return { ref: { name, version, path: detail.path, source: 'registry' }, contract: detail, files };
}

/** `registry` is left out of the folder's files wherever it lies inside, as publish leaves it out. */
export async function folderSide(folder: string, registry: string): Promise<ModuleSide> {
  const mod = await loadModule(folder, { contents: { registry } });
  if (mod.manifest === null || mod.files === undefined || mod.errors.length > 0) {
    throw validationFailure(mod.path, mod.errors, mod.warnings, { path: mod.path, source: mod.source });
  }
  return loadedSide(mod, mod.manifest, mod.files);
}

/** The side of a module folder already loaded and valid (import previews it without loading it twice); hashes its files. */
export function loadedSide(mod: LoadedModule, m: ModuleManifest, moduleFiles: ModuleFile[]): ModuleSide {
  const contract: ModuleSide['contract'] = {
    metadata: { description: m.module.description, license: m.module.license, authors: m.module.authors, tags: m.module.tags },
    interface: m.interface,
    template: { path: m.prompt.template, text: mod.template ?? '', placeholders: m.prompt.placeholders },
    dependencies: m.dependencies,
    tests: m.tests,
  };
  const changedWhileRead = (path: string) =>
    new PromptPMError('VALIDATION_ERROR', `File changed while it was compared: ${path}`, {
      hint: 'Compare again once nothing is writing to the module folder.',
      path: mod.path,
      reason: 'FILE_CHANGED',
    });
  const files = moduleFiles.map(({ path, abs, size }): SideFile => {
    const sha256 = sha256File(abs);
    return { path, size, sha256, read: () => readUnchanged(abs, sha256, () => changedWhileRead(path)) };
  });
  return { ref: { name: m.module.name, version: m.module.version, path: mod.path, source: 'folder' }, contract, files };
}
