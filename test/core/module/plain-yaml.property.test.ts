// Property: on any text, the plain-subset reader returns exactly the value the module loader's YAML parse
// gives (same types: number vs string vs boolean vs null, -0, NaN) or NOT_PLAIN — never a different value,
// never a value where the loader reports an error. Texts are generated manifests in many styles (quoting,
// flow and block collections, indentation, comments, anchors, tags, block scalars, unicode, YAML 1.1
// scalars), then randomly edited.
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { NOT_PLAIN, readPlainYaml } from '../../../src/core/module/plain-yaml.js';
import { parseYamlManifest } from '../../../src/core/module/source-yaml.js';

const LOADER_ERROR = Symbol('loader error');

function loaderValue(text: string): unknown {
  const out = parseYamlManifest(text, 'promptpm.yaml');
  return out.ok && out.findings.errors.length === 0 ? out.doc.value : LOADER_ERROR;
}

/**
 * A value spelled out for comparison: every type, -0 and NaN told apart, each object's prototype, keys in
 * sorted order. (toStrictEqual compares objects' `constructor` properties, so a manifest key named
 * `constructor` holding a list made two equal mappings unequal.)
 */
function spelled(value: unknown): unknown {
  if (typeof value === 'number') return ['number', Object.is(value, -0) ? '-0' : String(value)];
  if (value === null || typeof value !== 'object') return [typeof value, String(value)];
  if (Array.isArray(value)) return ['array', Object.getPrototypeOf(value) === Array.prototype, value.map(spelled)];
  // What the YAML 1.1 schema makes besides mappings and lists (timestamps, !!set, !!omap, !!binary), by content.
  if (value instanceof Date) return ['date', value.getTime()];
  if (value instanceof Map || value instanceof Set) return [value.constructor.name, [...value.entries()].map(spelled)];
  if (ArrayBuffer.isView(value)) return ['bytes', Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')];
  const proto: unknown = Object.getPrototypeOf(value);
  const keys = Object.getOwnPropertyNames(value).sort();
  return ['object', proto === Object.prototype ? 'Object' : proto === null ? 'null' : 'other', keys.map((k) => [k, spelled((value as Record<string, unknown>)[k])])];
}

/** Words of ordinary manifests, and pieces of text that YAML 1.1 types, indicators, escapes and unicode. */
const ORDINARY = ['a', 'demo-module', 'Summary', 'x y', 'Explain a topic', '1.0.0', '^1.2.0', '>=1.0.0 <2.0.0', 'tests/example.txt', 'text.explanation', 'it\'s', 'café', 'a-b_c.d', 'Q&A', '50%'];
const TRICKY = [
  ' ', '  ', 'yes', 'No', 'TRUE', 'off', 'On', 'y', 'n', 'Y', 'N', 'null', 'Null', 'NULL', '~', 'nil',
  '0', '-0', '+1', '-1', '42', '007', '09', '0x1F', '0o17', '0b101', '1_000', '1:30', '-1:30:05', '190:20:30.15',
  '.5', '1.5', '-0.0', '+2.50', '1.', '.', '1e3', '1.0e+3', 'e5', '.inf', '-.Inf', '.nan', '.NaN', '2001-12-14', '2001-12-14t21:59:43.10-05:00',
  '<<', '=', '-', '?', ':', ': ', '#', ' #', ' # c', 'a#b', 'a: b', 'a:b', ',', '[', ']', '{', '}', "'", "''", '"', '\\', '\\"',
  '\\n', '\\t', '\\x41', '\\u00e9', '\\U0001F600', '\\/', '\\N', '\\_', '\\ ', '\\q', '\\ud83d', '&a', '*a', '!!str', '!t', '|', '>', '%', '@', '`',
  'é', 'ü', '日本', '😀', '\u00a0', '\u2028', '\u0085', '\u007f', '\ufeff', '\t', '\r', '__proto__', 'constructor', 'toString',
];
const words = (pool: string[], sep: string) => fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 3 }).map((p) => p.join(sep));
const ordinaryText = words(ORDINARY, ' ');
/** One YAML 1.1 word or number on its own: what the resolver types. */
const typedWord = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.integer().map(String),
  fc.tuple(fc.constantFrom('+', '-', '', '0', '00'), fc.nat(), fc.constantFrom('', '_0', '.', '.5', '.25', '0', 'e3', ':30', ':07')).map(([a, n, b]) => a + n + b),
  fc.double({ noDefaultInfinity: true }).map(String),
);
const rawText = fc.oneof(
  { arbitrary: typedWord, weight: 3 },
  { arbitrary: ordinaryText, weight: 8 },
  { arbitrary: fc.tuple(ordinaryText, words(TRICKY, '')).map(([a, b]) => (a.length % 2 ? a + b : b + a)), weight: 2 },
  { arbitrary: words(TRICKY, ''), weight: 2 },
);

/** A scalar written in one of YAML's one-line styles (possibly ill-formed: the reader must then decline). */
const scalar = fc.oneof(
  { arbitrary: rawText, weight: 24 },
  { arbitrary: rawText.map((t) => `'${t.replaceAll("'", "''")}'`), weight: 8 },
  { arbitrary: rawText.map((t) => `"${t.replaceAll('"', '\\"')}"`), weight: 8 },
  { arbitrary: rawText.map((t) => `"${t}"`), weight: 4 },
  { arbitrary: fc.constantFrom('&a x', '*a', '!!str 1', '!!int "3"', '|\n  block', '>-\n  folded', 'a\n  b', '"a\n  b"', "'a\n\n  b'"), weight: 1 },
);
const key = fc.oneof(
  { arbitrary: fc.constantFrom('name', 'version', 'description', 'tags', 'type', 'required', 'inputs', 'a b', 'x', 'max_length'), weight: 30 },
  { arbitrary: scalar, weight: 3 },
  { arbitrary: fc.constantFrom('? name', '<<', '1', 'true', 'y', '"quoted"', "'q'", '~', ''), weight: 1 },
);

