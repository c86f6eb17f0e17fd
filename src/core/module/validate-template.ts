// The template rules of §2: its path stays inside the module folder and names a regular UTF-8 file,
// and placeholders agree both ways between the template, `prompt.placeholders` and the inputs.
import path from 'node:path';
import type { Checker } from './checker.js';
import { findMalformedPlaceholders, findPlaceholders } from './placeholders.js';
import { realpathInside, resolveInside } from './paths.js';
import { readTextFile, type ReadProblem } from './safe-read.js';
import type { InputSpec } from './types.js';

const AT_TEMPLATE = ['prompt', 'template'];

export async function readTemplate(c: Checker, moduleDir: string, relative: string): Promise<{ file: string; text: string } | null> {
  const file = resolveInside(moduleDir, relative);
  if (file === null) {
    c.error('TEMPLATE_PATH_OUTSIDE', AT_TEMPLATE, `Template path '${relative}' is outside the module folder`, 'Use a relative path inside the module folder, e.g. template.prompt.');
    return null;
  }
  const read = await readTextFile(file);
  if (!read.ok) {
    reportReadProblem(c, relative, file, read.problem);
    return null;
  }
  if (!(await realpathInside(moduleDir, file))) {
    c.error('TEMPLATE_PATH_OUTSIDE', AT_TEMPLATE, `Template path '${relative}' reaches outside the module folder through a symlinked folder`, 'Keep the template in a real folder inside the module.');
    return null;
  }
  return { file, text: read.text };
}

function reportReadProblem(c: Checker, relative: string, file: string, p: ReadProblem): void {
  switch (p.kind) {
    case 'missing':
      return c.error('TEMPLATE_NOT_FOUND', AT_TEMPLATE, `Template file '${relative}' does not exist`, `Create ${relative} in the module folder or fix prompt.template.`);
    case 'symlink':
      return c.error('TEMPLATE_NOT_FILE', AT_TEMPLATE, `Template '${relative}' is a symlink`, 'Replace the symlink with the file itself; a module never reads through links.');
    case 'not-file':
      return c.error('TEMPLATE_NOT_FILE', AT_TEMPLATE, `Template '${relative}' is not a regular file`, 'Point prompt.template at a text file.');
    case 'too-large':
      return c.error('FILE_TOO_LARGE', AT_TEMPLATE, `Template '${relative}' is larger than 8 MiB (${p.size} bytes)`, 'Keep templates under 8 MiB.');
    case 'not-utf8':
      return c.diagnostics.error({
        code: 'FILE_NOT_UTF8',
        field: 'prompt.template',
        message: `Template '${relative}' is not valid UTF-8`,
        hint: 'Save the template as UTF-8 text.',
        at: { file, line: p.line, column: p.column },
      });
    case 'unreadable':
      return c.error('FILE_UNREADABLE', AT_TEMPLATE, `Template '${relative}' cannot be read: ${p.reason}`, 'Check the file permissions.');
  }
}

export interface PlaceholderFacts {
  template: { file: string; text: string } | null;
  placeholders: string[];
  /** False when prompt.placeholders or interface.inputs was missing, so cross-checks would only add noise. */
  listed: boolean;
  inputs: InputSpec[] | null;
}

export function checkPlaceholders(c: Checker, facts: PlaceholderFacts): void {
  const { template, placeholders, inputs } = facts;
  if (facts.listed && inputs) {
    const declared = new Set(inputs.map((i) => i.name));
    const undeclared = placeholders.filter((p) => !declared.has(p));
    if (undeclared.length > 0) {
      const first = placeholders.indexOf(undeclared[0] ?? '');
      const names = [...undeclared].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      c.diagnostics.error({
        code: 'PLACEHOLDER_UNDECLARED',
        field: 'prompt.placeholders',
        message: `Undeclared placeholders used in template: ${names.join(', ')}`,
        hint: 'Declare each placeholder as an input under interface.inputs, or remove it from prompt.placeholders.',
        at: c.at(['prompt', 'placeholders', first]),
      });
    }
  }
  if (!template) return;
  const uses = findPlaceholders(template.text);
  const used = new Set(uses.map((u) => u.name));
  const where = path.basename(template.file);
  for (const use of uses) {
    if (facts.listed && !placeholders.includes(use.name)) {
      c.diagnostics.error({
        code: 'PLACEHOLDER_UNLISTED',
        field: 'prompt.placeholders',
        message: `Placeholder '${use.name}' is used in the template but not listed in prompt.placeholders`,
        hint: `Add ${use.name} to prompt.placeholders (and declare it as an input).`,
        at: { file: template.file, line: use.line, column: use.column },
      });
    }
  }
  placeholders.forEach((name, i) => {
    if (!used.has(name)) c.warn('PLACEHOLDER_UNUSED', ['prompt', 'placeholders', i], `Placeholder '${name}' is listed but ${where} never uses it`, `Use {{${name}}} in the template or remove it from the list.`);
  });
  (inputs ?? []).forEach((input, i) => {
    if (input.required && input.name !== '' && !used.has(input.name)) {
      c.warn('INPUT_UNUSED', ['interface', 'inputs', i, 'name'], `Required input '${input.name}' is never used by the template`, `Use {{${input.name}}} in the template, or make the input optional.`);
    }
  });
  for (const bad of findMalformedPlaceholders(template.text)) {
    c.diagnostics.warn({
      code: 'PLACEHOLDER_MALFORMED',
      field: 'prompt.template',
      message: `'${bad.text}' is not a placeholder and stays literal text`,
      hint: 'Placeholders are {{name}} with a letter, digit or "_" name; remove the braces if the text is meant literally.',
      at: { file: template.file, line: bad.line, column: bad.column },
    });
  }
}
