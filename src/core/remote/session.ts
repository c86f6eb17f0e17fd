// What push and pull share: options, the client for a remote, and the progress of long work.
import type { LongWorkOptions } from '../progress.js';
import type { CredentialSource } from './auth.js';
import { OciClient } from './client.js';
import type { RetryPolicy } from './http.js';
import { parseRemoteUrl, type RemoteLocation } from './reference.js';

export interface RemoteWorkOptions extends LongWorkOptions {
  /** Where credentials come from (the CLI: the Docker config); anonymous without. */
  credentials?: CredentialSource;
  retry?: RetryPolicy;
  /** Transfers in flight at once (default 8). */
  concurrency?: number;
}

export interface RemoteTarget {
  url: string;
  insecure?: boolean;
}

export interface Session {
  location: RemoteLocation;
  client: OciClient;
  concurrency: number;
  /** Per repository, each blob this session checked or sent (or is checking or sending): never done twice. */
  known: Map<string, Map<string, Promise<void>>>;
}

const anonymous: CredentialSource = async () => null;

export async function openSession(remote: RemoteTarget, opts: RemoteWorkOptions): Promise<Session> {
  const location = parseRemoteUrl(remote.url, remote.insecure === true);
  const client = new OciClient(location, { credentials: opts.credentials ?? anonymous, ...(opts.retry && { retry: opts.retry }) });
  // The ping tells how the registry authenticates, so the transfers that follow send it from the start.
  await client.ping(opts.signal);
  return { location, client, concurrency: Math.max(1, opts.concurrency ?? 8), known: new Map() };
}
