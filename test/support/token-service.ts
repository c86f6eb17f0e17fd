// A loopback token service for the Bearer flow (the one GHCR and Docker Hub use): the registry's 401 names
// this realm; the client asks it for a token for a scope, with Basic credentials; it answers a JWT signed
// (ES256, certificate chain in `x5c`) by a key whose self-signed certificate the registry trusts.
import { execFileSync } from 'node:child_process';
import { createPrivateKey, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';

export interface TokenService {
  realm: string;
  service: string;
  issuer: string;
  certFile: string;
  /** Every token request's scope and user, in order (anonymous: null). */
  requests: Array<{ scope: string | null; user: string | null }>;
  close(): Promise<void>;
}

const b64url = (data: Buffer | string): string => Buffer.from(data).toString('base64url');

/** A P-256 key and a self-signed certificate for it, made with openssl in `dir`. */
function makeCertificate(dir: string): { key: KeyObject; certFile: string; der: Buffer } {
  const keyFile = join(dir, 'token.key');
  const certFile = join(dir, 'token.crt');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '2', '-subj', '/CN=promptpm-test-token'], { stdio: 'ignore' });
  const der = new X509Certificate(readFileSync(certFile)).raw;
  return { key: createPrivateKey(readFileSync(keyFile)), certFile, der };
}

function basicUser(req: IncomingMessage, users: Record<string, string>): string | null | false {
  const header = req.headers.authorization;
  if (header === undefined) return null;
  const [user, password] = Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8').split(':');
  return user !== undefined && users[user] === password ? user : false;
}

/** Starts the service; tokens grant what the scope asks to a known user, and nothing to anonymous callers. */
export async function startTokenService(dir: string, users: Record<string, string>): Promise<TokenService> {
  const { key, certFile, der } = makeCertificate(dir);
  const issuer = 'promptpm-test-issuer';
  const service = 'promptpm-test-registry';
  const requests: TokenService['requests'] = [];
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const user = basicUser(req, users);
    const scope = url.searchParams.get('scope');
    requests.push({ scope, user: user || null });
    if (user === false) {
      res.writeHead(401).end();
      return;
    }
    const access = user !== null && scope ? [scope].map((s) => { const [type, name, actions] = s.split(':'); return { type, name, actions: (actions ?? '').split(',') }; }) : [];
    const now = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'ES256', x5c: [der.toString('base64')] };
    const claims = { iss: issuer, sub: user ?? '', aud: service, exp: now + 300, nbf: now - 10, iat: now, jti: randomBytes(8).toString('hex'), access };
    const input = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
    const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ token: `${input}.${b64url(signature)}`, expires_in: 300 }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { realm: `http://127.0.0.1:${port}/token`, service, issuer, certFile, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
