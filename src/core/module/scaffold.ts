// scaffoldModule (`promptpm init`, §6): writes a module that validates and whose tests pass.
// Files are written in a staging folder first and moved into place, so a failure never leaves a
// half-written file; existing paths are never overwritten.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PromptPMError } from '../errors.js';
import { isModuleName, isStrictSemver } from './rules.js';
import { SCAFFOLD_EXAMPLE_INPUT, SCAFFOLD_TEMPLATE, scaffoldManifest } from './scaffold-files.js';

export const SCAFFOLD_PATHS = ['promptpm.yaml', 'template.prompt', 'tests/'] as const;

export interface ScaffoldResult {
  path: string;
  created: string[];
  module: { name: string; version: string };
}

/** A folder name made into a module name: invalid characters become `-`. */
export function nameFromFolder(folder: string): string {
  const cleaned = path.basename(folder).replace(/[^A-Za-z0-9._+-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 214);
  return isModuleName(cleaned) ? cleaned : 'prompt-module';
}

function invalid(dir: string, reason: string, message: string, hint: string, field: string): PromptPMError {
  return new PromptPMError('VALIDATION_ERROR', message, { hint, path: dir, reason, field });
}

async function existing(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of SCAFFOLD_PATHS) {
    const there = await fs.lstat(path.join(dir, entry.replace(/\/$/, ''))).then(() => true, () => false);
    if (there) found.push(entry);
  }
  return found;
}

export async function scaffoldModule(dir: string, opts: { name?: string; version?: string } = {}): Promise<ScaffoldResult> {
  const abs = path.resolve(dir);
  const name = opts.name ?? nameFromFolder(abs);
  const version = opts.version ?? '0.1.0';
  if (!isModuleName(name)) {
    throw invalid(abs, 'NAME_INVALID', `Module name '${name}' is not valid`, 'Use letters, digits, ".", "_", "+" and "-", starting with a letter or digit.', 'module.name');
  }
  if (!isStrictSemver(version)) {
    throw invalid(abs, 'VERSION_INVALID', `Version '${version}' is not strict SemVer 2.0.0`, 'Use MAJOR.MINOR.PATCH, e.g. 0.1.0.', 'module.version');
  }
  await fs.mkdir(abs, { recursive: true });
  const clash = await existing(abs);
  if (clash.length > 0) {
    throw new PromptPMError('VALIDATION_ERROR', `Initialization would overwrite existing paths: ${clash.join(', ')}`, {
      hint: 'Run init in an empty folder, or remove those paths first.',
      path: abs,
      reason: 'INIT_WOULD_OVERWRITE',
    });
  }
  const staging = await fs.mkdtemp(path.join(abs, '.promptpm-init-'));
  const moved: string[] = [];
  try {
    await fs.mkdir(path.join(staging, 'tests'));
    await fs.writeFile(path.join(staging, 'tests', 'example.txt'), SCAFFOLD_EXAMPLE_INPUT, { flag: 'wx' });
    await fs.writeFile(path.join(staging, 'template.prompt'), SCAFFOLD_TEMPLATE, { flag: 'wx' });
    await fs.writeFile(path.join(staging, 'promptpm.yaml'), scaffoldManifest(name, version), { flag: 'wx' });
    // The manifest goes last: until it is in place, the folder is not a module.
    for (const entry of ['tests', 'template.prompt', 'promptpm.yaml']) {
      await fs.rename(path.join(staging, entry), path.join(abs, entry));
      moved.push(entry);
    }
  } catch (err) {
    await Promise.all(moved.map((entry) => fs.rm(path.join(abs, entry), { recursive: true, force: true })));
    throw err;
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
  return { path: abs, created: [...SCAFFOLD_PATHS], module: { name, version } };
}
