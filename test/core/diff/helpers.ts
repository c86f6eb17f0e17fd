// Shared by the diff tests: the fixture registry of summarizer 1.2.0, 1.3.0 and 2.0.0 (published through the
// core), and in-memory sides for the pure comparison functions.
import { hash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModuleSide } from '../../../src/core/diff/compare.js';
import type { ContractView } from '../../../src/core/diff/contract.js';
import type { SideFile } from '../../../src/core/diff/files.js';
import { publishModule } from '../../../src/core/registry/index.js';
import { tempDir } from '../registry/helpers.js';

export const SUMMARIZER = fileURLToPath(new URL('../../fixtures/diff-summarizer', import.meta.url));

/** A fresh registry holding summarizer 1.2.0, 1.3.0 and 2.0.0. */
export async function summarizerRegistry(): Promise<string> {
  const registry = join(tempDir(), 'registry');
  for (const version of ['1.2.0', '1.3.0', '2.0.0']) await publishModule(registry, join(SUMMARIZER, version));
  return registry;
}

/** A contract with one required input and one output; `edit` changes a copy. */
export function contract(edit: (c: ContractView) => void = () => {}): ContractView {
  const c: ContractView = {
    metadata: { description: 'Summarizes a document', license: null, authors: [], tags: ['summary'] },
    interface: {
      intent: 'Summarize a document.',
      inputs: [{ name: 'document', type: 'plain_text', description: 'Source text', required: true }],
      outputs: [{ type: 'summary', description: 'A summary' }],
      preconditions: [],
      postconditions: [],
    },
    template: { path: 'template.prompt', text: 'Summarize {{document}}\n', placeholders: ['document'] },
    dependencies: [],
    tests: [{ name: 'basic', inputs: { document: 'hello' }, assertions: [{ kind: 'contains', value: 'hello' }] }],
  };
  edit(c);
  return c;
}

/** In-memory files: path → content. */
export function files(tree: Record<string, string | Uint8Array>): SideFile[] {
  return Object.entries(tree).map(([path, content]) => {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    return { path, size: bytes.length, sha256: hash('sha256', bytes, 'hex'), read: () => bytes };
  });
}

export function side(version: string, c: ContractView, tree: Record<string, string | Uint8Array> = {}): ModuleSide {
  return { ref: { name: 'summarizer', version, path: `/modules/summarizer/${version}`, source: 'registry' }, contract: c, files: files(tree) };
}
