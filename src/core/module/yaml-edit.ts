// Form edits of a YAML manifest that keep the user's text. The manifest is parsed as a YAML document (our
// YAML 1.1 dialect, yaml-dialect.ts) and each edit finds its nodes there. Where it can, an edit then replaces
// just those nodes' source (a scalar, a flow list, the lines of one list item, a new `- { … }` line like its
// siblings), so every other byte stays; otherwise the document is changed with setIn/deleteIn and printed
// again, which keeps comments and key order (the printer may respace flow brackets and move a comment written
// after `section:` onto the next line). New or changed strings are written plain unless PyYAML would read them
// otherwise (yaml-scalar.ts). Field rules: docs/module-format.md.
import { isMap, isScalar, isSeq, parseDocument, Scalar, YAMLMap, YAMLSeq, type Document } from 'yaml';
import { PromptPMError } from '../errors.js';
import { doubleQuoted, isPlainSafe } from './yaml-scalar.js';
import { YAML_DIALECT } from './yaml-dialect.js';

export interface InputFields {
  name: string;
  type: string;
  description: string;
  required: boolean;
}

/** One change a form makes. Inputs, outputs and dependencies are found by name (outputs by index). */
export type ManifestEdit =
  | { op: 'setField'; field: 'name' | 'version' | 'description'; value: string }
  | { op: 'setTags'; tags: string[] }
  | { op: 'setPlaceholders'; names: string[] }
  | { op: 'addInput'; input: InputFields }
  | { op: 'removeInput'; name: string }
  | { op: 'renameInput'; from: string; to: string }
  | { op: 'retypeInput'; name: string; type: string }
  | { op: 'setInputRequired'; name: string; required: boolean }
  | { op: 'addOutput'; output: { type: string; description: string } }
  | { op: 'removeOutput'; index: number }
  | { op: 'addDependency'; name: string; range: string }
  | { op: 'removeDependency'; name: string }
  | { op: 'setDependencyRange'; name: string; range: string };

type Doc = Document.Parsed;

const INPUTS = ['interface', 'inputs'];
const OUTPUTS = ['interface', 'outputs'];
const DEPENDENCIES = ['dependencies'];
const PLACEHOLDERS = ['prompt', 'placeholders'];

function refuse(reason: string, message: string, hint: string): PromptPMError {
  return new PromptPMError('VALIDATION_ERROR', message, { hint, path: '', reason });
}

/** A string scalar written by our rule: plain when both tools read it back as this string, else double-quoted. */
function stringNode(value: string): Scalar<string> {
  const node = new Scalar(value);
  node.type = isPlainSafe(value) ? Scalar.PLAIN : Scalar.QUOTE_DOUBLE;
  return node;
}

/** Replaces a string value in place, so its comment and quoting stay unless the new text cannot be plain. */
function setString(doc: Doc, path: unknown[], value: string): void {
  const current = doc.getIn(path, true);
  if (!isScalar(current)) {
    doc.setIn(path, stringNode(value));
    return;
  }
  current.value = value;
  if ((current.type === Scalar.PLAIN || current.type === undefined) && !isPlainSafe(value)) current.type = Scalar.QUOTE_DOUBLE;
}

/** The sequence at `path`, created (block style) when absent. */
function seqAt(doc: Doc, path: unknown[]): YAMLSeq {
  const found = doc.getIn(path, true);
  if (isSeq(found)) return found;
  if (found !== undefined && found !== null && !(isScalar(found) && found.value === null)) {
    throw refuse('EDIT_NOT_A_LIST', `${path.join('.')} is not a list`, 'Fix the manifest text so the field is a list, then use the form again.');
  }
  const seq = new YAMLSeq();
  doc.setIn(path, seq);
  return seq;
}

/** A new item of a list, in the style of its siblings: `- { name: x, ... }` as `init` writes, or a block mapping. */
function appendMap(seq: YAMLSeq, fields: Array<[string, Scalar]>): void {
  const map = new YAMLMap();
  for (const [key, value] of fields) map.add({ key: new Scalar(key), value });
  const last = seq.items[seq.items.length - 1];
  map.flow = last === undefined ? true : isMap(last) && Boolean(last.flow);
  // An empty `[]` list grows as a block list: one item per line.
  if (seq.items.length === 0) seq.flow = false;
  seq.items.push(map);
}

/** The index of the list item whose `name` is `name`, or -1. */
function findByName(doc: Doc, path: unknown[], name: string): number {
  const seq = doc.getIn(path, true);
  return isSeq(seq) ? seq.items.findIndex((item) => isMap(item) && item.get('name') === name) : -1;
}

