// `promptpm diff <name>@<a> <name>@<b>` and `promptpm diff <name>@<a> <folder>`: what changed between two
// versions (files, contract) and whether the new version number tells callers the truth (docs/semver-rules.md).
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { PromptPMError } from '../../core/errors.js';
import type { VersionDiff } from '../../core/diff/index.js';
import { defineCommand } from '../define-command.js';
import { execute } from '../run.js';
import { parseModuleSpec, usageError } from '../usage.js';

/** The second operand: a folder when it looks like a path (a separator, `.`, `..`, or no `@`), else `<name>@<version>`. */
function isFolderOperand(operand: string): boolean {
  return operand.includes('/') || operand.includes('\\') || operand === '.' || operand === '..' || !operand.includes('@');
}

function versionSpec(spec: string): { name: string; version: string } {
  const { name, version } = parseModuleSpec(spec, 'diff');
  if (version === undefined) throw usageError(`Expected <name>@<version>, got: '${spec}'`, 'diff');
  return { name, version };
}

/** --exit-code: an under-bumped or not increased version fails (VALIDATION_ERROR, exit 1), unless information only. */
function bumpFailure(diff: VersionDiff, subject: string): PromptPMError | null {
  const { verdict } = diff;
  if (verdict.informational || (verdict.status !== 'under-bumped' && verdict.status !== 'not-increased')) return null;
  return new PromptPMError('VALIDATION_ERROR', verdict.message, {
    hint: `Publish these changes as ${verdict.minimum} or later, or undo the changes that need it.`,
    path: subject,
    reason: verdict.status === 'under-bumped' ? 'UNDER_BUMPED' : 'VERSION_NOT_INCREASED',
    data: { ...diff },
  });
}

export function registerDiff(program: Command): void {
  defineCommand(program, 'diff', 'Compare two versions of a module (or a module folder with a published version) and check the version bump')
    .argument('<from>', 'the old version: <name>@<version>')
    .argument('<to>', 'the new version: <name>@<version>, or a module folder')
    .option('--exit-code', 'fail (exit 1) when the new version is under-bumped or not above the old one')
    .action((from: string, to: string, opts: { exitCode?: boolean }, cmd: Command) =>
      execute('diff', cmd, from, async (ctx) => {
        const old = versionSpec(from);
        const folder = isFolderOperand(to) ? resolve(to) : null;
        ctx.subject = folder ?? old.name;
        const registry = await ctx.registry();
        const { diffFolderAgainstVersion, diffVersions } = await import('../../core/diff/index.js');
        let diff: VersionDiff;
        if (folder !== null) {
          diff = await diffFolderAgainstVersion(registry, old.name, old.version, folder);
        } else {
          const next = versionSpec(to);
          if (next.name !== old.name) throw usageError(`Both versions must be of one module, got: '${from}' and '${to}'`, 'diff');
          diff = await diffVersions(registry, old.name, old.version, next.version);
        }
        const failure = opts.exitCode ? bumpFailure(diff, ctx.subject) : null;
        if (failure) throw failure;
        return { ...diff };
      }),
    );
}
