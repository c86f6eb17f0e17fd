// The mapping of docs/remote.md: remote URLs, module names to repositories, versions to tags and back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRemoteUrl, repositoryOf, tagOf, versionOf } from '../../../src/core/remote/index.js';

describe('remote URLs', () => {
  it('uses TLS by default and plain HTTP only for loopback hosts or an insecure remote', () => {
    expect(parseRemoteUrl('ghcr.io/acme/prompts')).toEqual({ origin: 'https://ghcr.io', host: 'ghcr.io', prefix: 'acme/prompts' });
    expect(parseRemoteUrl('localhost:5000/prompts').origin).toBe('http://localhost:5000');
    expect(parseRemoteUrl('127.0.0.1:5000').prefix).toBe('');
    expect(parseRemoteUrl('https://localhost:5000/p').origin).toBe('https://localhost:5000');
    expect(parseRemoteUrl('registry.lan:5000/p', true).origin).toBe('http://registry.lan:5000');
    expect(() => parseRemoteUrl('http://registry.lan/p')).toThrow(/plain HTTP/);
    expect(parseRemoteUrl('http://registry.lan/p', true).origin).toBe('http://registry.lan');
  });

  it('refuses prefixes that are not OCI repository paths', () => {
    for (const bad of ['ghcr.io/Acme', 'ghcr.io/a//b', 'ghcr.io/a/-b', 'not a host/x']) expect(() => parseRemoteUrl(bad), bad).toThrow(/Remote URL is not valid/);
  });
});

describe('repositories and tags', () => {
  const location = parseRemoteUrl('ghcr.io/acme/prompts');

  it('puts module <name> in <prefix>/<name> and refuses names OCI cannot hold', () => {
    expect(repositoryOf(location, 'text-normalizer')).toBe('acme/prompts/text-normalizer');
    expect(() => repositoryOf(location, 'Upper')).toThrow(/cannot be an OCI repository name/);
    expect(() => repositoryOf(location, 'a+b')).toThrow(/cannot be an OCI repository name/);
  });

  it('maps build metadata "+" to "_" and back', () => {
    expect(tagOf('1.2.3+build.7')).toBe('1.2.3_build.7');
    expect(versionOf('1.2.3_build.7')).toBe('1.2.3+build.7');
    expect(versionOf('latest')).toBeNull();
    expect(versionOf('1.0.0_a_b')).toBeNull();
  });

  it('is reversible for every strict SemVer version', () => {
    const ident = fc.stringMatching(/^[0-9A-Za-z-]{1,8}$/).filter((s) => !/^0\d/.test(s));
    const version = fc
      .tuple(fc.nat(999), fc.nat(999), fc.nat(999), fc.option(fc.array(ident, { minLength: 1, maxLength: 3 })), fc.option(fc.array(fc.stringMatching(/^[0-9A-Za-z-]{1,8}$/), { minLength: 1, maxLength: 3 })))
      .map(([a, b, c, pre, build]) => `${a}.${b}.${c}${pre ? `-${pre.join('.')}` : ''}${build ? `+${build.join('.')}` : ''}`);
    fc.assert(fc.property(version, (v) => versionOf(tagOf(v)) === v));
  });
});
