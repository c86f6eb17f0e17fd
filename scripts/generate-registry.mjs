#!/usr/bin/env node
// Writes a synthetic registry for tests and benchmarks (`node scripts/generate-registry.mjs --help`).
// Every version is what `publish` would leave behind: it validates, its tests pass, and its
// .promptpm_immutable.json has the exact bytes of docs/registry-format.md. The same options give a
// byte-identical tree: the only source of variety is a small seeded generator, never the clock.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const USAGE = `Usage: node scripts/generate-registry.mjs --out DIR [options]

Writes DIR/modules/<name>/<version>/ for every version: promptpm.yaml, template.prompt,
tests/example.txt and .promptpm_immutable.json. Modules are named module-00000, module-00001, …;
version v of a module is 1.<v>.<v mod 2> (1.0.0, 1.1.1, 1.2.0, …). A module depends only on
lower-numbered ones, with ranges that published versions satisfy, so every module resolves.

Options:
  --out DIR              registry folder to write (required; refused if it already holds modules/)
  --modules N            number of modules (default 1000)
  --versions V           versions per module, at least 1 (default 3)
  --deps D               dependencies per module, at most (default 3)
  --template-bytes B     approximate size of each template (default 2000)
  --seed S               seed of the pseudo-random choices (default 1)
  -h, --help             print this help

Exit codes: 0 written, 1 the folder could not be written, 2 usage error.`;

const DEFAULTS = { modules: 1000, versions: 3, deps: 3, 'template-bytes': 2000, seed: 1 };

class UsageError extends Error {}

function parseArgs(argv) {
  const options = { ...DEFAULTS, out: undefined, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      options.help = true;
      continue;
    }
    const key = arg.startsWith('--') ? arg.slice(2) : '';
    if (key !== 'out' && !(key in DEFAULTS)) throw new UsageError(`unknown argument: ${arg}`);
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
    if (key === 'out') options.out = value;
    else if (!/^\d+$/.test(value)) throw new UsageError(`${arg} takes a non-negative integer, got: ${value}`);
    else options[key] = Number(value);
  }
  if (options.help) return options;
  if (options.out === undefined) throw new UsageError('--out DIR is required');
  if (options.versions < 1) throw new UsageError('--versions must be at least 1');
  return options;
}

/** mulberry32: a 32-bit seeded generator, enough for reproducible synthetic data (not for secrets). */
function seededRandom(seed) {
  let state = seed >>> 0;
  return (below) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * below);
  };
}

const WORDS = ('read the source closely and state its claims plainly keep numbers units and names exact ' +
  'flag anything uncertain prefer short sentences cite the section each point comes from').split(' ');

/** Filler prose of about `bytes` characters around the two placeholders, ending on the word tests look for. */
function templateText(random, bytes) {
  const parts = ['You are a careful technical editor.\n\nDocument:\n{{document}}\n\nReader: {{audience}}\n\n'];
  let length = parts[0].length;
  while (length < bytes) {
    const word = WORDS[random(WORDS.length)] + (random(10) === 0 ? '.\n' : ' ');
    parts.push(word);
    length += word.length;
  }
  parts.push('\nSummary:\n');
  return parts.join('');
}

function manifestYaml({ name, version, description, dependencies, maxLength }) {
  const deps = dependencies.length
    ? 'dependencies:\n' + dependencies.map((d) => `  - { name: ${d.name}, version: "${d.range}" }\n`).join('')
    : '';
  return `module:
  name: ${name}
  version: "${version}"
  description: ${description}
  tags: [synthetic, generated]
prompt:
  template: template.prompt
  placeholders: [document, audience]
interface:
  intent: Summarize a technical document for a named reader.
  inputs:
    - { name: document, type: technical_document, description: The text to summarize, required: true }
    - { name: audience, type: audience_label, description: Who will read the summary, required: false }
  outputs:
    - { type: structured_summary, description: A short summary }
