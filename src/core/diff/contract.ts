// The semantic diff of a module's contract: what changed in its typed interface, conditions, dependencies,
// tests, metadata and template, each change with the severity docs/semver-rules.md gives it and a sentence
// saying what it means for callers.
import { canonicalJson } from '../canonical-json.js';
import type { VersionDetail } from '../registry/index.js';
import { compareCodePoints } from '../text-order.js';
import { compareRanges, RANGE_SEVERITY } from './ranges.js';
import { change } from './change.js';
import { diffOutputs } from './outputs.js';
import type { ContractChange, ContractChangeKind, ContractDiff, ContractSection, Severity } from './types.js';

/** The parts of a version the contract diff reads (a published version's detail has exactly these). */
export type ContractView = Pick<VersionDetail, 'metadata' | 'interface' | 'template' | 'dependencies' | 'tests'>;

type Input = ContractView['interface']['inputs'][number];

function diffInputs(a: Input[], b: Input[]): ContractChange[] {
  const out: ContractChange[] = [];
  const olds = new Map(a.map((input) => [input.name, input]));
  const news = new Map(b.map((input) => [input.name, input]));
  const at = (i: number, rest = '') => `interface.inputs[${i}]${rest}`;
  a.forEach((old, i) => {
    if (news.has(old.name)) return;
    const message = `Removes input \`${old.name}\`: callers that pass it break.`;
    out.push(change({ kind: 'input-removed', severity: 'major', section: 'inputs', subject: old.name, field: at(i), message, before: old }));
  });
  b.forEach((input, i) => {
    const old = olds.get(input.name);
    const base = { section: 'inputs' as const, subject: input.name };
    if (old === undefined) {
      const message = input.required
        ? `Adds required input \`${input.name}\` (${input.type}): existing callers do not pass it and break.`
        : `Adds optional input \`${input.name}\` (${input.type}).`;
      out.push(change({ ...base, kind: 'input-added', severity: input.required ? 'major' : 'minor', field: at(i), message, after: input }));
      return;
    }
    if (old.type !== input.type) {
      const message = `Changes the type of input \`${input.name}\` from ${old.type} to ${input.type}: callers that pass a ${old.type} break.`;
      out.push(change({ ...base, kind: 'input-retyped', severity: 'major', field: at(i, '.type'), message, before: old.type, after: input.type }));
    }
    if (old.required !== input.required) {
      const [kind, severity, message] = input.required
        ? (['input-made-required', 'major', `Makes input \`${input.name}\` required: callers that leave it out break.`] as const)
        : (['input-made-optional', 'minor', `Makes input \`${input.name}\` optional.`] as const);
      out.push(change({ ...base, kind, severity, field: at(i, '.required'), message, before: old.required, after: input.required }));
    }
    if (old.description !== input.description) {
      const message = `Rewords the description of input \`${input.name}\`.`;
      out.push(change({ ...base, kind: 'input-description-changed', severity: 'patch', field: at(i, '.description'), message, before: old.description, after: input.description }));
    }
  });
  return out;
}

interface ListRule {
  section: ContractSection;
  field: string;
  added: { kind: ContractChangeKind; severity: Severity; message: (item: string) => string };
  removed: { kind: ContractChangeKind; severity: Severity; message: (item: string) => string };
}

/** Items of a list of strings compared as a set: each one added or removed (placeholders, conditions, tags). */
function diffStringSet(a: readonly string[], b: readonly string[], rule: ListRule): ContractChange[] {
  const out: ContractChange[] = [];
  const olds = new Set(a);
  const news = new Set(b);
  a.forEach((item, i) => {
    if (news.has(item) || a.indexOf(item) !== i) return;
    const { kind, severity, message } = rule.removed;
    out.push(change({ kind, severity, section: rule.section, subject: item, field: `${rule.field}[${i}]`, message: message(item), before: item }));
  });
  b.forEach((item, i) => {
    if (olds.has(item) || b.indexOf(item) !== i) return;
    const { kind, severity, message } = rule.added;
    out.push(change({ kind, severity, section: rule.section, subject: item, field: `${rule.field}[${i}]`, message: message(item), after: item }));
  });
  return out;
}

