// Shared by the registry tests: temporary folders, the hand-written fixture registry, small valid modules.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach } from 'vitest';
import { writeTree } from '../../support/files.js';
import type { ModuleScan } from '../../../src/core/registry/index-scan.js';

export { writeTree };

export const FIXTURE_REGISTRY = fileURLToPath(new URL('../../fixtures/registries/basic', import.meta.url));

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(prefix = 'promptpm-reg-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** A writable copy of the fixture registry. */
export function fixtureCopy(): string {
  const dir = join(tempDir(), 'registry');
  cpSync(FIXTURE_REGISTRY, dir, { recursive: true });
  return dir;
}


/** A small module that validates and whose tests pass; `extra` adds or overrides files. */
export function makeModule(root: string, name = 'demo-module', version = '1.0.0', extra: Record<string, string | Buffer> = {}): string {
  writeTree(root, {
    'promptpm.yaml': `module:
  name: ${name}
  version: ${version}
  description: Demo module ${name}
  tags: [demo]
prompt:
  template: template.prompt
  placeholders: [text]
interface:
  intent: Echo a text.
  inputs:
    - { name: text, type: plain_text, description: Some text, required: true }
  outputs:
    - { type: echoed_text, description: The text }
tests:
  - name: echoes
    inputs: { text: hello }
    assertions:
      - contains: "hello"
`,
    'template.prompt': 'Echo: {{text}}\n',
    ...extra,
  });
  return root;
}

/** One module's scan as a worker thread sends it: three versions, each depending on three other modules. */
export const threadScan = (m: number): ModuleScan => ({
  mtimeMs: 1,
  stray: [],
  versions: ['1.0.0', '1.1.0', '2.0.0'],
  entries: [0, 1, 2].map((v) => ({
    ino: String(1000 + m * 3 + v),
    source: 'promptpm.yaml',
    description: `Module ${m} version ${v}`,
    tags: ['demo'],
    dependencies: [1, 2, 3].map((d) => ({ name: `dependency-module-${(m + d) % 100}`, range: '^1.0.0' })),
    verification: 'unverified' as const,
    inputTypes: ['plain_text'],
    outputTypes: ['echoed_text'],
    invalid: null,
  })),
});
