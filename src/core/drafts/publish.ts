// The next version of a draft made as "new version of": its contract changes and verdict against the version
// it was copied from, with the smallest honest version (docs/semver-rules.md); and publishing a draft through
// the same atomic batch publish as import, after which the draft moves to `<area>/.archive/`.
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { diffFolderAgainstVersion, type ContractDiff, type Verdict } from '../diff/index.js';
import { PromptPMError } from '../errors.js';
import { publishBatch, type BatchResult } from '../import/index.js';
import type { LongWorkOptions } from '../progress.js';
import { ARCHIVE_FOLDER, journalFile } from './layout.js';
import { forgetBasedOn, readBasedOn } from './meta.js';

export interface VersionSuggestion {
  against: { name: string; version: string };
  contract: ContractDiff;
  verdict: Verdict;
  /** The smallest honest version after `against` for these changes (the verdict's minimum). */
  suggested: string;
}

export async function suggestVersion(registry: string, draft: string): Promise<VersionSuggestion> {
  const against = await readBasedOn(draft);
  if (against === null) {
    throw new PromptPMError('VALIDATION_ERROR', 'This draft is not a new version of a published one', {
      hint: 'Make the draft with "New version of" on a published version to compare with it.',
      path: draft,
      reason: 'DRAFT_NOT_BASED',
    });
  }
  const diff = await diffFolderAgainstVersion(registry, against.name, against.version, draft);
  return { against, contract: diff.contract, verdict: diff.verdict, suggested: diff.verdict.minimum };
}

export interface DraftPublish {
  result: BatchResult;
  /** Where the published draft was archived, null when it was not published. */
  archivedTo: string | null;
}

async function freeArchiveFolder(draft: string): Promise<string> {
  const archive = join(dirname(draft), ARCHIVE_FOLDER);
  await mkdir(archive, { recursive: true });
  for (let n = 1; ; n++) {
    const candidate = join(archive, n === 1 ? basename(draft) : `${basename(draft)}-${n}`);
    if (!(await stat(candidate).then(() => true, () => false))) return candidate;
  }
}

/** Publishes the draft (checked, tested and written as `publish` does); once published, archives it. */
export async function publishDraft(registry: string, draft: string, opts: LongWorkOptions = {}): Promise<DraftPublish> {
  const result = await publishBatch(registry, [draft], opts);
  if (result.modules[0]?.status !== 'published') return { result, archivedTo: null };
  const archivedTo = await freeArchiveFolder(draft);
  await rename(draft, archivedTo);
  await forgetBasedOn(draft);
  await rm(journalFile(draft), { force: true });
  return { result, archivedTo };
}
