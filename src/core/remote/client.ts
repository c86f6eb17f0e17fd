// A minimal OCI distribution client (the endpoints of the distribution spec that push and pull need):
// blobs checked with HEAD, uploaded in one PUT or in PATCH chunks, fetched and checked against their digest
// and size; manifests by tag; tag lists and the catalog, page by page. Every request is authenticated by the
// Authenticator and retried by withRetry; answers are turned into PromptPMErrors in words (errors.ts).
import { PromptPMError } from '../errors.js';
import { sha256Digest, type Descriptor } from './artifact.js';
import { Authenticator, NO_SCOPE, type CredentialSource } from './auth.js';
import { httpError, integrityMismatch, networkError } from './errors.js';
import { DEFAULT_RETRY, discard, readBody, send, withRetry, type RetryPolicy } from './http.js';
import { OCI_MANIFEST } from './media-types.js';
import type { RemoteLocation } from './reference.js';

export interface ClientOptions {
  credentials: CredentialSource;
  retry?: RetryPolicy;
  /** Blobs above this size are uploaded in PATCH chunks of this size. */
  chunkBytes?: number;
}

const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const MAX_ERROR_BODY = 64 * 1024;
const MAX_LIST_BODY = 16 * 1024 * 1024;
const DEFAULT_CHUNK = 4 * 1024 * 1024;

interface Call {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH';
  /** Path under the origin (`/v2/…`) or an absolute URL the registry gave (an upload location). */
  path: string;
  scope: string;
  headers?: Record<string, string>;
  body?: Uint8Array;
  what: string;
  signal?: AbortSignal;
}

const pullScope = (repository: string): string => `repository:${repository}:pull`;
const pushScope = (repository: string): string => `repository:${repository}:pull,push`;

async function errorText(res: Response): Promise<string> {
  return ((await readBody(res, MAX_ERROR_BODY).catch(() => null)) ?? Buffer.alloc(0)).toString('utf8');
}

export class OciClient {
  private readonly auth: Authenticator;
  private readonly retry: RetryPolicy;
  private readonly chunkBytes: number;
  /** The remote as users name it, for error messages. */
  readonly remote: string;

  constructor(
    private readonly location: RemoteLocation,
    opts: ClientOptions,
  ) {
    this.remote = `${location.host}${location.prefix ? `/${location.prefix}` : ''}`;
    this.auth = new Authenticator(location.host, this.remote, opts.credentials);
    this.retry = opts.retry ?? DEFAULT_RETRY;
    this.chunkBytes = opts.chunkBytes ?? DEFAULT_CHUNK;
  }

  /** One request with authentication (one retry after a challenge), retried on 429/5xx and dropped connections. */
  private async call<T>(c: Call, read: (res: Response) => Promise<T>): Promise<T> {
    const url = new URL(c.path, this.location.origin).href;
    const once = async (): Promise<Response> => {
      const attempt = async (): Promise<Response> => {
        return send({ method: c.method, url, headers: { ...c.headers, ...(await this.authHeader(url, c.scope, c.signal)) }, body: c.body, signal: c.signal });
      };
      const res = await attempt();
      if (res.status !== 401) return res;
      const challenge = res.headers.get('www-authenticate');
      await discard(res);
      return (await this.auth.challenged(challenge, c.scope, c.signal)) ? attempt() : res;
    };
    try {
      return await withRetry(this.retry, c.signal, once, read);
    } catch (err) {
      if (err instanceof PromptPMError || c.signal?.aborted) throw err;
      if (err instanceof TypeError) throw networkError(err, c.what, this.remote);
      throw err;
    }
  }

  private async fail(res: Response, what: string): Promise<never> {
    throw httpError(res.status, await errorText(res), what, this.remote);
  }

