// Builds the CLI once before the suite, so tests that spawn `bin/promptpm.cjs` run the current sources.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
}
