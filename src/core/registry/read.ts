// info and version detail: every version read is verified first; a tampered one is never used silently.
import { PromptPMError } from '../errors.js';
import { loadModule, type LoadedModule } from '../module/index.js';
import { integrityError, moduleNotFound } from './errors.js';
import { recordVerification } from './index-cache.js';
import { resolveRegistryLocation } from './location.js';
import { parseManifest } from './manifest.js';
import { moduleDir, versionPath } from './paths.js';
import { scanVersions } from './scan.js';
import { existingVersionPath } from './verify.js';
import { readManifestBytes, verifyVersionDir } from './verify-one.js';
import { runVerifyJobs } from './verify-pool.js';
import type { InfoResult, ModuleInterface, ModuleMetadata, Verification, VersionDetail, VersionVerification } from './types.js';
import { lstat } from 'node:fs/promises';
import { isModuleName } from '../module/name-version.js';

type ValidManifest = NonNullable<LoadedModule['manifest']>;

function invalidModule(name: string, version: string, mod: LoadedModule): PromptPMError {
  const first = mod.errors[0];
  return new PromptPMError('DEPENDENCY_ERROR', `Published version does not validate: ${name}@${version}`, {
    hint: 'It was published by a tool with other rules or edited afterwards; publish a corrected version.',
    path: name,
    reason: 'INVALID_MODULE',
    // Where its first error is, as resolving reports it.
    field: first?.field,
    file: first?.file,
    line: first?.line,
    column: first?.column,
    data: { errors: mod.errors, warnings: mod.warnings },
  });
}

async function loadPublished(root: string, name: string, version: string): Promise<{ mod: LoadedModule; manifest: ValidManifest }> {
  const mod = await loadModule(versionPath(root, name, version));
  if (mod.manifest === null) throw invalidModule(name, version, mod);
  return { mod, manifest: mod.manifest };
}

const metadataOf = (m: ValidManifest): ModuleMetadata => ({
  description: m.module.description,
  license: m.module.license,
  authors: m.module.authors,
  tags: m.module.tags,
});

const interfaceOf = (m: ValidManifest): ModuleInterface => ({
  intent: m.interface.intent,
  inputs: m.interface.inputs,
  outputs: m.interface.outputs,
  preconditions: m.interface.preconditions,
  postconditions: m.interface.postconditions,
});

function statesOf(results: VersionVerification[]): Map<string, Verification> {
  return new Map(results.map((r) => [`${r.name}@${r.version}`, r.status]));
}

/** `info <name> [--version v]`: all versions (or one), each verified; exit 3 if any is not intact. */
export async function readModuleInfo(registry: string, name: string, version?: string): Promise<InfoResult> {
  const root = await resolveRegistryLocation(registry);
  if (!isModuleName(name) || !(await lstat(moduleDir(root, name)).then((s) => s.isDirectory(), () => false))) throw moduleNotFound(name);
  const all = (await scanVersions(root, name)).versions;
  const versions = version === undefined ? all : all.filter((v) => v === version);
  if (versions.length === 0) throw moduleNotFound(name, version);
  const jobs = versions.map((v) => ({ dir: versionPath(root, name, v), name, version: v }));
  const results = (await runVerifyJobs(jobs, () => undefined)).results as VersionVerification[];
  await recordVerification(root, statesOf(results));
  const bad = results.filter((r) => r.status !== 'ok');
  const first = bad[0];
  if (first) {
    const err = integrityError(name, first.version, first.status as 'tampered' | 'unreadable', first);
    err.data!.versions = bad.map(({ version: v, status, changed, missing, extra }) => ({ name, version: v, status, changed, missing, extra }));
    throw err;
  }
  const rows: InfoResult['versions'] = [];
  for (const v of versions) {
    const { mod, manifest } = await loadPublished(root, name, v);
    // `source` is the version folder, as in `list` and the earlier tool.
    rows.push({ name, version: v, source: mod.path, metadata: metadataOf(manifest), interface: interfaceOf(manifest) });
  }
  return { registry_path: root, name, count: rows.length, versions: rows };
}

/** One version in full for the app; verified first, and a tampered version is returned marked as such. */
export async function readVersion(registry: string, name: string, version: string): Promise<VersionDetail> {
  const root = await resolveRegistryLocation(registry);
  const dir = await existingVersionPath(root, name, version);
  const check = verifyVersionDir({ dir, name, version });
  await recordVerification(root, statesOf([check]));
  const bytes = readManifestBytes(dir);
  const parsed = bytes === null ? null : parseManifest(bytes.toString('utf8'));
  if (check.status === 'unreadable' || parsed === null) throw integrityError(name, version, 'unreadable', check);
  const mod = await loadModule(dir);
  if (mod.manifest === null) {
    throw check.status === 'tampered' ? integrityError(name, version, 'tampered', check) : invalidModule(name, version, mod);
  }
  const m = mod.manifest;
  return {
    name,
    version,
    path: dir,
    verification: check.status,
    integrity: { changed: check.changed, missing: check.missing, extra: check.extra },
    metadata: metadataOf(m),
    interface: interfaceOf(m),
    template: { path: m.prompt.template, text: mod.template ?? '', placeholders: m.prompt.placeholders },
    dependencies: m.dependencies.map((d) => ({ name: d.name, range: d.range })),
    tests: m.tests.map((t) => ({ name: t.name, inputs: t.inputs, assertions: t.assertions.map((a) => ({ kind: a.kind, value: a.value })) })),
    files: parsed.files,
  };
}