function indexByName(doc: Doc, path: unknown[], name: string, what: string): number {
  const index = findByName(doc, path, name);
  if (index < 0) throw refuse('EDIT_TARGET_MISSING', `No ${what} named ${name} in the manifest`, 'Reload the form: the manifest text changed.');
  return index;
}

function setList(doc: Doc, path: unknown[], values: string[]): void {
  const seq = seqAt(doc, path);
  seq.items = values.map(stringNode);
  if (values.length === 0) seq.flow = true;
}

function renameInTests(doc: Doc, from: string, to: string): void {
  const tests = doc.get('tests', true);
  if (!isSeq(tests)) return;
  for (const test of tests.items) {
    const inputs = isMap(test) ? test.get('inputs', true) : undefined;
    if (!isMap(inputs)) continue;
    for (const pair of inputs.items) if (isScalar(pair.key) && pair.key.value === from) pair.key.value = to;
  }
}

function renamePlaceholder(doc: Doc, from: string, to: string): void {
  const seq = doc.getIn(PLACEHOLDERS, true);
  if (!isSeq(seq)) return;
  for (const item of seq.items) if (isScalar(item) && item.value === from) item.value = to;
}

function removePlaceholder(doc: Doc, name: string): void {
  const seq = doc.getIn(PLACEHOLDERS, true);
  if (isSeq(seq)) seq.items = seq.items.filter((item) => !(isScalar(item) && item.value === name));
}

function apply(doc: Doc, edit: ManifestEdit): void {
  switch (edit.op) {
    case 'setField':
      return setString(doc, ['module', edit.field], edit.value);
    case 'setTags':
      return setList(doc, ['module', 'tags'], edit.tags);
    case 'setPlaceholders':
      return setList(doc, PLACEHOLDERS, edit.names);
    case 'addInput': {
      const { name, type, description, required } = edit.input;
      return appendMap(seqAt(doc, INPUTS), [['name', stringNode(name)], ['type', stringNode(type)], ['description', stringNode(description)], ['required', new Scalar(required)]]);
    }
    case 'removeInput':
      doc.deleteIn([...INPUTS, indexByName(doc, INPUTS, edit.name, 'input')]);
      // A placeholder stays listed only for a declared input (PLACEHOLDER_UNDECLARED otherwise).
      return removePlaceholder(doc, edit.name);
    case 'renameInput': {
      const index = indexByName(doc, INPUTS, edit.from, 'input');
      setString(doc, [...INPUTS, index, 'name'], edit.to);
      renamePlaceholder(doc, edit.from, edit.to);
      return renameInTests(doc, edit.from, edit.to);
    }
    case 'retypeInput':
      return setString(doc, [...INPUTS, indexByName(doc, INPUTS, edit.name, 'input'), 'type'], edit.type);
    case 'setInputRequired':
      return doc.setIn([...INPUTS, indexByName(doc, INPUTS, edit.name, 'input'), 'required'], edit.required);
    case 'addOutput':
      return appendMap(seqAt(doc, OUTPUTS), [['type', stringNode(edit.output.type)], ['description', stringNode(edit.output.description)]]);
    case 'removeOutput':
      if (!doc.deleteIn([...OUTPUTS, edit.index])) throw refuse('EDIT_TARGET_MISSING', `No output number ${edit.index + 1} in the manifest`, 'Reload the form: the manifest text changed.');
      return;
    case 'addDependency':
      return appendMap(seqAt(doc, DEPENDENCIES), [['name', stringNode(edit.name)], ['version', stringNode(edit.range)]]);
    case 'removeDependency':
      doc.deleteIn([...DEPENDENCIES, indexByName(doc, DEPENDENCIES, edit.name, 'dependency')]);
      return;
    case 'setDependencyRange':
      return setString(doc, [...DEPENDENCIES, indexByName(doc, DEPENDENCIES, edit.name, 'dependency'), 'version'], edit.range);
  }
}

// ── Splices: edits made on the text itself, so every byte the edit does not name stays as written ─────────

interface Splice {
  start: number;
  end: number;
  text: string;
}

const FLOW_INDICATOR = /[,[\]{}]/;

/** Whether any collection holding the node at `path` is written in flow style (`{ }`, `[ ]`). */
function insideFlow(doc: Doc, path: unknown[]): boolean {
  for (let n = 0; n < path.length; n++) {
    const holder = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if ((isMap(holder) || isSeq(holder)) && holder.flow) return true;
  }
  return false;
}

/** A string as a scalar's source in the style the user wrote the old one, where our rule allows it. */
function scalarSource(value: string, old: Scalar, inFlow: boolean): string {
  if (old.type === Scalar.QUOTE_SINGLE && !/[\n\r\t\0]/.test(value)) return `'${value.replaceAll("'", "''")}'`;
  if (old.type === Scalar.QUOTE_SINGLE || old.type === Scalar.QUOTE_DOUBLE) return doubleQuoted(value);
  return isPlainSafe(value) && !(inFlow && FLOW_INDICATOR.test(value)) ? value : doubleQuoted(value);
}

