// Global flags (§6): accepted before the command (program level) and after it (every command repeats
// them), then merged, the command's own occurrence winning. No commander code is loaded here, so the
// plain `list` path (plain-list.ts) starts without it.
import type { Command } from 'commander';
import type { OutputMode } from './output/render.js';

export interface GlobalOptions {
  registry?: string;
  config?: string;
  json?: boolean;
  pretty?: boolean;
  quiet?: boolean;
}

export function readGlobalOptions(cmd: Command): GlobalOptions {
  const merged: GlobalOptions = {};
  for (let c: Command | null = cmd; c; c = c.parent) {
    const opts = c.opts<GlobalOptions>();
    for (const key of ['registry', 'config', 'json', 'pretty', 'quiet'] as const) {
      if (merged[key] === undefined && opts[key] !== undefined) Object.assign(merged, { [key]: opts[key] });
    }
  }
  return merged;
}

function colourAllowed(): boolean {
  return process.stdout.isTTY === true && !process.env.NO_COLOR;
}

export function outputModeOf(options: GlobalOptions): OutputMode {
  return { json: !!options.json, pretty: !!options.pretty, quiet: !!options.quiet, colour: colourAllowed() };
}

/** The output flags as written on the command line, for errors raised before commander has parsed it. */
export function outputModeFromArgv(argv: readonly string[]): OutputMode {
  const end = argv.indexOf('--');
  const flags = new Set(end < 0 ? argv : argv.slice(0, end));
  return { json: flags.has('--json'), pretty: flags.has('--pretty'), quiet: flags.has('--quiet'), colour: colourAllowed() };
}
