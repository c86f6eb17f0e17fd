// The synchronous rules of §2: `module`, `prompt`, `interface` and `dependencies`. Each returns a
// normalized section (with neutral defaults where a field was wrong) and reports into the checker.
import { isMapping, type Checker, type Mapping } from './checker.js';
import { INPUT_NAME, isModuleName, isStrictSemver, isValidRange, TYPE_NAME } from './rules.js';
import type { DependencySpec, InputSpec, ModuleManifest, OutputSpec } from './types.js';

export const ROOT_FIELDS = ['module', 'prompt', 'interface', 'dependencies', 'tests'] as const;
const MODULE_FIELDS = ['name', 'version', 'description', 'license', 'authors', 'tags'];
const PROMPT_FIELDS = ['template', 'placeholders'];
const INTERFACE_FIELDS = ['intent', 'inputs', 'outputs', 'preconditions', 'postconditions'];
const INPUT_FIELDS = ['name', 'type', 'description', 'required'];
const OUTPUT_FIELDS = ['type', 'description', 'structure'];
const DEPENDENCY_FIELDS = ['name', 'version'];

/** Items of a list that are mappings, with their index; other items are reported. */
export function mappingItems(c: Checker, items: unknown[], path: (string | number)[]): [Mapping, number][] {
  const out: [Mapping, number][] = [];
  items.forEach((item, i) => {
    if (isMapping(item)) out.push([item, i]);
    else c.wrongType([...path, i], item, 'a mapping');
  });
  return out;
}

export function checkModule(c: Checker, root: Mapping): ModuleManifest['module'] {
  const m = c.mapping(root, 'module', [], true) ?? {};
  c.known(m, ['module'], MODULE_FIELDS);
  const name = c.text(m, 'name', ['module'], { required: true, nonEmpty: true }) ?? '';
  if (name !== '' && !isModuleName(name)) {
    c.error('NAME_INVALID', ['module', 'name'], `Module name '${name}' is not valid`, 'Use letters, digits, ".", "_", "+" and "-", starting with a letter or digit (at most 214 characters).');
  }
  const version = c.text(m, 'version', ['module'], { required: true, nonEmpty: true }) ?? '';
  if (version !== '' && !isStrictSemver(version)) {
    c.error('VERSION_INVALID', ['module', 'version'], `Version '${version}' is not strict SemVer 2.0.0`, 'Write MAJOR.MINOR.PATCH, e.g. 1.0.0, with optional -prerelease and +build parts.');
  }
  const description = c.text(m, 'description', ['module'], { required: true, nonEmpty: true }) ?? '';
  const license = c.text(m, 'license', ['module'], { required: false }) ?? null;
  return { name, version, description, license, authors: c.textList(m, 'authors', ['module']), tags: c.textList(m, 'tags', ['module']) };
}

export function checkPrompt(c: Checker, root: Mapping): { template: string | null; placeholders: string[]; listed: boolean } {
  const p = c.mapping(root, 'prompt', [], true) ?? {};
  c.known(p, ['prompt'], PROMPT_FIELDS);
  const template = c.text(p, 'template', ['prompt'], { required: true, nonEmpty: true }) ?? null;
  const listed = c.list(p, 'placeholders', ['prompt'], true);
  const placeholders: string[] = [];
  (listed ?? []).forEach((item, i) => {
    if (typeof item !== 'string') c.wrongType(['prompt', 'placeholders', i], item, 'text');
    else if (placeholders.includes(item)) c.warn('PLACEHOLDER_DUPLICATE', ['prompt', 'placeholders', i], `Placeholder '${item}' is listed twice`, 'List each placeholder once.');
    else placeholders.push(item);
  });
  return { template, placeholders, listed: listed !== undefined };
}

function checkTypeName(c: Checker, item: Mapping, path: (string | number)[]): string {
  const type = c.text(item, 'type', path, { required: true, nonEmpty: true }) ?? '';
  if (type !== '' && !TYPE_NAME.test(type)) {
    c.error('TYPE_NAME_INVALID', [...path, 'type'], `Semantic type '${type}' is not an identifier`, 'Use lowercase identifiers like technical_document, optionally dotted (text.summary).');
  }
  return type;
}

