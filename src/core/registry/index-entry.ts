// One version's index entry: the few manifest fields list and the resolver need. A published version
// validated when it was published, so the fields are read straight from the manifest (parsed by the same
// parsers as the module loader: `yaml` in PyYAML's YAML 1.1 dialect, smol-toml), each checked against the rules of
// §2. Anything those checks do not accept goes through the full module loader instead, which gives an
// empty entry for a manifest that does not validate, marked with its first error (`invalid`).
import { closeSync, constants, openSync, readSync, fstatSync } from 'node:fs';
import { sep } from 'node:path';
import { INPUT_NAME, TYPE_NAME, isModuleName, isStrictSemver, isValidRange } from '../module/rules.js';
import { NOT_PLAIN, readPlainYaml } from '../module/plain-yaml.js';
import { YAML_DIALECT } from '../module/yaml-dialect.js';
import type * as Toml from 'smol-toml';
import type * as Yaml from 'yaml';
import { sameDependencies, sameStrings } from './dependency-lists.js';
import type { Dependency, IndexEntry, InvalidVersion } from './types.js';

export interface StoredVersion extends IndexEntry {
  /** Inode of the version folder: a folder replaced under the same name is rescanned. */
  ino: string;
  /** Manifest file name inside the version folder, or null when none loads. */
  source: string | null;
}

const YAML_FILE = 'promptpm.yaml';
const TOML_FILE = 'promptpm.toml';
const MAX_MANIFEST_BYTES = 8 * 1024 * 1024;
const MAX_ALIASES = 100;

type Mapping = Record<string, unknown>;
type Fields = Omit<StoredVersion, 'ino' | 'source' | 'verification' | 'invalid'>;

const isMapping = (v: unknown): v is Mapping => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};
const field = (m: Mapping, key: string): unknown => (Object.hasOwn(m, key) ? m[key] : undefined);
const nonBlank = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

// One buffer per thread: nearly every manifest fits, and is then read whole by a single read(2), without
// an fstat: a read that stops short of the buffer's end has reached the end of the file.
const SMALL_MANIFEST = 64 * 1024;
const smallBuffer = Buffer.allocUnsafe(SMALL_MANIFEST);

/**
 * The manifest's bytes: 'absent' when there is no such entry, null when it exists but is not a plain
 * readable file. A small manifest comes back in the shared buffer: decode it before reading another.
 */
function readManifest(path: string): Buffer | 'absent' | null {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : null;
  }
  try {
    // A folder fails the read; a FIFO or device reads as empty or fills the buffer, and then the
    // fstat below (or the full loader, for an empty text) refuses it.
    const first = readSync(fd, smallBuffer, 0, SMALL_MANIFEST, null);
    if (first < SMALL_MANIFEST) return smallBuffer.subarray(0, first);
    const st = fstatSync(fd);
    const size = st.size;
    if (!st.isFile() || size > MAX_MANIFEST_BYTES) return null;
    const buf = Buffer.allocUnsafe(size + 1);
    smallBuffer.copy(buf, 0, 0, first);
    let off = first;
    for (let n = 1; n > 0 && off < buf.length; off += n) n = readSync(fd, buf, off, buf.length - off, null);
    // A file that grew past its stat size since is left to the full loader.
    return off > size ? null : buf.subarray(0, off);
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

function textList(v: unknown): string[] | null {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;
}

/** Semantic types of interface inputs (`named`) or outputs, when every item is well formed. */
function types(v: unknown, named: boolean): string[] | null {
  if (!Array.isArray(v)) return null;
  const out: string[] = [];
  const names = new Set<string>();
  for (const item of v) {
    if (!isMapping(item)) return null;
    const type = field(item, 'type');
    if (typeof type !== 'string' || !TYPE_NAME.test(type) || typeof field(item, 'description') !== 'string') return null;
    if (named) {
      const name = field(item, 'name');
      const required = field(item, 'required');
      if (typeof name !== 'string' || !INPUT_NAME.test(name) || names.has(name)) return null;
      if (required !== undefined && typeof required !== 'boolean') return null;
      names.add(name);
    }
    out.push(type);
  }
  return out;
}

// Published manifests repeat a few ranges many times over: each distinct one is parsed once per thread.
const rangeChecks = new Map<string, boolean>();
function validRangeMemo(range: string): boolean {
  let ok = rangeChecks.get(range);
  if (ok === undefined) {
    ok = isValidRange(range);
    if (rangeChecks.size < 10_000) rangeChecks.set(range, ok);
  }
  return ok;
}

function dependencies(v: unknown, self: string): Dependency[] | null {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) return null;
  const out: Dependency[] = [];
  for (const item of v) {
    if (!isMapping(item)) return null;
    const name = field(item, 'name');
    const range = field(item, 'version');
    if (typeof name !== 'string' || !isModuleName(name) || name === self || out.some((d) => d.name === name)) return null;
    if (typeof range !== 'string' || !validRangeMemo(range)) return null;
    out.push({ name, range });
  }
  return out;
}

// Equal lists of tags and types are one array per thread: they repeat across versions and modules, and an
// array a batch of results shares crosses to the main thread once, so a large index holds far fewer
// objects. Keyed by their strings joined with NUL, which no type holds (a tag that does is not shared),
// after the count, so that [] and [''] differ.
const stringLists = new Map<string, string[]>();
function sharedStrings(list: string[]): string[] {
  if (list.some((x) => x.includes('\0'))) return list;
  const key = `${list.length}\0${list.join('\0')}`;
  const found = stringLists.get(key);
  if (found !== undefined) return found;
  if (stringLists.size < 10_000) stringLists.set(key, list);
  return list;
}

