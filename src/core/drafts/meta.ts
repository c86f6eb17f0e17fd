// The sidecar record of a draft (layout.ts): which published version it is a new version of.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../atomic-write.js';
import { isModuleName, isStrictSemver } from '../module/name-version.js';
import { metaFile } from './layout.js';
import type { BasedOn } from './types.js';

export async function writeBasedOn(draft: string, basedOn: BasedOn): Promise<void> {
  const file = metaFile(draft);
  await mkdir(dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify({ basedOn })}\n`);
}

/** The recorded base, or null when there is none or the record is not one we wrote (never trusted further). */
export async function readBasedOn(draft: string): Promise<BasedOn> {
  try {
    const parsed = JSON.parse(await readFile(metaFile(draft), 'utf8')) as { basedOn?: { name?: unknown; version?: unknown } | null };
    const { name, version } = parsed.basedOn ?? {};
    return typeof name === 'string' && typeof version === 'string' && isModuleName(name) && isStrictSemver(version) ? { name, version } : null;
  } catch {
    return null;
  }
}

export const forgetBasedOn = (draft: string): Promise<void> => rm(metaFile(draft), { force: true });
