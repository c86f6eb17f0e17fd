// Serves the built renderer (out/renderer) on 127.0.0.1 with the same file mapping and security
// headers (strict CSP) as the app:// protocol of the real app, so a CSP violation shows up in e2e.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentTypeOf, resolveAppFile } from '../../../src/main/window/app-files.js';
import { securityHeaders } from '../../../src/main/window/csp.js';

export const RENDERER_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

export interface RendererServer {
  /** URL of the app page, e.g. http://127.0.0.1:41234/index.html */
  appUrl: string;
  close(): Promise<void>;
}

export async function serveRenderer(root = RENDERER_DIR): Promise<RendererServer> {
  if (!existsSync(join(root, 'index.html'))) {
    throw new Error(`The built renderer is missing (${root}/index.html). Run \`npm run build\` first (npm run test:e2e does).`);
  }
  const headers = securityHeaders();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const file = req.method === 'GET' ? resolveAppFile(root, path) : null;
    if (!file) {
      res.writeHead(404, headers).end();
      return;
    }
    readFile(file).then(
      (body) => res.writeHead(200, { ...headers, 'Content-Type': contentTypeOf(file), 'Cache-Control': 'no-store' }).end(body),
      () => res.writeHead(404, headers).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('renderer server has no port');
  return {
    appUrl: `http://127.0.0.1:${address.port}/index.html`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
