// A mixed batch of dropped folders, shared by the preview and batch-publish tests: good modules, invalid ones,
// failing tests, a version the registry has (identical and not), an under-bumped release, a duplicate inside
// the batch, a symlink inside a module, a file instead of a folder, and a registry folder.
import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { publishModule } from '../../../src/core/registry/index.js';
import { makeModule, tempDir, writeTree } from '../registry/helpers.js';

/** Edits one module file in place (the manifest by default): each replacement must match. */
export function edit(dir: string, replacements: Array<[string, string]>, file = 'promptpm.yaml'): string {
  let text = readFileSync(join(dir, file), 'utf8');
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
    text = text.replace(from, to);
  }
  writeFileSync(join(dir, file), text);
  return dir;
}

export interface MixedBatch {
  registry: string;
  drop: string;
  /** Paths as dropped, in order: the drop folder (holding the module folders) first, then the odd ones. */
  paths: string[];
  folders: Record<
    'good' | 'goodToml' | 'same' | 'changedSame' | 'underBumped' | 'invalid' | 'failing' | 'dupA' | 'dupB' | 'symlinked',
    string
  >;
  file: string;
  otherRegistry: string;
}

export async function mixedBatch(): Promise<MixedBatch> {
  const root = tempDir('promptpm-import-');
  const registry = join(root, 'registry');
  // The registry already has existing@1.0.0, published from this very folder.
  const published = makeModule(join(root, 'published', 'existing'), 'existing', '1.0.0');
  await publishModule(registry, published);

  const drop = join(root, 'drop');
  const at = (name: string) => join(drop, name);
  const folders: MixedBatch['folders'] = {
    good: makeModule(at('good'), 'good', '1.0.0'),
    goodToml: writeTree(at('good-toml'), {
      'promptpm.toml': [
        '[module]',
        'name = "good-toml"',
        'version = "0.1.0"',
        'description = "A module in TOML"',
        '[prompt]',
        'template = "t.prompt"',
        'placeholders = []',
        '[interface]',
        'intent = "Say hi."',
        'inputs = []',
        'outputs = [{ type = "greeting", description = "A greeting" }]',
        '',
      ].join('\n'),
      't.prompt': 'Hi\n',
    }),
    // The same bytes as the published version.
    same: makeModule(at('same'), 'existing', '1.0.0'),
    // Equal in semver precedence to the published 1.0.0, with other content.
    changedSame: edit(makeModule(at('changed-same'), 'existing', '1.0.0+rebuilt'), [['Echo a text.', 'Echo a text, louder.']]),
    // Retyping an input needs a major bump; 1.1.0 is under-bumped.
    underBumped: edit(makeModule(at('under-bumped'), 'existing', '1.1.0'), [['type: plain_text', 'type: rich_text']]),
    invalid: edit(makeModule(at('invalid'), 'broken', 'v1.0.0'), [['intent: Echo a text.', 'intent: 12']]),
    failing: edit(makeModule(at('failing'), 'failing', '1.0.0'), [['contains: "hello"', 'contains: "absent words"']]),
    dupA: makeModule(at('dup-a'), 'dup', '1.0.0'),
    dupB: makeModule(at('dup-b'), 'dup', '1.0.0+other'),
    symlinked: makeModule(at('symlinked'), 'symlinked', '1.0.0'),
  };
  symlinkSync('/etc/hostname', join(folders.symlinked, 'linked.txt'));

  const file = join(root, 'notes.txt');
  writeFileSync(file, 'not a module\n');
  const otherRegistry = join(root, 'other-registry');
  await publishModule(otherRegistry, makeModule(join(root, 'src-other'), 'other', '1.0.0'));
  return { registry, drop, paths: [drop, file, otherRegistry], folders, file, otherRegistry };
}