interface Style {
  indent: number;
  indentlessSequences: boolean;
  comments: boolean;
}

type Tree = string | Tree[] | Array<[string, Tree]> | { pairs: Array<[string, Tree]> };
const tree: fc.Arbitrary<Tree> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.array(fc.tuple(key, tie('node')), { maxLength: 4 }).map((pairs) => ({ pairs })),
  ),
})).node as fc.Arbitrary<Tree>;

const isEmpty = (node: Tree) => (Array.isArray(node) ? node.length === 0 : typeof node !== 'string' && node.pairs.length === 0);
const ofScalars = (node: Tree) => (Array.isArray(node) ? node.every((n) => typeof n === 'string') : typeof node !== 'string' && node.pairs.every(([, v]) => typeof v === 'string'));
/** Flow style for empty collections, most collections of scalars and a few others (which the reader declines). */
const inFlow = (node: Tree, salt: number) => typeof node === 'string' || isEmpty(node) || (salt % 3 === 0 && ofScalars(node)) || salt % 17 === 0;

const comment = (style: Style, salt: number) => (style.comments && salt % 3 === 0 ? `  # note ${salt}` : '');

/** A node in flow style. */
function flow(node: Tree): string {
  if (typeof node === 'string') return node.includes('\n') ? 'x' : node;
  if (Array.isArray(node)) return `[${node.map((n) => flow(n as Tree)).join(', ')}]`;
  return `{ ${node.pairs.map(([k, v]) => `${k}: ${flow(v)}`).join(', ')} }`;
}

/** Renders a node as block YAML at `indent` spaces, choosing flow style for some collections. */
function render(node: Tree, indent: number, style: Style, salt: number): string {
  const pad = ' '.repeat(indent);
  if (typeof node === 'string') return `${pad}${node}\n`;
  if (Array.isArray(node)) {
    return node
      .map((item, i) => {
        const s = salt * 7 + i;
        if (inFlow(item as Tree, s)) return `${pad}- ${flow(item as Tree)}${comment(style, s)}\n`;
        // A compact `- key: value` item keeps its first line on the dash's line, the rest under it.
        if (s % 2 === 0 && (!Array.isArray(item) || s % 8 === 0)) return `${pad}- ${render(item as Tree, indent + 2, style, s).slice(indent + 2)}`;
        return `${pad}-${comment(style, s)}\n${render(item as Tree, indent + style.indent, style, s)}`;
      })
      .join('');
  }
  return node.pairs
    .map(([k, v], i) => {
      const s = salt * 11 + i;
      if (inFlow(v, s)) return `${pad}${k}: ${flow(v)}${comment(style, s)}\n`;
      const nested = Array.isArray(v) && style.indentlessSequences ? indent : indent + style.indent;
      return `${pad}${k}:${comment(style, s)}\n${render(v, nested, style, s)}${style.comments && s % 4 === 0 ? '\n' : ''}`;
    })
    .join('');
}

const style = fc.record({ indent: fc.integer({ min: 1, max: 4 }), indentlessSequences: fc.boolean(), comments: fc.boolean() });
const document = fc
  .tuple(fc.array(fc.tuple(key, tree), { minLength: 1, maxLength: 5 }), style, fc.nat(1000))
  .map(([pairs, s, salt]) => render({ pairs }, 0, s, salt));

const TOKENS = [' ', '  ', '\n', '- ', ':', ': ', '#', ' # c', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '!!str ', '---\n', '...\n', '? ', '|', '\t', '\r', 'y', '1:2'];
/** A few random edits: insert a token, delete a span, or indent/outdent a line. */
const edited = fc
  .tuple(document, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 6 }), fc.constantFrom(...TOKENS), fc.nat({ max: 2 })), { maxLength: 3 }))
  .map(([text, edits]) =>
    edits.reduce((t, [pos, len, token, op]) => {
      const at = pos % (t.length + 1);
      if (op === 0) return t.slice(0, at) + token + t.slice(at);
      if (op === 1) return t.slice(0, at) + t.slice(at + len);
      const lineStart = t.lastIndexOf('\n', at - 1) + 1;
      return len % 2 === 0 ? t.slice(0, lineStart) + ' ' + t.slice(lineStart) : t.slice(0, lineStart) + t.slice(lineStart).replace(/^ /, '');
    }, text),
  );

describe('plain YAML reader', () => {
  test('returns what the loader parses, or NOT_PLAIN', () => {
    let mine = 0;
    let runs = 0;
    // `? key` mappings make the `yaml` library warn through process.emitWarning: not this test's subject.
    const quiet = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      fc.assert(
        fc.property(fc.oneof(document, edited), (text) => {
          runs++;
          const fast = readPlainYaml(text);
          if (fast === NOT_PLAIN) return;
          mine++;
          expect(spelled(fast), text).toEqual(spelled(loaderValue(text)));
        }),
        { numRuns: 3000 },
      );
    } finally {
      quiet.mockRestore();
    }
    // Hundreds of the texts must be read, or the property proves little.
    expect(mine / runs).toBeGreaterThan(0.1);
  });
});
