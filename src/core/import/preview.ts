// What publishing the found module folders would do, without writing anything: each one's validation, its
// tests, whether the registry already has that version (byte-identical or not), duplicates inside the batch,
// and the contract changes and semver verdict against the module's latest published version.
import { join } from 'node:path';
import semverEq from 'semver/functions/eq.js';
import { diffModules } from '../diff/compare.js';
import { loadedSide, registrySide } from '../diff/sides.js';
import { toPromptPMError } from '../errors.js';
import { loadModule, type LoadedModule, type ModuleFile, type ModuleManifest } from '../module/index.js';
import { countSteps } from '../progress.js';
import { MANIFEST_FILE } from '../registry-folder.js';
import { readRegularFile } from '../registry/hash.js';
import { latestIndex } from '../registry/latest.js';
import { serializeManifest } from '../registry/manifest.js';
import { resolveRegistryLocation, versionPath } from '../registry/index.js';
import { scanVersions } from '../registry/scan.js';
import { runModuleTests } from '../testing/index.js';
import { duplicatesOf, type Claim } from './duplicates.js';
import { findModules } from './find.js';
import type { ImportPreview, ImportRow, ImportStatus, PreviewOptions } from './types.js';

/** A row before its status is known: `claim` is set when the module would be published but for duplicates in the batch. */
interface Draft {
  row: Omit<ImportRow, 'status'>;
  claim: Claim | null;
}

function draftOf(mod: LoadedModule): Draft {
  return {
    row: {
      path: mod.path,
      source: mod.source,
      name: mod.claimed.name,
      version: mod.claimed.version,
      errors: mod.errors,
      warnings: mod.warnings,
      tests: null,
      failures: [],
      existing: 'none',
      existingVersion: null,
      duplicateOf: null,
      comparison: null,
      comparisonError: null,
    },
    claim: null,
  };
}

/** Whether the published version's immutability manifest is, byte for byte, what publishing the folder would write. */
function sameManifest(registry: string, m: ModuleManifest, published: string, files: Array<{ path: string; sha256: string }>): boolean {
  const { name, version } = m.module;
  const ours = Buffer.from(serializeManifest({ algorithm: 'sha256', files, name, version }), 'utf8');
  try {
    const theirs = readRegularFile(join(versionPath(registry, name, published), MANIFEST_FILE), ours.length);
    return theirs !== null && theirs.equals(ours);
  } catch {
    return false;
  }
}

/** Fills in `existing` and `comparison` for a valid module whose name the registry already has. */
async function compareWithRegistry(registry: string, mod: LoadedModule, m: ModuleManifest, files: ModuleFile[], row: Draft['row']): Promise<void> {
  const { name, version } = m.module;
  const { versions } = await scanVersions(registry, name);
  const equal = versions.find((v) => semverEq(v, version)) ?? null;
  const others = versions.filter((v) => v !== equal);
  if (equal === null && others.length === 0) return;
  // Hashes the folder's files once, for both the manifest it would get and the comparison.
  const side = loadedSide(mod, m, files);
  if (equal !== null) {
    row.existingVersion = equal;
    row.existing = sameManifest(registry, m, equal, side.files) ? 'same-bytes' : 'different';
  }
  if (others.length === 0) return;
  const against = others[latestIndex(others)]!;
  try {
    const { contract, verdict } = diffModules(await registrySide(registry, name, against), side);
    row.comparison = { against, contract, verdict };
  } catch (err) {
    row.comparisonError = toPromptPMError(err, mod.path).toObject();
  }
}

async function previewOne(registry: string, dir: string): Promise<Draft> {
  const mod = await loadModule(dir, { contents: { registry } });
  const draft = draftOf(mod);
  if (mod.manifest === null || mod.files === undefined) return draft;
  const report = await runModuleTests(mod);
  draft.row.tests = { total: report.total, passed: report.passed, failed: report.failed };
  draft.row.failures = report.failures;
  try {
    await compareWithRegistry(registry, mod, mod.manifest, mod.files, draft.row);
  } catch (err) {
    // A file that vanished or changed since validation: the comparison cannot be made, the rest stands.
    draft.row.comparisonError = toPromptPMError(err, mod.path).toObject();
  }
  if (report.failed === 0 && draft.row.existing === 'none') draft.claim = { path: mod.path, name: mod.manifest.module.name, version: mod.manifest.module.version };
  return draft;
}

function statusOf(row: Omit<ImportRow, 'status'>): ImportStatus {
  if (row.errors.length > 0) return 'invalid';
  if (row.tests !== null && row.tests.failed > 0) return 'tests-failed';
  if (row.existing !== 'none') return 'exists';
  return row.duplicateOf === null ? 'ready' : 'duplicate';
}

/** Previews the modules in `paths` (found as `findModules` finds them). Writes nothing; throws only when cancelled. */
export async function previewImport(registry: string, paths: readonly string[], opts: PreviewOptions = {}): Promise<ImportPreview> {
  const registryPath = await resolveRegistryLocation(registry);
  const found = await findModules(paths, opts);
  // A search cut short is not what was chosen: nothing is previewed (each module's tests would run for nothing).
  if (!found.complete) return { registry_path: registryPath, rows: [], problems: found.problems, complete: false };
  const step = countSteps(opts.onProgress, 'preview', found.modules.length, 'modules');
  const drafts: Draft[] = [];
  for (const dir of found.modules) {
    opts.signal?.throwIfAborted();
    const draft = await previewOne(registryPath, dir);
    drafts.push(draft);
    step(draft.claim ? `${draft.claim.name}@${draft.claim.version}` : dir);
  }
  const duplicates = duplicatesOf(drafts.flatMap((d) => (d.claim ? [d.claim] : [])));
  const rows = drafts.map(({ row, claim }): ImportRow => {
    const withDuplicate = { ...row, duplicateOf: (claim && duplicates.get(claim)) ?? null };
    return { ...withDuplicate, status: statusOf(withDuplicate) };
  });
  return { registry_path: registryPath, rows, problems: found.problems, complete: true };
}
