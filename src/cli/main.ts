// Entry point of `promptpm`. `--version` before a command is answered here, before commander or any
// core code is loaded; a plain `list` or `verify` line runs without commander (plain-command.ts);
// everything else is imported on demand.
import { join } from 'node:path';
import { useRegistryWorker } from '../core/registry/worker-script.js';
import { plainCommand, runPlainCommand } from './plain-command.js';
import { toolVersionLine, toolVersionRequested } from './version.js';

async function main(argv: string[]): Promise<void> {
  const plain = plainCommand(argv);
  if (toolVersionRequested(argv)) {
    process.stdout.write(`${toolVersionLine()}\n`);
    return;
  }
  // The CLI is built as CommonJS (scripts/build-cli.mjs): its worker script is core/registry/ beside cli/.
  // Its main thread only waits while the registry works, so it works too.
  useRegistryWorker(join(__dirname, '..', 'core', 'registry', 'registry-worker.js'), { shareMainThread: true });
  if (plain !== null) {
    await runPlainCommand(plain);
  } else {
    const { runProgram } = await import('./program.js');
    await runProgram(argv);
  }
}

// Failures inside are printed as envelopes by the handlers run.ts installs.
void main(process.argv.slice(2));
