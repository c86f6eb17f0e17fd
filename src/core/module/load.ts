// loadModule: find the manifest, parse it, and run every rule of §2 in one pass.
// Bad input of any kind becomes diagnostics; nothing here throws for user input.
// A YAML manifest in the plain subset (plain-yaml.ts) is first read without positions, which spares loading
// the full YAML parser; only if a rule then has something to say is it read again, with positions, and the
// rules rerun, so every diagnostic still points at its line and column.
// The TOML parser and the folder-contents walk are loaded only when a manifest or a caller needs them:
// `install` loads an ordinary YAML module and should not pay for either at start-up.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Checker, isMapping } from './checker.js';
import { Diagnostics } from './diagnostics.js';
import type { ModuleFile } from './folder-contents.js';
import { NOT_PLAIN, readPlainYaml } from './plain-yaml.js';
import { readTextFile } from './safe-read.js';
import type { ParseOutcome } from './source.js';
import type { LoadedModule, ModuleManifest } from './types.js';
import { checkDependencies, checkInterface, checkModule, checkPrompt, ROOT_FIELDS } from './validate-sections.js';
import { checkPlaceholders, readTemplate } from './validate-template.js';
import { checkTests } from './validate-tests.js';

export const MANIFEST_YAML = 'promptpm.yaml';
export const MANIFEST_TOML = 'promptpm.toml';

interface Work {
  dir: string;
  source: string | null;
  template: string | null;
  manifest: ModuleManifest | null;
  claimed: LoadedModule['claimed'];
  diagnostics: Diagnostics;
  files?: ModuleFile[];
  /** Whether the manifest must be read with positions (see the top of this file). */
  positions: boolean;
  /** Whether it was read without them. */
  readPlain: boolean;
}

export interface LoadOptions {
  /**
   * Also check the folder's contents as publish copies them (folder-contents.ts), leaving out `registry` (the
   * registry published to) if it lies inside. `validate` and `publish` do; reading a published version does not.
   */
  contents?: { registry?: string };
}

const newWork = (dir: string, positions: boolean): Work => ({
  dir: path.resolve(dir),
  source: null,
  template: null,
  manifest: null,
  claimed: { name: null, version: null },
  diagnostics: new Diagnostics(),
  positions,
  readPlain: false,
});

export async function loadModule(dir: string, opts: LoadOptions = {}): Promise<LoadedModule> {
  let work = newWork(dir, false);
  try {
    await loadInto(work);
    if (work.readPlain && (work.diagnostics.errors.length > 0 || work.diagnostics.warnings.length > 0)) {
      work = newWork(dir, true);
      await loadInto(work);
    }
    if (opts.contents && work.source !== null) await checkContents(work, opts.contents.registry);
  } catch (err) {
    // Reaching this is a bug in a rule; report it as a diagnostic rather than crash the caller.
    work.diagnostics.error({
      code: 'INTERNAL_VALIDATOR_ERROR',
      field: null,
      message: `Validation stopped by an internal error: ${err instanceof Error ? err.message : String(err)}`,
      hint: 'This is a bug in PromptPM; please report it with the module that triggers it.',
      at: { file: work.source, line: null, column: null },
    });
  }
  const { errors, warnings } = work.diagnostics.sorted();
  return { path: work.dir, source: work.source, manifest: errors.length === 0 ? work.manifest : null, claimed: work.claimed, template: work.template, errors, warnings, files: work.files };
}

async function checkContents(work: Work, registry: string | undefined): Promise<void> {
  const contents = (await import('./folder-contents.js')).scanModuleFolder(work.dir, registry);
  contents.errors.forEach((f) => work.diagnostics.error(f));
  contents.warnings.forEach((f) => work.diagnostics.warn(f));
  work.files = contents.files;
}

async function exists(file: string): Promise<boolean> {
  return fs.lstat(file).then(
    () => true,
    () => false,
  );
}

