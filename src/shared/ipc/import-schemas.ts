// zod schemas of bringing module folders into the open registry (core's import API, src/core/import/types.ts):
// what was found in the dropped or chosen folders, the preview of publishing them, and each publish's outcome.
import { z } from 'zod';
import { contractDiffSchema, verdictSchema } from './diff-schemas.js';
import { diagnosticSchema, errorObjectSchema, jobIdSchema, moduleNameSchema, versionStringSchema } from './schemas.js';

const path = z.string().min(1).max(4096);
/** A drop of thousands of folders is refused here, before main looks at any of them. */
export const MAX_IMPORT_PATHS = 1000;

const counts = z.object({ total: z.number().int(), passed: z.number().int(), failed: z.number().int() });

const failureSchema = z.object({
  test_name: z.string(),
  assertion_index: z.number().int(),
  assertion_type: z.string(),
  expected: z.string(),
  actual: z.string(),
  message: z.string(),
});

export const findProblemSchema = z.object({
  code: z.enum(['PATH_NOT_FOUND', 'NOT_A_FOLDER', 'SYMLINK', 'UNREADABLE_FOLDER', 'REGISTRY_FOLDER', 'NO_MODULE_FOUND', 'TOO_MANY_FOLDERS', 'TOO_MANY_MODULES']),
  path: z.string(),
  message: z.string(),
  hint: z.string(),
});

export const importRowSchema = z.object({
  path: z.string(),
  source: z.string().nullable(),
  name: z.string().nullable(),
  version: z.string().nullable(),
  status: z.enum(['ready', 'invalid', 'tests-failed', 'exists', 'duplicate']),
  errors: z.array(diagnosticSchema),
  warnings: z.array(diagnosticSchema),
  tests: counts.nullable(),
  failures: z.array(failureSchema),
  existing: z.enum(['none', 'same-bytes', 'different']),
  existingVersion: z.string().nullable(),
  duplicateOf: z.string().nullable(),
  comparison: z.object({ against: z.string(), contract: contractDiffSchema, verdict: verdictSchema }).nullable(),
  comparisonError: errorObjectSchema.nullable(),
});
export type ImportRowView = z.infer<typeof importRowSchema>;

export const importPreviewSchema = z.object({
  registry_path: z.string(),
  rows: z.array(importRowSchema),
  problems: z.array(findProblemSchema),
  complete: z.boolean(),
});
export type ImportPreviewView = z.infer<typeof importPreviewSchema>;

export const batchResultSchema = z.object({
  registry_path: z.string(),
  modules: z.array(
    z.object({
      path: z.string(),
      name: z.string().nullable(),
      version: z.string().nullable(),
      status: z.enum(['published', 'skipped', 'failed']),
      error: errorObjectSchema.nullable(),
      details: z.record(z.string(), z.unknown()).nullable(),
      published_path: z.string().nullable(),
      tests: counts.nullable(),
    }),
  ),
  published: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  cancelled: z.boolean(),
});
export type BatchResultView = z.infer<typeof batchResultSchema>;

/** Folders the user dropped or chose (main refuses any other), searched for modules. */
export const importRequestSchema = z.object({ jobId: jobIdSchema, paths: z.array(path).min(1).max(MAX_IMPORT_PATHS) });

/** A new module folder from the scaffold, in a folder the user picks in the native dialog. */
export const newModuleRequestSchema = z.object({ name: moduleNameSchema, version: versionStringSchema });
export const newModuleSchema = z.object({ path: z.string() }).nullable();
