// The two texts of one changed file, for a view that shows whole files (the app's side-by-side and
// inline diff). Each side's bytes are checked against the hash its version's immutability manifest records
// (the comparison the view opened verified both versions whole); a side that is absent, larger than the text
// limit, binary or not UTF-8 is null, and the view says so instead of showing it.
import { PromptPMError } from '../errors.js';
import { resolveRegistryLocation } from '../registry/index.js';
import { BINARY_SNIFF_BYTES, TEXT_DIFF_MAX_BYTES } from './limits.js';
import { recordedFile, recordedFiles } from './sides.js';
import type { SideFile } from './files.js';

export interface FileTexts {
  before: string | null;
  after: string | null;
}

export interface FileTextsRequest {
  name: string;
  a: string;
  b: string;
  /** Path in version `b` (for a removed file, its path in `a`). */
  path: string;
  /** The old path of a renamed file. */
  from?: string | null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function textOf(file: SideFile | undefined): string | null {
  if (file === undefined || file.size > TEXT_DIFF_MAX_BYTES) return null;
  const bytes = file.read();
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return null;
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

export async function readFileTexts(registry: string, req: FileTextsRequest): Promise<FileTexts> {
  const root = await resolveRegistryLocation(registry);
  const [before, after] = [await recordedFiles(root, req.name, req.a), await recordedFiles(root, req.name, req.b)];
  const oldFile = recordedFile(before, req.name, req.a, req.from ?? req.path);
  const newFile = recordedFile(after, req.name, req.b, req.path);
  if (oldFile === undefined && newFile === undefined) {
    throw new PromptPMError('DEPENDENCY_ERROR', `Neither ${req.name}@${req.a} nor ${req.name}@${req.b} has a file ${req.path}`, {
      hint: 'Compare the versions again to see the files that changed.',
      path: after.dir,
      reason: 'NOT_FOUND',
    });
  }
  return { before: textOf(oldFile), after: textOf(newFile) };
}
