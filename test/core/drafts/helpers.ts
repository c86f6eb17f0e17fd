// A temporary workspace with a registry holding `demo@1.0.0` (the `init` scaffold) and an empty drafts area.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scaffoldModule } from '../../../src/core/module/index.js';
import { publishModule } from '../../../src/core/registry/index.js';

export interface Workspace {
  root: string;
  registry: string;
  area: string;
}

export async function workspace(): Promise<Workspace> {
  const root = await mkdtemp(join(tmpdir(), 'promptpm-drafts-'));
  const registry = join(root, 'registry');
  const source = join(root, 'src', 'demo');
  await scaffoldModule(source, { name: 'demo', version: '1.0.0' });
  await publishModule(registry, source);
  return { root, registry, area: join(root, 'drafts') };
}
