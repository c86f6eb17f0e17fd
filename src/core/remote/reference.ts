// Where a remote is and how module names and versions become OCI repositories and tags (docs/remote.md):
// module `name` lives in `<prefix>/<name>`, version `v` is tag `v` with semver build metadata's `+` as `_`.
import { PromptPMError } from '../errors.js';
import { isStrictSemver } from '../module/name-version.js';

export interface RemoteLocation {
  /** `https://host[:port]` or, for loopback or an insecure remote, `http://…`. */
  origin: string;
  /** `host[:port]`, the key of the Docker config's credentials. */
  host: string;
  /** Repository prefix without slashes at either end; may be empty. */
  prefix: string;
}

// The OCI distribution spec's grammar of a repository path component and of a tag.
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::\d{1,5})?$/;
const MAX_REPOSITORY = 255;

function badUrl(url: string, why: string): PromptPMError {
  return new PromptPMError('VALIDATION_ERROR', `Remote URL is not valid: '${url}' (${why})`, {
    hint: 'Give an OCI repository prefix such as ghcr.io/acme/prompts or localhost:5000/prompts.',
    path: url,
    reason: 'REMOTE_URL',
  });
}

/** localhost, 127.0.0.0/8 and ::1: the only hosts reached over plain HTTP without --insecure. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(?:\.\d{1,3}){3}$/.test(bare);
}

/**
 * Parses `[https://|http://]host[:port][/prefix]`. Without a scheme TLS is used, except for loopback
 * hosts; `http://` or `insecure` (plain HTTP) is refused for any other host unless `insecure` is set.
 */
export function parseRemoteUrl(url: string, insecure = false): RemoteLocation {
  const match = /^(?:(https?):\/\/)?([^/]+)(?:\/(.*?))?\/?$/i.exec(url.trim());
  if (!match) throw badUrl(url, 'expected host[:port]/prefix');
  const scheme = match[1]?.toLowerCase();
  const host = match[2]!.toLowerCase();
  const prefix = match[3] ?? '';
  if (!HOST.test(host)) throw badUrl(url, `not a host name: ${host}`);
  if (prefix !== '' && !prefix.split('/').every((c) => PATH_COMPONENT.test(c))) {
    throw badUrl(url, 'repository path components are lowercase letters, digits and single separators');
  }
  const loopback = isLoopbackHost(host);
  if (scheme === 'http' && !loopback && !insecure) throw badUrl(url, 'plain HTTP is allowed only for loopback hosts or with --insecure');
  const plain = scheme === 'http' || (scheme === undefined && (loopback || insecure));
  return { origin: `${plain ? 'http' : 'https'}://${host}`, host, prefix };
}

function unsupportedName(name: string, why: string): PromptPMError {
  return new PromptPMError('VALIDATION_ERROR', `Module name cannot be an OCI repository name: ${name} (${why})`, {
    hint: 'Remotes hold modules whose names are lowercase letters and digits joined by single ".", "_", "__" or "-" runs.',
    path: name,
    reason: 'REMOTE_NAME',
  });
}

/** The repository of module `name` under the remote's prefix. */
export function repositoryOf(location: RemoteLocation, name: string): string {
  if (!PATH_COMPONENT.test(name)) throw unsupportedName(name, 'not lowercase OCI path syntax');
  const repository = location.prefix === '' ? name : `${location.prefix}/${name}`;
  if (repository.length > MAX_REPOSITORY) throw unsupportedName(name, `repository longer than ${MAX_REPOSITORY} characters`);
  return repository;
}

/** The module name a repository under the prefix holds, or null when it is not one of ours. */
export function moduleNameOf(location: RemoteLocation, repository: string): string | null {
  const rest = location.prefix === '' ? repository : repository.startsWith(`${location.prefix}/`) ? repository.slice(location.prefix.length + 1) : null;
  return rest !== null && PATH_COMPONENT.test(rest) ? rest : null;
}

/** Version → tag: SemVer has no `_`, so mapping `+` to `_` is reversible (as Helm does). */
export function tagOf(version: string): string {
  const tag = version.replace('+', '_');
  if (!TAG.test(tag)) {
    throw new PromptPMError('VALIDATION_ERROR', `Version cannot be an OCI tag: ${version} (longer than 128 characters)`, {
      hint: 'Remotes hold versions of at most 128 characters.',
      path: version,
      reason: 'REMOTE_TAG',
    });
  }
  return tag;
}

/** Tag → version, or null for a tag that is no version of ours (`latest`, a tag with two `_`). */
export function versionOf(tag: string): string | null {
  const version = tag.replace('_', '+');
  return !version.includes('_') && isStrictSemver(version) ? version : null;
}
