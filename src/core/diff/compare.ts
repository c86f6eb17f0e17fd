// The comparison of two module sides, pure: files, contract and verdict from what each side holds.
import { diffContract, type ContractView } from './contract.js';
import { diffFiles, type SideFile } from './files.js';
import { DEFAULT_CONTEXT_LINES } from './limits.js';
import type { DiffSide, VersionDiff } from './types.js';
import { semverVerdict } from './verdict.js';

export interface ModuleSide {
  ref: DiffSide;
  contract: ContractView;
  files: SideFile[];
}

export interface DiffOptions {
  /** Unchanged lines shown around each change in a hunk (default 3). */
  context?: number;
}

export function diffModules(a: ModuleSide, b: ModuleSide, options: DiffOptions = {}): VersionDiff {
  const files = diffFiles(a.files, b.files, options.context ?? DEFAULT_CONTEXT_LINES);
  const contract = diffContract(a.contract, b.contract);
  const verdict = semverVerdict(a.ref.version, b.ref.version, contract.changes, files.changes.length > 0);
  return { a: a.ref, b: b.ref, files, contract, verdict };
}
