// diffVersions, diffFolderAgainstVersion and readFileTexts on a registry published through the core: both sides checked first.
import { appendFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffFolderAgainstVersion, diffVersions } from '../../../src/core/diff/index.js';
import { readFileTexts } from '../../../src/core/diff/file-texts.js';
import { PromptPMError } from '../../../src/core/errors.js';
import { tempDir } from '../registry/helpers.js';
import { SUMMARIZER, summarizerRegistry } from './helpers.js';

async function failure(work: Promise<unknown>): Promise<PromptPMError> {
  const error = await work.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(PromptPMError);
  return error as PromptPMError;
}

describe('diffVersions', () => {
  it('compares two published versions: files, contract and verdict', async () => {
    const registry = await summarizerRegistry();
    const result = await diffVersions(registry, 'summarizer', '1.2.0', '2.0.0');
    expect(result.a).toEqual({ name: 'summarizer', version: '1.2.0', path: join(registry, 'modules/summarizer/1.2.0'), source: 'registry' });
    expect(result.contract.counts.major).toBe(2);
    expect(result.verdict.status).toBe('ok');
  });

  it('refuses a tampered side, naming its files, and an unknown version', async () => {
    const registry = await summarizerRegistry();
    appendFileSync(join(registry, 'modules/summarizer/1.2.0/template.prompt'), 'x');
    const tampered = await failure(diffVersions(registry, 'summarizer', '1.2.0', '1.3.0'));
    expect([tampered.code, tampered.reason, tampered.data?.changed]).toEqual(['DEPENDENCY_ERROR', 'TAMPERED', ['template.prompt']]);
    const missing = await failure(diffVersions(registry, 'summarizer', '1.3.0', '3.0.0'));
    expect([missing.reason, missing.message]).toEqual(['NOT_FOUND', 'Module not found: summarizer@3.0.0']);
  });
});

describe('diffFolderAgainstVersion', () => {
  it('validates the folder first and leaves a registry inside it out of its files', async () => {
    const registry = await summarizerRegistry();
    const folder = join(tempDir(), 'wip');
    cpSync(join(SUMMARIZER, '2.0.0'), folder, { recursive: true });
    cpSync(registry, join(folder, 'local-registry'), { recursive: true });
    const result = await diffFolderAgainstVersion(registry, 'summarizer', '2.0.0', folder);
    expect(result.b).toMatchObject({ version: '2.0.0', source: 'folder', path: folder });
    expect(result.files.changes).toEqual([]);
    expect(result.verdict.status).toBe('ok');

    writeFileSync(join(folder, 'template.prompt'), '{{missing}}\n');
    const invalid = await failure(diffFolderAgainstVersion(registry, 'summarizer', '2.0.0', folder));
    expect([invalid.code, invalid.path, (invalid.data?.errors as unknown[]).length > 0]).toEqual(['VALIDATION_ERROR', folder, true]);
  });

  it('refuses a folder that holds another module', async () => {
    const registry = await summarizerRegistry();
    const error = await failure(diffFolderAgainstVersion(registry, 'other', '1.0.0', join(SUMMARIZER, '1.3.0')));
    expect([error.code, error.reason]).toEqual(['VALIDATION_ERROR', 'NAME_MISMATCH']);
  });
});

describe('readFileTexts', () => {
  it('gives the two texts of one file, each checked against its recorded hash, reading nothing else', async () => {
    const registry = await summarizerRegistry();
    const texts = await readFileTexts(registry, { name: 'summarizer', a: '1.2.0', b: '1.3.0', path: 'template.prompt' });
    expect(texts.before).toBe(readFileSync(join(SUMMARIZER, '1.2.0', 'template.prompt'), 'utf8'));
    expect(texts.after).toBe(readFileSync(join(SUMMARIZER, '1.3.0', 'template.prompt'), 'utf8'));
    // Another file of the version, removed: the one asked for is still shown as published.
    rmSync(join(registry, 'modules/summarizer/1.3.0/promptpm.yaml'));
    expect((await readFileTexts(registry, { name: 'summarizer', a: '1.2.0', b: '1.3.0', path: 'template.prompt' })).after).toBe(texts.after);
    // The file asked for, changed or removed: refused, naming it.
    appendFileSync(join(registry, 'modules/summarizer/1.2.0/template.prompt'), 'x');
    const changed = await failure(readFileTexts(registry, { name: 'summarizer', a: '1.2.0', b: '1.3.0', path: 'template.prompt' }));
    expect([changed.reason, changed.data?.changed]).toEqual(['TAMPERED', ['template.prompt']]);
    rmSync(join(registry, 'modules/summarizer/1.3.0/template.prompt'));
    const missing = await failure(readFileTexts(registry, { name: 'summarizer', a: '1.3.0', b: '1.3.0', path: 'template.prompt' }));
    expect([missing.reason, missing.data?.missing]).toEqual(['TAMPERED', ['template.prompt']]);
  });
});
