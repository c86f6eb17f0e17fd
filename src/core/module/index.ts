// Public API of the module model (docs/module-format.md): loading with full validation, and
// the `init` scaffold. The helpers below are shared with the test runner.
export { loadModule, MANIFEST_TOML, MANIFEST_YAML, type LoadOptions } from './load.js';
export type { ModuleFile } from './folder-contents.js';
export { scaffoldModule, SCAFFOLD_PATHS, type ScaffoldResult } from './scaffold.js';
export type { Assertion, DependencySpec, InputSpec, LoadedModule, ModuleManifest, OutputSpec, TestCase } from './types.js';
export { RULE_ORDER, type DiagnosticCode } from './codes.js';
export { sortDiagnostics } from './diagnostics.js';
export { findPlaceholders, renderPlaceholders, type PlaceholderUse } from './placeholders.js';
export { resolveInputValue, type InputValue } from './input-files.js';
export { compileRegex } from './regex.js';
export { parseStructure, type StructureSpec } from './assertion-kinds.js';
export { isModuleName, isStrictSemver, isValidRange } from './rules.js';
