import { describe, expect, it } from 'vitest';
import { isSameAppPage, isTrustedSender } from '../../../src/main/ipc/sender.js';

const APP = 'app://promptpm/index.html';

describe('sender check', () => {
  it('trusts our main frame on our page, with any hash or query', () => {
    expect(isTrustedSender({ isOurMainFrame: true, url: APP }, APP)).toBe(true);
    expect(isTrustedSender({ isOurMainFrame: true, url: `${APP}#/module/x` }, APP)).toBe(true);
    expect(isTrustedSender({ isOurMainFrame: true, url: `${APP}?q=1` }, APP)).toBe(true);
  });

  it('refuses subframes, other windows and destroyed frames', () => {
    expect(isTrustedSender({ isOurMainFrame: false, url: APP }, APP)).toBe(false);
    expect(isTrustedSender({ isOurMainFrame: true, url: null }, APP)).toBe(false);
  });

  it.each([
    'https://evil.example/index.html',
    'app://other/index.html',
    'app://promptpm/other.html',
    'file:///work/out/renderer/index.html',
    'http://127.0.0.1:5173/index.html',
    'about:blank',
    'not a url',
  ])('refuses our main frame once it shows %s', (url) => {
    expect(isTrustedSender({ isOurMainFrame: true, url }, APP)).toBe(false);
  });

  it('compares the dev server by origin and path', () => {
    expect(isSameAppPage('http://localhost:5173/', 'http://localhost:5173/')).toBe(true);
    expect(isSameAppPage('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
  });
});
