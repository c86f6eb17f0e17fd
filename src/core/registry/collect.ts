// The files publish would copy from a module folder, for callers that need only the list (comparing a folder
// with a published version): the one walk of module/folder-contents.ts, refused as publish refuses it.
import { validationFailure } from '../errors.js';
import { scanModuleFolder, type ModuleFile } from '../module/folder-contents.js';
import { sortDiagnostics } from '../module/index.js';
import { toDiagnostic } from '../module/diagnostics.js';

/** Lists the files to publish; throws VALIDATION_ERROR with every problem when publish would refuse any. */
export function collectModuleFiles(modulePath: string): ModuleFile[] {
  const { files, errors } = scanModuleFolder(modulePath);
  if (errors.length > 0) throw validationFailure(modulePath, sortDiagnostics(errors.map(toDiagnostic)), []);
  return files;
}