/**
 * One kind of list (tags, input types, output types) shared as above, checked first against the last one of its
 * kind: the versions of one module, read one after another, mostly repeat it, and comparing items is cheaper
 * than making the key.
 */
class SharedLists {
  private last: string[] = [];
  of(list: string[]): string[] {
    return sameStrings(list, this.last) ? this.last : (this.last = sharedStrings(list));
  }
}
const [sharedTags, sharedInputTypes, sharedOutputTypes] = [new SharedLists(), new SharedLists(), new SharedLists()];

// Dependency lists mostly differ from module to module, so a table of them costs more than it saves; the
// versions of one module, read one after another, mostly share theirs: equal to the last list read, it is that list.
let lastDependencies: Dependency[] = [];
const sharedDependencies = (list: Dependency[]): Dependency[] => (sameDependencies(list, lastDependencies) ? lastDependencies : (lastDependencies = list));

/** The index fields of a parsed manifest, or null when any of them is not what validation accepts. */
export function indexFields(root: unknown): Fields | null {
  if (!isMapping(root)) return null;
  const mod = field(root, 'module');
  const prompt = field(root, 'prompt');
  const iface = field(root, 'interface');
  if (!isMapping(mod) || !isMapping(prompt) || !isMapping(iface)) return null;
  const name = field(mod, 'name');
  const version = field(mod, 'version');
  const description = field(mod, 'description');
  if (typeof name !== 'string' || !isModuleName(name) || typeof version !== 'string' || !isStrictSemver(version)) return null;
  if (!nonBlank(description) || !nonBlank(field(prompt, 'template')) || !nonBlank(field(iface, 'intent'))) return null;
  const license = field(mod, 'license');
  if (license !== undefined && license !== null && typeof license !== 'string') return null;
  if (textList(field(mod, 'authors')) === null || !Array.isArray(field(prompt, 'placeholders')) || textList(field(prompt, 'placeholders')) === null) return null;
  const tags = textList(field(mod, 'tags'));
  const inputTypes = types(field(iface, 'inputs'), true);
  const outputTypes = types(field(iface, 'outputs'), false);
  const deps = dependencies(field(root, 'dependencies'), name);
  if (tags === null || inputTypes === null || outputTypes === null || deps === null) return null;
  return { description, tags: sharedTags.of(tags), dependencies: sharedDependencies(deps), inputTypes: sharedInputTypes.of(inputTypes), outputTypes: sharedOutputTypes.of(outputTypes) };
}

// The parsers load on first use and are kept: a dynamic import per manifest costs as much as a parse.
let yaml: typeof Yaml | undefined;
let toml: typeof Toml | undefined;

async function parseText(text: string, isToml: boolean): Promise<unknown> {
  if (isToml) return (toml ??= await import('smol-toml')).parse(text, { maxDepth: 100 });
  // Most manifests are plain YAML, read many times faster than a full document; the rest take the parser.
  const plain = readPlainYaml(text);
  if (plain !== NOT_PLAIN) return plain;
  const doc = (yaml ??= await import('yaml')).parseDocument(text, { ...YAML_DIALECT, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) throw doc.errors[0];
  return doc.toJS({ maxAliasCount: MAX_ALIASES });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function quickFields(bytes: Buffer, isToml: boolean): Promise<Fields | null> {
  try {
    return indexFields(await parseText(utf8.decode(bytes), isToml));
  } catch {
    return null;
  }
}

/** Fast path: the fields from the manifest itself; null sends the version to the full loader. */
async function quickEntry(dir: string): Promise<{ source: string; fields: Fields; invalid: null } | null> {
  let source = YAML_FILE;
  let bytes = readManifest(dir + sep + YAML_FILE);
  if (bytes === 'absent') bytes = readManifest(dir + sep + (source = TOML_FILE));
  if (bytes === null || bytes === 'absent') return null;
  const fields = await quickFields(bytes, source === TOML_FILE);
  return fields && { source, fields, invalid: null };
}

/** A file the loader names (absolute), relative to the version folder. */
const inFolder = (dir: string, file: string | null): string | null => (file !== null && file.startsWith(dir + sep) ? file.slice(dir.length + 1) : file);

async function loaderEntry(dir: string): Promise<{ source: string | null; fields: Fields; invalid: InvalidVersion | null }> {
  const { loadModule } = await import('../module/index.js');
  const mod = await loadModule(dir);
  const m = mod.manifest;
  const first = m === null ? mod.errors[0] : undefined;
  return {
    source: inFolder(mod.path, mod.source),
    invalid: first === undefined ? null : { message: first.message, file: inFolder(mod.path, first.file), line: first.line, column: first.column },
    fields: {
      description: m?.module.description ?? '',
      tags: m?.module.tags ?? [],
      dependencies: m?.dependencies.map((d) => ({ name: d.name, range: d.range })) ?? [],
      inputTypes: m?.interface.inputs.map((i) => i.type) ?? [],
      outputTypes: m?.interface.outputs.map((o) => o.type) ?? [],
    },
  };
}

export async function loadEntry(dir: string, ino: string): Promise<StoredVersion> {
  const { source, fields, invalid } = (await quickEntry(dir)) ?? (await loaderEntry(dir));
  return { ino, source, verification: 'unverified', invalid, ...fields };
}

/**
 * The entry from promptpm.yaml's bytes that verify already read and hashed (null when it read none): the
 * same entry `loadEntry` gives, to which anything the fast path does not accept is left.
 */
export async function entryFromYaml(dir: string, ino: string, bytes: Buffer | null): Promise<StoredVersion> {
  const fields = bytes !== null && bytes.length <= MAX_MANIFEST_BYTES ? await quickFields(bytes, false) : null;
  if (fields === null) return loadEntry(dir, ino);
  return { ino, source: YAML_FILE, verification: 'unverified', invalid: null, ...fields };
}
