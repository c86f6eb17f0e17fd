// The registry resolution tests solve against, made fresh for each test: d 1.0.0 and 1.1.0, b → d ^1.0.0 and
// c → d ~1.1.0 (a diamond), and a root app → b ^1, c ^1 (which resolves to d 1.1.0).
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { publishModule } from '../../../src/core/registry/index.js';
import type { RootModule } from '../../../src/core/resolve/types.js';
import { moduleFiles, writeTree } from '../../cli/helpers.js';

export interface DiamondRegistry {
  registry: string;
  /** Where module sources are written before they are published. */
  sources: string;
  publish(name: string, version: string, deps?: Record<string, string>): Promise<void>;
}

export const diamondRoot: RootModule = { name: 'app', version: '1.0.0', dependencies: [{ name: 'b', range: '^1' }, { name: 'c', range: '^1' }] };

/** A new diamond registry in a fresh folder under `base`. */
export async function diamondRegistry(base: string): Promise<DiamondRegistry> {
  const dir = mkdtempSync(join(base, 'case-'));
  const registry = join(dir, 'registry');
  const sources = join(dir, 'src');
  const publish = async (name: string, version: string, deps: Record<string, string> = {}): Promise<void> => {
    await publishModule(registry, writeTree(join(sources, `${name}-${version}`), moduleFiles({ name, version, deps })));
  };
  await publish('d', '1.0.0');
  await publish('d', '1.1.0');
  await publish('b', '1.0.0', { d: '^1.0.0' });
  await publish('c', '1.0.0', { d: '~1.1.0' });
  return { registry, sources, publish };
}
