// Which registry a command uses (§6): the first of --registry, PROMPTPM_REGISTRY, the config file's
// `registry`, and `.promptpm_registry` in the current folder (the earlier tool's default).
// The chosen value is handed to the core unchanged, which rejects URLs and non-folders.
import type { GlobalOptions } from './options.js';

export const DEFAULT_REGISTRY = '.promptpm_registry';

export async function selectRegistry(options: GlobalOptions, cwd: string): Promise<string> {
  if (options.registry !== undefined) return options.registry;
  const fromEnv = process.env.PROMPTPM_REGISTRY;
  if (fromEnv) return fromEnv;
  if (options.config !== undefined) {
    const { registryFromConfig } = await import('./config.js');
    const fromConfig = await registryFromConfig(options.config, cwd);
    if (fromConfig !== undefined) return fromConfig;
  }
  return DEFAULT_REGISTRY;
}
