// Runs one command action and prints exactly one envelope for it, whatever happens: a core error keeps
// its category and exit code, anything unexpected becomes INTERNAL_ERROR (exit 5) without a stack trace.
import { once } from 'node:events';
import type { Command } from 'commander';
import { EXIT_CODES, toPromptPMError } from '../core/errors.js';
import type { LongWorkOptions } from '../core/progress.js';
import { failureEnvelope, successEnvelope, type Data, type Envelope } from './output/envelope.js';
import { renderChunks, type OutputMode } from './output/render.js';
import { outputModeOf, readGlobalOptions, type GlobalOptions } from './options.js';
import { ProgressLine } from './progress.js';
import { givenRegistry, selectRegistry } from './registry-location.js';

export interface CommandContext {
  readonly cwd: string;
  readonly options: GlobalOptions;
  /** Progress callback for long core work (set only when stderr is a terminal). */
  readonly work: LongWorkOptions;
  /** What an unexpected error is about (absolute module folder or registry, or the module name). */
  subject: string;
  /** The selected registry, checked and made absolute by the core (which rejects URLs). */
  registry(opts?: { create?: boolean }): Promise<string>;
  /** The registry only if the user named one (validate checks resolvability only then, §2). */
  givenRegistry(): Promise<string | undefined>;
}

let emitting: Promise<void> | null = null;

/**
 * Prints the run's one envelope. Later calls print nothing and settle when the first one has written, so a
 * failure handler that then exits cannot cut off an envelope still being rendered.
 */
export function emit(envelope: Envelope, mode: OutputMode): Promise<void> {
  emitting ??= (async () => {
    process.exitCode = envelope.ok ? 0 : EXIT_CODES[envelope.error.code];
    const chunks = await renderChunks(envelope, mode);
    if (chunks === null) return;
    // Chunk by chunk, each made when the one before is written (at once on Linux pipes and files; else
    // after 'drain'): a large result is never all in memory as text.
    for (const chunk of chunks) if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  })();
  return emitting;
}

/**
 * Makes sure a run prints its one envelope whatever happens: anything thrown outside a command action
 * becomes an INTERNAL_ERROR envelope, and a reader that went away (EPIPE) is no crash. Returns the handler.
 */
export function guardRun(operation: string, mode: OutputMode): (error: unknown) => void {
  const failInternally = (error: unknown): void => {
    void emit(failureEnvelope(operation, toPromptPMError(error, process.cwd())), mode).finally(() => finish());
  };
  process.on('uncaughtException', failInternally);
  process.on('unhandledRejection', failInternally);
  // A reader that went away (EPIPE) must not turn into a crash; the exit code stands.
  process.stdout.on('error', () => process.exit(process.exitCode ?? 0));
  return failInternally;
}

/** Ends the process with the run's exit code once stdout has been flushed (pipes may be async). */
export function finish(code?: number): void {
  process.stdout.write('', () => process.exit(code ?? process.exitCode ?? 0));
}

export type Action = (ctx: CommandContext) => Promise<Data>;

export async function execute(operation: string, cmd: Command, subject: string, action: Action): Promise<void> {
  await executeWith(operation, readGlobalOptions(cmd), subject, action);
}

/** Runs one command without commander (plain-command.ts): the same envelope and exit code. */
export async function runPlain(operation: string, options: GlobalOptions, action: Action): Promise<void> {
  guardRun(operation, outputModeOf(options));
  await executeWith(operation, options, process.cwd(), action);
  finish();
}

/** execute() with the global options already read. */
async function executeWith(operation: string, options: GlobalOptions, subject: string, action: Action): Promise<void> {
  const mode = outputModeOf(options);
  const progress = new ProgressLine(process.stderr.isTTY === true && !mode.quiet);
  const cwd = process.cwd();
  const ctx: CommandContext = {
    cwd,
    options,
    work: { onProgress: progress.listener },
    subject,
    async registry(opts = {}) {
      const { resolveRegistryLocation } = await import('../core/registry/location.js');
      return resolveRegistryLocation(await selectRegistry(options, cwd), opts);
    },
    async givenRegistry() {
      const value = await givenRegistry(options, cwd);
      if (value === undefined) return undefined;
      const { resolveRegistryLocation } = await import('../core/registry/location.js');
      return resolveRegistryLocation(value);
    },
  };
  let envelope: Envelope;
  try {
    envelope = successEnvelope(operation, await action(ctx));
  } catch (error) {
    envelope = failureEnvelope(operation, toPromptPMError(error, ctx.subject));
  }
  progress.clear();
  await emit(envelope, mode);
}
