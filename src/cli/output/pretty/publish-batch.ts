// --pretty rendering of a batch publish (several folders, or --recursive): one line per module with what
// happened to it and, when refused, why (its first problem, located), then the counts.
import type { BatchOutcome, BatchResult } from '../../../core/import/index.js';
import type { Data } from '../envelope.js';
import { location } from './diagnostics.js';
import { plural, type Style } from './style.js';

/** Whether `data` is a batch's (`modules` rows) rather than one module's publish. */
export const isBatchData = (data: Data): boolean => Array.isArray(data.modules);

function outcomeLines(o: BatchOutcome, style: Style): string[] {
  const what = o.name === null ? o.path : `${style.bold(`${o.name}@${o.version}`)} ${style.dim(`(${o.path})`)}`;
  if (o.status === 'published') return [`${style.green('✔')} ${what}`, `    ${style.dim(o.published_path ?? '')}`];
  if (o.error === null) return [`${style.yellow('–')} ${what} ${style.dim('skipped')}`];
  const e = o.error;
  const reason = e.reason && e.reason !== e.code ? style.dim(` (${e.reason})`) : '';
  const where = location(e.file, e.line, e.column, o.path);
  return [`${style.red('✖')} ${what}`, `    ${style.red(e.code)}${reason}  ${where ? `${style.cyan(where)}  ` : ''}${e.message}`, `    ${style.dim(`hint: ${e.hint}`)}`];
}

export function prettyPublishBatch(data: Data, style: Style): string[] {
  const r = data as unknown as BatchResult;
  const counts = [style.green(`${r.published} published`), r.failed ? style.red(`${r.failed} refused`) : '0 refused'];
  if (r.skipped) counts.push(style.yellow(`${r.skipped} skipped`));
  return [...r.modules.flatMap((o) => outcomeLines(o, style)), `${counts.join(', ')} of ${plural(r.modules.length, 'folder')} ${style.dim(`(${r.registry_path})`)}`];
}
