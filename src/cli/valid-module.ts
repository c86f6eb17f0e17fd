// Loads a module folder for validate and test: every diagnostic at once, or the module when it is valid.
import { resolve } from 'node:path';
import { validationFailure } from '../core/errors.js';
import type { LoadedModule, LoadOptions } from '../core/module/index.js';

/** The loaded module, or a VALIDATION_ERROR listing all its errors (data gets `extra` besides them). */
export async function loadValidModule(path: string, extra: (mod: LoadedModule) => Record<string, unknown>, opts?: LoadOptions): Promise<LoadedModule> {
  const { loadModule } = await import('../core/module/index.js');
  const mod = await loadModule(resolve(path), opts);
  if (mod.errors.length > 0) throw validationFailure(mod.path, mod.errors, mod.warnings, extra(mod));
  return mod;
}
