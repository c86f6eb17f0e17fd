// The commander program: global flags, one module per command, and the translation of commander's own
// outcomes (help, usage mistakes) into the envelope contract.
import { Command, CommanderError } from 'commander';
import { toPromptPMError } from '../core/errors.js';
import { registerInfo } from './commands/info.js';
import { registerInit } from './commands/init.js';
import { registerInstall } from './commands/install.js';
import { registerList } from './commands/list.js';
import { registerPublish } from './commands/publish.js';
import { registerTest } from './commands/test.js';
import { registerValidate } from './commands/validate.js';
import { registerVerify } from './commands/verify.js';
import { failureEnvelope } from './output/envelope.js';
import { addGlobalOptions, outputModeFromArgv } from './options.js';
import { emit, finish } from './run.js';
import { usageError } from './usage.js';
import { toolVersionLine } from './version.js';

function buildProgram(): Command {
  const program = new Command('promptpm')
    .description('Prompt modules as software packages: validate, test, publish and install them from a local registry.')
    .version(toolVersionLine(), '--version', 'print the tool version (only before a command)')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: (text) => process.stdout.write(text), writeErr: () => {}, outputError: () => {} });
  addGlobalOptions(program);
  for (const register of [registerInit, registerValidate, registerTest, registerPublish, registerInstall, registerList, registerInfo, registerVerify]) {
    register(program);
  }
  // Added last so each command's help lists its own options before the global ones.
  for (const command of program.commands) addGlobalOptions(command);
  return program;
}

/** The command named on the line, for the `operation` of an envelope commander fails before. */
function operationOf(program: Command, argv: readonly string[]): string {
  const names = new Set(program.commands.map((c) => c.name()));
  return argv.find((arg) => names.has(arg)) ?? 'promptpm';
}

export async function runProgram(argv: string[]): Promise<void> {
  const mode = outputModeFromArgv(argv);
  const program = buildProgram();
  const operation = operationOf(program, argv);
  const failInternally = (error: unknown) => {
    emit(failureEnvelope(operation, toPromptPMError(error, process.cwd())), mode);
    finish();
  };
  process.on('uncaughtException', failInternally);
  process.on('unhandledRejection', failInternally);
  // A reader that went away (EPIPE) must not turn into a crash; the exit code stands.
  process.stdout.on('error', () => process.exit(process.exitCode ?? 0));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) return failInternally(error);
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return finish(0);
    const message = error.code === 'commander.help' ? 'No command given' : error.message;
    emit(failureEnvelope(operation, usageError(message, operation)), mode);
  }
  finish();
}