const PLACEHOLDERS: ListRule = {
  section: 'placeholders',
  field: 'prompt.placeholders',
  added: { kind: 'placeholder-added', severity: 'patch', message: (p) => `Uses placeholder \`${p}\` in the template.` },
  removed: { kind: 'placeholder-removed', severity: 'patch', message: (p) => `No longer uses placeholder \`${p}\` in the template.` },
};

const PRECONDITIONS: ListRule = {
  section: 'preconditions',
  field: 'interface.preconditions',
  added: { kind: 'precondition-added', severity: 'major', message: (c) => `Adds precondition "${c}": callers must now promise it, and those that cannot break.` },
  removed: { kind: 'precondition-removed', severity: 'minor', message: (c) => `Drops precondition "${c}": callers need to promise less.` },
};

const POSTCONDITIONS: ListRule = {
  section: 'postconditions',
  field: 'interface.postconditions',
  added: { kind: 'postcondition-added', severity: 'minor', message: (c) => `Adds postcondition "${c}": the module promises more.` },
  removed: { kind: 'postcondition-removed', severity: 'major', message: (c) => `Drops postcondition "${c}": callers that rely on it lose that promise.` },
};

const TAGS: ListRule = {
  section: 'metadata',
  field: 'module.tags',
  added: { kind: 'tag-added', severity: 'patch', message: (t) => `Adds tag \`${t}\`.` },
  removed: { kind: 'tag-removed', severity: 'patch', message: (t) => `Drops tag \`${t}\`.` },
};

const RANGE_WORDS = {
  'another-major': 'moves it to another major: callers resolving both may conflict, and its breaking changes reach them',
  widened: 'widens it: more versions are admitted',
  shifted: 'shifts it within its major: some versions are admitted that were not',
  narrowed: 'narrows it within its major',
  'same-versions': 'rewrites it, admitting the same versions',
} as const;

function diffDependencies(a: ContractView['dependencies'], b: ContractView['dependencies']): ContractChange[] {
  const out: ContractChange[] = [];
  const olds = new Map(a.map((d) => [d.name, d]));
  const news = new Map(b.map((d) => [d.name, d]));
  const base = { section: 'dependencies' as const };
  a.forEach((dep, i) => {
    if (news.has(dep.name)) return;
    const message = `Drops dependency \`${dep.name}\` (${dep.range}).`;
    out.push(change({ ...base, kind: 'dependency-removed', severity: 'minor', subject: dep.name, field: `dependencies[${i}]`, message, before: dep }));
  });
  b.forEach((dep, i) => {
    const old = olds.get(dep.name);
    if (old === undefined) {
      const message = `Adds dependency \`${dep.name}\` (${dep.range}).`;
      out.push(change({ ...base, kind: 'dependency-added', severity: 'minor', subject: dep.name, field: `dependencies[${i}]`, message, after: dep }));
    } else if (old.range !== dep.range) {
      const relation = compareRanges(old.range, dep.range);
      const message = `Changes the range of dependency \`${dep.name}\` from ${old.range} to ${dep.range}, which ${RANGE_WORDS[relation]}.`;
      out.push(
        change({ ...base, kind: 'dependency-range-changed', severity: RANGE_SEVERITY[relation], subject: dep.name, field: `dependencies[${i}].version`, message, before: old.range, after: dep.range }),
      );
    }
  });
  return out;
}

type Test = ContractView['tests'][number];

