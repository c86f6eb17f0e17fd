// The plain-subset reader on what we write and on each construct it must leave to the full parser.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOT_PLAIN, readPlainYaml } from '../../../src/core/module/plain-yaml.js';
import { scaffoldManifest } from '../../../src/core/module/scaffold-files.js';
import { parseYamlManifest } from '../../../src/core/module/source-yaml.js';
import { FIXTURE_REGISTRY, tempDir } from '../registry/helpers.js';

function loaderValue(text: string): unknown {
  const out = parseYamlManifest(text, 'promptpm.yaml');
  expect(out.ok && out.findings.errors).toEqual([]);
  return out.ok ? out.doc.value : undefined;
}

/** Manifests of the published versions (a `.tmp` folder is a publish's leftover, not a version). */
const publishedManifests = (registry: string): string[] =>
  readdirSync(join(registry, 'modules')).flatMap((name) =>
    readdirSync(join(registry, 'modules', name))
      .filter((v) => !v.endsWith('.tmp'))
      .map((v) => readFileSync(join(registry, 'modules', name, v, 'promptpm.yaml'), 'utf8')),
  );

describe('plain YAML reader', () => {
  it('reads every manifest `init` writes, whatever the name and version', () => {
    for (const name of ['demo-module', 'yes', 'no', 'y', 'N', 'null', '1.0', '12:30', 'a.b_c+d']) {
      for (const version of ['0.1.0', '1.0.0-rc.1+build.5']) {
        const text = scaffoldManifest(name, version);
        const value = readPlainYaml(text);
        expect(value, text).not.toBe(NOT_PLAIN);
        expect(value).toStrictEqual(loaderValue(text));
      }
    }
  });

  it('reads every manifest of the fixture registry', () => {
    const texts = publishedManifests(FIXTURE_REGISTRY);
    expect(texts.length).toBe(3);
    for (const text of texts) expect(readPlainYaml(text), text).toStrictEqual(loaderValue(text));
  });

  it('reads every manifest the registry generator writes (scripts/generate-registry.mjs)', () => {
    const registry = join(tempDir(), 'registry');
    execFileSync(process.execPath, ['scripts/generate-registry.mjs', '--out', registry, '--modules', '40', '--versions', '2', '--deps', '4'], { stdio: 'ignore' });
    const texts = publishedManifests(registry);
    expect(texts).toHaveLength(80);
    for (const text of texts) {
      const value = readPlainYaml(text);
      expect(value, text).not.toBe(NOT_PLAIN);
      expect(value).toStrictEqual(loaderValue(text));
    }
  });

  it('resolves scalars as PyYAML-flavoured YAML 1.1', () => {
    const text = [
      'a: [yes, No, TRUE, off, On, y, n, Y, N]',
      'b: [~, null, NULL, nil, "null"]',
      'c: [0, -0, +7, 42, 1.5, -0.0, "42", 1.2.0]',
      'd: { e: "tab\\there \\u00e9 \\x41", f: \'it\'\'s\' }',
      'g: a#b',
      'h: a:b # comment',
      'empty:',
    ].join('\n');
    const value = readPlainYaml(text);
    expect(value).toStrictEqual({
      a: [true, false, true, false, true, 'y', 'n', 'Y', 'N'],
      b: [null, null, null, 'nil', 'null'],
      c: [0, -0, 7, 42, 1.5, -0, '42', '1.2.0'],
      d: { e: 'tab\there é A', f: "it's" },
      g: 'a#b',
      h: 'a:b',
      empty: null,
    });
    expect(value).toStrictEqual(loaderValue(text));
  });

  it('reads block sequences, compact and indentless, and comments', () => {
    const text = 'list:\n- a  # one\n-\n  - b\n# between\nitems:\n  - name: x\n    deps:\n    - y\n  - { name: z }\n';
    expect(readPlainYaml(text)).toStrictEqual({ list: ['a', ['b']], items: [{ name: 'x', deps: ['y'] }, { name: 'z' }] });
    expect(readPlainYaml(text)).toStrictEqual(loaderValue(text));
  });

  it('reads the keys manifests repeat, and keys that start or end like them, as the loader does', () => {
    const keys = 'module name version description tags license authors prompt template placeholders interface intent inputs outputs type required dependencies tests assertions contains max_length'.split(' ');
    const spellings = keys.flatMap((k) => [k, `${k}s`, k.slice(0, -1), `${k}-x`, `x${k}`, k.toUpperCase()]);
    const text = [...new Set(spellings)].map((k, i) => `${k}: ${i}\nf${i}: { ${k}: ${i} }`).join('\n');
    const value = readPlainYaml(text) as Record<string, unknown>;
    expect(value).toStrictEqual(loaderValue(text));
    expect(value['name']).toBe(spellings.indexOf('name'));
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a folded scalar', 'a: >-\n  text\n'],
    ['a multi-line plain scalar', 'a: one\n  two\n'],
    ['a multi-line quoted scalar', 'a: "one\n  two"\n'],
    ['a tab', 'a:\tb\n'],
    ['a carriage return', 'a: b\r\n'],
    ['a byte order mark', '\ufeffa: b\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['a key that is not a string', '1: a\n'],
    ['a complex key', '? a\n: b\n'],
    ['a merge key', 'a: { b: 1 }\n<<: { c: 2 }\n'],
    ['a document marker', '---\na: b\n'],
    ['a directive', '%YAML 1.1\n---\na: b\n'],
    ['odd indentation', 'a:\n    b: 1\n  c: 2\n'],
    ['a nested flow collection', 'a: [b, [c]]\n'],
    ['a flow collection over two lines', 'a: [b,\n  c]\n'],
    ['a hex integer', 'a: 0x1F\n'],
    ['an octal integer', 'a: 017\n'],
    ['a sexagesimal integer', 'a: 1:30\n'],
    ['an exponent', 'a: 1e3\n'],
    ['an infinity', 'a: .inf\n'],
    ['a timestamp', 'a: 2001-12-14\n'],
    ['a __proto__ key', '__proto__: a\n'],
    ['an empty document', '# nothing\n'],
    ['a scalar document', 'just text\n'],
  ])('leaves %s to the full parser', (_what, text) => {
    expect(readPlainYaml(text)).toBe(NOT_PLAIN);
  });
});
