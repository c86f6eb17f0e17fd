// Property: whatever the manifest and template contain, loadModule never throws nor reports an
// internal error, and runModuleTests on a module without errors never throws.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify as tomlStringify } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stringify as yamlStringify } from 'yaml';
import { loadModule } from '../../../src/core/module/index.js';
import { runModuleTests } from '../../../src/core/testing/index.js';
import { VALID_TEMPLATE, VALID_YAML } from './helpers.js';

let dir = '';
beforeAll(() => {
  dir = path.join(mkdtempSync(path.join(tmpdir(), 'promptpm-fuzz-')), 'module');
  mkdirSync(path.join(dir, 'tests'), { recursive: true });
  writeFileSync(path.join(dir, 'tests', 'example.txt'), 'example text\n');
  writeFileSync(path.join(dir, '..', 'outside.txt'), 'outside');
});
afterAll(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

const fixtureText = (name: string, file: string) => readFileSync(path.resolve('test/fixtures/modules', name, file), 'utf8');
const SEEDS = [VALID_YAML, fixtureText('valid-basic', 'promptpm.yaml'), fixtureText('five-errors', 'promptpm.yaml'), fixtureText('failing-tests', 'promptpm.yaml')];
const TOML_SEED = fixtureText('valid-toml', 'promptpm.toml');
const TOKENS = [':', ': ', '- ', '{', '}', '[', ']', ',', '"', "'", '\n', '  ', '\t', '#', '&a ', '*a', '!!binary ', '!!set ', '<<: *a', '~', 'yes', 'no',
  '1.0', '1.2.3', '-1', '2001-12-14', '.nan', '{{', '}}', '{{ document }}', '__proto__', 'constructor', '..', '../outside.txt', '/etc/hosts',
  'tests/example.txt', 'tests', '\u0000', '\uFFFE', '😀', 'regex: "(a+)+$"', 'structure: {type: json_array, required_keys: [a]}', '=', '"""', '[[tests]]'];

/** Applies a list of random edits (insert a token, delete a span, duplicate a line) to a seed text. */
const mutated = (seeds: string[]) =>
  fc
    .tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.nat({ max: 12 }), fc.constantFrom(...TOKENS), fc.nat({ max: 2 })), { minLength: 1, maxLength: 6 }))
    .map(([seed, edits]) =>
      edits.reduce((text, [pos, len, token, op]) => {
        const at = pos % (text.length + 1);
        if (op === 0) return text.slice(0, at) + token + text.slice(at);
        if (op === 1) return text.slice(0, at) + text.slice(at + len);
        const lineStart = text.lastIndexOf('\n', at - 1) + 1;
        const lineEnd = text.indexOf('\n', at);
        const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd + 1);
        return text.slice(0, lineStart) + line + text.slice(lineStart);
      }, seed),
    );

const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constantFrom('tests/example.txt', '../outside.txt', '1.0.0', '^1.0.0', 'document'));
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('any'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('name', 'type', 'value', 'required_keys', 'document', 'x'), tie('any'), { maxKeys: 3 })),
})).any;
/** Mostly the valid value, sometimes anything: most generated modules validate, many do not. */
const maybe = <T,>(valid: fc.Arbitrary<T>) => fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: value, weight: 1 });
const goodAssertion = fc.oneof(
  fc.record({ k: fc.constantFrom('contains', 'excludes', 'icontains', 'starts_with', 'ends_with', 'equals'), v: fc.string({ maxLength: 6 }) }).map(({ k, v }) => ({ [k]: v })),
  fc.constantFrom('(a+)+$', '^ex', '[0-9]+', '\\w+ text', '(?<n>e)').map((regex) => ({ regex })),
  fc.record({ k: fc.constantFrom('min_length', 'max_length'), v: fc.nat(40) }).map(({ k, v }) => ({ [k]: v })),
  fc.constantFrom('json_object', 'json_array', { type: 'json_object', required_keys: ['a'] }).map((structure) => ({ structure })),
);
const assertion = fc.oneof({ arbitrary: goodAssertion, weight: 8 }, { arbitrary: fc.record({ bogus: value }), weight: 1 }, { arbitrary: value, weight: 1 });
const goodInput = fc.oneof(fc.string({ maxLength: 10 }), fc.constantFrom('tests/example.txt', '../outside.txt', 'tests', '{}'), fc.integer(), fc.array(fc.boolean(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }));
const structured = fc.record(
  {
    module: fc.record({ name: maybe(fc.constant('m')), version: maybe(fc.constantFrom('1.0.0', '0.1.0-rc.1+b')), description: maybe(fc.constant('d')) }),
    prompt: fc.record({ template: maybe(fc.constant('template.prompt')), placeholders: maybe(fc.constant(['document'])) }),
    interface: fc.record({
      intent: maybe(fc.constant('i')),
      inputs: maybe(fc.constant([{ name: 'document', type: 'text', description: 'd', required: true }])),
      outputs: maybe(fc.constant([{ type: 'text', description: 'o' }])),
    }),
    dependencies: fc.array(fc.record({ name: maybe(fc.constantFrom('dep', 'm')), version: maybe(fc.constantFrom('^1.0.0', '1.x || >=3')) }), { maxLength: 2 }),
    tests: fc.array(fc.record({ name: maybe(fc.string({ minLength: 1, maxLength: 6 })), inputs: maybe(fc.record({ document: goodInput })), assertions: fc.array(assertion, { maxLength: 3 }) }), { maxLength: 3 }),
  },
  { requiredKeys: ['module', 'prompt', 'interface'] },
);
const template = fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('{{ document }}', '{{ document }}', '{{document}}', '{{ other }}', '{{', '}}', '{', '}', '{{ a.b }}', '\n', '😀', '\uD800')), { maxLength: 12 }).map((parts) => parts.join(''));