/** Replaces one plain or quoted scalar (a value, or a key with `key`) in place; null when it is not one. */
function scalarSplice(doc: Doc, path: unknown[], value: string | boolean, key = false): Splice | null {
  const node = key ? (doc.getIn(path.slice(0, -1), true) as YAMLMap | undefined)?.items?.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1])?.key : doc.getIn(path, true);
  if (!isScalar(node) || node.range === undefined || node.range === null || node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL) return null;
  const text = typeof value === 'boolean' ? String(value) : scalarSource(value, node, insideFlow(doc, key ? path.slice(0, -1).concat(['']) : path));
  return { start: node.range[0], end: node.range[1], text };
}

/** A flow list (`[a, b]`) rewritten whole, keeping its bracket padding; null for a block list. */
function flowListSplice(doc: Doc, text: string, path: unknown[], values: string[]): Splice | null {
  const seq = doc.getIn(path, true);
  if (!isSeq(seq) || !seq.flow || !seq.range) return null;
  const pad = text[seq.range[0] + 1] === ' ' && values.length > 0 ? ' ' : '';
  const items = values.map((v) => (isPlainSafe(v) && !FLOW_INDICATOR.test(v) ? v : doubleQuoted(v)));
  return { start: seq.range[0], end: seq.range[1], text: `[${pad}${items.join(', ')}${pad}]` };
}

/** The text's line break, so a line we add matches its neighbours. */
const eol = (text: string): string => (text.includes('\r\n') ? '\r\n' : '\n');

/** The start of the line holding `offset`, and the start of the line after `end`. */
const lineStart = (text: string, offset: number): number => text.lastIndexOf('\n', offset - 1) + 1;
const nextLine = (text: string, end: number): number => {
  const nl = text.indexOf('\n', end);
  return nl < 0 ? text.length : nl + 1;
};

/** Removes one item of a block list, lines and all; null when it is the last item or not on lines of its own. */
function removeItemSplice(doc: Doc, text: string, path: unknown[], index: number): Splice | null {
  const seq = doc.getIn(path, true);
  const item = isSeq(seq) && !seq.flow && seq.items.length > 1 ? (seq.items[index] as { range?: [number, number, number] } | undefined) : undefined;
  if (!item?.range) return null;
  const start = lineStart(text, item.range[0]);
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(start, item.range[0]))) return null;
  // A block mapping's range already ends past its line break; a flow one ends at its `}`.
  return { start, end: nextLine(text, Math.max(item.range[0], item.range[1] - 1)), text: '' };
}

/** Appends `- { k: v, … }` after the last item of a block list whose last item is such a one-line mapping, or into `[]`. */
function appendItemSplice(doc: Doc, text: string, path: unknown[], fields: Array<[string, string | boolean]>): Splice | null {
  const seq = doc.getIn(path, true);
  const body = (pad: string): string => `{${pad}${fields.map(([k, v]) => `${k}: ${typeof v === 'boolean' ? v : isPlainSafe(v) && !FLOW_INDICATOR.test(v) ? v : doubleQuoted(v)}`).join(', ')}${pad}}`;
  if (isSeq(seq) && seq.flow && seq.items.length === 0 && seq.range) {
    // `key: []` grows into a block list, its first item indented under the key as `init` writes lists.
    const keyLine = lineStart(text, seq.range[0]);
    const indent = /^[ \t]*/.exec(text.slice(keyLine))![0];
    let start = seq.range[0];
    while (text[start - 1] === ' ' || text[start - 1] === '\t') start--;
    return { start, end: seq.range[1], text: `${eol(text)}${indent}  - ${body(' ')}` };
  }
  const last = isSeq(seq) && !seq.flow ? seq.items[seq.items.length - 1] : undefined;
  if (!isMap(last) || !last.flow || !last.range) return null;
  const start = lineStart(text, last.range[0]);
  const dash = text.slice(start, last.range[0]);
  if (!/^[ \t]*-[ \t]+$/.test(dash) || text.slice(last.range[0], last.range[1]).includes('\n')) return null;
  const at = nextLine(text, last.range[1]);
  const before = at === text.length && !text.endsWith('\n') ? eol(text) : '';
  return { start: at, end: at, text: `${before}${dash}${body(text[last.range[0] + 1] === ' ' ? ' ' : '')}${eol(text)}` };
}

const all = (splices: Array<Splice | null>): Splice[] | null => (splices.every((s) => s !== null) ? splices : null);