  /** Answers the /v2/ ping: learns whether and how the registry wants us to authenticate. */
  async ping(signal?: AbortSignal): Promise<void> {
    await this.call({ method: 'GET', path: '/v2/', scope: NO_SCOPE, what: 'the API check', signal }, async (res) => {
      if (!res.ok && res.status !== 401) await this.fail(res, 'the API check');
      await discard(res);
    });
  }

  async hasBlob(repository: string, digest: string, signal?: AbortSignal): Promise<boolean> {
    const what = `a blob check in ${repository}`;
    return this.call({ method: 'HEAD', path: `/v2/${repository}/blobs/${digest}`, scope: pushScope(repository), what, signal }, async (res) => {
      if (res.status === 404) return false;
      if (!res.ok) await this.fail(res, what);
      return true;
    });
  }

  /** Uploads a blob: one PUT for small blobs, PATCH chunks then the closing PUT for large ones. */
  async uploadBlob(repository: string, digest: string, bytes: Uint8Array, signal?: AbortSignal): Promise<void> {
    const what = `an upload to ${repository}`;
    const scope = pushScope(repository);
    const upload = async (): Promise<Response> => {
      let location = await this.call({ method: 'POST', path: `/v2/${repository}/blobs/uploads/`, scope, what, signal }, async (res) => {
        if (res.status !== 202) await this.fail(res, what);
        await discard(res);
        return this.uploadLocation(res, what);
      });
      let offset = 0;
      if (bytes.length > this.chunkBytes) {
        for (; offset < bytes.length; offset += this.chunkBytes) {
          const chunk = bytes.subarray(offset, offset + this.chunkBytes);
          const headers = { 'content-type': 'application/octet-stream', 'content-range': `${offset}-${offset + chunk.length - 1}` };
          location = await this.call({ method: 'PATCH', path: location, scope, headers, body: chunk, what, signal }, async (res) => {
            if (res.status !== 202) await this.fail(res, what);
            await discard(res);
            return this.uploadLocation(res, what);
          });
        }
      }
      const close = new URL(location, this.location.origin);
      close.searchParams.set('digest', digest);
      const body = bytes.subarray(offset);
      return send({ method: 'PUT', url: close.href, headers: { 'content-type': 'application/octet-stream', ...(await this.authHeader(close.href, scope, signal)) }, body, signal });
    };
    // The closing PUT is part of the unit retried: a failed upload session starts over from its POST.
    const res = await withRetry(this.retry, signal, upload, async (r) => r).catch((err: unknown) => {
      throw err instanceof TypeError ? networkError(err, what, this.remote) : err;
    });
    if (res.status !== 201) await this.fail(res, what);
    await discard(res);
  }

  /** Credentials only for the registry's own origin: an upload location may point elsewhere. */
  private async authHeader(url: string, scope: string, signal?: AbortSignal): Promise<Record<string, string>> {
    if (new URL(url).origin !== this.location.origin) return {};
    const authorization = await this.auth.header(scope, signal);
    return authorization ? { authorization } : {};
  }

  private async uploadLocation(res: Response, what: string): Promise<string> {
    const location = res.headers.get('location');
    if (location === null) await this.fail(res, `${what} (no upload location)`);
    return new URL(location!, this.location.origin).href;
  }

  /** A blob's bytes, checked against the descriptor's size (never reading past it) and digest. */
  async fetchBlob(repository: string, desc: Descriptor, signal?: AbortSignal): Promise<Buffer> {
    const what = `blob ${desc.digest} of ${repository}`;
    return this.call({ method: 'GET', path: `/v2/${repository}/blobs/${desc.digest}`, scope: pullScope(repository), what, signal }, async (res) => {
      if (!res.ok) await this.fail(res, `the download of ${what}`);
      const bytes = await readBody(res, desc.size);
      if (bytes === null || bytes.length !== desc.size) throw integrityMismatch(what, `${desc.size} bytes`, bytes === null ? 'more' : `${bytes.length} bytes`, this.remote);
      const digest = sha256Digest(bytes);
      if (digest !== desc.digest) throw integrityMismatch(what, desc.digest, digest, this.remote);
      return bytes;
    });
  }

