// zod schemas of a version comparison as it crosses to the renderer (core's VersionDiff, src/core/diff/types.ts;
// the rules behind severities and verdicts are docs/semver-rules.md).
import { z } from 'zod';
import { moduleNameSchema, versionStringSchema } from './schemas.js';

const severity = z.enum(['major', 'minor', 'patch']);
const nullableInt = z.number().int().nonnegative().nullable();

const diffSideSchema = z.object({
  name: z.string(),
  version: z.string(),
  path: z.string(),
  source: z.enum(['registry', 'folder']),
});

const hunkLineSchema = z.object({
  kind: z.enum(['context', 'added', 'removed']),
  text: z.string(),
  oldLine: nullableInt,
  newLine: nullableInt,
  words: z.array(z.object({ text: z.string(), changed: z.boolean() })).nullable(),
});

const fileChangeSchema = z.object({
  path: z.string(),
  from: z.string().nullable(),
  status: z.enum(['added', 'removed', 'changed', 'renamed']),
  content: z.enum(['text', 'binary', 'non-utf8', 'too-large', 'too-costly']),
  oldSize: nullableInt,
  newSize: nullableInt,
  oldSha256: z.string().nullable(),
  newSha256: z.string().nullable(),
  insertions: z.number().int().nonnegative(),
  deletions: z.number().int().nonnegative(),
  oldNewlineAtEnd: z.boolean().nullable(),
  newNewlineAtEnd: z.boolean().nullable(),
  hunks: z.array(
    z.object({
      oldStart: z.number().int(),
      oldLines: z.number().int(),
      newStart: z.number().int(),
      newLines: z.number().int(),
      lines: z.array(hunkLineSchema),
    }),
  ),
});
export type FileChangeView = z.infer<typeof fileChangeSchema>;

export const contractChangeSchema = z.object({
  kind: z.string(),
  severity,
  section: z.string(),
  subject: z.string(),
  field: z.string(),
  message: z.string(),
  before: z.json(),
  after: z.json(),
});
export type ContractChangeView = z.infer<typeof contractChangeSchema>;

export const contractDiffSchema = z.object({
  changes: z.array(contractChangeSchema),
  counts: z.object({ major: z.number().int(), minor: z.number().int(), patch: z.number().int() }),
});

export const verdictSchema = z.object({
  status: z.enum(['ok', 'under-bumped', 'over-bumped', 'not-increased']),
  required: z.enum(['major', 'minor', 'patch', 'none']),
  actual: z.enum(['major', 'minor', 'patch', 'none']),
  minimum: z.string(),
  informational: z.boolean(),
  needing: z.array(contractChangeSchema),
  message: z.string(),
});

export const versionDiffSchema = z.object({
  a: diffSideSchema,
  b: diffSideSchema,
  files: z.object({
    changes: z.array(fileChangeSchema),
    unchanged: z.number().int().nonnegative(),
    insertions: z.number().int().nonnegative(),
    deletions: z.number().int().nonnegative(),
  }),
  contract: contractDiffSchema,
  verdict: verdictSchema,
});
export type VersionDiffView = z.infer<typeof versionDiffSchema>;

/** Two published versions of one module; `a` is the old one. */
export const diffRequestSchema = z.object({ name: moduleNameSchema, a: versionStringSchema, b: versionStringSchema });

/** One changed file of a comparison, by its path in `b` (in `a` when removed) and its old path when renamed. */
export const fileTextsRequestSchema = diffRequestSchema.extend({
  path: z.string().min(1).max(4096),
  from: z.string().min(1).max(4096).nullable().optional(),
});

export const fileTextsSchema = z.object({ before: z.string().nullable(), after: z.string().nullable() });
