// Picks the output mode and turns an envelope into the exact text printed on stdout.
import { canonicalJson } from '../../core/canonical-json.js';
import type { Envelope } from './envelope.js';

export interface OutputMode {
  json: boolean;
  pretty: boolean;
  quiet: boolean;
  /** stdout is a terminal and colour is not disabled (NO_COLOR); only --pretty uses it. */
  colour: boolean;
}

/**
 * The text to print (ending in a newline), or null when --quiet silences a success. The line and pretty
 * renderers are loaded when used: a `--json` run (scripts, the benchmarks) never loads them.
 */
export async function renderEnvelope(envelope: Envelope, mode: OutputMode): Promise<string | null> {
  if (mode.quiet && envelope.ok) return null;
  // With --json and --pretty together, JSON wins (§6).
  if (mode.json) return `${canonicalJson(envelope)}\n`;
  if (mode.pretty) return `${(await import('./pretty/index.js')).renderPretty(envelope, mode.colour)}\n`;
  return `${(await import('./line.js')).renderLine(envelope)}\n`;
}
