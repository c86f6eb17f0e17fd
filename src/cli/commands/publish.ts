// `promptpm publish [path...] [--recursive <dir>]...`: validate, test, and publish immutable versions into the
// registry. One folder (the default `.`) is today's publish; several, or --recursive, publish a batch where
// each module stands on its own and `data.modules` lists every outcome (docs/cli.md, "publish").
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { PromptPMError } from '../../core/errors.js';
import type { BatchOutcome, FindProblem } from '../../core/import/index.js';
import { defineCommand } from '../define-command.js';
import { execute, type Action } from '../run.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** A path that gave no module, as a batch row: refused like a module that does not validate. */
function problemRow(problem: FindProblem): BatchOutcome {
  return {
    path: problem.path,
    name: null,
    version: null,
    status: 'failed',
    error: { code: 'VALIDATION_ERROR', message: problem.message, hint: problem.hint, path: problem.path, reason: problem.code },
    details: null,
    published_path: null,
    tests: null,
  };
}

/** A search stopped at a limit: nothing is published, since what was found is only part of what was named. */
function limitFailure(problem: FindProblem, problems: FindProblem[]): PromptPMError {
  return new PromptPMError('VALIDATION_ERROR', problem.message, { hint: problem.hint, path: problem.path, reason: problem.code, data: { problems } });
}

/** Fails with the first failure's category unless every module was published; `data` is the whole batch either way. */
function batchFailure(data: { modules: BatchOutcome[] }): PromptPMError | null {
  // The CLI never cancels, so a module that was not published has its error.
  const first = data.modules.find((o) => o.error !== null)?.error;
  if (!first) return null;
  const published = data.modules.filter((o) => o.status === 'published').length;
  const message = `Published ${published} of ${data.modules.length} (first refused: ${first.message})`;
  return new PromptPMError(first.code, message, { ...first, data });
}

function batchAction(paths: string[], recursive: string[]): Action {
  return async (ctx) => {
    const registry = (ctx.subject = await ctx.registry({ create: true }));
    const { findModules, publishBatch } = await import('../../core/import/index.js');
    // Each named path is a module folder itself, searched for nothing below it; --recursive searches below.
    const named = await Promise.all(paths.map((p) => findModules([p], { maxDepth: 0 })));
    const searched = await findModules(recursive);
    const limit = searched.complete ? undefined : searched.problems.at(-1);
    if (limit) throw limitFailure(limit, searched.problems);

    const rows: Array<string | FindProblem> = [...named.flatMap((f) => [...f.modules, ...f.problems]), ...searched.modules, ...searched.problems];
    const folders = [...new Set(rows.filter((r): r is string => typeof r === 'string'))];
    const result = await publishBatch(registry, folders, ctx.work);
    const outcomes = new Map(result.modules.map((o) => [o.path, o]));
    const shown = new Set<string>();
    const modules = rows.flatMap((r): BatchOutcome[] => {
      if (typeof r !== 'string') return [problemRow(r)];
      if (shown.has(r)) return [];
      shown.add(r);
      return [outcomes.get(r)!];
    });
    const count = (status: BatchOutcome['status']) => modules.filter((o) => o.status === status).length;
    const data = { ...result, modules, published: count('published'), failed: count('failed'), skipped: count('skipped') };
    const failure = batchFailure(data);
    if (failure) throw failure;
    return data;
  };
}

export function registerPublish(program: Command): void {
  defineCommand(program, 'publish', 'Validate and test modules, then publish each immutably to the registry')
    .argument('[path...]', 'module folders (default: ".")')
    .option('--recursive <dir>', 'also publish every module folder found inside <dir> (repeatable)', collect, [])
    .action((paths: string[], opts: { recursive: string[] }, cmd: Command) => {
      if (paths.length > 1 || opts.recursive.length > 0) return execute('publish', cmd, process.cwd(), batchAction(paths, opts.recursive));
      const path = paths[0] ?? '.';
      return execute('publish', cmd, resolve(path), async (ctx) => {
        const registry = await ctx.registry({ create: true });
        const { publishModule } = await import('../../core/registry/index.js');
        return { ...(await publishModule(registry, resolve(path), ctx.work)) };
      });
    });
}
