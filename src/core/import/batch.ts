// Publishes a batch of module folders, each on its own: every check publish makes runs again here (a preview
// may be stale), each version is written atomically by publish's own code, and a failure never undoes what
// was already published. Duplicates inside the batch are refused, all of them. The index cache is updated
// once at the end, not per version, and each module is loaded and tested once.
import { resolve } from 'node:path';
import { PromptPMError, toPromptPMError } from '../errors.js';
import { countSteps, type LongWorkOptions } from '../progress.js';
import { recordVerification } from '../registry/index-cache.js';
import { resolveRegistryLocation } from '../registry/index.js';
import { findEqualVersion } from '../registry/scan.js';
import { testForPublish, validateForPublish, writeVersion, type CheckedModule } from '../registry/publish.js';
import { duplicatesOf, type Claim } from './duplicates.js';
import type { BatchOutcome, BatchResult } from './types.js';

/** Every outcome starts as not attempted, until its module is checked (and published). */
const pending = (path: string): BatchOutcome => ({ path, name: null, version: null, status: 'skipped', error: null, details: null, published_path: null, tests: null });

function fail(outcome: BatchOutcome, err: unknown): void {
  const error = toPromptPMError(err, outcome.path);
  Object.assign(outcome, { status: 'failed', error: error.toObject(), details: error.data ?? null });
}

function duplicateError(claim: Claim, other: string): PromptPMError {
  return new PromptPMError('PUBLISH_CONFLICT', `Another folder of this batch is also ${claim.name}@${claim.version}: ${other}`, {
    hint: 'Keep one of the two folders in the batch, or give them different versions.',
    path: claim.path,
    reason: 'DUPLICATE_IN_BATCH',
    data: { identifier: `${claim.name}@${claim.version}`, duplicate_of: other },
  });
}

/** Checks each folder (validation, tests); the ones that pass, with their outcome rows. Stops early when cancelled. */
async function checkAll(registry: string, outcomes: BatchOutcome[], opts: LongWorkOptions): Promise<Array<[CheckedModule, BatchOutcome]>> {
  const step = countSteps(opts.onProgress, 'check', outcomes.length, 'modules');
  const passed: Array<[CheckedModule, BatchOutcome]> = [];
  for (const outcome of outcomes) {
    if (opts.signal?.aborted) break;
    try {
      const valid = await validateForPublish(registry, outcome.path);
      Object.assign(outcome, { name: valid.name, version: valid.version });
      const checked = await testForPublish(valid);
      outcome.tests = checked.tests;
      passed.push([checked, outcome]);
    } catch (err) {
      fail(outcome, err);
    }
    step(outcome.name === null ? outcome.path : `${outcome.name}@${outcome.version}`);
  }
  return passed;
}

/**
 * Publishes each folder on its own (docs/cli.md, "publish"): one outcome per folder, in the order given. A
 * cancel (`signal`) stops between modules; what was not published then is `skipped`.
 */
export async function publishBatch(registry: string, folders: readonly string[], opts: LongWorkOptions = {}): Promise<BatchResult> {
  const registryPath = await resolveRegistryLocation(registry);
  const outcomes = folders.map((folder) => pending(resolve(folder)));
  const checked = await checkAll(registryPath, outcomes, opts);

  // A version the registry has is refused as such when written (as the preview shows it), not as a duplicate.
  const claims = new Map<Claim, BatchOutcome>();
  for (const [c, outcome] of checked) {
    if ((await findEqualVersion(registryPath, c.name, c.version)) === null) claims.set({ path: c.mod.path, name: c.name, version: c.version }, outcome);
  }
  for (const [claim, other] of duplicatesOf([...claims.keys()])) fail(claims.get(claim)!, duplicateError(claim, other));
  const ready = checked.filter(([, outcome]) => outcome.status === 'skipped');

  const published: string[] = [];
  const step = countSteps(opts.onProgress, 'publish', ready.length, 'modules');
  for (const [module, outcome] of ready) {
    if (opts.signal?.aborted) break;
    try {
      const result = await writeVersion(registryPath, module);
      Object.assign(outcome, { status: 'published', published_path: result.published_path });
      published.push(result.identifier);
    } catch (err) {
      fail(outcome, err);
    }
    step(`${module.name}@${module.version}`);
  }
  // Best effort, like a single publish: the versions are there whatever the cache says.
  await recordVerification(registryPath, new Map(published.map((id) => [id, 'ok'])));
  const count = (status: BatchOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  return {
    registry_path: registryPath,
    modules: outcomes,
    published: count('published'),
    failed: count('failed'),
    skipped: count('skipped'),
    // Only a cancel leaves modules unattempted.
    cancelled: count('skipped') > 0,
  };
}