function checkInputs(c: Checker, items: unknown[]): InputSpec[] {
  const inputs: InputSpec[] = [];
  const seen = new Set<string>();
  for (const [item, i] of mappingItems(c, items, ['interface', 'inputs'])) {
    const path = ['interface', 'inputs', i];
    c.known(item, path, INPUT_FIELDS);
    const name = c.text(item, 'name', path, { required: true, nonEmpty: true }) ?? '';
    if (name !== '' && !INPUT_NAME.test(name)) {
      c.error('INPUT_NAME_INVALID', [...path, 'name'], `Input name '${name}' cannot be used as a placeholder`, 'Use letters, digits and "_", not starting with a digit.');
    } else if (name !== '' && seen.has(name)) {
      c.error('INPUT_DUPLICATE', [...path, 'name'], `Input '${name}' is declared more than once`, 'Declare each input once.');
    }
    seen.add(name);
    const type = checkTypeName(c, item, path);
    const description = c.text(item, 'description', path, { required: true }) ?? '';
    // `required` defaults to true: a test that omits an input is then caught, not rendered empty.
    const flag = Object.hasOwn(item, 'required') ? item.required : true;
    if (typeof flag !== 'boolean') c.wrongType([...path, 'required'], flag, 'true or false');
    inputs.push({ name, type, description, required: flag !== false });
  }
  return inputs;
}

function checkOutputs(c: Checker, items: unknown[]): OutputSpec[] {
  return mappingItems(c, items, ['interface', 'outputs']).map(([item, i]) => {
    const path = ['interface', 'outputs', i];
    c.known(item, path, OUTPUT_FIELDS);
    const type = checkTypeName(c, item, path);
    const description = c.text(item, 'description', path, { required: true }) ?? '';
    return Object.hasOwn(item, 'structure') ? { type, description, structure: item.structure } : { type, description };
  });
}

export function checkInterface(c: Checker, root: Mapping): { spec: ModuleManifest['interface']; inputsKnown: boolean } {
  const f = c.mapping(root, 'interface', [], true) ?? {};
  c.known(f, ['interface'], INTERFACE_FIELDS);
  const intent = c.text(f, 'intent', ['interface'], { required: true, nonEmpty: true }) ?? '';
  const rawInputs = c.list(f, 'inputs', ['interface'], true);
  const inputs = checkInputs(c, rawInputs ?? []);
  const outputs = checkOutputs(c, c.list(f, 'outputs', ['interface'], true) ?? []);
  const preconditions = c.textList(f, 'preconditions', ['interface']);
  const postconditions = c.textList(f, 'postconditions', ['interface']);
  return { spec: { intent, inputs, outputs, preconditions, postconditions }, inputsKnown: rawInputs !== undefined };
}

export function checkDependencies(c: Checker, root: Mapping, moduleName: string): DependencySpec[] {
  const deps: DependencySpec[] = [];
  const seen = new Set<string>();
  for (const [item, i] of mappingItems(c, c.list(root, 'dependencies', [], false) ?? [], ['dependencies'])) {
    const path = ['dependencies', i];
    c.known(item, path, DEPENDENCY_FIELDS);
    const name = c.text(item, 'name', path, { required: true, nonEmpty: true }) ?? '';
    if (name !== '' && !isModuleName(name)) {
      c.error('NAME_INVALID', [...path, 'name'], `Dependency name '${name}' is not a valid module name`, 'Use the exact name of a published module.');
    } else if (name !== '' && name === moduleName) {
      c.error('DEPENDENCY_SELF', [...path, 'name'], `Module '${name}' depends on itself`, 'Remove the self-dependency.');
    } else if (name !== '' && seen.has(name)) {
      c.error('DEPENDENCY_DUPLICATE', [...path, 'name'], `Dependency '${name}' is listed more than once`, 'Merge the entries into one range, e.g. ">=1.2.0 <2.0.0".');
    }
    seen.add(name);
    const range = c.text(item, 'version', path, { required: true, nonEmpty: true }) ?? '';
    if (range !== '' && !isValidRange(range)) {
      c.error('RANGE_INVALID', [...path, 'version'], `Version range '${range}' does not parse`, 'Use a semver range such as ^1.2.0, ~1.2.0, >=1.0.0 <2.0.0, 1.x or *.');
    }
    deps.push({ name, range });
  }
  return deps;
}
