// Entry point of `promptpm`. `--version` before a command is answered here, before commander or any
// core code is loaded; everything else is imported on demand.
import { toolVersionLine, toolVersionRequested } from './version.js';

const argv = process.argv.slice(2);
if (toolVersionRequested(argv)) {
  process.stdout.write(`${toolVersionLine()}\n`);
} else {
  const { runProgram } = await import('./program.js');
  await runProgram(argv);
}
