import { describe, expect, it } from 'vitest';
import { isNavigationAllowed, isRequestAllowed, permissionDecision, windowOpenDecision } from '../../../src/main/window/navigation.js';
import { APP_URL } from '../../../src/main/window/app-files.js';

describe('navigation guard', () => {
  it.each(['https://example.com/', 'http://127.0.0.1:8080/index.html', 'file:///etc/passwd', 'app://promptpm/other.html', 'javascript:alert(1)', 'data:text/html,hi'])(
    'blocks navigation to %s',
    (url) => expect(isNavigationAllowed(url, APP_URL)).toBe(false),
  );

  it('lets our own page reload', () => {
    expect(isNavigationAllowed(APP_URL, APP_URL)).toBe(true);
    expect(isNavigationAllowed(`${APP_URL}#/verify`, APP_URL)).toBe(true);
  });

  it('denies every new window and every permission', () => {
    expect(windowOpenDecision()).toEqual({ action: 'deny' });
    expect(permissionDecision()).toBe(false);
  });
});

describe('request filter (no remote content)', () => {
  it.each(['app://promptpm/assets/index.js', 'data:image/png;base64,AA==', 'devtools://devtools/bundled/x.html'])('allows %s', (url) => {
    expect(isRequestAllowed(url)).toBe(true);
  });

  it.each(['https://cdn.example.com/x.js', 'http://localhost:5173/', 'ws://localhost:5173/', 'file:///etc/hosts', 'garbage'])('cancels %s in production', (url) => {
    expect(isRequestAllowed(url)).toBe(false);
  });

  it('allows the dev server (http and its HMR websocket) only in development', () => {
    expect(isRequestAllowed('http://localhost:5173/src/main.tsx', 'http://localhost:5173')).toBe(true);
    expect(isRequestAllowed('ws://localhost:5173/', 'http://localhost:5173')).toBe(true);
    expect(isRequestAllowed('http://localhost:9999/', 'http://localhost:5173')).toBe(false);
    expect(isRequestAllowed('https://example.com/', 'http://localhost:5173')).toBe(false);
  });
});
