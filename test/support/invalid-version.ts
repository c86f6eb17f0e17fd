// A published version whose manifest does not validate but whose files are intact, as a tool with other
// rules would have published it: promptpm.yaml is edited and the immutability manifest rewritten to match.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseManifest, serializeManifest } from '../../src/core/registry/manifest.js';

const sha256 = (bytes: string): string => createHash('sha256').update(bytes).digest('hex');

/** Applies `edit` to the version's promptpm.yaml and re-records its hash; returns the new manifest text. */
export function republishManifest(versionDir: string, edit: (yaml: string) => string): string {
  const yaml = edit(readFileSync(join(versionDir, 'promptpm.yaml'), 'utf8'));
  writeFileSync(join(versionDir, 'promptpm.yaml'), yaml);
  const manifestFile = join(versionDir, '.promptpm_immutable.json');
  const manifest = parseManifest(readFileSync(manifestFile, 'utf8'))!;
  const files = manifest.files.map((f) => (f.path === 'promptpm.yaml' ? { path: f.path, sha256: sha256(yaml) } : f));
  writeFileSync(manifestFile, serializeManifest({ ...manifest, files }));
  return yaml;
}

/** The edit the specs use: a required flag that is a string, an error in a field the index keeps. */
export const requiredAsText = (yaml: string): string => yaml.replace('required: true', 'required: "sure"');
