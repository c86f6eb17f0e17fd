// `promptpm list`: every published version, answered from the registry index (never hashes).
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { defineCommand } from '../define-command.js';
import { presorted } from '../../core/canonical-json.js';
import { execute, type CommandContext } from '../run.js';

const isFolder = (path: string): Promise<boolean> => stat(path).then((st) => st.isDirectory(), () => false);

export async function listAction(ctx: CommandContext): Promise<Record<string, unknown>> {
  const registry = (ctx.subject = await ctx.registry());
  // The list module itself, not the registry's barrel: a warm list loads no more than it runs.
  const { listRegistry, listRegistryRows } = await import('../../core/registry/list.js');
  // On a terminal, the index built for a registry listed the first time shows its progress.
  const onProgress = ctx.work.onProgress;
  // JSON (--json, and the default line's `OK data=`) is written from the text the core keeps for an unchanged
  // registry, else a run of rows at a time, each made as it is written (a big list never exists whole);
  // the pretty renderer reads the rows as arrays, which the core builds with their keys in order.
  const rows =
    ctx.options.json === true || ctx.options.pretty !== true
      ? await listRegistryRows(registry, { onProgress })
      : await listRegistry(registry, { versionStates: false, onProgress }).then((r) => ({ ...r, modules: presorted(r.modules), packages: presorted(r.packages) }));
  // A folder that does not exist lists as empty, as the earlier tool's tests expect; --pretty says there is none.
  return rows.count === 0 && !(await isFolder(registry)) ? { ...rows, registry_exists: false } : { ...rows };
}

export function registerList(program: Command): void {
  defineCommand(program, 'list', 'List the modules and versions published in the registry').action((_opts: unknown, cmd: Command) =>
    execute('list', cmd, process.cwd(), listAction),
  );
}
