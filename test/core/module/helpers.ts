// Builds throw-away module folders for tests, and finds where text sits in a file (1-based).
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { Diagnostic } from '../../../src/core/errors.js';
import { writeTree } from '../../support/files.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder (below a parent, so tests can also place files "outside" the module). */
export function makeModule(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'promptpm-mod-'));
  made.push(root);
  const dir = path.join(root, 'module');
  mkdirSync(dir);
  return writeTree(dir, files);
}

export const VALID_TEMPLATE = 'Summarize for {{ audience }}:\n{{document}}\n';

/** A valid manifest; tests replace one line to introduce exactly one mistake. */
export const VALID_YAML = `module:
  name: sample
  version: 1.0.0
  description: A sample module
prompt:
  template: template.prompt
  placeholders: [document, audience]
interface:
  intent: Summarize a document.
  inputs:
    - { name: document, type: technical_document, description: Source text, required: true }
    - { name: audience, type: audience_label, description: Reader, required: false }
  outputs:
    - { type: summary, description: A summary }
dependencies:
  - { name: text-normalizer, version: ^1.2.0 }
tests:
  - name: basic
    inputs: { document: Some text, audience: engineers }
    assertions:
      - contains: "Summarize"
`;

export function yamlModule(yaml: string, extra: Record<string, string | Uint8Array> = {}): string {
  return makeModule({ 'promptpm.yaml': yaml, 'template.prompt': VALID_TEMPLATE, ...extra });
}

/** The valid manifest with `from` replaced by `to` (which must occur exactly once). */
export function mutate(from: string, to: string, base = VALID_YAML): string {
  const at = base.indexOf(from);
  if (at < 0 || base.indexOf(from, at + 1) >= 0) throw new Error(`'${from}' must occur exactly once`);
  return base.slice(0, at) + to + base.slice(at + from.length);
}

/** 1-based line and column of the first occurrence of `needle`. */
export function positionOf(text: string, needle: string): { line: number; column: number } {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`'${needle}' not found`);
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

/** The diagnostic with this code, failing loudly when there is not exactly one. */
export function only(list: Diagnostic[], code: string): Diagnostic {
  const hits = list.filter((d) => d.code === code);
  if (hits.length !== 1) throw new Error(`expected one ${code}, got ${JSON.stringify(list, null, 1)}`);
  return hits[0] as Diagnostic;
}

export function where(d: Diagnostic): { field: string | null; line: number | null; column: number | null } {
  return { field: d.field, line: d.line, column: d.column };
}
