import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { contentTypeOf, resolveAppFile } from '../../../src/main/window/app-files.js';

const root = '/app/out/renderer';

describe('renderer file mapping', () => {
  it('maps / to index.html and paths under the root to files', () => {
    expect(resolveAppFile(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, '/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
    expect(resolveAppFile(root, '/assets/a%20b.css')).toBe(join(root, 'assets/a b.css'));
  });

  it.each(['/../main/index.js', '/assets/../../preload/index.cjs', '/%2e%2e/secret', '/..%2f..%2fetc/passwd', '/a%00b', '/%E0%A4%A', '/..\\x'])('refuses %s', (path) => {
    expect(resolveAppFile(root, path)).toBeNull();
  });

  it('serves scripts and styles with their types', () => {
    expect(contentTypeOf('x.js')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('x.css')).toMatch(/^text\/css/);
    expect(contentTypeOf('x.unknown')).toBe('application/octet-stream');
  });
});
