// The Content-Security-Policy of the window, as data: sent as a response header by the app:// protocol
// (and the harness server) and added to every response of the session. Nothing remote, nothing inline.

export interface CspOptions {
  /** Origin of the electron-vite dev server; only in development, where HMR needs inline + websocket. */
  devServerOrigin?: string;
}

export function cspDirectives({ devServerOrigin }: CspOptions = {}): Record<string, string[]> {
  const dev = devServerOrigin !== undefined;
  const wsOrigin = dev ? devServerOrigin.replace(/^http/, 'ws') : '';
  return {
    'default-src': ["'none'"],
    'script-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'style-src': dev ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'"],
    'connect-src': dev ? ["'self'", wsOrigin] : ["'self'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
    'frame-src': ["'none'"],
    'object-src': ["'none'"],
    'worker-src': ["'none'"],
  };
}

export function buildCsp(options: CspOptions = {}): string {
  return Object.entries(cspDirectives(options))
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** Headers every renderer response carries. */
export function securityHeaders(options: CspOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': buildCsp(options),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}
