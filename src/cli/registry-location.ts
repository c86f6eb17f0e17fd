// Which registry a command uses (§6): the first of --registry, PROMPTPM_REGISTRY, the config file's
// `registry`, and `.promptpm_registry` in the current folder (the earlier tool's default).
// The chosen value is handed to the core unchanged, which rejects URLs and non-folders.
import type { GlobalOptions } from './options.js';

export const DEFAULT_REGISTRY = '.promptpm_registry';

/** The registry the user named (flag, environment or config), or undefined when none was. */
export async function givenRegistry(options: GlobalOptions, cwd: string): Promise<string | undefined> {
  if (options.registry !== undefined) return options.registry;
  const fromEnv = process.env.PROMPTPM_REGISTRY;
  if (fromEnv) return fromEnv;
  if (options.config === undefined) return undefined;
  const { registryFromConfig } = await import('./config.js');
  return registryFromConfig(options.config, cwd);
}

export async function selectRegistry(options: GlobalOptions, cwd: string): Promise<string> {
  return (await givenRegistry(options, cwd)) ?? DEFAULT_REGISTRY;
}
