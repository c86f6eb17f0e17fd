// Registry locations are local folders only (§4): URLs and existing non-folders are refused.
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

const looksLikeUrl = (value: string): boolean => value.includes('://') || /^https?:/i.test(value);

/** Absolute path of the registry folder; with `create`, a missing folder is created. */
export async function resolveRegistryLocation(value: string, opts: { create?: boolean } = {}): Promise<string> {
  if (value.trim() === '' || value.includes('\0') || looksLikeUrl(value)) throw locationError(value);
  const abs = resolve(value);
  try {
    const st = await stat(abs);
    if (!st.isDirectory()) throw locationError(value);
  } catch (err) {
    if (err instanceof PromptPMError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw locationError(value);
    if (opts.create) await mkdir(abs, { recursive: true });
  }
  return abs;
}
