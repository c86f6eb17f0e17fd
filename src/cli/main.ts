// Entry point of `promptpm`. `--version` before a command is answered here, before commander or any
// core code is loaded; a plain `list` or `verify` line runs without commander (plain-command.ts);
// everything else is imported on demand.
import { plainCommand, runPlainCommand } from './plain-command.js';
import { toolVersionLine, toolVersionRequested } from './version.js';

const argv = process.argv.slice(2);
const plain = plainCommand(argv);
if (toolVersionRequested(argv)) {
  process.stdout.write(`${toolVersionLine()}\n`);
} else if (plain !== null) {
  await runPlainCommand(plain);
} else {
  const { runProgram } = await import('./program.js');
  await runProgram(argv);
}
