// Runs the built CLI (out/cli, built by test/global-setup.ts) as a user would, capturing everything.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const CLI_BIN = fileURLToPath(new URL('../bin/promptpm.cjs', import.meta.url));

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout parsed as the JSON envelope when the run used --json, else undefined. */
  json: unknown;
}

/** `wrap` runs the CLI under another command (e.g. setpriv), given as its argv. */
export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; wrap?: string[] } = {}): Promise<CliRun> {
  const [command, ...prefix] = [...(opts.wrap ?? []), process.execPath, CLI_BIN, ...args] as [string, ...string[]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, prefix, {
      cwd: opts.cwd,
      env: { ...process.env, PROMPTPM_REGISTRY: '', ...opts.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      let json: unknown;
      if (args.includes('--json')) {
        try {
          json = JSON.parse(stdout);
        } catch {
          json = undefined;
        }
      }
      resolve({ code, signal, stdout, stderr, json });
    });
  });
}
