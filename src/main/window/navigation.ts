// The navigation guard's decisions as pure functions: the window shows our page and nothing else.
import { isSameAppPage } from '../ipc/sender.js';

/** will-navigate / will-redirect / will-frame-navigate: only a reload of our own page passes. */
export function isNavigationAllowed(targetUrl: string, appUrl: string): boolean {
  return isSameAppPage(targetUrl, appUrl);
}

/** setWindowOpenHandler: no new windows, ever (links to the web are not part of this app). */
export function windowOpenDecision(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Permission requests and checks (camera, notifications, clipboard, …): the app needs none. */
export function permissionDecision(): boolean {
  return false;
}

/**
 * Requests the window may make: our own app:// files, inline data, and in development the dev server.
 * Anything else (the web) is cancelled: the app shows no remote content.
 */
export function isRequestAllowed(url: string, devServerOrigin?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (['app:', 'data:', 'blob:', 'devtools:'].includes(parsed.protocol)) return true;
  if (devServerOrigin === undefined) return false;
  const dev = new URL(devServerOrigin);
  const sameHost = parsed.host === dev.host;
  return sameHost && (parsed.protocol === dev.protocol || parsed.protocol === dev.protocol.replace('http', 'ws'));
}
