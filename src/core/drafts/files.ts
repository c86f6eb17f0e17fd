// Reading and saving a draft's files from the editor. Every save is atomic (temp + rename) and refuses when
// the file changed on disk since the editor read it (its hash differs): the app then asks before overwriting.
// Unsaved editor text is journaled beside the draft (layout.ts) so a crash or quit loses nothing; a save
// clears its entry, and recoverDrafts() returns what was journaled but never saved.
import { lstat, mkdir, readdir, readFile, realpath } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { PromptPMError } from '../errors.js';
import { isInside, resolveInside } from '../module/paths.js';
import { decodeUtf8, MAX_FILE_BYTES } from '../module/safe-read.js';
import { isDraftName, journalDir, journalFile, sha256 } from './layout.js';
import type { DraftFile, RecoveredEdit } from './types.js';

function refuse(draft: string, reason: string, message: string, hint: string, data?: Record<string, unknown>): PromptPMError {
  return new PromptPMError('VALIDATION_ERROR', message, { hint, path: draft, reason, ...(data && { data }) });
}

/** The absolute file for a POSIX path inside the draft; refused when it climbs out or goes through a link. */
async function draftPath(draft: string, file: string): Promise<string> {
  const abs = file.includes('\\') ? null : resolveInside(draft, file);
  if (abs === null || abs === draft) throw refuse(draft, 'PATH_OUTSIDE_DRAFT', `Not a file inside the draft: ${file}`, 'Name a file by its path inside the draft folder.');
  // Every existing folder on the way must really be inside the draft (no symlinked folder leads out).
  let parent = dirname(abs);
  while (!(await lstat(parent).then(() => true, () => false))) parent = dirname(parent);
  if (!isInside(await realpath(draft), await realpath(parent))) throw refuse(draft, 'PATH_OUTSIDE_DRAFT', `Not a file inside the draft: ${file}`, 'Use a path without symlinked folders.');
  return abs;
}

/** The file's sha256, or null when it does not exist; a link or other non-file is refused. */
async function diskHash(draft: string, abs: string, file: string): Promise<string | null> {
  const st = await lstat(abs).catch(() => null);
  if (st === null) return null;
  if (!st.isFile()) throw refuse(draft, 'NOT_A_FILE', `Not a regular file: ${file}`, 'Drafts hold regular files only (publish refuses links).');
  return sha256(await readFile(abs));
}

export async function readDraftFile(draft: string, file: string): Promise<DraftFile> {
  const abs = await draftPath(draft, file);
  const st = await lstat(abs).catch(() => null);
  if (st === null || !st.isFile()) throw refuse(draft, 'NOT_A_FILE', `No regular file ${file} in the draft`, 'Open a file the draft holds.');
  if (st.size > MAX_FILE_BYTES) throw refuse(draft, 'FILE_TOO_LARGE', `${file} is larger than 8 MiB`, 'The editor opens text files of at most 8 MiB.');
  // The hash is of the bytes on disk, so the next save compares like with like (a BOM is not in the text).
  const bytes = await readFile(abs);
  const read = decodeUtf8(bytes);
  if (!read.ok) throw refuse(draft, 'FILE_NOT_UTF8', `${file} is not UTF-8 text`, 'The editor opens UTF-8 text files.');
  return { path: file, text: read.text, hash: sha256(bytes) };
}

export interface SaveOptions {
  /** sha256 the file had when the editor read it; null when it did not exist. Omitted: save whatever is there. */
  expectedHash?: string | null;
}

/** Saves atomically; refused (reason FILE_CHANGED_ON_DISK, data.diskHash) when the file is not what the editor read. */
export async function saveDraftFile(draft: string, file: string, text: string, opts: SaveOptions = {}): Promise<DraftFile> {
  const abs = await draftPath(draft, file);
  const onDisk = await diskHash(draft, abs, file);
  if (opts.expectedHash !== undefined && opts.expectedHash !== onDisk) {
    throw refuse(draft, 'FILE_CHANGED_ON_DISK', `${file} changed on disk since it was opened`, 'Reload it, or save again to overwrite the change on disk.', { diskHash: onDisk });
  }
  await mkdir(dirname(abs), { recursive: true });
  await writeFileAtomic(abs, text);
  await updateJournal(draft, (entries) => delete entries[file]);
  return { path: file, text, hash: sha256(text) };
}

// ── Journal ────────────────────────────────────────────────────────────────────────────────────────────────

type Entries = Record<string, { text: string }>;

async function readJournal(path: string): Promise<Entries> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as { entries?: unknown };
    const entries = parsed.entries;
    if (typeof entries !== 'object' || entries === null) return {};
    // Only well-formed entries survive a journal damaged by hand.
    return Object.fromEntries(Object.entries(entries).filter(([, e]) => typeof (e as { text?: unknown })?.text === 'string')) as Entries;
  } catch {
    return {};
  }
}

/** One journal write at a time per draft in this process: each reads what the previous one wrote. */
const queues = new Map<string, Promise<unknown>>();

function updateJournal(draft: string, change: (entries: Entries) => void): Promise<void> {
  const path = journalFile(draft);
  const run = async (): Promise<void> => {
    const entries = Object.assign(Object.create(null) as Entries, await readJournal(path));
    const before = JSON.stringify(entries);
    change(entries);
    if (JSON.stringify(entries) === before) return;
    await mkdir(dirname(path), { recursive: true });
    await writeFileAtomic(path, `${JSON.stringify({ entries })}\n`);
  };
  const next = (queues.get(path) ?? Promise.resolve()).then(run, run);
  queues.set(path, next);
  return next;
}

/** Records unsaved editor text of `file`, atomically, for recoverDrafts after a crash or quit. */
export async function journalDraft(draft: string, file: string, text: string): Promise<void> {
  await draftPath(draft, file);
  await updateJournal(draft, (entries) => {
    entries[file] = { text };
  });
}

/** Forgets journaled text the user chose not to restore. */
export async function discardJournal(draft: string, file: string): Promise<void> {
  await updateJournal(draft, (entries) => delete entries[file]);
}

/** Editor text journaled in the area's drafts and never saved; entries equal to the file on disk are dropped. */
export async function recoverDrafts(area: string): Promise<RecoveredEdit[]> {
  const out: RecoveredEdit[] = [];
  const names = await readdir(journalDir(area)).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const draft = join(area, name.slice(0, -'.json'.length));
    if (!isDraftName(basename(draft))) continue;
    const entries = await readJournal(join(journalDir(area), name));
    for (const [file, { text }] of Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : 1))) {
      const abs = await draftPath(draft, file).catch(() => null);
      if (abs === null) continue;
      const hash = await diskHash(draft, abs, file).catch(() => null);
      if (hash === sha256(text)) await discardJournal(draft, file);
      else out.push({ draft, file, text, diskHash: hash });
    }
  }
  return out;
}