/** The edit as splices of the text, or null when it needs the document printed again. */
function splicesFor(doc: Doc, text: string, edit: ManifestEdit): Splice[] | null {
  const input = (name: string): number => findByName(doc, INPUTS, name);
  switch (edit.op) {
    case 'setField':
      return all([scalarSplice(doc, ['module', edit.field], edit.value)]);
    case 'setTags':
      return all([flowListSplice(doc, text, ['module', 'tags'], edit.tags)]);
    case 'setPlaceholders':
      return all([flowListSplice(doc, text, PLACEHOLDERS, edit.names)]);
    case 'retypeInput':
      return input(edit.name) < 0 ? null : all([scalarSplice(doc, [...INPUTS, input(edit.name), 'type'], edit.type)]);
    case 'setInputRequired':
      return input(edit.name) < 0 ? null : all([scalarSplice(doc, [...INPUTS, input(edit.name), 'required'], edit.required)]);
    case 'setDependencyRange': {
      const index = findByName(doc, DEPENDENCIES, edit.name);
      return index < 0 ? null : all([scalarSplice(doc, [...DEPENDENCIES, index, 'version'], edit.range)]);
    }
    case 'renameInput': {
      if (input(edit.from) < 0) return null;
      const placeholders = doc.getIn(PLACEHOLDERS, true);
      const listed = isSeq(placeholders) ? placeholders.items.map((i) => (isScalar(i) ? i.value : null)) : [];
      const tests = doc.get('tests', true);
      const inputsOf = (t: unknown): unknown => (isMap(t) ? t.get('inputs', true) : undefined);
      const testKeys = isSeq(tests) ? tests.items.flatMap((t, i) => (isMap(inputsOf(t)) && (inputsOf(t) as YAMLMap).has(edit.from) ? [i] : [])) : [];
      return all([
        scalarSplice(doc, [...INPUTS, input(edit.from), 'name'], edit.to),
        ...listed.flatMap((v, i) => (v === edit.from ? [scalarSplice(doc, [...PLACEHOLDERS, i], edit.to)] : [])),
        ...testKeys.map((i) => scalarSplice(doc, ['tests', i, 'inputs', edit.from], edit.to, true)),
      ]);
    }
    case 'removeInput': {
      const placeholders = doc.getIn(PLACEHOLDERS, true);
      const listed = isSeq(placeholders) ? placeholders.items.map((i) => (isScalar(i) ? String(i.value) : '')) : [];
      const kept = listed.filter((v) => v !== edit.name);
      return input(edit.name) < 0 ? null : all([removeItemSplice(doc, text, INPUTS, input(edit.name)), ...(kept.length < listed.length ? [flowListSplice(doc, text, PLACEHOLDERS, kept)] : [])]);
    }
    case 'removeOutput':
      return all([removeItemSplice(doc, text, OUTPUTS, edit.index)]);
    case 'removeDependency': {
      const index = findByName(doc, DEPENDENCIES, edit.name);
      return index < 0 ? null : all([removeItemSplice(doc, text, DEPENDENCIES, index)]);
    }
    case 'addInput':
      return all([appendItemSplice(doc, text, INPUTS, Object.entries(edit.input).map(([k, v]) => [k, v] as [string, string | boolean]))]);
    case 'addOutput':
      return all([appendItemSplice(doc, text, OUTPUTS, [['type', edit.output.type], ['description', edit.output.description]])]);
    case 'addDependency':
      return all([appendItemSplice(doc, text, DEPENDENCIES, [['name', edit.name], ['version', edit.range]])]);
  }
}

function applySplices(text: string, splices: Splice[]): string {
  // From the end backwards, so each splice's offsets still hold.
  return [...splices].sort((a, b) => b.start - a.start).reduce((out, s) => out.slice(0, s.start) + s.text + out.slice(s.end), text);
}

function editOnce(text: string, edit: ManifestEdit): string {
  const doc = parseDocument(text, YAML_DIALECT);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw refuse('MANIFEST_NOT_EDITABLE', 'The manifest must be valid YAML (a mapping of sections) before a form can edit it', 'Fix the errors shown in the manifest text first.');
  }
  const splices = splicesFor(doc, text, edit);
  if (splices !== null) return applySplices(text, splices);
  apply(doc, edit);
  // No line folding: a long description stays on its line, as the user wrote it.
  return doc.toString({ lineWidth: 0 });
}

/**
 * The manifest text with `edits` applied in order. Refused (VALIDATION_ERROR) when the text is not a YAML
 * mapping that parses, or an edit names an input, output or dependency the manifest does not have.
 */
export function editManifest(text: string, edits: readonly ManifestEdit[]): string {
  return edits.reduce(editOnce, text);
}
