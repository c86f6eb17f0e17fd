// The drafts of an area, each validated as `promptpm validate` would (contents included), in name order.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { loadModule } from '../module/index.js';
import { compareCodePoints } from '../text-order.js';
import { isDraftName, openArea } from './layout.js';
import { readBasedOn } from './meta.js';
import type { DraftSummary } from './types.js';

export async function summarizeDraft(draft: string): Promise<DraftSummary> {
  const mod = await loadModule(draft, { contents: {} });
  return {
    path: mod.path,
    name: mod.claimed.name,
    version: mod.claimed.version,
    basedOn: await readBasedOn(mod.path),
    validation: { errors: mod.errors.length, warnings: mod.warnings.length, first: mod.errors[0] ?? null },
  };
}

export async function listDrafts(area: string): Promise<DraftSummary[]> {
  const root = await openArea(area);
  const entries = await readdir(root, { withFileTypes: true });
  const folders = entries.filter((e) => e.isDirectory() && isDraftName(e.name)).map((e) => e.name).sort(compareCodePoints);
  const out: DraftSummary[] = [];
  for (const name of folders) out.push(await summarizeDraft(join(root, name)));
  return out;
}