${deps}tests:
  - name: mentions-summary
    inputs: { document: tests/example.txt, audience: engineers }
    assertions:
      - contains: "Summary"
      - max_length: ${maxLength}
`;
}

/** Python's json.dumps string with ensure_ascii: everything outside U+0020..U+007E as lowercase \\uXXXX. */
const pythonString = (text) =>
  JSON.stringify(text).replace(/[^\x20-\x7e]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));

/** Sorted-walk order: at each folder level its files (by code point) before its subfolders (by name). */
function compareWalkOrder(a, b) {
  const as = a.split('/');
  const bs = b.split('/');
  for (let i = 0; ; i++) {
    const aFile = i === as.length - 1;
    const bFile = i === bs.length - 1;
    if (as[i] !== bs[i] || aFile !== bFile) {
      if (aFile !== bFile) return aFile ? -1 : 1;
      return as[i] < bs[i] ? -1 : 1;
    }
  }
}

/** The manifest bytes `publish` writes for these files (keys sorted, no spaces, one trailing newline). */
function immutableManifest(name, version, files) {
  const entries = Object.keys(files)
    .sort(compareWalkOrder)
    .map((path) => `{"path":${pythonString(path)},"sha256":"${createHash('sha256').update(files[path]).digest('hex')}"}`);
  return `{"algorithm":"sha256","files":[${entries.join(',')}],"name":${pythonString(name)},"version":${pythonString(version)}}\n`;
}

/** Up to `count` distinct lower-numbered modules, in index order, each with a range its versions meet. */
function pickDependencies(random, index, count, versions, nameOf) {
  const chosen = new Map();
  for (let k = 0; k < Math.min(count, index); k++) chosen.set(random(index), `^1.${random(versions)}.0`);
  return [...chosen.keys()].sort((a, b) => a - b).map((i) => ({ name: nameOf(i), range: chosen.get(i) }));
}

function writeRegistry({ out, modules, versions, deps, 'template-bytes': templateBytes, seed }) {
  const random = seededRandom(seed);
  const width = Math.max(5, String(Math.max(0, modules - 1)).length);
  const nameOf = (i) => `module-${String(i).padStart(width, '0')}`;
  let fileCount = 0;
  for (let i = 0; i < modules; i++) {
    const name = nameOf(i);
    const dependencies = pickDependencies(random, i, deps, versions, nameOf);
    for (let v = 0; v < versions; v++) {
      const version = `1.${v}.${v % 2}`;
      const template = templateText(random, templateBytes);
      const example = `Example document for ${name} ${version}.\n`;
      // The rendered text is the template with its placeholders replaced by the test's inputs: never longer than this.
      const maxLength = template.length + example.length + 'engineers'.length;
      const files = {
        'promptpm.yaml': manifestYaml({ name, version, description: `Synthetic module ${i} version ${v}`, dependencies, maxLength }),
        'template.prompt': template,
        'tests/example.txt': example,
      };
      const dir = join(out, 'modules', name, version);
      mkdirSync(join(dir, 'tests'), { recursive: true });
      for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
      writeFileSync(join(dir, '.promptpm_immutable.json'), immutableManifest(name, version, files));
      fileCount += Object.keys(files).length + 1;
    }
  }
  return fileCount;
}

function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`generate-registry: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const out = resolve(options.out);
  if (existsSync(out) && !statSync(out).isDirectory()) {
    console.error(`generate-registry: not a folder: ${out}`);
    return 2;
  }
  if (existsSync(join(out, 'modules'))) {
    console.error(`generate-registry: refusing to write into an existing registry: ${out}`);
    return 2;
  }
  try {
    const files = writeRegistry({ ...options, out });
    console.log(JSON.stringify({ out, modules: options.modules, versions: options.versions, files }));
    return 0;
  } catch (error) {
    console.error(`generate-registry: ${error.message}`);
    return 1;
  }
}

process.exitCode = main();
