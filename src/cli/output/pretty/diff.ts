// The renderings of `diff` (docs/cli.md): --pretty reads like `git diff --stat`, then the contract changes
// grouped by severity, then the verdict; the default mode is one line of key=<json> fields, like validate's.
import { canonicalJson } from '../../../core/canonical-json.js';
import type { ContractChange, FileChange, Severity, VersionDiff } from '../../../core/diff/index.js';
import type { Data } from '../envelope.js';
import { plural, sizeText, type Style } from './style.js';

const BAR_WIDTH = 40;

const identifier = (side: VersionDiff['a']): string => `${side.name}@${side.version}`;

const sizeOrDash = (bytes: number | null): string => (bytes === null ? '-' : sizeText(bytes));

const NOT_TEXT: Readonly<Record<string, string>> = {
  binary: 'Bin',
  'non-utf8': 'not UTF-8',
  'too-large': 'too large to compare',
};

/** The right-hand column of one stat line: counts and a +/- bar, or why the content is not shown. */
function statCell(change: FileChange, scale: number, style: Style): string {
  const label = NOT_TEXT[change.content];
  if (label !== undefined) return `${label} ${sizeOrDash(change.oldSize)} → ${sizeOrDash(change.newSize)}`;
  const total = change.insertions + change.deletions;
  const plus = Math.round(change.insertions * scale);
  const minus = Math.round(change.deletions * scale);
  const costly = change.content === 'too-costly' ? style.dim(' (diff too costly, shown as whole-file replace)') : '';
  return `${total} ${style.green('+'.repeat(plus))}${style.red('-'.repeat(minus))}${costly}`;
}

function statLines(diff: VersionDiff, style: Style): string[] {
  const { changes, insertions, deletions } = diff.files;
  if (changes.length === 0) return [style.dim(' no file changed')];
  const names = changes.map((c) => (c.from === null ? c.path : `${c.from} → ${c.path}`));
  const width = Math.max(...names.map((n) => [...n].length));
  const most = Math.max(...changes.map((c) => c.insertions + c.deletions));
  const scale = most > BAR_WIDTH ? BAR_WIDTH / most : 1;
  const lines = changes.map((c, i) => ` ${names[i]!.padEnd(width)} | ${statCell(c, scale, style)}`.trimEnd());
  const renamed = changes.filter((c) => c.status === 'renamed').length;
  const summary = [plural(changes.length, 'file changed', 'files changed'), ...(renamed ? [`${renamed} renamed`] : [])];
  lines.push(` ${summary.join(', ')}, ${plural(insertions, 'insertion')}(+), ${plural(deletions, 'deletion')}(-)`);
  return lines;
}

const GROUPS: ReadonlyArray<[Severity, string]> = [
  ['major', 'Major — callers can break'],
  ['minor', 'Minor — the module offers or promises more'],
  ['patch', 'Patch — callers cannot tell'],
];

function contractLines(changes: readonly ContractChange[], style: Style): string[] {
  if (changes.length === 0) return [style.dim('No contract change.')];
  const mark: Record<Severity, string> = { major: style.red('✖'), minor: style.yellow('+'), patch: style.dim('·') };
  const lines: string[] = [];
  for (const [severity, title] of GROUPS) {
    const group = changes.filter((c) => c.severity === severity);
    if (group.length === 0) continue;
    if (lines.length > 0) lines.push('');
    lines.push(style.bold(`${title} (${group.length})`));
    for (const c of group) lines.push(`  ${mark[severity]} ${c.message}  ${style.dim(c.field)}`);
  }
  return lines;
}

function verdictLine(verdict: VersionDiff['verdict'], style: Style): string {
  const label = `${verdict.status}${verdict.informational ? ', information only' : ''}`;
  if (verdict.status === 'ok') return `${style.green('✔')} ${style.green(label)}: ${verdict.message}`;
  const colour = verdict.informational ? style.yellow : style.red;
  return `${colour(verdict.status === 'over-bumped' ? 'ℹ' : '✖')} ${colour(label)}: ${verdict.message}`;
}

/** Stat, contract and verdict: the whole --pretty output, also under a failing --exit-code. */
export function prettyDiffReport(diff: VersionDiff, style: Style): string[] {
  const where = diff.b.source === 'folder' ? ` ${style.dim(`(folder ${diff.b.path})`)}` : '';
  return [
    `${style.bold(diff.a.name)} ${diff.a.version} → ${diff.b.version}${where}`,
    '',
    ...statLines(diff, style),
    '',
    ...contractLines(diff.contract.changes, style),
    '',
    verdictLine(diff.verdict, style),
  ];
}

export function prettyDiff(data: Data, style: Style): string[] {
  return prettyDiffReport(data as unknown as VersionDiff, style);
}

/** The default one line: each field JSON-encoded, as the other commands' line mode does. */
export function diffLine(data: Data): string {
  const diff = data as unknown as VersionDiff;
  const fields: Array<[string, unknown]> = [
    ['a', identifier(diff.a)],
    ['b', identifier(diff.b)],
    ['files', diff.files.changes.length],
    ['insertions', diff.files.insertions],
    ['deletions', diff.files.deletions],
    ['major', diff.contract.counts.major],
    ['minor', diff.contract.counts.minor],
    ['patch', diff.contract.counts.patch],
    ['verdict', diff.verdict.status],
    ['minimum', diff.verdict.minimum],
  ];
  return `OK ${fields.map(([key, value]) => `${key}=${canonicalJson(value)}`).join(' ')}`;
}