async function findManifest(work: Work): Promise<string | null> {
  const yaml = path.join(work.dir, MANIFEST_YAML);
  const toml = path.join(work.dir, MANIFEST_TOML);
  const [hasYaml, hasToml] = await Promise.all([exists(yaml), exists(toml)]);
  if (hasYaml && hasToml) {
    work.diagnostics.warn({
      code: 'MANIFEST_SHADOWED',
      field: null,
      message: `${MANIFEST_TOML} is ignored because ${MANIFEST_YAML} exists`,
      hint: `Delete one of the two manifests.`,
      at: { file: toml, line: null, column: null },
    });
  }
  if (hasYaml || hasToml) return hasYaml ? yaml : toml;
  const stat = await fs.stat(work.dir).catch(() => null);
  const message = stat?.isDirectory()
    ? `No ${MANIFEST_YAML} or ${MANIFEST_TOML} in ${work.dir}`
    : stat
      ? `Module path is not a folder: ${work.dir}`
      : `Module folder does not exist: ${work.dir}`;
  work.diagnostics.error({ code: 'MANIFEST_NOT_FOUND', field: null, message, hint: 'Run `promptpm init` to create a module, or pass the module folder.', at: { file: null, line: null, column: null } });
  return null;
}

async function readManifest(work: Work, file: string): Promise<ParseOutcome | null> {
  const read = await readTextFile(file);
  const name = path.basename(file);
  const at = { file, line: null, column: null };
  if (read.ok) {
    if (file.endsWith('.toml')) return (await import('./source-toml.js')).parseTomlManifest(read.text, file);
    const plain = work.positions ? NOT_PLAIN : readPlainYaml(read.text);
    work.readPlain = plain !== NOT_PLAIN;
    if (work.readPlain) return { ok: true, doc: { value: plain, locate: () => null }, findings: { errors: [], warnings: [] } };
    return (await import('./source-yaml.js')).parseYamlManifest(read.text, file);
  }
  const p = read.problem;
  const d = work.diagnostics;
  if (p.kind === 'not-utf8') {
    d.error({ code: 'FILE_NOT_UTF8', field: null, message: `${name} is not valid UTF-8`, hint: 'Save the manifest as UTF-8 text.', at: { file, line: p.line, column: p.column } });
  } else if (p.kind === 'too-large') {
    d.error({ code: 'FILE_TOO_LARGE', field: null, message: `${name} is larger than 8 MiB (${p.size} bytes)`, hint: 'A manifest is a small text file; check that this is the right file.', at });
  } else if (p.kind === 'unreadable') {
    d.error({ code: 'FILE_UNREADABLE', field: null, message: `${name} cannot be read: ${p.reason}`, hint: 'Check the file permissions.', at });
  } else {
    const what = p.kind === 'symlink' ? 'a symlink' : p.kind === 'missing' ? 'gone (it was removed while reading)' : 'not a regular file';
    d.error({ code: 'MANIFEST_NOT_FILE', field: null, message: `${name} is ${what}`, hint: 'The manifest must be a regular file inside the module folder.', at });
  }
  return null;
}

async function loadInto(work: Work): Promise<void> {
  const file = await findManifest(work);
  if (!file) return;
  work.source = file;
  const parsed = await readManifest(work, file);
  if (!parsed) return;
  parsed.findings.errors.forEach((f) => work.diagnostics.error(f));
  parsed.findings.warnings.forEach((f) => work.diagnostics.warn(f));
  if (!parsed.ok) return;
  const root = parsed.doc.value;
  if (!isMapping(root)) {
    const empty = root === null || root === undefined;
    work.diagnostics.error({
      code: 'MANIFEST_NOT_MAPPING',
      field: null,
      message: empty ? `${path.basename(file)} is empty` : `${path.basename(file)} must be a mapping of sections, not ${Array.isArray(root) ? 'a list' : 'a single value'}`,
      hint: 'Start from `promptpm init`: the manifest has module, prompt and interface sections.',
      at: { file, line: empty ? null : 1, column: empty ? null : 1 },
    });
    return;
  }
  const c = new Checker(parsed.doc, file, work.diagnostics);
  c.known(root, [], ROOT_FIELDS);
  const module = checkModule(c, root);
  work.claimed = { name: module.name || null, version: module.version || null };
  const prompt = checkPrompt(c, root);
  const { spec, inputsKnown } = checkInterface(c, root);
  const dependencies = checkDependencies(c, root, module.name);
  const template = prompt.template === null ? null : await readTemplate(c, work.dir, prompt.template);
  work.template = template?.text ?? null;
  checkPlaceholders(c, { template, placeholders: prompt.placeholders, listed: prompt.listed, inputs: inputsKnown ? spec.inputs : null });
  const tests = await checkTests(c, root, work.dir, inputsKnown ? spec.inputs : null);
  work.manifest = {
    module,
    prompt: { template: prompt.template ?? '', placeholders: prompt.placeholders },
    interface: spec,
    dependencies,
    tests,
  };
}
