// A registry that lies: more bytes than the descriptor says, fewer, or a digest header that is not the
// manifest's. The client refuses each (REMOTE_DIGEST_MISMATCH); and an upload location on another origin gets
// no credentials. Against a small fake registry on loopback.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Digest } from '../../../src/core/remote/artifact.js';
import { OciClient } from '../../../src/core/remote/client.js';
import { parseRemoteUrl } from '../../../src/core/remote/index.js';
import { MODULE_FILE } from '../../../src/core/remote/media-types.js';

const truth = Buffer.from('the real contents\n');
const desc = { mediaType: MODULE_FILE, digest: sha256Digest(truth), size: truth.length };

let server: Server;
let client: OciClient;
const port = (): number => (server.address() as { port: number }).port;
/** The Authorization header of each request that reached the other origin. */
const storageSaw: Array<string | undefined> = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/v2/lies/longer/blobs/' + desc.digest) res.end(Buffer.concat([truth, Buffer.alloc(1 << 20)]));
    else if (req.url === '/v2/lies/shorter/blobs/' + desc.digest) res.end(truth.subarray(0, 5));
    else if (req.url === '/v2/lies/manifest/manifests/1.0.0') res.writeHead(200, { 'docker-content-digest': desc.digest }).end('{"not":"that one"}');
    else if (req.url === '/v2/lies/up/blobs/uploads/' && req.headers.authorization === undefined) res.writeHead(401, { 'www-authenticate': 'Basic realm="fake"' }).end();
    else if (req.url === '/v2/lies/up/blobs/uploads/') res.writeHead(202, { location: `http://localhost:${port()}/storage/upload-1` }).end();
    else if (req.url?.startsWith('/storage/upload-1')) {
      storageSaw.push(req.headers.authorization);
      res.writeHead(201).end();
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = new OciClient(parseRemoteUrl(`127.0.0.1:${port()}/lies`), { credentials: async () => null, retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 } });
});
afterAll(() => server.close());

describe('a registry that lies', () => {
  it('is caught sending more bytes than the descriptor says, without buffering them all', async () => {
    await expect(client.fetchBlob('lies/longer', desc)).rejects.toMatchObject({ reason: 'REMOTE_DIGEST_MISMATCH', message: expect.stringContaining(`expected ${truth.length} bytes, got more`) });
  });

  it('is caught sending fewer bytes', async () => {
    await expect(client.fetchBlob('lies/shorter', desc)).rejects.toMatchObject({ reason: 'REMOTE_DIGEST_MISMATCH', message: expect.stringContaining('got 5 bytes') });
  });

  it('is caught naming a digest that is not the manifest\'s', async () => {
    await expect(client.fetchManifest('lies/manifest', '1.0.0')).rejects.toMatchObject({ reason: 'REMOTE_DIGEST_MISMATCH' });
  });
});

describe('credentials', () => {
  it('are not sent to an upload location on another origin', async () => {
    const signedIn = new OciClient(parseRemoteUrl(`127.0.0.1:${port()}/lies`), { credentials: async () => ({ username: 'u', password: 'p' }), retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 } });
    await signedIn.uploadBlob('lies/up', desc.digest, truth);
    expect(storageSaw).toEqual([undefined]);
  });
});
