// `promptpm list`: every published version, answered from the registry index (never hashes).
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { defineCommand } from '../define-command.js';
import { presorted } from '../../core/canonical-json.js';
import { execute, type CommandContext } from '../run.js';

const isFolder = (path: string): Promise<boolean> => stat(path).then((st) => st.isDirectory(), () => false);

export async function listAction(ctx: CommandContext): Promise<Record<string, unknown>> {
  const registry = (ctx.subject = await ctx.registry());
  const { listRegistry } = await import('../../core/registry/index.js');
  // On a terminal, the index built for a registry listed the first time shows its progress.
  const result = await listRegistry(registry, { versionStates: false, onProgress: ctx.work.onProgress });
  // The core builds every row with its keys in sorted order (list.ts): print them without a re-sort.
  const rows = { ...result, modules: presorted(result.modules), packages: presorted(result.packages) };
  // A folder that does not exist lists as empty, as the earlier tool's tests expect; --pretty says there is none.
  return result.count === 0 && !(await isFolder(registry)) ? { ...rows, registry_exists: false } : rows;
}

export function registerList(program: Command): void {
  defineCommand(program, 'list', 'List the modules and versions published in the registry').action((_opts: unknown, cmd: Command) =>
    execute('list', cmd, process.cwd(), listAction),
  );
}
