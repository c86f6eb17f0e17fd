// The commander program: global flags, one module per command, and the translation of commander's own
// outcomes (help, usage mistakes) into the envelope contract.
import { Command, CommanderError, Option } from 'commander';
import { registerDiff } from './commands/diff.js';
import { registerHelp } from './commands/help.js';
import { registerInfo } from './commands/info.js';
import { registerInit } from './commands/init.js';
import { registerInstall } from './commands/install.js';
import { registerList } from './commands/list.js';
import { registerPublish } from './commands/publish.js';
import { registerPull } from './commands/pull.js';
import { registerPush } from './commands/push.js';
import { registerRemote } from './commands/remote.js';
import { registerTest } from './commands/test.js';
import { registerValidate } from './commands/validate.js';
import { registerVerify } from './commands/verify.js';
import { failureEnvelope } from './output/envelope.js';
import { outputModeFromArgv } from './options.js';
import { emit, finish, guardRun } from './run.js';
import { usageError } from './usage.js';
import { toolVersionLine } from './version.js';

const GROUP = 'Global options:';

function addGlobalOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--registry <path>', 'local registry folder (default: ./.promptpm_registry)').helpGroup(GROUP))
    .addOption(new Option('--config <path>', 'JSON config file: {"registry"?: "<path>"}').helpGroup(GROUP))
    .addOption(new Option('--json', 'print the result envelope as compact JSON with sorted keys').helpGroup(GROUP))
    .addOption(new Option('--pretty', 'print the result for people (colour on a terminal)').helpGroup(GROUP))
    .addOption(new Option('--quiet', 'print nothing on success; failures are still printed').helpGroup(GROUP));
}

function buildProgram(): Command {
  const program = new Command('promptpm')
    .description('Prompt modules as software packages: validate, test, publish and install them from a local registry.')
    .version(toolVersionLine(), '--version', 'print the tool version (only before a command)')
    .enablePositionalOptions()
    .exitOverride()
    .configureOutput({ writeOut: (text) => process.stdout.write(text), writeErr: () => {}, outputError: () => {} });
  addGlobalOptions(program);
  for (const register of [registerInit, registerValidate, registerTest, registerPublish, registerInstall, registerList, registerInfo, registerVerify, registerDiff, registerRemote, registerPush, registerPull, registerHelp]) {
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
  const failInternally = guardRun(operation, mode);
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) return failInternally(error);
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return finish(0);
    const message = error.code === 'commander.help' ? 'No command given' : error.message;
    await emit(failureEnvelope(operation, usageError(message, operation)), mode);
  }
  finish();
}
