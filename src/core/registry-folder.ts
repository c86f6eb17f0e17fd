// What makes a folder a registry (docs/registry-format.md, "Which folders are registries"): it holds this tool's
// `.promptpm/` folder, or a `modules/` folder with at least one `<name>/<version>/.promptpm_immutable.json`
// (a registry of the earlier tool has no `.promptpm/`). Publish leaves such folders out of a version, and
// reads write their index cache only into one. Shared by core/module and core/registry, so it lives in neither.
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const MANIFEST_FILE = '.promptpm_immutable.json';
const TOOL_FOLDER = '.promptpm';
const MODULES_FOLDER = 'modules';

function kindAt(path: string): 'dir' | 'file' | null {
  try {
    const st = lstatSync(path);
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : null;
  } catch {
    return null;
  }
}

function subfolders(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
  } catch {
    return [];
  }
}

export function isRegistryFolder(dir: string): boolean {
  if (kindAt(join(dir, TOOL_FOLDER)) === 'dir') return true;
  const modules = join(dir, MODULES_FOLDER);
  // Stops at the first published version: a registry's first module folder normally holds one.
  return subfolders(modules).some((name) => subfolders(join(modules, name)).some((version) => kindAt(join(modules, name, version, MANIFEST_FILE)) === 'file'));
}
