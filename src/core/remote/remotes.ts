// The remotes a user has added (`promptpm remote add|list|remove`), kept in one JSON file whose place the
// caller chooses (docs/remote.md: the CLI's is in the user's config folder; the app keeps its own).
// Credentials are never stored here: the CLI reads Docker's, the app keeps a token in its secure storage.
import { readFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { canonicalJson } from '../canonical-json.js';
import { PromptPMError } from '../errors.js';
import { parseRemoteUrl } from './reference.js';

export interface RemoteConfig {
  name: string;
  /** `[https://|http://]host[:port][/prefix]`. */
  url: string;
  /** Plain HTTP to a host that is not loopback. */
  insecure: boolean;
}

const REMOTE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function configError(file: string, message: string, reason: string, hint: string): PromptPMError {
  return new PromptPMError('VALIDATION_ERROR', message, { hint, path: file, reason });
}

/** The remotes in the file, in the order they were added; none when the file does not exist. */
export async function readRemotes(file: string): Promise<RemoteConfig[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw configError(file, `Remotes file cannot be read: ${file}`, 'REMOTES_UNREADABLE', 'Check the file and its permissions.');
  }
  const fix = 'Fix or delete the file, then add the remotes again with `promptpm remote add`.';
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw configError(file, `Remotes file is not valid JSON: ${file}`, 'REMOTES_INVALID', fix);
  }
  const list = (raw as { remotes?: unknown } | null)?.remotes;
  if (!Array.isArray(list)) throw configError(file, `Remotes file has no "remotes" list: ${file}`, 'REMOTES_INVALID', fix);
  return list.map((r: unknown) => {
    const { name, url, insecure } = (r ?? {}) as Record<string, unknown>;
    if (typeof name !== 'string' || typeof url !== 'string' || (insecure !== undefined && typeof insecure !== 'boolean')) {
      throw configError(file, `Remotes file has an invalid entry: ${JSON.stringify(r)}`, 'REMOTES_INVALID', fix);
    }
    return { name, url, insecure: insecure === true };
  });
}

async function writeRemotes(file: string, remotes: RemoteConfig[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, `${canonicalJson({ remotes })}\n`);
}

/** Adds a remote after checking its name and URL; a name already in use is refused (remove it first). */
export async function addRemote(file: string, remote: RemoteConfig): Promise<RemoteConfig[]> {
  if (!REMOTE_NAME.test(remote.name)) {
    throw configError(remote.name, `Remote name is not valid: '${remote.name}'`, 'REMOTE_NAME', 'Use letters, digits, ".", "_" and "-" (at most 64), starting with a letter or digit.');
  }
  parseRemoteUrl(remote.url, remote.insecure);
  const remotes = await readRemotes(file);
  if (remotes.some((r) => r.name === remote.name)) {
    throw configError(file, `Remote already exists: ${remote.name}`, 'REMOTE_EXISTS', `Remove it first with \`promptpm remote remove ${remote.name}\`.`);
  }
  const next = [...remotes, { name: remote.name, url: remote.url, insecure: remote.insecure }];
  await writeRemotes(file, next);
  return next;
}

export async function removeRemote(file: string, name: string): Promise<RemoteConfig[]> {
  const remotes = await readRemotes(file);
  const next = remotes.filter((r) => r.name !== name);
  if (next.length === remotes.length) throw unknownRemote(file, name);
  await writeRemotes(file, next);
  return next;
}

function unknownRemote(file: string, name: string): PromptPMError {
  return new PromptPMError('DEPENDENCY_ERROR', `Remote not found: ${name}`, {
    hint: 'Run `promptpm remote list` to see the remotes, or add one with `promptpm remote add <name> <url>`.',
    path: file,
    reason: 'REMOTE_NOT_CONFIGURED',
  });
}

/** The named remote, or the only one when no name is given. */
export async function findRemote(file: string, name?: string): Promise<RemoteConfig> {
  const remotes = await readRemotes(file);
  if (name !== undefined) {
    const found = remotes.find((r) => r.name === name);
    if (!found) throw unknownRemote(file, name);
    return found;
  }
  if (remotes.length === 1) return remotes[0]!;
  throw new PromptPMError('VALIDATION_ERROR', remotes.length === 0 ? 'No remote is configured' : `Several remotes are configured: ${remotes.map((r) => r.name).join(', ')}`, {
    hint: remotes.length === 0 ? 'Add one with `promptpm remote add <name> <url>`.' : 'Name one with --remote <name>.',
    path: file,
    reason: 'REMOTE_REQUIRED',
  });
}
