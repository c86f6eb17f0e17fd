// Credentials as `docker login` leaves them: $DOCKER_CONFIG/config.json (else ~/.docker/config.json), its
// `auths` (base64 `user:password`), and credential helpers (`credHelpers` per host, else `credsStore`) run
// as `docker-credential-<helper> get` with the host on stdin.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { CredentialSource, Credentials } from './auth.js';

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string }>;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/** Docker keys Docker Hub's credentials by its old index URL. */
const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';
const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** `https://host:port/v2/` → `host:port`: auths keys are written with and without a scheme. */
const hostOfKey = (key: string): string => key.replace(/^[a-z]+:\/\//i, '').replace(/\/.*$/, '').toLowerCase();

async function readConfig(dir: string): Promise<DockerConfig> {
  try {
    return JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as DockerConfig;
  } catch {
    return {};
  }
}

function fromAuths(config: DockerConfig, host: string): Credentials | null {
  for (const [key, entry] of Object.entries(config.auths ?? {})) {
    const matches = hostOfKey(key) === host || (key === DOCKER_HUB_KEY && DOCKER_HUB_HOSTS.has(host));
    if (!matches) continue;
    if (entry.auth) {
      const text = Buffer.from(entry.auth, 'base64').toString('utf8');
      const colon = text.indexOf(':');
      if (colon > 0) return { username: text.slice(0, colon), password: text.slice(colon + 1) };
    }
    if (entry.username && entry.password) return { username: entry.username, password: entry.password };
  }
  return null;
}

/** Asks a credential helper; null when it is not installed or knows nothing of this host. */
function fromHelper(helper: string, host: string, env: NodeJS.ProcessEnv): Promise<Credentials | null> {
  return new Promise((resolve) => {
    const child = execFile(`docker-credential-${helper}`, ['get'], { env, timeout: 30_000 }, (err, stdout) => {
      if (err) return resolve(null);
      try {
        const { Username, Secret } = JSON.parse(stdout) as { Username?: string; Secret?: string };
        resolve(Username && Secret ? { username: Username, password: Secret } : null);
      } catch {
        resolve(null);
      }
    });
    child.stdin?.end(host);
  });
}

/** The credential source of the CLI: what Docker would use for each host. */
export function dockerCredentials(env: NodeJS.ProcessEnv = process.env): CredentialSource {
  const dir = env.DOCKER_CONFIG || join(homedir(), '.docker');
  return async (host) => {
    const config = await readConfig(dir);
    const key = DOCKER_HUB_HOSTS.has(host) ? DOCKER_HUB_KEY : host;
    const helper = config.credHelpers?.[host] ?? config.credsStore;
    if (helper) {
      const found = await fromHelper(helper, key, env);
      if (found) return found;
    }
    return fromAuths(config, host);
  };
}
