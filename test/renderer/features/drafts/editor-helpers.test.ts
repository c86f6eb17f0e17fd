// The editor's reading of the manifest being typed, and where a problem from main's validation is shown.
import { describe, expect, it } from 'vitest';
import { manifestFacts } from '../../../../src/renderer/features/drafts/manifest-facts.js';
import { problemsOf } from '../../../../src/renderer/features/drafts/problems.js';

describe('manifestFacts', () => {
  it('reads the declared inputs, the listed placeholders and the template file', () => {
    const text = 'prompt:\n  template: main.prompt\n  placeholders: [topic]\ninterface:\n  inputs:\n    - { name: topic }\n    - { name: tone }\n';
    expect(manifestFacts(text)).toEqual({ inputs: ['topic', 'tone'], placeholders: ['topic'], template: 'main.prompt' });
  });

  it('falls back while the YAML is half typed', () => {
    expect(manifestFacts('interface: [\n  inputs: {')).toEqual({ inputs: [], placeholders: [], template: 'template.prompt' });
  });
});

describe('problemsOf', () => {
  const diagnostic = { code: 'VALIDATION_ERROR', message: 'm', hint: 'h', field: null, line: 7, column: 5 };
  it('names a file inside the draft, errors before warnings', () => {
    const validation = {
      errors: [{ ...diagnostic, file: '/data/drafts/explainer-0.1.0/template.prompt' }],
      warnings: [{ ...diagnostic, file: null }],
    };
    expect(problemsOf(validation, '/data/drafts/explainer-0.1.0').map((p) => [p.file, p.severity])).toEqual([
      ['template.prompt', 'error'],
      [null, 'warning'],
    ]);
  });
});
