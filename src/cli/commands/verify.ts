// `promptpm verify [name[@version]]`: recompute every hash; exit 3 unless every version is ok.
import type { Command } from 'commander';
import { PromptPMError } from '../../core/errors.js';
import type { VerifyReport } from '../../core/registry/index.js';
import { defineCommand } from '../define-command.js';
import { presorted } from '../../core/canonical-json.js';
import { execute, type Action } from '../run.js';
import { parseModuleSpec } from '../usage.js';

function integrityFailure(report: VerifyReport): PromptPMError {
  const bad = report.versions.filter((v) => v.status !== 'ok').map((v) => `${v.name}@${v.version} (${v.status})`);
  return new PromptPMError('DEPENDENCY_ERROR', `Integrity check failed for ${bad.length} of ${report.total} versions: ${bad.join(', ')}`, {
    hint: 'A published version must never change: restore the listed files from a trusted copy, or remove the damaged version folder.',
    path: report.registry_path,
    reason: 'TAMPERED',
    data: { ...report },
  });
}

/** The action of `verify [spec]`. */
export function verifyAction(spec: string | undefined): Action {
  return async (ctx) => {
    const filter = spec === undefined ? {} : parseModuleSpec(spec, 'verify');
    const registry = (ctx.subject = await ctx.registry());
    const { verifyRegistry } = await import('../../core/registry/index.js');
    const found = await verifyRegistry(registry, { ...filter, ...ctx.work });
    // The core builds each version row with its keys in sorted order (verify.ts): printed without a re-sort.
    const report = { ...found, versions: presorted(found.versions) };
    if (report.ok !== report.total) throw integrityFailure(report);
    return report;
  };
}

export function registerVerify(program: Command): void {
  defineCommand(program, 'verify', 'Recompute the hashes of published versions and report any that were tampered with')
    .argument('[module]', 'limit to <name> or <name>@<version>')
    .action((spec: string | undefined, _opts: unknown, cmd: Command) => execute('verify', cmd, process.cwd(), verifyAction(spec)));
}
