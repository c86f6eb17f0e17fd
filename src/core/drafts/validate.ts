// Live validation of unsaved editor text: the draft is copied to a temporary folder with the given manifest
// and template text in place of the saved ones and validated there exactly as `promptpm validate` validates
// (contents included), then every location is mapped back to the draft. Nothing in the draft is written.
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import type { Diagnostic } from '../errors.js';
import { loadModule, MANIFEST_TOML, MANIFEST_YAML } from '../module/index.js';
import { resolveInside } from '../module/paths.js';
import { parseTomlManifest } from '../module/source-toml.js';
import { parseYamlManifest } from '../module/source-yaml.js';

export interface DraftText {
  /** Text of the draft's manifest (promptpm.yaml, or promptpm.toml when that is the one it has). */
  manifestText?: string;
  /** Text of the template the manifest names. */
  templateText?: string;
}

export interface DraftValidation {
  errors: Diagnostic[];
  warnings: Diagnostic[];
}

const exists = (path: string): Promise<boolean> => stat(path).then(() => true, () => false);

/** The template path the manifest text names, inside `dir`, or null when it names none we could write. */
function templateOf(dir: string, manifest: string, text: string): string | null {
  const parsed = manifest === MANIFEST_TOML ? parseTomlManifest(text, manifest) : parseYamlManifest(text, manifest);
  if (!parsed.ok) return null;
  const template = (parsed.doc.value as { prompt?: { template?: unknown } } | null)?.prompt?.template;
  return typeof template === 'string' ? resolveInside(dir, template) : null;
}

export async function validateDraftText(draft: string, text: DraftText = {}): Promise<DraftValidation> {
  if (text.manifestText === undefined && text.templateText === undefined) {
    const mod = await loadModule(draft, { contents: {} });
    return { errors: mod.errors, warnings: mod.warnings };
  }
  const copy = await mkdtemp(join(tmpdir(), 'promptpm-draft-'));
  try {
    // Links are copied as links, so the copy is refused where the draft would be.
    await cp(draft, copy, { recursive: true, verbatimSymlinks: true });
    const manifest = (await exists(join(draft, MANIFEST_TOML))) && !(await exists(join(draft, MANIFEST_YAML))) ? MANIFEST_TOML : MANIFEST_YAML;
    if (text.manifestText !== undefined) await writeFile(join(copy, manifest), text.manifestText);
    const manifestText = text.manifestText ?? (await readFile(join(copy, manifest), 'utf8').catch(() => ''));
    const template = templateOf(copy, manifest, manifestText);
    if (template !== null && text.templateText !== undefined) {
      await mkdir(dirname(template), { recursive: true });
      await writeFile(template, text.templateText);
    }
    const mod = await loadModule(copy, { contents: {} });
    // Messages name folders too (a registry inside the module, a missing manifest): those name the draft as well.
    const back = (d: Diagnostic): Diagnostic => ({ ...d, message: d.message.replaceAll(mod.path, draft), file: d.file === null ? null : inDraft(d.file, mod.path, draft) });
    return { errors: mod.errors.map(back), warnings: mod.warnings.map(back) };
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

function inDraft(file: string, copy: string, draft: string): string {
  if (file === copy) return draft;
  return file.startsWith(copy + sep) ? draft + file.slice(copy.length) : file;
}
