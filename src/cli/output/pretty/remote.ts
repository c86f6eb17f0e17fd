// --pretty renderings of the remote commands: remote add/list/remove, push and pull.
import type { PulledVersion, PullResult, PushedVersion, PushResult, RemoteConfig } from '../../../core/remote/index.js';
import type { Data } from '../envelope.js';
import { plural, sizeText, table, type Style } from './style.js';

interface RemotesData {
  remotes_file: string;
  count: number;
  remotes: RemoteConfig[];
  added?: string;
  removed?: string;
}

export function prettyRemote(data: Data, style: Style): string[] {
  const r = data as unknown as RemotesData;
  const lines: string[] = [];
  if (r.added !== undefined) lines.push(`${style.green('✔')} Added remote ${style.bold(r.added)}`);
  if (r.removed !== undefined) lines.push(`${style.green('✔')} Removed remote ${style.bold(r.removed)}`);
  if (r.remotes.length === 0) return [...lines, 'No remotes configured. Add one: promptpm remote add <name> <url>'];
  const rows = [['NAME', 'URL', ''], ...r.remotes.map((x) => [x.name, x.url, x.insecure ? 'plain HTTP allowed' : ''])];
  const [header = '', ...body] = table(rows, (cell, column, row) => (row > 0 && column === 2 && cell.trim() ? style.yellow(cell) : cell));
  return [...lines, style.bold(header), ...body, style.dim(`${plural(r.count, 'remote')} in ${r.remotes_file}`)];
}

type RemoteRun = (PushResult | PullResult) & { remote_name: string };

/** The remote's host (`remote` is host[:port][/prefix], perhaps with a scheme). */
const hostOf = (remote: string): string => remote.replace(/^[a-z]+:\/\//, '').split('/')[0]!;

/** One row per version: what happened to it, its reference on the remote, and for a push what was sent. */
function versionRows(remote: string, versions: ReadonlyArray<PushedVersion | PulledVersion>, style: Style): string[] {
  const host = hostOf(remote);
  const rows = versions.map((v) => {
    const sent = 'bytes_uploaded' in v ? (v.uploaded.length > 0 ? `${plural(v.uploaded.length, 'file')}, ${sizeText(v.bytes_uploaded)} sent` : 'nothing to send') : '';
    return [`${v.name}@${v.version}`, v.status, `${host}/${v.repository}:${v.tag}`, sent];
  });
  return table(rows, (cell, column) => (column === 1 ? (cell.trim() === 'pushed' || cell.trim() === 'pulled' ? style.green(cell) : style.dim(cell)) : cell)).map(
    (line) => `  ${line.trimEnd()}`,
  );
}

export function prettyPush(data: Data, style: Style): string[] {
  const r = data as unknown as RemoteRun & PushResult;
  const already = r.unchanged > 0 ? style.dim(` (${r.unchanged} already there)`) : '';
  return [`${style.green('✔')} Pushed ${plural(r.pushed, 'version')} to ${style.bold(r.remote_name)} ${style.dim(r.remote)}${already}`, ...versionRows(r.remote, r.versions, style)];
}

export function prettyPull(data: Data, style: Style): string[] {
  const r = data as unknown as RemoteRun & PullResult;
  const already = r.present > 0 ? style.dim(` (${r.present} already here)`) : '';
  return [
    `${style.green('✔')} Pulled ${plural(r.pulled, 'version')} from ${style.bold(r.remote_name)} ${style.dim(r.remote)}${already}`,
    ...versionRows(r.remote, r.versions, style),
    style.dim(`  into ${r.registry_path}`),
  ];
}
