// Redirects and retries of the remote client's HTTP layer, against small loopback servers.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { send, withRetry } from '../../../src/core/remote/http.js';

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<number> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

describe('remote HTTP', () => {
  it('drops the Authorization header when a redirect leaves the host, and keeps it on the same host', async () => {
    const seen: IncomingHttpHeaders[] = [];
    const port = await serve((req, res) => {
      seen.push(req.headers);
      if (req.url === '/same') res.writeHead(307, { location: '/final' }).end();
      else if (req.url === '/other') res.writeHead(307, { location: `http://localhost:${port}/final` }).end();
      else res.end('ok');
    });
    await send({ method: 'GET', url: `http://127.0.0.1:${port}/same`, headers: { authorization: 'Bearer secret' } });
    expect(seen.map((h) => h.authorization)).toEqual(['Bearer secret', 'Bearer secret']);
    seen.length = 0;
    const res = await send({ method: 'GET', url: `http://127.0.0.1:${port}/other`, headers: { authorization: 'Bearer secret' } });
    expect(await res.text()).toBe('ok');
    expect(seen.map((h) => h.authorization)).toEqual(['Bearer secret', undefined]);
  });

  it('retries 429 and 5xx answers, then returns the first final one', async () => {
    const statuses = [429, 503, 200];
    let calls = 0;
    const port = await serve((_req, res) => res.writeHead(statuses[calls++]!).end());
    const policy = { retries: 4, baseDelayMs: 1, maxDelayMs: 5 };
    const status = await withRetry(policy, undefined, () => send({ method: 'GET', url: `http://127.0.0.1:${port}/` }), async (r) => r.status);
    expect([status, calls]).toEqual([200, 3]);
  });

  it('gives up after the last retry with the server\'s answer', async () => {
    let calls = 0;
    const port = await serve((_req, res) => (calls++, res.writeHead(500).end()));
    const status = await withRetry({ retries: 2, baseDelayMs: 1, maxDelayMs: 5 }, undefined, () => send({ method: 'GET', url: `http://127.0.0.1:${port}/` }), async (r) => r.status);
    expect([status, calls]).toEqual([500, 3]);
  });
});
