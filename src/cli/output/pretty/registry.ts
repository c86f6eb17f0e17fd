// --pretty renderings of the registry commands: publish, install, list, info, verify.
import type { InfoResult, ListResult, PublishResult, VerifyReport } from '../../../core/registry/index.js';
import type { InstallResult, ResolvedNode } from '../../../core/resolve/index.js';
import type { Data } from '../envelope.js';
import { isBatchData, prettyPublishBatch } from './publish-batch.js';
import { plural, table, type Style } from './style.js';

const stateColour = (state: string, style: Style) =>
  state === 'ok' ? style.green(state) : state === 'unverified' ? style.dim(state) : style.red(state);

export function prettyPublish(data: Data, style: Style): string[] {
  if (isBatchData(data)) return prettyPublishBatch(data, style);
  const r = data as unknown as PublishResult;
  return [
    `${style.green('✔')} Published ${style.bold(r.identifier)} ${style.dim(`(tests: ${r.tests.passed}/${r.tests.total} passed)`)}`,
    `  ${r.published_path}`,
  ];
}

function treeLines(node: ResolvedNode, prefix: string, last: boolean, style: Style, depth: number): string[] {
  const range = node.range ? style.dim(` (${node.range})`) : '';
  // The root is the local module, not a registry version: it has no verification state.
  const state = depth > 0 ? `  ${stateColour(node.verification, style)}` : '';
  const deduped = node.deduped ? style.dim('  (shown above)') : '';
  const branch = depth === 0 ? '' : last ? '└─ ' : '├─ ';
  const lines = [`${prefix}${branch}${style.bold(`${node.name}@${node.version}`)}${range}${state}${deduped}`];
  const childPrefix = depth === 0 ? prefix : prefix + (last ? '   ' : '│  ');
  node.children.forEach((child, i) => lines.push(...treeLines(child, childPrefix, i === node.children.length - 1, style, depth + 1)));
  return lines;
}

export function prettyInstall(data: Data, style: Style): string[] {
  const r = data as unknown as InstallResult;
  return [
    `${style.green('✔')} Resolved ${plural(r.count, 'dependency', 'dependencies')} from ${r.registry_path}`,
    ...treeLines(r.tree, '  ', true, style, 0),
    style.dim(`  lock: ${r.lock_path}`),
  ];
}

export function prettyList(data: Data, style: Style): string[] {
  const r = data as unknown as ListResult;
  if (data.registry_exists === false) return [`No registry at ${r.registry_path}: the folder does not exist (publish creates it)`];
  if (r.packages.length === 0) return [`No modules published in ${r.registry_path}`];
  const rows = [['NAME', 'LATEST', 'VERSIONS', 'STATE', 'DESCRIPTION']];
  for (const p of r.packages) rows.push([p.name, p.latest, String(p.versions.length), p.verification, p.description]);
  const STATE = 3;
  const [header = '', ...body] = table(rows, (cell, column, row) =>
    row > 0 && column === STATE ? cell.replace(cell.trim(), stateColour(cell.trim(), style)) : cell,
  );
  return [style.bold(header), ...body, style.dim(`${plural(r.packages.length, 'module')}, ${plural(r.count, 'version')} in ${r.registry_path}`)];
}

export function prettyInfo(data: Data, style: Style): string[] {
  const r = data as unknown as InfoResult;
  const lines = [`${style.bold(r.name)} ${style.dim(`${plural(r.count, 'version')} in ${r.registry_path}`)}`];
  for (const v of r.versions) {
    const meta = (v.metadata ?? {}) as { description?: unknown };
    const iface = (v.interface ?? {}) as {
      intent?: string;
      inputs?: { name: string; type: string; required: boolean }[];
      outputs?: { type: string }[];
    };
    lines.push(`  ${style.cyan(v.version)}  ${typeof meta.description === 'string' ? meta.description : ''}`.trimEnd());
    if (iface.intent) lines.push(`    intent:  ${iface.intent}`);
    const inputs = (iface.inputs ?? []).map((i) => `${i.name}: ${i.type}${i.required ? '' : '?'}`);
    if (inputs.length) lines.push(`    inputs:  ${inputs.join(', ')}`);
    const outputs = (iface.outputs ?? []).map((o) => o.type);
    if (outputs.length) lines.push(`    outputs: ${outputs.join(', ')}`);
  }
  return lines;
}

/** Each version that is not ok, with the files that differ; then stray entries. */
export function prettyVerifyDetails(report: VerifyReport, style: Style): string[] {
  const lines: string[] = [];
  for (const v of report.versions) {
    if (v.status === 'ok') continue;
    lines.push(`  ${style.red('✖')} ${style.bold(`${v.name}@${v.version}`)}  ${stateColour(v.status, style)}`);
    for (const [label, files] of [['changed', v.changed], ['missing', v.missing], ['extra', v.extra]] as const) {
      for (const file of files) lines.push(`      ${style.yellow(label.padEnd(7))} ${file}`);
    }
  }
  for (const stray of report.stray) lines.push(`  ${style.dim(`stray (ignored): ${stray}`)}`);
  return lines;
}

export function prettyVerify(data: Data, style: Style): string[] {
  const r = data as unknown as VerifyReport;
  if (r.total === 0) return [`No published versions to verify in ${r.registry_path}`, ...prettyVerifyDetails(r, style)];
  return [
    `${style.green('✔')} ${plural(r.total, 'version')} verified, all ok ${style.dim(`(${r.registry_path})`)}`,
    ...prettyVerifyDetails(r, style),
  ];
}
