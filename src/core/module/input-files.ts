// How a test's string input is read (§3): a relative path to a regular file inside the module is
// replaced by the file's text; a path outside, or a symlink, is refused; anything else is literal.
// Validation and the test runner both call this, so a file swapped after validation is re-checked.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DiagnosticCode } from './codes.js';
import { isInside, realpathInside } from './paths.js';
import { readTextFile } from './safe-read.js';

export type InputProblem = { code: DiagnosticCode; message: string; hint: string };

export type InputValue = { kind: 'literal'; text: string } | { kind: 'file'; file: string; text: string } | { kind: 'error'; problem: InputProblem };

// Longer strings, or ones with line breaks, are prose, never file names.
const MAX_PATH_LENGTH = 4096;

export async function resolveInputValue(moduleDir: string, value: string): Promise<InputValue> {
  const literal: InputValue = { kind: 'literal', text: value };
  if (value === '' || value.length > MAX_PATH_LENGTH || /[\0\n\r]/.test(value)) return literal;
  const abs = path.resolve(moduleDir, value);
  let stat;
  try {
    stat = await fs.lstat(abs);
  } catch {
    return literal;
  }
  const outside = path.isAbsolute(value) || !isInside(moduleDir, abs);
  if (outside) {
    if (stat.isDirectory()) return literal;
    return refuse('TEST_INPUT_OUTSIDE', `Test input '${value}' names a file outside the module folder`, 'Copy the file into the module (e.g. under tests/) and use a relative path.');
  }
  if (stat.isSymbolicLink()) {
    return refuse('TEST_INPUT_SYMLINK', `Test input '${value}' is a symlink`, 'Replace the symlink with a regular file inside the module folder.');
  }
  if (stat.isDirectory()) return literal;
  if (!stat.isFile()) {
    return refuse('TEST_INPUT_NOT_FILE', `Test input '${value}' names something that is not a regular file`, 'Point the input at a regular text file inside the module folder.');
  }
  if (!(await realpathInside(moduleDir, abs))) {
    return refuse('TEST_INPUT_SYMLINK', `Test input '${value}' reaches outside the module folder through a symlinked folder`, 'Use a path without symlinked folders.');
  }
  const read = await readTextFile(abs);
  if (read.ok) return { kind: 'file', file: abs, text: read.text };
  const p = read.problem;
  const why =
    p.kind === 'too-large' ? `is larger than 8 MiB (${p.size} bytes)`
    : p.kind === 'not-utf8' ? `is not valid UTF-8 (line ${p.line}, column ${p.column})`
    : p.kind === 'symlink' ? 'is a symlink'
    : p.kind === 'unreadable' ? `cannot be read: ${p.reason}`
    : 'changed while being read';
  return refuse('TEST_INPUT_UNREADABLE', `Test input file '${value}' ${why}`, 'Use a UTF-8 text file of at most 8 MiB.');
}

function refuse(code: DiagnosticCode, message: string, hint: string): InputValue {
  return { kind: 'error', problem: { code, message, hint } };
}
