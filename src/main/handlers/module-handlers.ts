// The handler that resolves one published version's dependencies (reading a version and running its tests are core's, on its task thread).
import { PromptPMError, validationFailure } from '../../core/errors.js';
import { loadModule } from '../../core/module/index.js';
import { readVersion, versionPath } from '../../core/registry/index.js';
import { resolveDependencies } from '../../core/resolve/index.js';
import type { ResolutionView, ResolvedNodeShape } from '../../shared/ipc/schemas.js';
import { toErrorObject } from '../ipc/error-object.js';
import { type Jobs, progressForwarder } from './jobs.js';
import type { SendEvent } from './deps.js';

interface Ref {
  name: string;
  version: string;
}

function treeView(node: ResolvedNodeShape): ResolvedNodeShape {
  return { name: node.name, version: node.version, range: node.range, verification: node.verification, children: node.children.map(treeView) };
}

function explanationOf(error: PromptPMError): string[] {
  const explanation = error.data?.explanation;
  const sentences = Array.isArray(explanation) ? explanation.filter((s): s is string => typeof s === 'string') : [];
  return sentences.length > 0 ? sentences : [error.message];
}

/**
 * The dependencies a published version declares, from its manifest alone. readVersion would also verify
 * the version and rewrite the registry's index, which on a large registry costs more than the resolution.
 */
async function declaredDependencies(registry: string, ref: Ref): Promise<{ name: string; range: string }[]> {
  const loaded = await loadModule(versionPath(registry, ref.name, ref.version));
  if (loaded.manifest) return loaded.manifest.dependencies;
  // No valid manifest: the core says why (not found, unreadable, tampered, invalid).
  await readVersion(registry, ref.name, ref.version);
  throw validationFailure(loaded.path, loaded.errors, loaded.warnings);
}

/** Resolves a version's dependencies; an unresolvable graph is an answer (explained), not a failure. */
export async function resolveVersion(registry: string, ref: Ref & { jobId: string }, jobs: Jobs, sendEvent: SendEvent): Promise<ResolutionView> {
  return jobs.run(ref.jobId, async (signal) => {
    const dependencies = await declaredDependencies(registry, ref);
    const onProgress = progressForwarder(ref.jobId, (event) => sendEvent('progress', event));
    try {
      const resolution = await resolveDependencies(registry, { name: ref.name, version: ref.version, dependencies }, { onProgress, signal });
      return { ok: true, root: treeView(resolution.root), count: resolution.installed.length };
    } catch (error) {
      if (!(error instanceof PromptPMError) || error.code !== 'DEPENDENCY_ERROR') throw error;
      return { ok: false, error: toErrorObject(error, registry), explanation: explanationOf(error) };
    }
  });
}
