// Shared set-up for the CLI tests: throw-away folders and small module files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

// Registered when a test file imports this module: a hook registered from inside a running test
// would never run, and its folder would be left behind in the system's temporary folder.
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file's last test. */
export function tempDir(prefix = 'promptpm-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export { writeTree } from '../support/files.js';

/** The one envelope a run prints (docs/cli.md): `data` as the command gives it, `error` on a failure. */
export interface Envelope<D = Record<string, unknown>> {
  ok: boolean;
  operation: string;
  data: D;
  error: { code: string; message: string; hint: string; path: string; reason?: string; field?: string; file?: string; line?: number; column?: number };
}

/** A valid module with one passing test (or a failing one), optionally depending on others. */
export function moduleFiles(opts: { name: string; version?: string; failing?: boolean; deps?: Record<string, string> }): Record<string, string> {
  const deps = Object.entries(opts.deps ?? {});
  const yaml = [
    'module:',
    `  name: ${opts.name}`,
    `  version: ${opts.version ?? '1.0.0'}`,
    '  description: Summarizes a document',
    '  tags: [summary]',
    'prompt:',
    '  template: template.prompt',
    '  placeholders: [document]',
    'interface:',
    '  intent: Summarize a document.',
    '  inputs:',
    '    - { name: document, type: text, description: Source text, required: true }',
    '  outputs:',
    '    - { type: summary, description: A summary }',
    ...(deps.length ? ['dependencies:', ...deps.map(([n, r]) => `  - { name: ${n}, version: "${r}" }`)] : []),
    'tests:',
    '  - name: mentions-summary',
    '    inputs: { document: hello }',
    '    assertions:',
    `      - contains: "${opts.failing ? 'absent words' : 'Summary'}"`,
    '',
  ].join('\n');
  return { 'promptpm.yaml': yaml, 'template.prompt': 'Summary of: {{document}}\n' };
}
