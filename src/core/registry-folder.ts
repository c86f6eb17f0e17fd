// What makes a folder a registry (docs/registry-format.md, "Which folders are registries"): it holds this tool's
// `.promptpm/` folder, or a `modules/` folder with at least one `<name>/<version>/.promptpm_immutable.json`
// (a registry of the earlier tool has no `.promptpm/`). Publish leaves such folders out of a version, and
// reads write their index cache only into one. Shared by core/module and core/registry, so it lives in neither.
import { lstatSync, opendirSync } from 'node:fs';
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

/** The subfolders of `dir`, read as they are asked for: a registry's modules/ may hold tens of thousands. */
function* subfolders(dir: string): Generator<string> {
  let handle;
  try {
    handle = opendirSync(dir);
  } catch {
    return;
  }
  try {
    for (let d = handle.readSync(); d !== null; d = handle.readSync()) if (d.isDirectory()) yield d.name;
  } catch {
    // A folder that cannot be read further holds no more to look at.
  } finally {
    handle.closeSync();
  }
}

const some = <T>(items: Iterable<T>, test: (item: T) => boolean): boolean => {
  for (const item of items) if (test(item)) return true;
  return false;
};

export function isRegistryFolder(dir: string): boolean {
  if (kindAt(join(dir, TOOL_FOLDER)) === 'dir') return true;
  const modules = join(dir, MODULES_FOLDER);
  // Stops at the first published version: a registry's first module folder normally holds one.
  return some(subfolders(modules), (name) => some(subfolders(join(modules, name)), (version) => kindAt(join(modules, name, version, MANIFEST_FILE)) === 'file'));
}
