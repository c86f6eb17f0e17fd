// A real OCI registry for tests: Debian's `docker-registry` (distribution 2.8), one process per test file on
// a free loopback port, with its own storage folder and config; optionally htpasswd (Basic) or token (Bearer)
// auth. Tests that need it skip, saying why, where the binary is not installed (`.ci/run` installs it).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const REGISTRY_BIN = 'docker-registry';

/** The commands the registry-server tests run, with the Debian package of each. */
const NEEDED: Record<string, string> = { [REGISTRY_BIN]: 'docker-registry', htpasswd: 'apache2-utils', openssl: 'openssl' };

/** Why the registry-server tests cannot run here, or null when they can. */
export function registryMissing(): string | null {
  const absent = Object.keys(NEEDED).filter((cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status !== 0);
  if (absent.length === 0) return null;
  return `${absent.join(', ')} not installed (Debian: apt-get install -y ${absent.map((c) => NEEDED[c]).join(' ')}; .ci/run installs them)`;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RegistryAuth {
  /** Basic auth against these users (bcrypt htpasswd made with `htpasswd -B`). */
  htpasswd?: Record<string, string>;
  /** Bearer tokens from this realm, signed by the key of `certFile`. */
  token?: { realm: string; service: string; issuer: string; certFile: string };
}

export interface TestRegistry {
  /** `127.0.0.1:<port>`: a remote URL prefix (plain HTTP, as it is loopback). */
  host: string;
  port: number;
  /** The registry's storage folder (blobs under docker/registry/v2/blobs/sha256/<xx>/<hex>/data). */
  storage: string;
  /** SIGKILL, as a crash would: connections in flight are cut. */
  kill(): void;
  /** Starts it again on the same port and storage. */
  restart(): Promise<void>;
  stop(): Promise<void>;
  blobFile(digest: string): string;
}

function htpasswdFile(dir: string, users: Record<string, string>): string {
  const lines = Object.entries(users).map(([user, password]) => {
    const run = spawnSync('htpasswd', ['-Bbn', user, password], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`htpasswd failed: ${run.stderr}`);
    return run.stdout.trim();
  });
  const file = join(dir, 'htpasswd');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function configText(storage: string, port: number, auth: RegistryAuth, dir: string): string {
  const lines = ['version: 0.1', 'log:', '  level: error', '  accesslog:', '    disabled: true', 'storage:', '  filesystem:', `    rootdirectory: ${storage}`, '  delete:', '    enabled: true', 'http:', `  addr: 127.0.0.1:${port}`];
  if (auth.htpasswd) lines.push('auth:', '  htpasswd:', '    realm: promptpm-test', `    path: ${htpasswdFile(dir, auth.htpasswd)}`);
  if (auth.token) {
    const t = auth.token;
    lines.push('auth:', '  token:', `    realm: ${t.realm}`, `    service: ${t.service}`, `    issuer: ${t.issuer}`, `    rootcertbundle: ${t.certFile}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Waits until the registry answers its API check (any HTTP status means it is listening). */
async function waitReady(port: number, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${REGISTRY_BIN} exited with ${child.exitCode}`);
    try {
      await fetch(`http://127.0.0.1:${port}/v2/`);
      return;
    } catch {
      await sleep(25);
    }
  }
}

export async function startRegistry(auth: RegistryAuth = {}): Promise<TestRegistry> {
  const dir = mkdtempSync(join(tmpdir(), 'promptpm-oci-'));
  const storage = join(dir, 'storage');
  const port = await freePort();
  const config = join(dir, 'config.yml');
  writeFileSync(config, configText(storage, port, auth, dir));
  let child: ChildProcess;
  let stderr = '';
  const launch = async (): Promise<void> => {
    child = spawn(REGISTRY_BIN, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    await waitReady(port, child).catch((err: Error) => {
      throw new Error(`${err.message}\n${stderr}`);
    });
  };
  const exited = (): Promise<void> => (child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve())));
  await launch();
  return {
    host: `127.0.0.1:${port}`,
    port,
    storage,
    kill: () => child.kill('SIGKILL'),
    restart: async () => {
      await exited();
      await launch();
    },
    stop: async () => {
      child.kill('SIGKILL');
      await exited();
      rmSync(dir, { recursive: true, force: true });
    },
    blobFile: (digest) => {
      const hex = digest.replace(/^sha256:/, '');
      return join(storage, 'docker', 'registry', 'v2', 'blobs', 'sha256', hex.slice(0, 2), hex, 'data');
    },
  };
}
