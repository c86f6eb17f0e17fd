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
import { parseManifest } from '../registry/manifest.js';
import { existingVersionPath } from '../registry/verify.js';
import { readManifestBytes } from '../registry/verify-one.js';
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

/** One file of a published version, read only when asked for and then checked against its recorded hash. */
function publishedFile(dir: string, name: string, version: string, path: string, sha256: string): SideFile {
  const abs = join(dir, path);
  const tampered = (diff: { changed: string[]; missing: string[] }) => integrityError(name, version, 'tampered', { ...diff, extra: [] });
  const size = lstatSync(abs, { throwIfNoEntry: false })?.size;
  if (size === undefined) throw tampered({ changed: [], missing: [path] });
  return { path, sha256, size, read: () => readUnchanged(abs, sha256, () => tampered({ changed: [path], missing: [] })) };
}

export async function registrySide(registry: string, name: string, version: string): Promise<ModuleSide> {
  const detail = await readVersion(registry, name, version);
  if (detail.verification !== 'ok') throw integrityError(name, version, 'tampered', detail.integrity);
  const files = detail.files.map(({ path, sha256 }) => publishedFile(detail.path, name, version, path, sha256));
  return { ref: { name, version, path: detail.path, source: 'registry' }, contract: detail, files };
}

/** A published version's folder and the hash its immutability manifest records for each file. */
export interface RecordedFiles {
  dir: string;
  sha256Of: ReadonlyMap<string, string>;
}

/**
 * The files a published version's immutability manifest records, each checked against its recorded hash when
 * read (recordedFile): enough to show a file of a comparison already made (which verified both versions
 * whole), without hashing and loading both versions again for every file the view opens.
 */
export async function recordedFiles(registry: string, name: string, version: string): Promise<RecordedFiles> {
  const dir = await existingVersionPath(registry, name, version);
  const bytes = readManifestBytes(dir);
  const parsed = bytes === null ? null : parseManifest(bytes.toString('utf8'));
  if (parsed === null) throw integrityError(name, version, 'unreadable', { changed: [], missing: [], extra: [] });
  return { dir, sha256Of: new Map(parsed.files.map((f) => [f.path, f.sha256])) };
}

/** The recorded file at `path`, or undefined when the version has none there. */
export function recordedFile(recorded: RecordedFiles, name: string, version: string, path: string): SideFile | undefined {
  const sha256 = recorded.sha256Of.get(path);
  return sha256 === undefined ? undefined : publishedFile(recorded.dir, name, version, path, sha256);
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
