// --pretty rendering of a failure: the error itself, then whatever data explains it (all validation
// diagnostics, the test report, the conflict explanation, the tampered files).
import type { VersionDiff } from '../../../core/diff/index.js';
import type { Diagnostic, ErrorObject } from '../../../core/errors.js';
import type { VerifyReport } from '../../../core/registry/index.js';
import type { TestReport } from '../../../core/testing/index.js';
import type { Data } from '../envelope.js';
import { prettyDiffReport } from './diff.js';
import { location, renderDiagnostics } from './diagnostics.js';
import { prettyPublishTests, prettyTestReport } from './module.js';
import { isBatchData, prettyPublishBatch } from './publish-batch.js';
import { prettyVerifyDetails } from './registry.js';
import type { Style } from './style.js';

function details(operation: string, error: ErrorObject, data: Data, style: Style): string[] {
  if (operation === 'publish' && isBatchData(data)) return prettyPublishBatch(data, style);
  const errors = data.errors as Diagnostic[] | undefined;
  if (errors) {
    // The first error is the headline already; list them all so nothing is hidden behind it.
    const warnings = (data.warnings as Diagnostic[] | undefined) ?? [];
    return [...renderDiagnostics('error', errors, error.path, style), ...renderDiagnostics('warning', warnings, error.path, style)];
  }
  if (Array.isArray(data.results) && Array.isArray(data.failures)) return prettyTestReport(data as unknown as TestReport, style);
  if (operation === 'publish' && Array.isArray(data.failures)) return prettyPublishTests(data as Parameters<typeof prettyPublishTests>[0], style);
  if (Array.isArray(data.explanation)) return (data.explanation as string[]).map((sentence) => `  ${sentence}`);
  if (operation === 'verify' && Array.isArray(data.versions)) return prettyVerifyDetails(data as unknown as VerifyReport, style);
  if (operation === 'diff' && data.verdict !== undefined) return prettyDiffReport(data as unknown as VersionDiff, style);
  return [];
}

export function prettyFailure(operation: string, error: ErrorObject, data: Data | undefined, style: Style): string[] {
  const reason = error.reason && error.reason !== error.code ? style.dim(` (${error.reason})`) : '';
  const lines = [`${style.red('✖')} ${style.red(style.bold(error.code))}${reason}  ${error.message}`];
  if (error.path) lines.push(`  ${style.dim('path:')} ${error.path}`);
  const where = location(error.file, error.line, error.column, error.path);
  if (where || error.field) lines.push(`  ${style.dim('at:')}   ${[where && style.cyan(where), error.field].filter(Boolean).join('  ')}`);
  lines.push(`  ${style.dim('hint:')} ${error.hint}`);
  if (data) {
    const more = details(operation, error, data, style);
    if (more.length) lines.push('', ...more);
  }
  return lines;
}