  /** The digest of the manifest a tag points at, or null when the tag does not exist. */
  async manifestDigest(repository: string, tag: string, signal?: AbortSignal): Promise<string | null> {
    const what = `the manifest ${repository}:${tag}`;
    const headers = { accept: OCI_MANIFEST };
    return this.call({ method: 'HEAD', path: `/v2/${repository}/manifests/${tag}`, scope: pushScope(repository), headers, what, signal }, async (res) => {
      if (res.status === 404) return null;
      if (!res.ok) await this.fail(res, what);
      const digest = res.headers.get('docker-content-digest');
      return digest ?? sha256Digest((await this.fetchManifest(repository, tag, signal))!);
    });
  }

  /** A tag's manifest bytes (null when the tag does not exist); a digest header that disagrees is a lie. */
  async fetchManifest(repository: string, tag: string, signal?: AbortSignal): Promise<Buffer | null> {
    const what = `the manifest ${repository}:${tag}`;
    const headers = { accept: OCI_MANIFEST };
    return this.call({ method: 'GET', path: `/v2/${repository}/manifests/${tag}`, scope: pullScope(repository), headers, what, signal }, async (res) => {
      if (res.status === 404) return null;
      if (!res.ok) await this.fail(res, what);
      const bytes = await readBody(res, MAX_MANIFEST_BYTES);
      if (bytes === null) throw integrityMismatch(what, `at most ${MAX_MANIFEST_BYTES} bytes`, 'more', this.remote);
      const claimed = res.headers.get('docker-content-digest');
      if (claimed !== null && claimed !== sha256Digest(bytes)) throw integrityMismatch(what, claimed, sha256Digest(bytes), this.remote);
      return bytes;
    });
  }

  async putManifest(repository: string, tag: string, bytes: Buffer, signal?: AbortSignal): Promise<void> {
    const what = `the manifest ${repository}:${tag}`;
    const headers = { 'content-type': OCI_MANIFEST };
    await this.call({ method: 'PUT', path: `/v2/${repository}/manifests/${tag}`, scope: pushScope(repository), headers, body: bytes, what, signal }, async (res) => {
      if (res.status !== 201) await this.fail(res, what);
      await discard(res);
    });
  }

  /** Every tag of a repository (none when it does not exist), following the Link header's pages. */
  async listTags(repository: string, signal?: AbortSignal): Promise<string[]> {
    return this.pages(`/v2/${repository}/tags/list?n=1000`, pullScope(repository), 'tags', `the tags of ${repository}`, signal);
  }

  /** Every repository of the registry (the catalog endpoint, which not every registry offers). */
  async catalog(signal?: AbortSignal): Promise<string[]> {
    return this.pages('/v2/_catalog?n=1000', 'registry:catalog:*', 'repositories', 'the repository catalog', signal);
  }

  private async pages(first: string, scope: string, key: 'tags' | 'repositories', what: string, signal?: AbortSignal): Promise<string[]> {
    const out: string[] = [];
    for (let path: string | null = first; path !== null; ) {
      path = await this.call({ method: 'GET', path, scope, what, signal }, async (res) => {
        if (res.status === 404 && key === 'tags') return null;
        if (!res.ok) await this.fail(res, what);
        const body = await readBody(res, MAX_LIST_BODY);
        const list = body === null ? null : ((JSON.parse(body.toString('utf8')) as Record<string, unknown>)[key] ?? []);
        if (!Array.isArray(list)) await this.fail(res, what);
        out.push(...(list as unknown[]).filter((t): t is string => typeof t === 'string'));
        // `Link: </v2/…?last=x&n=1000>; rel="next"`
        return /<([^>]+)>\s*;\s*rel="?next"?/.exec(res.headers.get('link') ?? '')?.[1] ?? null;
      });
    }
    return out;
  }
}
