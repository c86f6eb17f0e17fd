// The files `promptpm init` writes. Name and version stay plain unless YAML 1.1 would read them as something
// else (`no`, `1.0`): yaml-scalar.ts decides.
import { yamlScalar } from './yaml-scalar.js';

export function scaffoldManifest(name: string, version: string): string {
  return `module:
  name: ${yamlScalar(name)}
  version: ${yamlScalar(version)}
  description: Explains a topic in a chosen tone
  authors: []
  tags: [example]
prompt:
  template: template.prompt
  placeholders: [topic, tone]
interface:
  intent: Explain a topic briefly for a general reader.
  inputs:
    - { name: topic, type: text, description: What to explain, required: true }
    - { name: tone, type: style_label, description: Tone of voice, required: false }
  outputs:
    - { type: text.explanation, description: A short explanation }
  preconditions: []
  postconditions: []
dependencies: []
tests:
  - name: example
    inputs: { topic: tests/example.txt, tone: friendly }
    assertions:
      - starts_with: "Explain"
      - contains: "version ranges"
      - max_length: 2000
`;
}

export const SCAFFOLD_TEMPLATE = `Explain the following topic in a {{ tone }} tone, in at most three paragraphs.

Topic:
{{ topic }}

Single braces stay literal, so JSON examples are safe: {"answer": "..."}
`;

export const SCAFFOLD_EXAMPLE_INPUT = 'How a package manager resolves version ranges.\n';