function diffTests(a: Test[], b: Test[]): ContractChange[] {
  const out: ContractChange[] = [];
  const olds = new Map(a.map((t) => [t.name, t]));
  const news = new Map(b.map((t) => [t.name, t]));
  const base = { section: 'tests' as const, severity: 'patch' as const };
  a.forEach((test, i) => {
    if (!news.has(test.name)) out.push(change({ ...base, kind: 'test-removed', subject: test.name, field: `tests[${i}]`, message: `Drops test \`${test.name}\`.`, before: test }));
  });
  b.forEach((test, i) => {
    const old = olds.get(test.name);
    if (old === undefined) {
      out.push(change({ ...base, kind: 'test-added', subject: test.name, field: `tests[${i}]`, message: `Adds test \`${test.name}\`.`, after: test }));
    } else if (canonicalJson(old) !== canonicalJson(test)) {
      out.push(change({ ...base, kind: 'test-changed', subject: test.name, field: `tests[${i}]`, message: `Changes test \`${test.name}\`.`, before: old, after: test }));
    }
  });
  return out;
}

function diffMetadata(a: ContractView, b: ContractView): ContractChange[] {
  const out: ContractChange[] = [];
  const base = { section: 'metadata' as const, severity: 'patch' as const };
  const text = (kind: ContractChangeKind, subject: string, field: string, before: string | null, after: string | null, message: string) => {
    if (before !== after) out.push(change({ ...base, kind, subject, field, message, before, after }));
  };
  text('description-changed', 'description', 'module.description', a.metadata.description, b.metadata.description, 'Rewords the module description.');
  text('intent-changed', 'intent', 'interface.intent', a.interface.intent, b.interface.intent, 'Rewords the intent.');
  const license = (l: string | null) => l ?? 'none';
  text('license-changed', 'license', 'module.license', a.metadata.license, b.metadata.license, `Changes the license from ${license(a.metadata.license)} to ${license(b.metadata.license)}.`);
  if (canonicalJson(a.metadata.authors) !== canonicalJson(b.metadata.authors)) {
    out.push(change({ ...base, kind: 'authors-changed', subject: 'authors', field: 'module.authors', message: 'Changes the authors.', before: a.metadata.authors, after: b.metadata.authors }));
  }
  out.push(...diffStringSet(a.metadata.tags, b.metadata.tags, TAGS));
  return out;
}

function diffTemplate(a: ContractView, b: ContractView): ContractChange[] {
  if (a.template.text === b.template.text) return [];
  const message = `Changes the template text (see the file diff of ${b.template.path}).`;
  return [change({ kind: 'template-changed', severity: 'patch', section: 'template', subject: b.template.path, field: 'prompt.template', message })];
}

const SEVERITY_ORDER: readonly Severity[] = ['major', 'minor', 'patch'];
const SECTION_ORDER: readonly ContractSection[] = ['inputs', 'outputs', 'placeholders', 'preconditions', 'postconditions', 'dependencies', 'tests', 'metadata', 'template'];

function byImportance(x: ContractChange, y: ContractChange): number {
  return (
    SEVERITY_ORDER.indexOf(x.severity) - SEVERITY_ORDER.indexOf(y.severity) ||
    SECTION_ORDER.indexOf(x.section) - SECTION_ORDER.indexOf(y.section) ||
    compareCodePoints(x.subject, y.subject) ||
    compareCodePoints(x.kind, y.kind) ||
    compareCodePoints(x.field, y.field)
  );
}

export function diffContract(a: ContractView, b: ContractView): ContractDiff {
  const changes = [
    ...diffInputs(a.interface.inputs, b.interface.inputs),
    ...diffOutputs(a.interface.outputs, b.interface.outputs),
    ...diffStringSet(a.template.placeholders, b.template.placeholders, PLACEHOLDERS),
    ...diffStringSet(a.interface.preconditions, b.interface.preconditions, PRECONDITIONS),
    ...diffStringSet(a.interface.postconditions, b.interface.postconditions, POSTCONDITIONS),
    ...diffDependencies(a.dependencies, b.dependencies),
    ...diffTests(a.tests, b.tests),
    ...diffMetadata(a, b),
    ...diffTemplate(a, b),
  ].sort(byImportance);
  const counts: Record<Severity, number> = { major: 0, minor: 0, patch: 0 };
  for (const c of changes) counts[c.severity]++;
  return { changes, counts };
}
