// Registry locations are local folders only (docs/registry-format.md): URLs and existing non-folders are refused.
// Only publish (and the app's own default registry) creates a missing one; reads never do (docs/cli.md).
import { mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { PromptPMError } from '../errors.js';

function locationError(value: string): PromptPMError {
  return new PromptPMError('DEPENDENCY_ERROR', `Registry must be a local filesystem path, got: '${value}'`, {
    hint: 'Pass a folder on this machine with --registry, PROMPTPM_REGISTRY or the config file.',
    path: value,
    reason: 'REGISTRY_LOCATION',
  });
}

function notFound(abs: string): PromptPMError {
  return new PromptPMError('DEPENDENCY_ERROR', `Registry not found: ${abs}`, {
    hint: 'Check the registry path (--registry, PROMPTPM_REGISTRY or the config file); `publish` creates a registry.',
    path: abs,
    reason: 'REGISTRY_NOT_FOUND',
  });
}

const looksLikeUrl = (value: string): boolean => value.includes('://') || /^https?:/i.test(value);

/**
 * Absolute path of the registry folder. A missing folder is created with `create`, refused with `mustExist`
 * (`Registry not found`), and otherwise returned as it is: reading it finds nothing.
 */
export async function resolveRegistryLocation(value: string, opts: { create?: boolean; mustExist?: boolean } = {}): Promise<string> {
  if (value.trim() === '' || value.includes('\0') || looksLikeUrl(value)) throw locationError(value);
  const abs = resolve(value);
  try {
    const st = await stat(abs);
    if (!st.isDirectory()) throw locationError(value);
  } catch (err) {
    if (err instanceof PromptPMError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw locationError(value);
    if (opts.mustExist) throw notFound(abs);
    if (opts.create) await mkdir(abs, { recursive: true });
  }
  return abs;
}
