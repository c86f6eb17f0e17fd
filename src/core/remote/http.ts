// HTTP for the OCI client over Node's fetch: redirects followed by hand so that credentials never travel to
// another host, and retries with backoff on 429, 5xx and dropped connections.
import { setTimeout as sleep } from 'node:timers/promises';

export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, baseDelayMs: 250, maxDelayMs: 8000 };

export interface HttpRequest {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH';
  url: string;
  headers?: Record<string, string>;
  body?: Uint8Array;
  signal?: AbortSignal;
}

/**
 * Reads an answer's (small) body to its end, so the connection goes back to the pool: cancelling the body
 * closes the socket, and every request would pay for a new connection.
 */
export async function discard(res: Response): Promise<void> {
  await res.arrayBuffer().catch(() => undefined);
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/** One request, following redirects; the Authorization header is dropped once a redirect leaves the origin. */
export async function send(req: HttpRequest): Promise<Response> {
  let url = new URL(req.url);
  const origin = url.origin;
  let headers = { ...req.headers };
  let { method, body } = req;
  for (let hop = 0; ; hop++) {
    const res = await fetch(url, { method, headers, body, redirect: 'manual', signal: req.signal });
    const location = res.headers.get('location');
    if (!REDIRECTS.has(res.status) || location === null || hop === MAX_REDIRECTS) return res;
    await discard(res);
    url = new URL(location, url);
    if (url.origin !== origin) {
      const { authorization: _dropped, Authorization: _Dropped, ...rest } = headers;
      headers = rest;
    }
    if (res.status === 303 && method !== 'HEAD') {
      method = 'GET';
      body = undefined;
    }
  }
}

const retryableStatus = (status: number): boolean => status === 429 || (status >= 500 && status !== 501);

/** A dropped or refused connection, as fetch reports it (also while a body is being read). */
const isNetworkError = (err: unknown): boolean => err instanceof TypeError;

function delayOf(policy: RetryPolicy, attempt: number, res?: Response): number {
  const after = Number(res?.headers.get('retry-after'));
  const backoff = policy.baseDelayMs * 2 ** attempt * (0.75 + Math.random() / 2);
  return Math.min(policy.maxDelayMs, Number.isFinite(after) && after > 0 ? after * 1000 : backoff);
}

/**
 * Runs `attempt` (a request, then `read` of its answer) again after a retryable status or a dropped
 * connection, with exponential backoff (or the server's Retry-After). `read` sees only final answers.
 */
export async function withRetry<T>(policy: RetryPolicy, signal: AbortSignal | undefined, attempt: () => Promise<Response>, read: (res: Response) => Promise<T>): Promise<T> {
  for (let n = 0; ; n++) {
    let res: Response | undefined;
    try {
      res = await attempt();
      if (!retryableStatus(res.status) || n >= policy.retries) return await read(res);
      await discard(res);
    } catch (err) {
      if (signal?.aborted || n >= policy.retries || !isNetworkError(err)) throw err;
      res = undefined;
    }
    await sleep(delayOf(policy, n, res), undefined, { signal });
  }
}

/** The whole body, refused as soon as it grows past `max` bytes (a server must not make us buffer without end). */
export async function readBody(res: Response, max: number): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let total = 0;
  if (res.body === null) return Buffer.alloc(0);
  for await (const chunk of res.body) {
    total += (chunk as Uint8Array).length;
    // Leaving the loop cancels the stream.
    if (total > max) return null;
    parts.push(Buffer.from(chunk as Uint8Array));
  }
  return Buffer.concat(parts, total);
}
