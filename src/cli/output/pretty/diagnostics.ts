// Human rendering of validation diagnostics: location first (clickable in most terminals), then the
// specific code, the field, the message and the hint.
import { isAbsolute, relative } from 'node:path';
import type { Diagnostic } from '../../../core/errors.js';
import { plural, type Style } from './style.js';

/** `file:line:column`, with the file shown relative to `base` when it lies inside it. */
export function location(file: string | null | undefined, line: number | null | undefined, column: number | null | undefined, base: string): string {
  if (!file) return '';
  const rel = relative(base, file);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
  if (line == null) return shown;
  return column == null ? `${shown}:${line}` : `${shown}:${line}:${column}`;
}

export function renderDiagnostics(kind: 'error' | 'warning', list: Diagnostic[], base: string, style: Style): string[] {
  if (list.length === 0) return [];
  const colour = kind === 'error' ? style.red : style.yellow;
  const lines = [colour(style.bold(plural(list.length, kind)))];
  for (const d of list) {
    const where = location(d.file, d.line, d.column, base);
    const head = [where && style.cyan(where), colour(d.code), d.field && style.dim(d.field)].filter(Boolean).join('  ');
    lines.push(`  ${head}`, `    ${d.message}`, `    ${style.dim(`hint: ${d.hint}`)}`);
  }
  return lines;
}
