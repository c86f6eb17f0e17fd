// Serves the built renderer under app://promptpm/ with the security headers (a custom scheme instead
// of file://, as Electron's security guide advises), and hardens the session: CSP on every response,
// no remote requests, no permissions.
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { APP_HOST, APP_SCHEME, contentTypeOf, resolveAppFile } from '../window/app-files.js';
import { buildCsp, securityHeaders, type CspOptions } from '../window/csp.js';
import { isRequestAllowed, permissionDecision } from '../window/navigation.js';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(session: Session, rendererDir: string): void {
  const headers = securityHeaders();
  session.protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST && request.method === 'GET' ? resolveAppFile(rendererDir, url.pathname) : null;
    if (file) {
      try {
        const body = await readFile(file);
        return new Response(new Uint8Array(body), { headers: { ...headers, 'Content-Type': contentTypeOf(file) } });
      } catch {
        // fall through to 404
      }
    }
    return new Response('Not found', { status: 404, headers });
  });
}

export function hardenSession(session: Session, csp: CspOptions): void {
  const policy = buildCsp(csp);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isRequestAllowed(details.url, csp.devServerOrigin) });
  });
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(permissionDecision()));
  session.setPermissionCheckHandler(() => permissionDecision());
}
