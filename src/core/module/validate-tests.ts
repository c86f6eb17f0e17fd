// Tests are checked at validate time (§2, §3): known assertion kinds with values of the right type,
// regexes that the linear-time engine accepts, and inputs that are present and safe to read.
// The regex engine (re2js) is loaded at the first regex assertion only: most modules have none, and
// `install` validates the root module at start-up.
import { ASSERTION_KINDS, isLengthKind, isLengthValue, isTextKind, parseStructure } from './assertion-kinds.js';
import { describe, isMapping, own, type Checker, type Mapping } from './checker.js';
import { formatPath, type FieldPath } from './field-path.js';
import { resolveInputValue } from './input-files.js';
import type { Assertion, InputSpec, TestCase } from './types.js';
import { mappingItems } from './validate-sections.js';

const TEST_FIELDS = ['name', 'inputs', 'assertions'];
const MAX_JSON_DEPTH = 64;

export async function checkTests(c: Checker, root: Mapping, moduleDir: string, inputs: InputSpec[] | null): Promise<TestCase[]> {
  const tests: TestCase[] = [];
  for (const [item, i] of mappingItems(c, c.list(root, 'tests', [], false) ?? [], ['tests'])) {
    const path = ['tests', i];
    c.known(item, path, TEST_FIELDS);
    const name = c.text(item, 'name', path, { required: true, nonEmpty: true }) ?? '';
    const values = c.mapping(item, 'inputs', path, false) ?? {};
    await checkTestInputs(c, values, path, moduleDir, inputs, Object.hasOwn(item, 'inputs'));
    const rawAssertions = c.list(item, 'assertions', path, true);
    if (rawAssertions && rawAssertions.length === 0) {
      c.warn('TEST_NO_ASSERTIONS', [...path, 'assertions'], `Test '${name}' has no assertions and always passes`, 'Add at least one assertion.');
    }
    const assertions: Assertion[] = [];
    for (const [j, a] of (rawAssertions ?? []).entries()) {
      const checked = await checkAssertion(c, a, [...path, 'assertions', j]);
      if (checked) assertions.push(checked);
    }
    tests.push({ name, inputs: Object.fromEntries(Object.entries(values)), assertions });
  }
  return tests;
}

async function checkTestInputs(c: Checker, values: Mapping, path: FieldPath, moduleDir: string, inputs: InputSpec[] | null, written: boolean): Promise<void> {
  const inputsPath = [...path, 'inputs'];
  for (const [key, value] of Object.entries(values)) {
    const here = [...inputsPath, key];
    if (inputs && !inputs.some((inp) => inp.name === key)) {
      c.warn('TEST_INPUT_UNDECLARED', here, `Test input '${key}' is not a declared input and is ignored`, 'Declare it under interface.inputs or remove it from the test.', 'key');
    }
    if (typeof value === 'string') {
      const resolved = await resolveInputValue(moduleDir, value);
      if (resolved.kind === 'error') c.error(resolved.problem.code, here, resolved.problem.message, resolved.problem.hint);
    } else if (!isJsonValue(value, 0)) {
      c.wrongType(here, value, 'text, a number, a boolean, a list or a mapping');
    }
  }
  for (const input of inputs ?? []) {
    if (input.required && input.name !== '' && !Object.hasOwn(values, input.name)) {
      c.error('TEST_INPUT_REQUIRED', written ? inputsPath : path, `Test is missing required input '${input.name}'`, `Add ${input.name} under ${formatPath(inputsPath)}, or make the input optional.`, 'key');
    }
  }
}

/** Values that render as compact JSON unchanged: no dates, binary data, NaN or infinities. */
function isJsonValue(value: unknown, depth: number): boolean {
  if (depth > MAX_JSON_DEPTH) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every((v) => isJsonValue(v, depth + 1));
  if (isMapping(value)) return Object.values(value).every((v) => isJsonValue(v, depth + 1));
  return false;
}

/** An assertion is `{kind: value}`, or `{type: kind, value: value}`. */
function splitAssertion(raw: Mapping): { kind: string; value: unknown; valueKey: string; kindKey: string } | null {
  const keys = Object.keys(raw);
  if (keys.length === 1 && keys[0] !== undefined) return { kind: keys[0], value: raw[keys[0]], valueKey: keys[0], kindKey: keys[0] };
  if (keys.length === 2 && typeof own(raw, 'type') === 'string' && Object.hasOwn(raw, 'value')) {
    return { kind: raw.type as string, value: raw.value, valueKey: 'value', kindKey: 'type' };
  }
  return null;
}

async function checkAssertion(c: Checker, raw: unknown, path: FieldPath): Promise<Assertion | null> {
  const parts = isMapping(raw) ? splitAssertion(raw) : null;
  if (!parts) {
    c.error('ASSERTION_MALFORMED', path, 'An assertion must be a mapping with one key, the assertion type', 'Write it like `- contains: "Summary"` or `- max_length: 300`.');
    return null;
  }
  const { kind, value } = parts;
  const at = [...path, parts.valueKey];
  if (!ASSERTION_KINDS.includes(kind)) {
    // Point at the kind itself: the key of `{kind: value}`, or the value of `type:`.
    const target = parts.kindKey === parts.valueKey ? 'key' : 'value';
    c.error('ASSERTION_UNSUPPORTED', [...path, parts.kindKey], `Unsupported assertion type: '${kind}'`, `Use one of: ${ASSERTION_KINDS.join(', ')}.`, target);
    return null;
  }
  if (isTextKind(kind) && typeof value !== 'string') {
    c.error('ASSERTION_VALUE_TYPE', at, `Assertion '${kind}' needs text, got ${describe(value)}`, 'Quote the value so it is read as text.');
    return null;
  }
  if (kind === 'regex') {
    const { compileRegex } = await import('./regex.js');
    const compiled = compileRegex(value as string);
    if (!compiled.ok) {
      const hint = compiled.code === 'REGEX_UNSUPPORTED' ? 'Rewrite the pattern without backreferences or lookaround.' : 'Fix the pattern (ECMAScript syntax, no flags).';
      c.error(compiled.code, at, `Regex /${value as string}/ ${compiled.code === 'REGEX_UNSUPPORTED' ? compiled.message : `is invalid: ${compiled.message}`}`, hint);
      return null;
    }
  }
  if (isLengthKind(kind) && !isLengthValue(value)) {
    c.error('ASSERTION_VALUE_TYPE', at, `Assertion '${kind}' needs a non-negative integer, got ${describe(value)}`, 'Write a whole number such as 300.');
    return null;
  }
  if (kind === 'structure') {
    const spec = parseStructure(value);
    if (typeof spec === 'string') {
      c.error('STRUCTURE_INVALID', at, `Assertion 'structure' ${spec}`, 'Use json_object, json_array, or {type: json_object, required_keys: [a, b]}.');
      return null;
    }
  }
  return { kind, value };
}
