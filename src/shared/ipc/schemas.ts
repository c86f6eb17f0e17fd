// zod schemas of every value that crosses the IPC boundary. Types are inferred from them, so the
// contract, main's validation, the preload and the renderer's client can never drift apart.
import { z } from 'zod';
import { isModuleName, isStrictSemver } from '../../core/module/name-version.js';

// Names and versions double as path segments in main. Core's own rules (docs/registry-format.md) refuse a bad
// one before any handler runs, so a handler never meets a name or version core would throw on.
const name = z.string().refine(isModuleName, 'not a module name (a letter or digit, then letters, digits and . _ + -, at most 214 characters)');
const version = z.string().refine(isStrictSemver, 'not a semantic version (MAJOR.MINOR.PATCH such as 1.0.0, with an optional -prerelease and +build)');

export const errorCategorySchema = z.enum([
  'VALIDATION_ERROR',
  'TEST_FAILURE',
  'DEPENDENCY_ERROR',
  'PUBLISH_CONFLICT',
  'INTERNAL_ERROR',
]);

/** The core's error object (src/core/errors.ts) as it crosses to the renderer, plus its data. */
export const errorObjectSchema = z.object({
  code: errorCategorySchema,
  message: z.string(),
  hint: z.string(),
  path: z.string(),
  reason: z.string().optional(),
  field: z.string().optional(),
  file: z.string().optional(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorObject = z.infer<typeof errorObjectSchema>;

export const diagnosticSchema = z.object({
  code: z.string(),
  message: z.string(),
  hint: z.string(),
  field: z.string().nullable(),
  file: z.string().nullable(),
  line: z.number().int().nullable(),
  column: z.number().int().nullable(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

export const verificationSchema = z.enum(['ok', 'tampered', 'unreadable', 'unverified']);
export type Verification = z.infer<typeof verificationSchema>;

export const registryInfoSchema = z.object({
  path: z.string(),
  isDefault: z.boolean(),
});
export type RegistryInfo = z.infer<typeof registryInfoSchema>;

export const recentRegistrySchema = z.object({ path: z.string(), exists: z.boolean(), isDefault: z.boolean() });
export type RecentRegistry = z.infer<typeof recentRegistrySchema>;

/** One published version of a package and its last known verification state. */
export const versionStateSchema = z.object({ version: z.string(), verification: verificationSchema });
export type VersionState = z.infer<typeof versionStateSchema>;

export const packageRowSchema = z.object({
  name: z.string(),
  /** Every version, oldest first, each with its own state: the module view needs no other call for them. */
  versions: z.array(versionStateSchema),
  latest: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  /** The worst state among the versions: one tampered version marks the whole row. */
  verification: verificationSchema,
  /** Semantic types of the latest version's inputs and outputs, for search. */
  inputTypes: z.array(z.string()),
  outputTypes: z.array(z.string()),
});
export type PackageRow = z.infer<typeof packageRowSchema>;

/** Most packages one `registry.list` call returns: a page stays small enough to cross IPC at once. */
export const LISTING_PAGE_MAX = 5000;

/**
 * Which page of the listing to send. Without `snapshot` main reads the registry afresh; later pages name
 * the snapshot the first page came from, so the pages of one listing always fit together.
 */
export const listingPageRequestSchema = z.object({
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(LISTING_PAGE_MAX),
  snapshot: z.string().min(1).max(64).optional(),
  /** Progress of a first page's reading (the index rebuilt for a registry opened the first time) goes to this job. */
  jobId: z.string().min(1).max(64).optional(),
});
export type ListingPageRequest = z.infer<typeof listingPageRequestSchema>;

/** A page of the registry listing: packages sorted by name, `offset` to `offset + packages.length`. */
export const listingPageSchema = z.object({
  registry_path: z.string(),
  snapshot: z.string(),
  /** Versions in the whole registry. */
  count: z.number().int(),
  /** Packages in the whole registry. */
  total: z.number().int(),
  offset: z.number().int(),
  packages: z.array(packageRowSchema),
});
export type ListingPage = z.infer<typeof listingPageSchema>;

const inputSpec = z.object({ name: z.string(), type: z.string(), description: z.string(), required: z.boolean() });
const outputSpec = z.object({ type: z.string(), description: z.string(), structure: z.unknown().optional() });
export const moduleInterfaceSchema = z.object({
  intent: z.string(),
  inputs: z.array(inputSpec),
  outputs: z.array(outputSpec),
  preconditions: z.array(z.string()),
  postconditions: z.array(z.string()),
});

export const testCaseSchema = z.object({
  name: z.string(),
  inputs: z.record(z.string(), z.unknown()),
  assertions: z.array(z.object({ kind: z.string(), value: z.unknown() })),
});

export const fileDiffStatusSchema = z.object({
  changed: z.array(z.string()),
  missing: z.array(z.string()),
  extra: z.array(z.string()),
});

export const versionDetailSchema = z.object({
  name: z.string(),
  version: z.string(),
  path: z.string(),
  verification: verificationSchema,
  /** Files that differ from the immutability manifest; empty unless tampered. */
  integrity: fileDiffStatusSchema,
  metadata: z.object({
    description: z.string(),
    license: z.string().nullable(),
    authors: z.array(z.string()),
    tags: z.array(z.string()),
  }),
  interface: moduleInterfaceSchema,
  template: z.object({ path: z.string(), text: z.string(), placeholders: z.array(z.string()) }),
  dependencies: z.array(z.object({ name: z.string(), range: z.string() })),
  tests: z.array(testCaseSchema),
  files: z.array(z.object({ path: z.string(), sha256: z.string() })),
});
export type VersionDetail = z.infer<typeof versionDetailSchema>;

export const assertionResultSchema = z.object({
  assertion_index: z.number().int(),
  assertion_type: z.string(),
  passed: z.boolean(),
  expected: z.string(),
  actual: z.string(),
  message: z.string(),
});
export const testReportSchema = z.object({
  module_path: z.string(),
  total: z.number().int(),
  passed: z.number().int(),
  failed: z.number().int(),
  results: z.array(z.object({ name: z.string(), status: z.enum(['passed', 'failed']), failure_count: z.number().int() })),
  /** Every assertion's outcome, per test in the order of `results`; `test_index` is the test's place in the manifest. */
  cases: z.array(z.object({ name: z.string(), test_index: z.number().int(), assertions: z.array(assertionResultSchema) })),
});
export type TestReport = z.infer<typeof testReportSchema>;

/** One version as verify found it: its state and the files that differ. */
export const versionCheckSchema = z.object({
  name: z.string(),
  version: z.string(),
  status: z.enum(['ok', 'tampered', 'unreadable']),
  changed: z.array(z.string()),
  missing: z.array(z.string()),
  extra: z.array(z.string()),
});

export const verifyReportSchema = z.object({
  registry_path: z.string(),
  total: z.number().int(),
  ok: z.number().int(),
  tampered: z.number().int(),
  unreadable: z.number().int(),
  cancelled: z.boolean(),
  versions: z.array(versionCheckSchema),
  stray: z.array(z.string()),
});
export type VerifyReport = z.infer<typeof verifyReportSchema>;

export interface ResolvedNodeShape {
  name: string;
  version: string;
  range: string;
  verification: Verification;
  children: ResolvedNodeShape[];
}
export const resolvedNodeSchema: z.ZodType<ResolvedNodeShape> = z.lazy(() =>
  z.object({
    name: z.string(),
    version: z.string(),
    range: z.string(),
    verification: verificationSchema,
    children: z.array(resolvedNodeSchema),
  }),
);

/** A resolution either succeeds with a tree or fails with an explained error (CONFLICT, CYCLE, …). */
export const resolutionViewSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), root: resolvedNodeSchema, count: z.number().int() }),
  z.object({
    ok: z.literal(false),
    error: errorObjectSchema,
    /** Plain sentences that explain a failure, most general first. */
    explanation: z.array(z.string()),
  }),
]);
export type ResolutionView = z.infer<typeof resolutionViewSchema>;

export const progressEventSchema = z.object({
  jobId: z.string(),
  phase: z.string(),
  done: z.number().int(),
  total: z.number().int(),
  /** What done and total count (`modules`, `versions`), when given. */
  unit: z.string().optional(),
  current: z.string().optional(),
  /** Versions verified since the previous event, so views fill in their states while the job runs. */
  results: z.array(versionCheckSchema).optional(),
});
export type ProgressEvent = z.infer<typeof progressEventSchema>;

export const appInfoSchema = z.object({ name: z.string(), version: z.string(), platform: z.string() });

export const versionRefSchema = z.object({ name, version });
export const jobIdSchema = z.string().min(1).max(64);
export const moduleNameSchema = name;
export const versionStringSchema = version;
