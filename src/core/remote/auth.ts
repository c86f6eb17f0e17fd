// Registry authentication as Docker and Helm do it: anonymous first; on a 401, the challenge says how.
// `Basic` sends the credentials; `Bearer realm=…,service=…,scope=…` trades them (or nothing, for anonymous
// pulls) at the realm for a token scoped to one repository and action set, cached until it expires.
import { PromptPMError } from '../errors.js';
import { readBody, send } from './http.js';
import { isLoopbackHost } from './reference.js';

export interface Credentials {
  username: string;
  password: string;
}

/** Looks up credentials for a registry host (`host[:port]`); null when there are none (anonymous). */
export type CredentialSource = (host: string) => Promise<Credentials | null>;

export interface Challenge {
  scheme: 'basic' | 'bearer';
  params: Record<string, string>;
}

/** Parses `WWW-Authenticate: Bearer realm="…",service="…",scope="…"` (or Basic); null for other schemes. */
export function parseChallenge(header: string | null): Challenge | null {
  const match = header === null ? null : /^\s*(basic|bearer)\b(.*)$/i.exec(header);
  if (!match) return null;
  const params: Record<string, string> = {};
  for (const m of match[2]!.matchAll(/([A-Za-z][\w-]*)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]*))/g)) {
    params[m[1]!.toLowerCase()] = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!;
  }
  return { scheme: match[1]!.toLowerCase() as Challenge['scheme'], params };
}

interface TokenAnswer {
  token?: unknown;
  access_token?: unknown;
  expires_in?: unknown;
}

/** The token service's JSON answer; anything else is an answer without a token. */
function parseTokenAnswer(body: Buffer): TokenAnswer {
  try {
    const json: unknown = JSON.parse(body.toString('utf8'));
    return typeof json === 'object' && json !== null ? (json as TokenAnswer) : {};
  } catch {
    return {};
  }
}

const basicHeader = (c: Credentials): string => `Basic ${Buffer.from(`${c.username}:${c.password}`, 'utf8').toString('base64')}`;

/** The scope of the /v2/ ping, which only learns how to authenticate. */
export const NO_SCOPE = '';

const TOKEN_MARGIN_MS = 10_000;
const DEFAULT_TOKEN_SECONDS = 60;
const MAX_TOKEN_BODY = 1 << 20;

/** One remote's authentication state: which scheme it asked for, and the tokens it gave, per scope. */
export class Authenticator {
  private credentials: Promise<Credentials | null> | undefined;
  private basic = false;
  private bearer: Record<string, string> | null = null;
  /** Per scope: the token request (shared by concurrent requests) and when its token expires. */
  private readonly tokens = new Map<string, { header: Promise<string | undefined>; expires: number }>();

  constructor(
    private readonly host: string,
    private readonly remote: string,
    private readonly source: CredentialSource,
  ) {}

  private creds(): Promise<Credentials | null> {
    return (this.credentials ??= this.source(this.host));
  }

  /** The Authorization header to send for `scope` before any challenge, when one is known to be needed. */
  async header(scope: string, signal?: AbortSignal): Promise<string | undefined> {
    if (this.basic) {
      const c = await this.creds();
      return c ? basicHeader(c) : undefined;
    }
    if (this.bearer === null) return undefined;
    const cached = this.tokens.get(scope);
    if (cached && cached.expires > Date.now()) return cached.header;
    const entry = { header: Promise.resolve<string | undefined>(undefined), expires: Infinity };
    entry.header = this.fetchToken(this.bearer, scope, (ms) => (entry.expires = ms), signal);
    this.tokens.set(scope, entry);
    entry.header.catch(() => this.tokens.delete(scope));
    return entry.header;
  }

  /** Learns from a 401's challenge; true when a retry with the new header can succeed (never for the ping). */
  async challenged(header: string | null, scope: string, signal?: AbortSignal): Promise<boolean> {
    const challenge = parseChallenge(header);
    if (challenge === null) return false;
    if (challenge.scheme === 'basic') {
      const first = !this.basic;
      this.basic = true;
      return first && scope !== NO_SCOPE && (await this.creds()) !== null;
    }
    // A challenge after a token was sent means the token does not grant the scope: ask for it again once.
    this.bearer = challenge.params;
    this.tokens.delete(scope);
    return scope !== NO_SCOPE && (await this.header(scope, signal)) !== undefined;
  }

  private async fetchToken(params: Record<string, string>, scope: string, expiresAt: (ms: number) => void, signal?: AbortSignal): Promise<string | undefined> {
    const realm = params.realm;
    if (!realm) return undefined;
    const url = new URL(realm);
    if (params.service) url.searchParams.set('service', params.service);
    url.searchParams.set('scope', scope);
    // Credentials never cross the network in clear: to a realm over plain HTTP only on this machine.
    const c = url.protocol === 'https:' || isLoopbackHost(url.host) ? await this.creds() : null;
    const res = await send({ method: 'GET', url: url.href, headers: c ? { authorization: basicHeader(c) } : {}, signal });
    const body = await readBody(res, MAX_TOKEN_BODY);
    if (!res.ok || body === null) {
      throw new PromptPMError('DEPENDENCY_ERROR', `Token service refused access: HTTP ${res.status} from ${url.origin}${url.pathname}`, {
        hint: res.status === 401 ? 'Sign in: `docker login <host>` (the Docker config file holds the credentials), then try again.' : 'Check the credentials for this registry and your access to the repository.',
        path: this.remote,
        reason: res.status === 401 ? 'REMOTE_UNAUTHORIZED' : 'REMOTE_FORBIDDEN',
        data: { status: res.status },
      });
    }
    const json = parseTokenAnswer(body);
    const token = json.token ?? json.access_token;
    if (typeof token !== 'string' || token === '') return undefined;
    const seconds = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : DEFAULT_TOKEN_SECONDS;
    expiresAt(Date.now() + seconds * 1000 - TOKEN_MARGIN_MS);
    return `Bearer ${token}`;
  }
}
