// Picks the output mode and turns an envelope into the exact text printed on stdout.
import { canonicalJsonChunks } from '../../core/canonical-json.js';
import type { Envelope } from './envelope.js';

export interface OutputMode {
  json: boolean;
  pretty: boolean;
  quiet: boolean;
  /** stdout is a terminal and colour is not disabled (NO_COLOR); only --pretty uses it. */
  colour: boolean;
}

function* jsonLine(envelope: Envelope): Generator<string | Uint8Array> {
  yield* canonicalJsonChunks(envelope);
  yield '\n';
}

/**
 * The text to print in chunks (the last one ending in a newline), or null when --quiet silences a success.
 * JSON, and the default line of a success that prints its data, come in chunks of about 64 KB, so a large
 * result (the list or verify report of a big registry) is never one string. The line and pretty renderers
 * are loaded when used: a `--json` run (scripts, the benchmarks) never loads them.
 */
export async function renderChunks(envelope: Envelope, mode: OutputMode): Promise<Iterable<string | Uint8Array> | null> {
  if (mode.quiet && envelope.ok) return null;
  // With --json and --pretty together, JSON wins (§6).
  if (mode.json) return jsonLine(envelope);
  if (mode.pretty) return [`${(await import('./pretty/index.js')).renderPretty(envelope, mode.colour)}\n`];
  return (await import('./line.js')).lineChunks(envelope);
}
