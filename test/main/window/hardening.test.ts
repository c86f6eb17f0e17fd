import { describe, expect, it } from 'vitest';
import { mainWindowOptions } from '../../../src/main/window/hardening.js';
import { buildCsp, cspDirectives, securityHeaders } from '../../../src/main/window/csp.js';

describe('main window hardening', () => {
  const prod = mainWindowOptions({ preloadPath: '/app/out/preload/index.cjs', state: null, dev: false });

  it('isolates the page: context isolation, sandbox, no Node anywhere', () => {
    expect(prod.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
    });
  });

  it('has DevTools only in development', () => {
    expect(prod.webPreferences?.devTools).toBe(false);
    expect(mainWindowOptions({ preloadPath: 'p', state: null, dev: true }).webPreferences?.devTools).toBe(true);
  });

  it('opens at the remembered bounds', () => {
    const options = mainWindowOptions({ preloadPath: 'p', state: { x: 10, y: 20, width: 900, height: 700, maximized: false }, dev: false });
    expect(options).toMatchObject({ x: 10, y: 20, width: 900, height: 700, show: false });
  });
});

describe('content security policy', () => {
  it('allows only our own scripts and styles, nothing inline, nothing remote', () => {
    const d = cspDirectives();
    expect(d['default-src']).toEqual(["'none'"]);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(d['style-src']).toEqual(["'self'"]);
    expect(d['object-src']).toEqual(["'none'"]);
    expect(d['base-uri']).toEqual(["'none'"]);
    expect(d['frame-ancestors']).toEqual(["'none'"]);
    const all = Object.values(d).flat();
    expect(all.some((v) => v.includes('unsafe') || v === '*' || v.startsWith('http'))).toBe(false);
  });

  it('loosens only for the dev server in development', () => {
    const d = cspDirectives({ devServerOrigin: 'http://localhost:5173' });
    expect(d['script-src']).toContain("'unsafe-inline'");
    expect(d['connect-src']).toEqual(["'self'", 'ws://localhost:5173']);
    expect(d['default-src']).toEqual(["'none'"]);
  });

  it('serializes as one header value with the other security headers', () => {
    expect(buildCsp()).toMatch(/^default-src 'none'; script-src 'self'; /);
    expect(securityHeaders()).toMatchObject({ 'Content-Security-Policy': buildCsp(), 'X-Content-Type-Options': 'nosniff' });
  });
});