/** How many generated modules were valid, so the runner really was exercised. */
let testedRuns = 0;

async function check(manifest: { name: 'promptpm.yaml' | 'promptpm.toml'; text: string | Uint8Array }, templateText: string | Uint8Array): Promise<void> {
  rmSync(path.join(dir, 'promptpm.yaml'), { force: true });
  rmSync(path.join(dir, 'promptpm.toml'), { force: true });
  writeFileSync(path.join(dir, manifest.name), manifest.text);
  writeFileSync(path.join(dir, 'template.prompt'), templateText);
  const mod = await loadModule(dir);
  expect(mod.errors.filter((e) => e.code === 'INTERNAL_VALIDATOR_ERROR')).toEqual([]);
  expect(mod.manifest === null).toBe(mod.errors.length > 0);
  for (const d of [...mod.errors, ...mod.warnings]) expect(typeof d.message === 'string' && typeof d.hint === 'string').toBe(true);
  if (mod.errors.length === 0) {
    testedRuns++;
    const report = await runModuleTests(mod);
    expect(report.total).toBe(mod.manifest?.tests.length);
  }
}

// About 2,000 cases in all; the timeouts leave room for a busy CI machine.
describe('loadModule and runModuleTests never throw', () => {
  test('mutated YAML manifests', async () => {
    testedRuns = 0;
    await fc.assert(fc.asyncProperty(mutated(SEEDS), async (text) => check({ name: 'promptpm.yaml', text }, VALID_TEMPLATE)), { numRuns: 700 });
    expect(testedRuns).toBeGreaterThan(0);
  }, 120_000);

  test('mutated TOML manifests', async () => {
    await fc.assert(fc.asyncProperty(mutated([TOML_SEED]), async (text) => check({ name: 'promptpm.toml', text }, '{"greeting": "{{ person }}", "style": {{style}}}')), { numRuns: 300 });
  }, 120_000);

  test('random structured manifests (YAML and TOML) with random templates', async () => {
    testedRuns = 0;
    await fc.assert(
      fc.asyncProperty(structured, template, fc.boolean(), async (doc, tpl, asToml) => {
        let text: string;
        try {
          text = asToml ? tomlStringify(doc) : yamlStringify(doc);
        } catch {
          text = yamlStringify(doc); // TOML cannot express null; fall back to YAML.
          asToml = false;
        }
        await check({ name: asToml ? 'promptpm.toml' : 'promptpm.yaml', text }, tpl);
      }),
      { numRuns: 700 },
    );
    // Typically 50–80 of the 700 generated modules are valid; 20 keeps the check meaningful without flaking.
    expect(testedRuns).toBeGreaterThan(20);
  }, 120_000);

  test('random bytes as manifest and template', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 60 }), fc.boolean(), async (m, t, asToml) => check({ name: asToml ? 'promptpm.toml' : 'promptpm.yaml', text: m }, t)), { numRuns: 300 });
  }, 120_000);
});
