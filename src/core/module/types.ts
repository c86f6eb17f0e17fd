// The normalized module model every other layer reads. Only loadModule builds it, and only for a
// module that validated without errors.
import type { Diagnostic } from '../errors.js';
import type { ModuleFile } from './folder-contents.js';

export interface InputSpec {
  name: string;
  type: string;
  description: string;
  required: boolean;
}

export interface OutputSpec {
  type: string;
  description: string;
  structure?: unknown;
}

export interface Assertion {
  kind: string;
  value: unknown;
}

export interface TestCase {
  name: string;
  inputs: Record<string, unknown>;
  assertions: Assertion[];
}

export interface DependencySpec {
  name: string;
  range: string;
}

export interface ModuleManifest {
  module: {
    name: string;
    version: string;
    description: string;
    license: string | null;
    authors: string[];
    tags: string[];
  };
  prompt: { template: string; placeholders: string[] };
  interface: {
    intent: string;
    inputs: InputSpec[];
    outputs: OutputSpec[];
    preconditions: string[];
    postconditions: string[];
  };
  dependencies: DependencySpec[];
  tests: TestCase[];
}

export interface LoadedModule {
  /** Absolute module folder. */
  path: string;
  /** Absolute manifest file, or null when none was found. */
  source: string | null;
  /** Null whenever `errors` is not empty. */
  manifest: ModuleManifest | null;
  /** `module.name` and `module.version` as written, when each is text, even if the module does not validate (import lists them). */
  claimed: { name: string | null; version: string | null };
  /** Template text, or null when it could not be read. */
  template: string | null;
  /** Sorted by file, line, column; unlocated ones last in rule order. */
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** What publish copies, present when the folder's contents were checked (loadModule's `contents`). */
  files?: ModuleFile[];
}
