// The promptpm.yaml of a small module for the e2e specs: each input is required, declared as plain_text and
// listed as a placeholder; one plain_text output.
export function manifest(name: string, version: string, inputs: string[]): string {
  return [
    'module:',
    `  name: ${name}`,
    `  version: ${version}`,
    `  description: The ${name} module`,
    'prompt:',
    '  template: template.prompt',
    `  placeholders: [${inputs.join(', ')}]`,
    'interface:',
    '  intent: Say something useful.',
    '  inputs:',
    ...inputs.map((i) => `    - { name: ${i}, type: plain_text, description: The ${i}, required: true }`),
    '  outputs:',
    '    - { type: plain_text, description: The answer }',
    '',
  ].join('\n');
}
