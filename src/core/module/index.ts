// Public API of the module model (docs/module-format.md): loading with full validation, and
// the `init` scaffold. The helpers below are shared with the test runner, which takes the regex engine
// from regex.ts itself: loading a module pulls neither it nor the scaffold's code unless it needs them.
import type { ScaffoldResult } from './scaffold.js';

export { loadModule, MANIFEST_TOML, MANIFEST_YAML, type LoadOptions } from './load.js';
export type { ModuleFile } from './folder-contents.js';
export type { ScaffoldResult };
export type { Assertion, DependencySpec, InputSpec, LoadedModule, ModuleManifest, OutputSpec, TestCase } from './types.js';
export { RULE_ORDER, type DiagnosticCode } from './codes.js';
export { sortDiagnostics } from './diagnostics.js';
export { findPlaceholders, renderPlaceholders, type PlaceholderUse } from './placeholders.js';
export { resolveInputValue, type InputValue } from './input-files.js';
export { parseStructure, type StructureSpec } from './assertion-kinds.js';
export { isModuleName, isStrictSemver, isValidRange } from './rules.js';

export async function scaffoldModule(dir: string, opts?: { name?: string; version?: string }): Promise<ScaffoldResult> {
  return (await import('./scaffold.js')).scaffoldModule(dir, opts);
}
